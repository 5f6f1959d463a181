// Runs in: main process and CLI (Node). Start-up recovery of evidence after a process was killed
// mid-capture. A capture writes its files first (renamed into place whole) and its rows after, so a
// kill in between leaves a folder the database does not know. Each such folder is either finished
// (its capture.json says which mention it belongs to, that mention exists, and every file still has
// the hash capture.json lists: the rows are written as the capture would have written them) or moved
// aside into evidence-quarantine/, never deleted: it is evidence someone may still need. A staging
// folder (.incoming-*) is a capture that never finished writing; it is quarantined the same way.
// Folders younger than the grace period are left alone: another Footprint process (the app beside a
// `footprint capture`) may be about to record them.
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import type { CaptureFile } from '../contract'
import type { Store } from '../store'
import { capturesRepo, type NewCapture } from '../store/repos/captures'
import { recoveryRepo } from '../store/repos/recovery'
import { RECOVERY_ACTOR, recoverStore } from '../store/recovery'
import { evidenceRoot } from './evidence'

export const quarantineRoot = (dataDir: string) => join(dataDir, 'evidence-quarantine')

/** Long enough for any capture to go from files on disk to rows in the database. */
export const RECOVERY_GRACE_MS = 10 * 60_000

export interface EvidenceRecovery {
  /** Captures whose rows were written on this start (uuid). */
  adopted: string[]
  /** Folders moved to evidence-quarantine/ (their names). */
  quarantined: string[]
  /** Captures linked to the mention they had already become. */
  linked: number[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface Manifest {
  uuid?: unknown
  kind?: unknown
  school?: { id?: unknown }
  capturedAtUtc?: unknown
  capturedAtLocal?: unknown
  capturedBy?: unknown
  note?: unknown
  files?: { name?: unknown; bytes?: unknown; sha256?: unknown; mime?: unknown }[]
  requestedUrl?: unknown
  finalUrl?: unknown
  title?: unknown
  originalFileName?: unknown
  httpStatus?: unknown
  partial?: unknown
  needsLogin?: unknown
  error?: unknown
  mentionId?: unknown
  ocr?: { status?: unknown }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function fileOf(dir: string, name: string, mime: string): CaptureFile | null {
  const path = join(dir, name)
  if (!existsSync(path) || !statSync(path).isFile()) return null
  const data = readFileSync(path)
  return { name, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), mime }
}

/** The capture's rows as recordCapture / captureMentionEvidence would have written them, or null. */
function rowsFromFolder(
  dir: string,
  uuid: string,
): { manifest: Manifest; capture: NewCapture; files: CaptureFile[] } | null {
  const json = fileOf(dir, 'capture.json', 'application/json')
  if (!json) return null
  let m: Manifest
  try {
    m = JSON.parse(readFileSync(join(dir, 'capture.json'), 'utf8')) as Manifest
  } catch {
    return null
  }
  if (m.uuid !== uuid || (m.kind !== 'url' && m.kind !== 'image') || !Array.isArray(m.files))
    return null
  const files: CaptureFile[] = []
  for (const f of m.files) {
    const name = str(f.name)
    if (!name || name.includes('/') || name.includes('\\')) return null
    const found = fileOf(dir, name, str(f.mime) ?? 'application/octet-stream')
    // A file missing or changed since capture.json was written: not ours to vouch for.
    if (!found || found.sha256 !== f.sha256) return null
    files.push(found)
  }
  files.push(json)
  const utc = str(m.capturedAtUtc)
  const schoolId = m.school?.id
  if (!utc || typeof schoolId !== 'number') return null
  const url = m.kind === 'url'
  return {
    manifest: m,
    files,
    capture: {
      uuid,
      schoolId,
      kind: m.kind,
      requestedUrl: url ? str(m.requestedUrl) : null,
      finalUrl: url ? str(m.finalUrl) : null,
      title: url ? str(m.title) : str(m.originalFileName),
      httpStatus: url && typeof m.httpStatus === 'number' ? m.httpStatus : null,
      capturedAtUtc: utc,
      capturedAtLocal: str(m.capturedAtLocal) ?? utc,
      capturedBy: str(m.capturedBy) ?? RECOVERY_ACTOR,
      partialReason: url ? str(m.partial) : null,
      needsLogin: url && m.needsLogin === true,
      error: str(m.error),
      ocrStatus: m.kind === 'image' ? (str(m.ocr?.status) as NewCapture['ocrStatus']) : null,
      note: str(m.note) ?? '',
    },
  }
}

export function recoverEvidence(
  store: Store,
  dataDir: string,
  now: () => Date,
  graceMs = RECOVERY_GRACE_MS,
): EvidenceRecovery {
  const out: EvidenceRecovery = { adopted: [], quarantined: [], linked: [] }
  const repo = recoveryRepo(store.db)
  const captures = capturesRepo(store.db)

  // Captures recorded by an older version, killed before their mention was linked.
  for (const c of repo.unlinkedCaptures()) {
    const m = repo.mentionOfCapture(c.uuid)
    if (!m) continue
    store.tx(() => {
      if (!captures.linkMention(c.id, m.id)) return
      const at = now().toISOString()
      store.audit.append(
        {
          actor: RECOVERY_ACTOR,
          action: 'capture.recovered',
          entity: 'capture',
          entityId: c.id,
          detail: { uuid: c.uuid, mentionId: m.id, how: 'linked to its mention' },
        },
        at,
      )
      out.linked.push(c.id)
    })
  }

  const root = evidenceRoot(dataDir)
  if (!existsSync(root)) return out
  const known = repo.captureUuids()
  const cutoff = now().getTime() - graceMs
  for (const name of readdirSync(root)) {
    const dir = join(root, name)
    const st = statSync(dir, { throwIfNoEntry: false })
    if (!st?.isDirectory() || st.mtimeMs > cutoff) continue
    const uuid = name.startsWith('.incoming-') ? null : name
    if (uuid !== null && known.has(uuid)) continue
    if (uuid !== null && UUID.test(uuid) && adopt(store, dir, uuid, now, out)) continue
    quarantine(store, dataDir, dir, name, now)
    out.quarantined.push(name)
  }
  return out
}

function adopt(
  store: Store,
  dir: string,
  uuid: string,
  now: () => Date,
  out: EvidenceRecovery,
): boolean {
  const rows = rowsFromFolder(dir, uuid)
  if (!rows) return false
  const repo = recoveryRepo(store.db)
  const captures = capturesRepo(store.db)
  // Evidence of a mention held already, or a manual capture whose mention was stored.
  const id = rows.manifest.mentionId
  const mentionId =
    typeof id === 'number' && repo.schoolOfMention(id) === rows.capture.schoolId
      ? id
      : repo.mentionOfCapture(uuid)?.id
  if (mentionId === undefined) return false
  return store.tx(() => {
    if (repo.captureUuids().has(uuid)) return true
    const at = now().toISOString()
    const row = captures.insert(rows.capture, rows.files, at)
    captures.linkMention(row.id, mentionId)
    store.audit.append(
      {
        actor: RECOVERY_ACTOR,
        action: 'capture.recovered',
        entity: 'capture',
        entityId: row.id,
        detail: {
          uuid,
          mentionId,
          how: 'Footprint stopped after saving the files; the capture was finished on the next start',
          files: rows.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
        },
      },
      at,
    )
    out.adopted.push(uuid)
    return true
  })
}

function quarantine(store: Store, dataDir: string, dir: string, name: string, now: () => Date) {
  const target = quarantineRoot(dataDir)
  const moved = name.replace(/^\.incoming-/, 'incomplete-')
  // Audited before the move: a kill in between only means the next start moves it (and says so) again.
  store.tx(() =>
    store.audit.append(
      {
        actor: RECOVERY_ACTOR,
        action: 'evidence.quarantined',
        entity: 'evidence',
        entityId: name,
        detail: {
          folder: name,
          movedTo: `evidence-quarantine/${moved}`,
          reason: name.startsWith('.incoming-')
            ? 'the capture never finished writing its files'
            : 'no capture in the database owns these files',
        },
      },
      now().toISOString(),
    ),
  )
  mkdirSync(target, { recursive: true })
  // A read-only folder cannot move to another parent (its ".." entry changes): open it for the move,
  // then close it again. The files inside are untouched.
  chmodSync(dir, 0o755)
  const dest = existsSync(join(target, moved)) ? `${moved}-${now().getTime()}` : moved
  renameSync(dir, join(target, dest))
  chmodSync(join(target, dest), 0o555)
}

/**
 * Every start-up recovery step, for createService: the store's (interrupted posts, stale runs) and the
 * evidence folder's. Never stops Footprint from starting: a failure is logged and tried next start.
 */
export function recoverAtStart(
  deps: { store: Store; dataDir: string; now?: () => Date },
  log: (msg: string) => void,
): void {
  const now = deps.now ?? (() => new Date())
  try {
    const s = recoverStore(deps.store, now)
    if (s.interruptedPosts.length)
      log(`[recovery] replies interrupted while posting: ${s.interruptedPosts.join(', ')}`)
    const e = recoverEvidence(deps.store, deps.dataDir, now)
    if (e.adopted.length + e.linked.length)
      log(`[recovery] captures finished after a stop: ${[...e.adopted, ...e.linked].join(', ')}`)
    if (e.quarantined.length)
      log(`[recovery] evidence folders moved to evidence-quarantine: ${e.quarantined.join(', ')}`)
  } catch (err) {
    log(`[recovery] start-up recovery failed: ${(err as Error)?.stack ?? err}`)
  }
}
