// Runs in: Vitest (Node). The audit trail of the workflow is a hash chain that tells when it was edited:
// sign-ins, triage and an approval verify through the service and `footprint audit verify` (exit 0
// with the count); after someone with the file drops the append-only trigger and edits one event's
// detail, the CLI exits non-zero naming that event, and the service says the same.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DB_FILE_NAME } from '../../src-main/store/db'
import { runFootprint } from '../helpers/cli'
import { auditRows, workflowFixture } from '../helpers/workflow'

const CLEAN =
  'Thank you for getting in touch, and we are sorry you are unhappy. Please contact the office ' +
  'privately on 01632 960123 so we can talk it through.\nMrs Okafor, Headteacher'

describe('audit chain', () => {
  it('verifies after workflow actions, and names the event edited behind its back', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const head = await f.signIn('head')
    const viewer = await f.signIn('viewer')
    const ids = [f.mention('one complaint'), f.mention('another complaint')]
    await f.service.call('mentions.triage', { ids, outcome: 'respond' }, lead)
    const d = await f.service.call(
      'drafts.create',
      { mentionId: ids[0], situation: 'complaint', body: CLEAN },
      lead,
    )
    await f.service.call('drafts.submit', { id: d.id, version: 1 }, lead)
    await f.service.call('drafts.decide', { id: d.id, version: 1, decision: 'approved' }, head)
    await f.service.call('mentions.triage', { ids: [ids[1]], outcome: 'no_action' }, lead)
    await f.service.call('auth.signOut', undefined, lead)

    const rows = auditRows(f)
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'mention.triage', 'draft.submit', 'draft.approved']),
    )
    expect(await f.service.call('audit.verify', undefined, head)).toEqual({
      ok: true,
      count: rows.length,
    })
    expect(await f.service.dispatch('audit.verify', undefined, viewer)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    f.db.close()

    const intact = runFootprint(f.dataDir, 'audit', 'verify')
    expect(intact.err).toBe('')
    expect(intact.code).toBe(0)
    expect(intact.out).toBe(`Audit trail intact: ${rows.length} events, every link verified.\n`)

    // Someone with the file and a SQLite shell: the trigger goes, the approval's record is rewritten.
    const approval = rows.find((r) => r.action === 'draft.approved')!
    const last = rows.at(-1)!
    expect(approval.id).toBeLessThan(last.id)
    const raw = new Database(join(f.dataDir, DB_FILE_NAME))
    expect(() =>
      raw.prepare("UPDATE audit_events SET detail_json = '{}' WHERE id = ?").run(approval.id),
    ).toThrow(/append-only/)
    raw.exec('DROP TRIGGER audit_events_no_update')
    raw
      .prepare('UPDATE audit_events SET detail_json = ? WHERE id = ?')
      .run(JSON.stringify({ version: 1, note: 'approved over the phone' }), approval.id)
    raw.close()

    const broken = runFootprint(f.dataDir, 'audit', 'verify')
    expect(broken.code).toBe(1)
    expect(broken.out).toBe('')
    expect(broken.err).toContain(
      `Audit trail broken at event ${approval.id}: contents do not match the hash.`,
    )
    const json = runFootprint(f.dataDir, 'audit', 'verify', '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toEqual({
      ok: false,
      brokenAt: approval.id,
      reason: 'contents do not match the hash',
    })
  })
})
