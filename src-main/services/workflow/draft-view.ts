// Runs in: main process and CLI (Node). A stored draft as the screens see it: its versions, the head's
// decisions, how it will be posted, and the policy check run on its current words.
import type { DraftView, Mention, School } from '../../contract'
import type { Store } from '../../store'
import type { DraftRow } from '../../store/repos/drafts'
import { britishSpeller, checkDraft, type DraftSchool, type Speller } from '../../workflow/drafts'
import { postRoute } from '../../workflow/posting/route'

let speller: Speller | null = null
/** The dictionary loads once per process (about 50 ms), on the first check. */
function sharedSpeller(): Speller {
  return (speller ??= britishSpeller())
}

export function draftSchool(store: Store, school: School): DraftSchool {
  return { ...school, complaintsUrl: store.schools.workflow(school.id)?.complaintsUrl || undefined }
}

export function checkBody(
  store: Store,
  d: Pick<DraftRow, 'platform' | 'situation'>,
  body: string,
  school: School,
) {
  return checkDraft(body, {
    school: draftSchool(store, school),
    platform: d.platform,
    situation: d.situation,
    speller: sharedSpeller(),
  })
}

export function draftView(
  store: Store,
  d: DraftRow,
  school: School,
  mention: Mention | undefined,
): DraftView {
  const name = (by: string | null, actor: string) => by ?? (actor || 'someone')
  return {
    id: d.id,
    mentionId: d.mention_id,
    schoolId: d.school_id,
    situation: d.situation,
    platform: d.platform,
    template: d.template,
    body: d.body,
    version: d.version,
    status: d.status,
    check: checkBody(store, d, d.body, school),
    createdBy: name(d.created_by_name, d.creator_actor),
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    submittedBy: d.submitted_by_name ?? (d.submitted_at ? 'the system' : null),
    submittedAt: d.submitted_at,
    decisions: store.drafts.decisions(d.id).map((r) => ({
      decision: r.decision,
      version: r.draft_version,
      note: r.note,
      by: name(r.by_name, r.actor),
      at: r.decided_at,
    })),
    versions: store.drafts.versions(d.id).map((v) => ({
      version: v.version,
      body: v.body,
      by: name(v.by_name, v.actor),
      at: v.created_at,
    })),
    route: postRoute(
      mention?.sourceKind ?? null,
      d.situation,
      mention?.url ?? null,
      d.moderation ?? null,
    ),
    moderation: d.moderation ?? null,
    postAfter: d.post_after,
    postError: d.post_error,
    postedUrl: d.posted_url,
    postedAt: d.posted_at,
  }
}
