// Runs in: Vitest (Node). Retention: the preview lists exactly what the apply deletes; mentions in an
// incident or under legal hold are kept; the rollups still equal a from-scratch recount; the deleted
// mentions' evidence files leave the disk; the audit event holds counts, never words; only the head
// applies it; legal holds are set by the head or ORM lead, audited, and block any deletion.
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { auditRows, SYSTEM, workflowFixture } from '../helpers/workflow'
import { addMention, recount, rollupSnapshot } from '../trends/helpers'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { evidenceDir, writeEvidence } from '../../src-main/capture/evidence'

const OLD_WORDS = 'Mrs Patel shouted at my son in the car park'

async function retentionFixture() {
  const f = await workflowFixture({ start: '2026-11-23T09:00:00.000Z' })
  const gazette = f.source('feed', 'Hollinbury Gazette')
  const reviews = f.source('google_business', 'Google reviews')
  const add = (
    sourceId: number,
    firstSeenAt: string,
    text = 'A mention',
    o: { duplicateOf?: number } = {},
  ) =>
    addMention(f.store, {
      schoolId: f.school.id,
      sourceId,
      text,
      firstSeenAt,
      publishedAt: firstSeenAt,
      verdict: { sentiment: { label: 'negative', score: -0.5 }, flags: ['complaint'] },
      ...o,
    })
  const old = [
    add(gazette.id, '2024-01-05T10:00:00.000Z', OLD_WORDS),
    add(gazette.id, '2024-03-05T10:00:00.000Z'),
    add(reviews.id, '2024-06-05T10:00:00.000Z'),
    add(reviews.id, '2025-02-01T10:00:00.000Z'),
  ]
  const inIncident = add(gazette.id, '2024-02-01T10:00:00.000Z')
  const onHold = add(reviews.id, '2024-02-02T10:00:00.000Z')
  const recent = [
    add(gazette.id, '2026-10-01T10:00:00.000Z'),
    add(reviews.id, '2026-11-01T10:00:00.000Z'),
  ]
  // A recent duplicate of an old mention: it stays, as a first copy of its own.
  const dup = add(reviews.id, '2026-09-01T10:00:00.000Z', 'A mention', { duplicateOf: old[1] })
  await f.service.call(
    'incidents.create',
    { schoolId: f.school.id, title: 'Car park', mentionIds: [inIncident] },
    SYSTEM,
  )
  await f.service.call(
    'mentions.setLegalHold',
    { mentionId: onHold, hold: true, reason: 'Solicitor’s letter' },
    SYSTEM,
  )
  // Evidence captured from the oldest mention, on disk and recorded.
  const uuid = '3f0c8a52-1111-4aaa-8bbb-000000000001'
  const files = await writeEvidence(f.dataDir, uuid, [
    { name: 'page.txt', data: OLD_WORDS, mime: 'text/plain; charset=utf-8' },
  ])
  const captures = capturesRepo(f.db)
  const c = captures.insert(
    {
      uuid,
      schoolId: f.school.id,
      kind: 'url',
      requestedUrl: 'https://example.net/post/1',
      finalUrl: 'https://example.net/post/1',
      title: 'Post',
      httpStatus: 200,
      capturedAtUtc: '2024-01-05T10:05:00.000Z',
      capturedAtLocal: '2024-01-05 10:05 GMT',
      capturedBy: 'test',
      partialReason: null,
      needsLogin: false,
      error: null,
      ocrStatus: null,
      note: '',
    },
    files,
    '2024-01-05T10:05:00.000Z',
  )
  captures.linkMention(c.id, old[0])
  return { f, old, inIncident, onHold, recent, dup, uuid }
}

const ids = (f: Awaited<ReturnType<typeof workflowFixture>>) =>
  (f.db.prepare('SELECT id FROM mentions ORDER BY id').all() as { id: number }[]).map((r) => r.id)

describe('retention', () => {
  it('previews exactly what it deletes, keeps incidents and legal holds, and keeps rollups true', async () => {
    const { f, old, inIncident, onHold, recent, dup, uuid } = await retentionFixture()
    const head = await f.signIn('head')
    // recount() indexes pending themes first, so it is taken before the snapshot it is compared with.
    const before = recount(f.store)
    expect(rollupSnapshot(f.db)).toEqual(before)

    const p = await f.service.call('retention.preview', { months: 12 }, head)
    expect(p).toMatchObject({
      months: 12,
      cutoff: '2025-11-23T09:00:00.000Z',
      count: 4,
      oldest: '2024-01-05T10:00:00.000Z',
      newest: '2025-02-01T10:00:00.000Z',
      keptInIncidents: 1,
      keptOnLegalHold: 1,
      captures: 1,
      evidenceFiles: 1,
    })
    expect(p.sources).toEqual([
      { sourceId: expect.any(Number), name: 'Google reviews', count: 2 },
      { sourceId: expect.any(Number), name: 'Hollinbury Gazette', count: 2 },
    ])
    // A preview changes nothing.
    expect(ids(f)).toHaveLength(9)

    const r = await f.service.call(
      'retention.apply',
      { months: 12, cutoff: p.cutoff, expected: p.count },
      head,
    )
    expect(r.deleted).toBe(p.count)
    expect(r.fileProblems).toEqual([])
    expect(ids(f)).toEqual([inIncident, onHold, ...recent, dup].sort((a, b) => a - b))
    for (const id of old) expect(f.store.mentions.get(id)).toBeUndefined()
    expect(f.store.mentions.get(dup)!.duplicateOf).toBeNull()
    // Analyses went with them, and every rollup equals a recount from what is left.
    const orphans = f.db
      .prepare(
        'SELECT count(*) AS n FROM analyses WHERE mention_id NOT IN (SELECT id FROM mentions)',
      )
      .get() as { n: number }
    expect(orphans.n).toBe(0)
    const after = recount(f.store)
    expect(rollupSnapshot(f.db)).toEqual(after)
    expect(after).not.toEqual(before)
    // The evidence of the deleted mention is gone from disk and from the database.
    expect(existsSync(evidenceDir(f.dataDir, uuid))).toBe(false)
    expect((f.db.prepare('SELECT count(*) AS n FROM captures').get() as { n: number }).n).toBe(0)
    expect(f.db.pragma('foreign_key_check')).toEqual([])

    const event = auditRows(f).at(-1)!
    expect(event.action).toBe('retention.apply')
    expect(JSON.parse(event.detail_json)).toMatchObject({
      deleted: 4,
      keptInIncidents: 1,
      keptOnLegalHold: 1,
    })
    expect(event.detail_json).not.toContain('Patel')

    // Nothing is left to delete under the same policy.
    expect((await f.service.call('retention.preview', { months: 12 }, head)).count).toBe(0)
  })

  it('deletes nothing when the data changed since the preview', async () => {
    const { f, old } = await retentionFixture()
    const p = await f.service.call('retention.preview', { months: 12 }, SYSTEM)
    await f.service.call('mentions.setLegalHold', { mentionId: old[2], hold: true }, SYSTEM)
    const r = await f.service.dispatch(
      'retention.apply',
      { months: 12, cutoff: p.cutoff, expected: p.count },
      SYSTEM,
    )
    expect(r.ok ? null : r.error).toMatchObject({ code: 'conflict', field: 'expected' })
    expect(ids(f)).toHaveLength(9)
  })

  it('lets the ORM lead preview but only the head apply', async () => {
    const { f } = await retentionFixture()
    const orm = await f.signIn('orm_lead')
    const dsl = await f.signIn('dsl')
    const p = await f.service.call('retention.preview', { months: 12 }, orm)
    const r = await f.service.dispatch(
      'retention.apply',
      { months: 12, cutoff: p.cutoff, expected: p.count },
      orm,
    )
    expect(r.ok ? null : r.error.code).toBe('forbidden')
    const asDsl = await f.service.dispatch('retention.preview', { months: 12 }, dsl)
    expect(asDsl.ok ? null : asDsl.error.code).toBe('forbidden')
    const bad = await f.service.dispatch('retention.preview', { months: 0 }, orm)
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid_input', field: 'months' })
    expect(ids(f)).toHaveLength(9)
  })

  it('sets and releases legal holds, audited, and a held mention cannot be deleted by hand', async () => {
    const { f, old, onHold } = await retentionFixture()
    const orm = await f.signIn('orm_lead')
    const viewer = await f.signIn('viewer')
    await f.service.call(
      'mentions.setLegalHold',
      { mentionId: old[3], hold: true, reason: 'Police asked' },
      orm,
    )
    const holds = await f.service.call('retention.holds', undefined, orm)
    expect(holds.map((h) => [h.mentionId, h.reason])).toEqual(
      expect.arrayContaining([
        [old[3], 'Police asked'],
        [onHold, 'Solicitor’s letter'],
      ]),
    )
    const refused = await f.service.dispatch(
      'mentions.setLegalHold',
      { mentionId: old[3], hold: false },
      viewer,
    )
    expect(refused.ok ? null : refused.error.code).toBe('forbidden')
    const del = await f.service.dispatch('mentions.delete', { id: onHold }, SYSTEM)
    expect(del.ok ? null : [del.error.code, del.error.message]).toEqual([
      'conflict',
      expect.stringContaining('under legal hold'),
    ])
    expect(f.store.mentions.get(onHold)).toBeDefined()
    await f.service.call('mentions.setLegalHold', { mentionId: old[3], hold: false }, orm)
    expect(
      (await f.service.call('retention.holds', undefined, orm)).map((h) => h.mentionId),
    ).toEqual([onHold])
    const actions = auditRows(f).map((r) => r.action)
    expect(actions.filter((a) => a === 'mention.legal_hold')).toHaveLength(2)
    expect(actions).toContain('mention.legal_hold_released')
  })
})
