// Runs in: CLI (Node). The demo walks the workflow the way the school would, as the signed-in users
// and through the same service operations the screens call (so every step is checked and audited):
// the ORM lead triages most of the year, drafts replies, the head sends one back and approves it, an
// approved Google reply is posted through the connector after its undo window, another is recorded as
// posted by hand, the namesake is marked "not about us", the DSL takes the safeguarding item, and the
// autumn trolling campaign becomes an incident with its timeline and captured evidence.
import type { CallContext, Service } from '../services'
import type { WorkItem } from '../contract'
import { DAY_MS } from './calendar'
import type { Rng } from './prng'
import { DEMO_USERS } from './school'
import type { DemoContent } from './types'
import { recordIncident } from './incident'

export interface WalkResult {
  triaged: number
  resolved: number
  drafts: {
    posted: number
    recorded: number
    awaiting: number
    inProgress: number
    sentBack: number
  }
  incidentId: number | null
  evidenceMentionId: number | null
  notAboutUs: number
  notes: string[]
}

export interface WalkDeps {
  service: Service
  schoolId: number
  content: DemoContent
  rng: Rng
  evidenceUrl: string
  /** Moves the post queue's clock past the undo window and posts what is due. */
  passUndoWindow: () => Promise<void>
  log: (line: string) => void
}

export async function signInAll(service: Service): Promise<Record<string, CallContext>> {
  const out: Record<string, CallContext> = {}
  for (const u of DEMO_USERS) {
    const ctx = { actor: 'demo', session: `demo-${u.role}` }
    await service.call('auth.signIn', { email: u.email, password: u.password }, ctx)
    out[u.role] = ctx
  }
  return out
}

async function everything(
  service: Service,
  schoolId: number,
  as: CallContext,
): Promise<WorkItem[]> {
  const all: WorkItem[] = []
  let beforeId: number | undefined
  do {
    const page = await service.call(
      'inbox.list',
      {
        schoolId,
        state: 'all',
        includeSnoozed: true,
        limit: 500,
        ...(beforeId ? { beforeId } : {}),
      },
      as,
    )
    all.push(...page.items)
    beforeId = page.nextBeforeId ?? undefined
  } while (beforeId)
  return all
}

const label = (m: WorkItem) => m.analysis?.sentiment.label ?? 'neutral'
const has = (m: WorkItem, flag: string) => (m.analysis?.flags ?? []).includes(flag as never)

export async function walkWorkflow(d: WalkDeps): Promise<WalkResult> {
  const { service, schoolId, content, rng, log } = d
  const who = await signInAll(service)
  const result: WalkResult = {
    triaged: 0,
    resolved: 0,
    drafts: { posted: 0, recorded: 0, awaiting: 0, inProgress: 0, sentBack: 0 },
    incidentId: null,
    evidenceMentionId: null,
    notAboutUs: 0,
    notes: [],
  }
  // The ORM lead's view: safeguarding items come back restricted, as the screens show them.
  const items = await everything(service, schoolId, who.orm_lead)

  // The namesake in Tasmania: "not about us", which teaches the school's exclusions.
  const namesake = items.find((m) => m.title === content.story.namesake)
  if (namesake) {
    const r = await service.call(
      'mentions.notAboutUs',
      { id: namesake.id, term: 'Tasmania' },
      who.orm_lead,
    )
    result.notAboutUs = r.hidden
  }

  // The safeguarding item goes to the DSL, who escalates it and keeps it.
  const safeguarding = (await everything(service, schoolId, who.dsl)).filter(
    (m) => m.text === content.story.safeguarding,
  )
  const dsl = (await service.call('users.list', {}, who.head)).find((u) => u.role === 'dsl')
  if (safeguarding.length) {
    await service.call(
      'mentions.triage',
      {
        ids: safeguarding.map((m) => m.id),
        state: 'triaged',
        outcome: 'escalate',
        ...(dsl ? { assigneeId: dsl.id } : {}),
      },
      who.dsl,
    )
    result.triaged += safeguarding.length
  }

  // Triage: most of the year is done; the last fortnight is left for the daily check.
  const trolling = new Set(content.story.trolling)
  const recentFrom = Date.parse(content.now) - 14 * DAY_MS
  const groups = new Map<string, number[]>()
  for (const m of items) {
    if (
      m.restricted ||
      m.duplicateOf !== null ||
      m.id === namesake?.id ||
      safeguarding.some((s) => s.id === m.id)
    )
      continue
    const when = Date.parse(m.publishedAt ?? m.firstSeenAt)
    if (when >= recentFrom ? !rng.chance(0.3) : !rng.chance(0.85)) continue
    let key: string
    if (trolling.has(m.text) || has(m, 'abuse') || has(m, 'threat') || has(m, 'impersonation'))
      key = 'triaged:escalate'
    else if (label(m) === 'negative' || has(m, 'complaint') || has(m, 'question'))
      key = 'triaged:respond'
    else if (label(m) === 'positive')
      key = rng.chance(0.6) ? 'resolved:no_action' : 'triaged:respond'
    else key = rng.chance(0.5) ? 'resolved:no_action' : 'triaged:monitor'
    groups.set(key, [...(groups.get(key) ?? []), m.id])
  }
  for (const [key, ids] of groups) {
    const [state, outcome] = key.split(':') as [
      'triaged' | 'resolved',
      'no_action' | 'monitor' | 'respond' | 'escalate',
    ]
    for (let i = 0; i < ids.length; i += 500) {
      await service.call(
        'mentions.triage',
        { ids: ids.slice(i, i + 500), state, outcome },
        who.orm_lead,
      )
    }
    result.triaged += ids.length
    if (state === 'resolved') result.resolved += ids.length
  }
  log(`Triaged ${result.triaged} mention(s), ${result.resolved} of them resolved with no action.`)

  await walkDrafts(d, who, items, trolling, result)

  const incident = await recordIncident(
    d,
    who,
    items.filter((m) => trolling.has(m.text)),
  )
  result.incidentId = incident.incidentId
  result.evidenceMentionId = incident.evidenceMentionId
  result.notes.push(...incident.notes)
  return result
}

async function walkDrafts(
  d: WalkDeps,
  who: Record<string, CallContext>,
  items: WorkItem[],
  trolling: Set<string>,
  result: WalkResult,
): Promise<void> {
  const { service, log } = d
  const open = items.filter(
    (m) => !m.restricted && m.duplicateOf === null && !trolling.has(m.text) && m.text.length > 40,
  )
  const pick = (kind: string, sentiment: string) =>
    open
      .filter((m) => m.sourceKind === kind && label(m) === sentiment)
      .sort((a, b) => b.id - a.id)[0]
  const draftFor = async (m: WorkItem, situation: 'complaint' | 'praise' | 'question') => {
    const [draft] = await service.call(
      'drafts.generate',
      { mentionId: m.id, situation },
      who.orm_lead,
    )
    return draft
  }
  const submit = (id: number, version: number) =>
    service.call('drafts.submit', { id, version }, who.orm_lead)
  const decide = (id: number, version: number, decision: 'approved' | 'sent_back', note = '') =>
    service.call('drafts.decide', { id, version, decision, note }, who.head)

  // 1. A Google complaint: sent back once with a note, reworded, approved, posted through the connector.
  const complaint = pick('google_business', 'negative')
  if (complaint) {
    let draft = await draftFor(complaint, 'complaint')
    draft = await submit(draft.id, draft.version)
    draft = await decide(
      draft.id,
      draft.version,
      'sent_back',
      'Please thank them for raising it before anything else, and keep it shorter.',
    )
    result.drafts.sentBack++
    const body = `Thank you for raising this with us. ${draft.body}`
    draft = await service.call(
      'drafts.update',
      { id: draft.id, body, version: draft.version },
      who.orm_lead,
    )
    draft = await submit(draft.id, draft.version)
    draft = await decide(draft.id, draft.version, 'approved', 'Thank you, that reads well.')
    await service.call('drafts.post', { id: draft.id }, who.orm_lead)
    log(
      'A Google reply is queued with its 30-second undo window; moving the queue’s clock past it…',
    )
    await d.passUndoWindow()
    const after = await service.call('mentions.get', { id: complaint.id }, who.orm_lead)
    if (after.drafts.some((x) => x.status === 'posted')) result.drafts.posted++
    else
      result.notes.push(
        `The Google reply did not post: ${after.drafts
          .map((x) => x.postError)
          .filter(Boolean)
          .join('; ')}`,
      )
    await service.call(
      'mentions.triage',
      { ids: [complaint.id], state: 'resolved', outcome: 'respond' },
      who.orm_lead,
    )
  }

  // 2. A Google thank-you, approved first time and posted through the connector too.
  const praise = pick('google_business', 'positive')
  if (praise) {
    let draft = await draftFor(praise, 'praise')
    draft = await submit(draft.id, draft.version)
    draft = await decide(draft.id, draft.version, 'approved')
    await service.call('drafts.post', { id: draft.id }, who.orm_lead)
    await d.passUndoWindow()
    const after = await service.call('mentions.get', { id: praise.id }, who.orm_lead)
    if (after.drafts.some((x) => x.status === 'posted')) result.drafts.posted++
  }

  // 3. Praise on X: no connector posts there, so the ORM lead posts by hand and records the reply's address.
  const xPraise = pick('x', 'positive')
  if (xPraise) {
    let draft = await draftFor(xPraise, 'praise')
    draft = await submit(draft.id, draft.version)
    draft = await decide(draft.id, draft.version, 'approved')
    await service.call(
      'drafts.recordPosted',
      { id: draft.id, url: `https://x.com/hollowmere_cofe/status/${xPraise.externalId}1` },
      who.orm_lead,
    )
    result.drafts.recorded++
    await service.call(
      'mentions.triage',
      { ids: [xPraise.id], state: 'resolved', outcome: 'respond' },
      who.orm_lead,
    )
  }

  // 4. A Facebook complaint waits in the head's approvals queue; 5. a question's answer is still a draft.
  const fbComplaint = pick('facebook', 'negative') ?? pick('mumsnet', 'negative')
  if (fbComplaint) {
    const draft = await draftFor(fbComplaint, 'complaint')
    await submit(draft.id, draft.version)
    result.drafts.awaiting++
  }
  const question = open
    .filter((m) => (m.analysis?.flags ?? []).includes('question') && m.id !== fbComplaint?.id)
    .sort((a, b) => b.id - a.id)[0]
  if (question) {
    await draftFor(question, 'question')
    result.drafts.inProgress++
  }
  log(
    `Drafts: ${result.drafts.posted} posted through Google, ${result.drafts.recorded} recorded as posted by hand, ${result.drafts.awaiting} awaiting the head, ${result.drafts.inProgress} in progress.`,
  )
}
