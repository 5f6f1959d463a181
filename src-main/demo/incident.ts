// Runs in: CLI (Node). The autumn trolling campaign as an incident: its posts, reviews and comments
// grouped, a page captured as evidence (screenshot, HTML, text, hashes) from the demo server, and a
// dated timeline: reported to the platforms, a platform's answer, the parent meeting invited, POSH
// contacted, as the policy asks.
import type { CallContext } from '../services'
import type { IncidentEventKind, WorkItem } from '../contract'
import { DAY_MS } from './calendar'
import type { WalkDeps } from './walk'

const HOUR = 3_600_000

export async function recordIncident(
  d: WalkDeps,
  who: Record<string, CallContext>,
  trolling: WorkItem[],
): Promise<{ incidentId: number | null; evidenceMentionId: number | null; notes: string[] }> {
  const { service, schoolId, content, log } = d
  const notes: string[] = []
  const from = Date.parse(content.story.trollingFrom)
  const incident = await service.call(
    'incidents.create',
    {
      schoolId,
      title: 'Autumn trolling campaign against the school and the headteacher',
      summary:
        'Abusive posts, one-star reviews and Page comments from a small group of accounts, naming the ' +
        'headteacher, and an account pretending to be the school. Evidence kept; reported to each platform.',
      mentionIds: trolling.map((m) => m.id),
    },
    who.orm_lead,
  )

  // The evidence the platforms cannot give us: a video page captured in a clean browser.
  let evidenceMentionId: number | null = null
  try {
    const captured = await service.call(
      'capture.url',
      {
        schoolId,
        url: d.evidenceUrl,
        allowPrivateNetwork: true,
        platform: 'TikTok',
        author: content.evidence.author,
        note: 'Video shared in parents’ groups during the campaign (demo page).',
      },
      who.orm_lead,
    )
    evidenceMentionId = captured.mention.id
    await service.call(
      'incidents.addMentions',
      { id: incident.id, mentionIds: [evidenceMentionId] },
      who.orm_lead,
    )
  } catch (e) {
    notes.push(`Evidence capture skipped: ${(e as Error).message}`)
  }

  const at = (days: number, hours = 0) =>
    new Date(Math.min(from + days * DAY_MS + hours * HOUR, Date.now() - HOUR)).toISOString()
  const timeline: Array<{
    kind: IncidentEventKind
    occurredAt: string
    reference: string
    note: string
  }> = [
    {
      kind: 'reported_to_platform',
      occurredAt: at(2, 2),
      reference: 'X report DEMO-X-20417',
      note: 'Reported @hollowmere_truth for targeted harassment and @hollowmereprimary_official for impersonating the school.',
    },
    {
      kind: 'reported_to_platform',
      occurredAt: at(2, 4),
      reference: 'Google review reports DEMO-G-3',
      note: 'Flagged the three one-star reviews as not based on a genuine experience (Business Profile → Report review).',
    },
    {
      kind: 'platform_response',
      occurredAt: at(4, 3),
      reference: 'X report DEMO-X-20417',
      note: 'X suspended the impersonation account. No action yet on the harassment report.',
    },
    {
      kind: 'parent_meeting_invited',
      occurredAt: at(5),
      reference: 'Letter DEMO-L-12',
      note: 'Invited the parent believed to be behind the campaign to meet the head and the chair of governors; pointed to the complaints procedure.',
    },
    {
      kind: 'posh_contacted',
      occurredAt: at(7),
      reference: 'POSH case DEMO-P-0931',
      note: 'Emailed helpline@saferinternet.org.uk with the evidence pack: platform reports tried first, 48 hours without an answer on harassment.',
    },
  ]
  for (const e of timeline)
    await service.call('incidents.addEvent', { id: incident.id, ...e }, who.orm_lead)
  await service.call(
    'mentions.triage',
    { ids: trolling.map((m) => m.id), state: 'triaged', outcome: 'escalate' },
    who.orm_lead,
  )
  log(
    `Incident #${incident.id}: ${trolling.length} mention(s), ${timeline.length} timeline events${evidenceMentionId ? ', evidence captured' : ''}.`,
  )
  return { incidentId: incident.id, evidenceMentionId, notes }
}
