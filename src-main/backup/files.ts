// Runs in: main process and CLI (Node). The backups folder: each backup is `footprint-<UTC time>.sqlite`
// with a `.json` beside it that describes it (when, why, size, SHA-256, the check's result), so the
// folder explains itself even after a restore has replaced the database's own record of backups.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const backupsDir = (dataDir: string) => join(dataDir, 'backups')

export type BackupKind = 'scheduled' | 'manual' | 'before_restore'

export interface BackupInfo {
  format: 'footprint-backup/1'
  fileName: string
  kind: BackupKind
  createdAt: string
  bytes: number
  sha256: string
  /** `ok`, or what PRAGMA integrity_check said of the copy. */
  integrity: string
  schemaVersion: number
  mentions: number
  newestMention: string | null
  /** Evidence files the backup's manifest lists (the files themselves stay in evidence/). */
  evidenceFiles: number
  appVersion: string
}

const NAME =
  /^footprint-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)(?:-(\d+))?(-before-restore)?\.sqlite$/

/** A name that sorts by time and is valid on every file system (no colons). */
export function backupFileName(dir: string, at: Date, kind: BackupKind): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-') + 'Z'
  const tail = kind === 'before_restore' ? '-before-restore' : ''
  for (let n = 1; ; n++) {
    const name = `footprint-${stamp}${n > 1 ? `-${n}` : ''}${tail}.sqlite`
    if (!existsSync(join(dir, name))) return name
  }
}

export const isBackupName = (name: string) => NAME.test(name)
export const sidecarOf = (file: string) => file.replace(/\.sqlite$/, '.json')

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256')
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')))
  })
}

export async function writeSidecar(dir: string, info: BackupInfo): Promise<void> {
  await writeFile(join(dir, sidecarOf(info.fileName)), JSON.stringify(info, null, 2) + '\n')
}

function readSidecar(dir: string, name: string): Partial<BackupInfo> {
  try {
    return JSON.parse(readFileSync(join(dir, sidecarOf(name)), 'utf8')) as Partial<BackupInfo>
  } catch {
    return {}
  }
}

export interface ListedBackup extends BackupInfo {
  /** False when the .json is missing or its size no longer matches the file. */
  described: boolean
}

/** Every backup in the folder, newest first. Files without a description are still listed. */
export function listBackups(dataDir: string): ListedBackup[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return []
  const out: (ListedBackup & { order: string })[] = []
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name)
    if (!m) continue
    const bytes = statSync(join(dir, name)).size
    const s = readSidecar(dir, name)
    const at = m[1].replace(/T(\d{2})-(\d{2})-(\d{2})Z/, 'T$1:$2:$3.000Z')
    out.push({
      format: 'footprint-backup/1',
      fileName: name,
      kind: s.kind ?? (m[3] ? 'before_restore' : 'manual'),
      createdAt: s.createdAt ?? at,
      bytes,
      sha256: s.sha256 ?? '',
      integrity: s.integrity ?? 'not recorded',
      schemaVersion: s.schemaVersion ?? 0,
      mentions: s.mentions ?? 0,
      newestMention: s.newestMention ?? null,
      evidenceFiles: s.evidenceFiles ?? 0,
      appVersion: s.appVersion ?? '',
      described: s.bytes === bytes,
      // Two backups in one second: the suffix orders them.
      order: `${s.createdAt ?? at}|${(m[2] ?? '1').padStart(6, '0')}`,
    })
  }
  return out
    .sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
    .map(({ order: _order, ...b }) => b)
}

/** Keeps the newest `keep` backups; removes older ones with their descriptions. */
export async function pruneBackups(dataDir: string, keep: number): Promise<string[]> {
  const dir = backupsDir(dataDir)
  const old = listBackups(dataDir).slice(Math.max(1, keep))
  for (const b of old) {
    await rm(join(dir, b.fileName), { force: true })
    await rm(join(dir, sidecarOf(b.fileName)), { force: true })
  }
  return old.map((b) => b.fileName)
}

/** Removes a scratch database and the journal files SQLite may have left beside it. */
export async function removeDbFiles(file: string): Promise<void> {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    await rm(f, { force: true })
}
