// Runs in: main process and CLI (Node). What a pre-Ofsted snapshot says, as data: frozen as JSON with
// each snapshot, rendered to HTML for the PDF, and compared with the previous snapshot.
export interface Counts {
  total: number
  negative: number
  neutral: number
  positive: number
  unanalysed: number
  net: number | null
}

export interface SnapshotFigures {
  version: 1
  school: { id: number; name: string; urn: string; town: string; localAuthority: string }
  period: { from: string; to: string; timeZone: string }
  generatedAt: string
  /** Where the trend figures came from: the trends service, or counted here from the mentions. */
  figuresFrom: 'trends' | 'mentions'
  headline: Counts & { previous: Counts & { from: string; to: string } }
  trend: { bucket: 'day' | 'week' | 'month'; rows: (Counts & { start: string; end: string })[] }
  sources: { name: string; kind: string; total: number }[]
  themes: { label: string; total: number; negative: number; positive: number }[]
  rating: { observedAt: string; rating: number; reviewCount: number | null }[]
  wikipedia: {
    pages: { title: string; status: string }[]
    edits: {
      at: string
      page: string
      editor: string
      sizeDelta: number | null
      reverted: boolean
      summary: string
    }[]
  } | null
  /** Quoted with personal data removed; safeguarding items are never quoted, only counted. */
  notable: {
    at: string
    source: string
    sentiment: string
    flags: string[]
    text: string
    redacted: boolean
  }[]
  safeguardingCount: number
  incidents: {
    title: string
    status: 'open' | 'closed'
    openedAt: string
    closedAt: string | null
    safeguarding: boolean
    mentionCount: number
    timeline: { at: string; action: string; reference: string }[]
  }[]
  sla: {
    rules: {
      label: string
      items: number
      responded: number
      within: number
      late: number
      overdue: number
      waiting: number
    }[]
    responded: number
    within: number
    /** Responded in time / (responded + overdue without a response); null when nothing was due. */
    pctWithin: number | null
    medianHours: number | null
    late: { at: string; rule: string; dueAt: string; respondedAt: string | null }[]
  }
  practice: {
    sources: { name: string; kind: string; everyMinutes: number; enabled: boolean }[]
    approval: string
    slaRules: { label: string; rule: string }[]
    complaintsUrl: string
    workingHours: string
    closures: number
  }
}

export interface PreviousSnapshot {
  id: number
  createdAt: string
  figures: SnapshotFigures
}
