// Runs in: Vitest (Node). Reply drafts from writing to posting: drafts generated for a complaint, the
// policy check refusing a draft that names a pupil or carries pasted HTML, send back with a note and
// resubmit, an edit withdrawing an approval, two heads approving at once (one wins), drafts outliving
// their mention, and posting: through a connector after the 30-second undo window (fake poster, fake
// clock), a failed post, and the manual route with the reply's address recorded by hand.
import { describe, expect, it } from 'vitest'
import type { PostTarget } from '../../src-main/workflow/posting'
import { UNDO_WINDOW_MS } from '../../src-main/workflow/posting'
import {
  auditRows,
  COMPLAINTS_URL,
  workflowFixture,
  type WorkflowFixture,
} from '../helpers/workflow'

const COMPLAINT = 'The queue at pick-up is chaos and nobody ever answers the office phone.'
const NEGATIVE = {
  sentiment: { label: 'negative' as const, score: -0.6 },
  flags: ['complaint'],
  priority: 'normal' as const,
}
const CLEAN =
  'Thank you for getting in touch, and we are sorry you are unhappy. Please contact the office ' +
  'privately on 01632 960123 so we can talk it through.\nMrs Okafor, Headteacher'

/** A fixture whose poster records what it was asked to post, and can be told to fail. */
async function posting() {
  const posted: PostTarget[] = []
  let failWith: string | null = null
  const f = await workflowFixture({
    post: async (target) => {
      posted.push(target)
      if (failWith) throw new Error(failWith)
      return { url: `${target.mention.url}#reply` }
    },
  })
  return { ...f, posted, fail: (message: string | null) => (failWith = message) }
}

async function people(f: WorkflowFixture) {
  const lead = await f.signIn('orm_lead', { name: 'Olu Lead' })
  const head = await f.signIn('head', { name: 'Helen Okafor' })
  return { lead, head }
}

/** A complaint on the given source, a clean draft on it, submitted and approved. */
async function approvedDraft(f: WorkflowFixture, sourceId?: number) {
  const { lead, head } = await people(f)
  const mentionId = f.mention(COMPLAINT, NEGATIVE, { sourceId })
  const d = await f.service.call(
    'drafts.create',
    { mentionId, situation: 'complaint', body: CLEAN },
    lead,
  )
  await f.service.call('drafts.submit', { id: d.id, version: 1 }, lead)
  const approved = await f.service.call(
    'drafts.decide',
    { id: d.id, version: 1, decision: 'approved' },
    head,
  )
  expect(approved.status).toBe('approved')
  return { lead, head, mentionId, draft: approved }
}

describe('writing drafts', () => {
  it('generates complaint replies from the templates, filled from the school profile', async () => {
    const f = await workflowFixture()
    const { lead } = await people(f)
    const reviews = f.source('google_business', 'Google reviews')
    const mentionId = f.mention(COMPLAINT, NEGATIVE, { sourceId: reviews.id })
    const drafts = await f.service.call('drafts.generate', { mentionId }, lead)
    expect(drafts.length).toBeGreaterThanOrEqual(1)
    for (const d of drafts) {
      expect(d).toMatchObject({
        mentionId,
        situation: 'complaint',
        platform: 'google',
        status: 'draft',
        version: 1,
        createdBy: 'Olu Lead',
        check: { ok: true, issues: [] },
        route: { kind: 'connector' },
        versions: [{ version: 1, by: 'Olu Lead' }],
      })
      expect(d.body).toContain('01632 960123')
      expect(d.body).toContain(COMPLAINTS_URL)
      expect(d.body).not.toMatch(/\[[^\]]+\]/) // no gaps left to fill
    }
    const created = auditRows(f).filter((r) => r.action === 'draft.create')
    expect(created.map((r) => Number(r.entity_id))).toEqual(drafts.map((d) => d.id))
    const detail = await f.service.call('mentions.get', { id: mentionId }, lead)
    expect(detail.situations[0]).toBe('complaint')
    expect(detail.drafts.map((d) => d.id)).toEqual(drafts.map((d) => d.id))
  })

  it('refuses to submit a draft that names a pupil or carries HTML, giving the policy reasons', async () => {
    const f = await workflowFixture()
    const { lead } = await people(f)
    const mentionId = f.mention(COMPLAINT, NEGATIVE)
    const body =
      'Thank you for your message. Oliver Smith in Year 4 was <b>not</b> involved.\nMrs Okafor, Headteacher'
    const d = await f.service.call(
      'drafts.create',
      { mentionId, situation: 'complaint', body },
      lead,
    )
    expect(d.check.ok).toBe(false)
    expect(new Set(d.check.issues.map((i) => i.code))).toEqual(new Set(['pupil_named', 'markup']))
    const pupil = d.check.issues.find((i) => i.code === 'pupil_named')!
    expect(body.slice(pupil.start, pupil.end)).toContain('Oliver Smith')

    const r = await f.service.dispatch('drafts.submit', { id: d.id, version: 1 }, lead)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'body' } })
    const message = !r.ok ? r.error.message : ''
    expect(message).toMatch(/^The policy check found 3 problems: /)
    expect(message).toContain('This names a child.')
    expect(message).toContain('This looks like HTML from pasted rich text.')
    expect(f.store.drafts.get(d.id)?.status).toBe('draft')
    expect(auditRows(f).some((e) => e.action === 'draft.submit')).toBe(false)
  })

  it('flags pasted HTML (tags and entities) as markup', async () => {
    const f = await workflowFixture()
    const { lead } = await people(f)
    const mentionId = f.mention(COMPLAINT, NEGATIVE)
    // Rich text pasted from an email: a bold word and a non-breaking space.
    const pasted = CLEAN.replace('sorry', '<b>sorry</b>').replace('Please', '&#160;Please')
    const d = await f.service.call(
      'drafts.create',
      { mentionId, situation: 'complaint', body: pasted },
      lead,
    )
    expect(d.check.ok).toBe(false)
    expect(d.check.issues.map((i) => [i.code, pasted.slice(i.start, i.end)])).toEqual([
      ['markup', '<b>'],
      ['markup', '</b>'],
      ['markup', '&#160;'],
    ])
    // The same words as plain text pass.
    const plain = await f.service.call('drafts.update', { id: d.id, version: 1, body: CLEAN }, lead)
    expect(plain.check).toEqual({ ok: true, issues: [] })
  })
})

describe("the head's approval", () => {
  it('sends back with a note (required), the writer edits, resubmits, and the head approves', async () => {
    const f = await workflowFixture()
    const { lead, head } = await people(f)
    const mentionId = f.mention(COMPLAINT, NEGATIVE)
    const [draft] = await f.service.call('drafts.generate', { mentionId }, lead)

    const submitted = await f.service.call('drafts.submit', { id: draft.id, version: 1 }, lead)
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'Olu Lead' })
    const waiting = await f.service.call('approvals.list', {}, head)
    expect(waiting.map((a) => [a.draft.id, a.mention?.id])).toEqual([[draft.id, mentionId]])
    expect(waiting[0].mention?.pendingDrafts).toBe(1)

    const noNote = await f.service.dispatch(
      'drafts.decide',
      { id: draft.id, version: 1, decision: 'sent_back', note: '   ' },
      head,
    )
    expect(noNote).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'note' } })
    expect(f.store.drafts.get(draft.id)?.status).toBe('submitted')

    const note = 'Please leave out the complaints procedure for now.'
    const back = await f.service.call(
      'drafts.decide',
      { id: draft.id, version: 1, decision: 'sent_back', note },
      head,
    )
    expect(back).toMatchObject({
      status: 'sent_back',
      decisions: [{ decision: 'sent_back', version: 1, note, by: 'Helen Okafor' }],
    })
    expect(await f.service.call('approvals.list', {}, head)).toEqual([])

    const v2body = CLEAN
    const edited = await f.service.call(
      'drafts.update',
      { id: draft.id, version: 1, body: v2body },
      lead,
    )
    expect(edited).toMatchObject({ version: 2, status: 'draft', body: v2body })
    expect(edited.versions.map((v) => [v.version, v.body])).toEqual([
      [1, draft.body],
      [2, v2body],
    ])
    // Submitting the words the head saw before is refused: they are not the current ones.
    expect(
      await f.service.dispatch('drafts.submit', { id: draft.id, version: 1 }, lead),
    ).toMatchObject({ ok: false, error: { code: 'conflict', field: 'version' } })

    await f.service.call('drafts.submit', { id: draft.id, version: 2 }, lead)
    const approved = await f.service.call(
      'drafts.decide',
      { id: draft.id, version: 2, decision: 'approved' },
      head,
    )
    expect(approved.status).toBe('approved')
    expect(approved.decisions.map((d) => [d.decision, d.version, d.by])).toEqual([
      ['sent_back', 1, 'Helen Okafor'],
      ['approved', 2, 'Helen Okafor'],
    ])
    expect(
      auditRows(f)
        .filter((r) => r.entity === 'draft' && Number(r.entity_id) === draft.id)
        .map((r) => [r.action, r.actor]),
    ).toEqual([
      ['draft.create', lead.email],
      ['draft.submit', lead.email],
      ['draft.sent_back', head.email],
      ['draft.edit', lead.email],
      ['draft.submit', lead.email],
      ['draft.approved', head.email],
    ])
  })

  it('an edit after approval withdraws it: back to draft, with a new version', async () => {
    const f = await workflowFixture()
    const { lead, draft } = await approvedDraft(f, f.source('google_business').id)
    const body = `${CLEAN.split('\n')[0]} We are sorry for the wait.\nMrs Okafor, Headteacher`
    const edited = await f.service.call('drafts.update', { id: draft.id, version: 1, body }, lead)
    expect(edited).toMatchObject({ status: 'draft', version: 2, body })
    // The approval stays in the record, for the words it was given to.
    expect(edited.decisions).toMatchObject([{ decision: 'approved', version: 1 }])
    expect(edited.versions.map((v) => v.version)).toEqual([1, 2])
    const edit = auditRows(f).find((r) => r.action === 'draft.edit')!
    expect(JSON.parse(edit.detail_json)).toEqual({
      fromVersion: 1,
      toVersion: 2,
      wasStatus: 'approved',
    })
    // Nothing unapproved can be posted.
    expect(await f.service.dispatch('drafts.post', { id: draft.id }, lead)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'This draft is a draft: only approved replies can be posted.',
      },
    })
  })

  it('two heads approving the same version at once: exactly one wins, the other is told', async () => {
    const f = await workflowFixture()
    const { lead } = await people(f)
    const second = await f.signIn('head', { name: 'Harry Deputy' })
    const first = (await f.service.call('users.list', undefined, lead)).find(
      (u) => u.displayName === 'Helen Okafor',
    )!
    const firstCtx = { actor: 'window', session: 'helen' }
    await f.service.call(
      'auth.signIn',
      { email: first.email, password: 'correct horse battery' },
      firstCtx,
    )
    const mentionId = f.mention(COMPLAINT, NEGATIVE)
    const d = await f.service.call(
      'drafts.create',
      { mentionId, situation: 'complaint', body: CLEAN },
      lead,
    )
    await f.service.call('drafts.submit', { id: d.id, version: 1 }, lead)

    const approve = { id: d.id, version: 1, decision: 'approved' }
    const results = await Promise.all([
      f.service.dispatch('drafts.decide', approve, firstCtx),
      f.service.dispatch('drafts.decide', approve, second),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const lost = results.find((r) => !r.ok)
    expect(lost).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } })
    expect(!lost?.ok && lost?.error.message).toMatch(
      /^This draft is already approved by (Helen Okafor|Harry Deputy) at \d\d:\d\d\.$/,
    )
    const view = await f.service.call('mentions.get', { id: mentionId }, lead)
    expect(view.drafts[0].decisions).toHaveLength(1)
    expect(auditRows(f).filter((r) => r.action === 'draft.approved')).toHaveLength(1)
  })

  it('keeps drafts when their mention is deleted, and refuses to submit them', async () => {
    const f = await workflowFixture()
    const { lead, head } = await people(f)
    const mentionId = f.mention(COMPLAINT, NEGATIVE)
    const drafts = await f.service.call('drafts.generate', { mentionId }, lead)
    expect(await f.service.call('mentions.delete', { id: mentionId }, lead)).toEqual({
      id: mentionId,
      draftsKept: drafts.length,
    })
    expect(f.store.mentions.get(mentionId)).toBeUndefined()
    for (const d of drafts)
      expect(f.store.drafts.get(d.id)).toMatchObject({ mention_id: null, status: 'draft' })

    const r = await f.service.dispatch('drafts.submit', { id: drafts[0].id, version: 1 }, lead)
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } })
    expect(!r.ok && r.error.message).toContain('was deleted')
    expect(f.store.drafts.get(drafts[0].id)?.status).toBe('draft')
    expect(await f.service.call('approvals.list', {}, head)).toEqual([])
    const deletion = auditRows(f).find((e) => e.action === 'mention.delete')!
    expect(JSON.parse(deletion.detail_json)).toMatchObject({
      draftsKept: drafts.length,
      text: COMPLAINT,
    })
  })
})

describe('posting an approved reply', () => {
  it('through the connector: queued for 30 s, undone, queued again, then posted once', async () => {
    const f = await posting()
    const reviews = f.source('google_business', 'Google reviews')
    const { lead, mentionId, draft } = await approvedDraft(f, reviews.id)
    expect(draft.route).toMatchObject({ kind: 'connector' })
    const t0 = f.clock.now()

    const queued = await f.service.call('drafts.post', { id: draft.id }, lead)
    expect(queued).toMatchObject({
      status: 'approved',
      postAfter: new Date(t0 + UNDO_WINDOW_MS).toISOString(),
    })
    expect(await f.service.dispatch('drafts.post', { id: draft.id }, lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This reply is already queued to post.' },
    })
    // Nothing is due inside the undo window.
    await f.clock.advance(UNDO_WINDOW_MS - 1000)
    expect(await f.service.postQueue.runDue()).toBe(0)
    expect(await f.service.call('drafts.undoPost', { id: draft.id }, lead)).toMatchObject({
      status: 'approved',
      postAfter: null,
    })
    await f.clock.advance(UNDO_WINDOW_MS)
    expect(await f.service.postQueue.runDue()).toBe(0)
    expect(f.posted).toEqual([])

    await f.service.call('drafts.post', { id: draft.id }, lead)
    await f.clock.advance(UNDO_WINDOW_MS)
    expect(await f.service.postQueue.runDue()).toBe(1)
    expect(f.posted).toHaveLength(1)
    expect(f.posted[0]).toMatchObject({
      body: CLEAN,
      mention: { id: mentionId, sourceKind: 'google_business' },
      source: { id: reviews.id, kind: 'google_business' },
    })
    expect(await f.service.postQueue.runDue()).toBe(0)
    expect(f.posted).toHaveLength(1)

    const detail = await f.service.call('mentions.get', { id: mentionId }, lead)
    expect(detail.drafts[0]).toMatchObject({
      status: 'posted',
      postAfter: null,
      postError: null,
      postedUrl: `https://example.net/post/1#reply`,
      postedAt: new Date(f.clock.now()).toISOString(),
    })
    expect(detail.item.sla).toMatchObject({ responded: true })
    expect(detail.item.triage.respondedAt).toBe(new Date(f.clock.now()).toISOString())
    expect(await f.service.dispatch('drafts.undoPost', { id: draft.id }, lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Too late to undo: the reply has been posted.' },
    })
    expect(
      auditRows(f)
        .filter((r) => r.entity === 'draft' && r.action.startsWith('draft.post'))
        .map((r) => [r.action, r.actor]),
    ).toEqual([
      ['draft.post_queued', lead.email],
      ['draft.post_undone', lead.email],
      ['draft.post_queued', lead.email],
      ['draft.posted', 'system:post-queue'],
    ])
  })

  it('a failed post leaves the reply approved, with the error, to try again', async () => {
    const f = await posting()
    const page = f.source('facebook', 'Our Facebook Page')
    const { lead, mentionId, draft } = await approvedDraft(f, page.id)
    f.fail('Facebook said: (#200) Permissions error')
    await f.service.call('drafts.post', { id: draft.id }, lead)
    await f.clock.advance(UNDO_WINDOW_MS)
    expect(await f.service.postQueue.runDue()).toBe(1)
    expect(f.posted).toHaveLength(1)

    const detail = await f.service.call('mentions.get', { id: mentionId }, lead)
    expect(detail.drafts[0]).toMatchObject({
      status: 'approved',
      postAfter: null,
      postError: 'Could not post: Facebook said: (#200) Permissions error',
      postedAt: null,
    })
    expect(detail.item.sla.responded).toBe(false)
    expect(f.logs.join('\n')).toContain('Permissions error')

    f.fail(null)
    await f.service.call('drafts.post', { id: draft.id }, lead)
    await f.clock.advance(UNDO_WINDOW_MS)
    expect(await f.service.postQueue.runDue()).toBe(1)
    expect(f.store.drafts.get(draft.id)).toMatchObject({ status: 'posted', post_error: null })
  })

  it('by hand where there is no connector: post is refused with the steps, and the address is recorded', async () => {
    const f = await posting()
    const { lead, mentionId, draft } = await approvedDraft(f)
    expect(draft.route).toEqual({
      kind: 'manual',
      openUrl: 'https://example.net/post/1',
      label: 'Copy the text, open the post and paste it, then record the address of your reply',
    })
    expect(await f.service.dispatch('drafts.post', { id: draft.id }, lead)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'id',
        message:
          'Copy the text, open the post and paste it, then record the address of your reply.',
      },
    })
    expect(f.store.drafts.get(draft.id)?.post_after).toBeNull()
    expect(
      await f.service.dispatch('drafts.recordPosted', { id: draft.id, url: 'not a link' }, lead),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'url' } })

    const url = 'https://gazette.example/comments/42'
    const recorded = await f.service.call('drafts.recordPosted', { id: draft.id, url }, lead)
    expect(recorded).toMatchObject({ status: 'posted', postedUrl: url })
    const detail = await f.service.call('mentions.get', { id: mentionId }, lead)
    expect(detail.item.sla.responded).toBe(true)
    expect(f.posted).toEqual([])
    // Recorded once: a second record is refused.
    expect(
      await f.service.dispatch('drafts.recordPosted', { id: draft.id, url }, lead),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })
})
