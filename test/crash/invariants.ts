// Runs in: Vitest (Node). What must hold in a data folder however a process died: SQLite's own
// integrity, the audit hash chain, every mention whole (its verdict, its fact row and the rollups equal
// to a recount, its full-text row), no duplicate stored twice as a first copy, every approval in step
// with its draft and its audit events, and (once a start has run recovery) every evidence folder
// owned by a capture row whose files all still hash as recorded, and every capture row whole.
import Database from 'better-sqlite3'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { auditRepo } from '../../src-main/store/repos/audit'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { verifyEvidence } from '../../src-main/capture/evidence'
import { DB_FILE_NAME } from '../../src-main/store'

export type Db = Database.Database

export const openRaw = (dataDir: string): Db => new Database(join(dataDir, DB_FILE_NAME))

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n

/** Rows in one query and not the other, both ways: 0 when the two agree. */
function differ(db: Db, a: string, b: string): number {
  return count(
    db,
    `SELECT (SELECT count(*) FROM (${a} EXCEPT ${b})) + (SELECT count(*) FROM (${b} EXCEPT ${a})) AS n`,
  )
}

const RECOUNTS: Record<string, [string, string]> = {
  rollup_daily: [
    'SELECT school_id, day, source_id, sentiment, n, undated FROM rollup_daily',
    `SELECT school_id, day, source_id, sentiment, count(*), sum(undated) FROM mention_facts
     GROUP BY school_id, day, source_id, sentiment`,
  ],
  rollup_flags: [
    'SELECT school_id, day, source_id, flag, n FROM rollup_flags',
    `SELECT f.school_id, f.day, f.source_id, j.value, count(DISTINCT f.mention_id)
     FROM mention_facts f, json_each(f.flags_json) j WHERE j.type = 'text'
     GROUP BY f.school_id, f.day, f.source_id, j.value`,
  ],
  rollup_verdicts: [
    'SELECT school_id, sentiment, priority, n, corrected FROM rollup_verdicts',
    `SELECT school_id, sentiment, priority, count(*), sum(corrected) FROM mention_facts
     GROUP BY school_id, sentiment, priority`,
  ],
  rollup_school_flags: [
    'SELECT school_id, flag, n FROM rollup_school_flags',
    `SELECT f.school_id, j.value, count(DISTINCT f.mention_id)
     FROM mention_facts f, json_each(f.flags_json) j WHERE j.type = 'text'
     GROUP BY f.school_id, j.value`,
  ],
  rollup_sources: [
    'SELECT source_id, n FROM rollup_sources',
    'SELECT source_id, count(*) FROM mention_facts GROUP BY source_id',
  ],
  rollup_themes: [
    'SELECT school_id, day, source_id, theme, sentiment, n FROM rollup_themes',
    `SELECT f.school_id, f.day, f.source_id, t.theme, f.sentiment, count(*)
     FROM mention_facts f JOIN mention_themes t ON t.mention_id = f.mention_id
     GROUP BY f.school_id, f.day, f.source_id, t.theme, f.sentiment`,
  ],
}

/** Problems in the database, in words; [] when every invariant holds. */
export function databaseProblems(db: Db): string[] {
  const out: string[] = []
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
  if (integrity.map((r) => r.integrity_check).join() !== 'ok')
    out.push(`integrity_check: ${JSON.stringify(integrity)}`)
  const fk = db.pragma('foreign_key_check') as unknown[]
  if (fk.length) out.push(`foreign_key_check: ${fk.length} rows`)
  const chain = auditRepo(db).verify()
  if (!chain.ok) out.push(`audit chain broken at ${chain.brokenAt}: ${chain.reason}`)
  try {
    db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run()
  } catch (e) {
    out.push(`full-text index: ${(e as Error).message}`)
  }

  const unanalysed = count(
    db,
    'SELECT count(*) AS n FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.mention_id = m.id)',
  )
  if (unanalysed) out.push(`${unanalysed} mentions stored without their analysis`)
  const facts = differ(
    db,
    'SELECT * FROM mention_facts',
    'SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected FROM mention_fact_rows',
  )
  if (facts) out.push(`${facts} mention fact rows differ from a recount`)
  for (const [table, [stored, recount]] of Object.entries(RECOUNTS)) {
    const n = differ(db, stored, recount)
    if (n) out.push(`${table}: ${n} rows differ from a recount`)
  }
  const twice = count(
    db,
    `SELECT count(*) AS n FROM mentions a JOIN mentions b ON a.school_id = b.school_id
     AND a.content_hash = b.content_hash AND a.source_id != b.source_id AND a.id < b.id
     WHERE a.duplicate_of IS NULL AND b.duplicate_of IS NULL`,
  )
  if (twice) out.push(`${twice} duplicates stored as first copies`)
  const dangling = count(
    db,
    `SELECT count(*) AS n FROM mentions m JOIN mentions f ON f.id = m.duplicate_of
     WHERE f.duplicate_of IS NOT NULL`,
  )
  if (dangling) out.push(`${dangling} duplicates linked to another duplicate`)
  const running = count(db, "SELECT count(*) AS n FROM fetch_runs WHERE status = 'running'")
  if (running) out.push(`${running} fetch runs stuck "running"`)

  // Approvals: an approved or posted draft has the approval of its current words, and every
  // decision and posting has its audit event (they commit together or not at all).
  const unapproved = count(
    db,
    `SELECT count(*) AS n FROM drafts d WHERE d.status IN ('approved', 'posted') AND NOT EXISTS
     (SELECT 1 FROM approvals a WHERE a.draft_id = d.id AND a.draft_version = d.version
      AND a.decision = 'approved')`,
  )
  if (unapproved) out.push(`${unapproved} drafts approved without an approval`)
  const decisions = differ(
    db,
    "SELECT draft_id, 'draft.' || decision FROM approvals",
    "SELECT CAST(entity_id AS INTEGER), action FROM audit_events WHERE action IN ('draft.approved', 'draft.sent_back', 'draft.rejected')",
  )
  if (decisions) out.push(`${decisions} decisions and audit events out of step`)
  const posted = differ(
    db,
    "SELECT id FROM drafts WHERE status = 'posted'",
    "SELECT CAST(entity_id AS INTEGER) FROM audit_events WHERE action = 'draft.posted'",
  )
  if (posted) out.push(`${posted} posted drafts and audit events out of step`)
  return out
}

/** After a start (recovery has run): nothing may be left half-done. */
export function settledProblems(db: Db): string[] {
  const out: string[] = []
  const claimed = count(
    db,
    `SELECT count(*) AS n FROM drafts WHERE status = 'approved' AND post_after IS NULL
     AND posted_by IS NOT NULL AND posted_at IS NULL AND post_error IS NULL`,
  )
  if (claimed) out.push(`${claimed} replies stuck half-posted`)
  const unlinked = count(db, 'SELECT count(*) AS n FROM captures WHERE mention_id IS NULL')
  if (unlinked) out.push(`${unlinked} captures without their mention`)
  const bare = count(
    db,
    `SELECT count(*) AS n FROM mentions m JOIN sources s ON s.id = m.source_id
     WHERE s.kind = 'manual' AND NOT EXISTS (SELECT 1 FROM captures c WHERE c.mention_id = m.id)`,
  )
  if (bare) out.push(`${bare} captured mentions without their capture`)
  return out
}

/** Evidence folders and capture rows agree, and every recorded file still has its hash. */
export async function evidenceProblems(db: Db, dataDir: string): Promise<string[]> {
  const out: string[] = []
  const captures = capturesRepo(db)
  const owned = new Set<string>()
  for (const id of captures.allIds()) {
    const c = captures.get(id)!
    owned.add(c.uuid)
    const bad = (await verifyEvidence(dataDir, c.uuid, c.files)).filter((f) => f.status !== 'ok')
    if (bad.length) out.push(`capture ${id}: ${bad.map((f) => `${f.name} ${f.status}`).join(', ')}`)
  }
  const root = join(dataDir, 'evidence')
  const folders = existsSync(root) ? readdirSync(root) : []
  for (const name of folders)
    if (!owned.has(name)) out.push(`evidence/${name} has no capture in the database`)
  return out
}
