// Runs in: main process and CLI (Node). All SQL about report snapshots: inserted once, never edited
// (the migration's trigger refuses it), listed newest first, the PDF read back for download.
import type { Db } from '../db'

export interface SnapshotRow {
  id: number
  school_id: number
  period_from: string
  period_to: string
  figures_json: string
  pdf_sha256: string
  file_name: string
  created_by: string
  created_at: string
}

export interface NewSnapshot {
  schoolId: number
  from: string
  to: string
  figuresJson: string
  pdf: Buffer
  pdfSha256: string
  fileName: string
  createdBy: string
}

const COLUMNS = `id, school_id, period_from, period_to, figures_json, pdf_sha256, file_name,
  created_by, created_at`

export function reportsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO report_snapshots (school_id, period_from, period_to,
    figures_json, pdf, pdf_sha256, file_name, created_by, created_at)
    VALUES (@schoolId, @from, @to, @figuresJson, @pdf, @pdfSha256, @fileName, @createdBy, @now)`)
  const list = db.prepare<[number], SnapshotRow>(
    `SELECT ${COLUMNS} FROM report_snapshots WHERE school_id = ? ORDER BY created_at DESC, id DESC`,
  )
  const latest = db.prepare<[number], SnapshotRow>(
    `SELECT ${COLUMNS} FROM report_snapshots WHERE school_id = ?
     ORDER BY created_at DESC, id DESC LIMIT 1`,
  )
  const get = db.prepare<[number], SnapshotRow>(
    `SELECT ${COLUMNS} FROM report_snapshots WHERE id = ?`,
  )
  const pdf = db.prepare<[number], { pdf: Buffer }>('SELECT pdf FROM report_snapshots WHERE id = ?')

  return {
    insert: (s: NewSnapshot, now: string): number =>
      Number(insert.run({ ...s, now }).lastInsertRowid),
    list: (schoolId: number): SnapshotRow[] => list.all(schoolId),
    /** The snapshot a new one is compared with. */
    latest: (schoolId: number): SnapshotRow | undefined => latest.get(schoolId),
    get: (id: number): SnapshotRow | undefined => get.get(id),
    pdf: (id: number): Buffer | undefined => pdf.get(id)?.pdf,
  }
}
export type ReportsRepo = ReturnType<typeof reportsRepo>
