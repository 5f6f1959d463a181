// Runs in: renderer. The editable shape of a source in the form, and its conversion to the contract's input.
import {
  DEFAULT_INTERVAL_MINUTES,
  DEFAULT_WIKI_API,
  type Source,
  type SourceInput,
} from '@contract'

export type EditableKind = 'feed' | 'wikipedia'

export interface SourceDraft {
  kind: EditableKind
  name: string
  schoolId: number | null
  intervalMinutes: number | null
  url: string
  pages: string[]
  searchTerms: string[]
  apiUrl: string
  watchTalkPages: boolean
  allowPrivateNetwork: boolean
}

export function emptySourceDraft(
  kind: EditableKind = 'feed',
  schoolId: number | null = null,
): SourceDraft {
  return {
    kind,
    name: '',
    schoolId,
    intervalMinutes: DEFAULT_INTERVAL_MINUTES[kind],
    url: '',
    pages: [],
    searchTerms: [],
    apiUrl: DEFAULT_WIKI_API,
    watchTalkPages: true,
    allowPrivateNetwork: false,
  }
}

export function draftFromSource(s: Source): SourceDraft {
  const c = s.config as Record<string, unknown>
  const d = emptySourceDraft(s.kind === 'wikipedia' ? 'wikipedia' : 'feed', s.schoolId)
  return {
    ...d,
    name: s.name,
    intervalMinutes: s.intervalMinutes,
    url: typeof c.url === 'string' ? c.url : '',
    pages: Array.isArray(c.pages) ? c.pages.map(String) : [],
    searchTerms: Array.isArray(c.searchTerms) ? c.searchTerms.map(String) : [],
    apiUrl: typeof c.apiUrl === 'string' ? c.apiUrl : DEFAULT_WIKI_API,
    watchTalkPages: c.watchTalkPages !== false,
    allowPrivateNetwork: c.allowPrivateNetwork === true,
  }
}

export function inputFromDraft(d: SourceDraft): SourceInput {
  const common = {
    name: d.name,
    schoolId: d.schoolId,
    intervalMinutes: d.intervalMinutes ?? undefined,
  }
  const allowPrivateNetwork = d.allowPrivateNetwork || undefined
  if (d.kind === 'wikipedia') {
    return {
      kind: 'wikipedia',
      ...common,
      config: {
        apiUrl: d.apiUrl,
        pages: d.pages,
        searchTerms: d.searchTerms,
        watchTalkPages: d.watchTalkPages,
        allowPrivateNetwork,
      },
    }
  }
  return { kind: 'feed', ...common, config: { url: d.url.trim(), allowPrivateNetwork } }
}
