// Runs in: main process and CLI (Node). Evidence files: written once into their own folder
// (<dataDir>/evidence/<capture uuid>/), made read-only, and hashed (SHA-256) so any later change is
// detectable. A folder is assembled under a temporary name and renamed into place only when every
// file is written: a full disk or a crash never leaves half a capture that looks complete.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CaptureError } from './errors'

export interface EvidenceInput {
  name: string
  data: Buffer | string
  mime: string
}

export interface EvidenceFile {
  name: string
  bytes: number
  sha256: string
  mime: string
}

export type FileCheck =
  | { name: string; status: 'ok'; sha256: string }
  | { name: string; status: 'changed'; expected: string; actual: string }
  | { name: string; status: 'missing'; expected: string }
  | { name: string; status: 'unexpected'; actual: string }

export const evidenceRoot = (dataDir: string) => join(dataDir, 'evidence')
export const evidenceDir = (dataDir: string, uuid: string) => join(evidenceRoot(dataDir), uuid)

const FILE_MODE = 0o444
const DIR_MODE = 0o555

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Streams the file, so verifying a 50 MB image does not hold it in memory. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

function storageError(e: unknown): CaptureError {
  const code = (e as NodeJS.ErrnoException)?.code
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Footprint may not write to its data folder'
        : ((e as Error)?.message ?? String(e))
  return new CaptureError(
    'storage_failed',
    `The capture could not be saved: ${why}. Nothing was kept.`,
    {
      cause: e,
    },
  )
}

/** Writes the files read-only into the capture's folder; answers each file's size and hash. */
export async function writeEvidence(
  dataDir: string,
  uuid: string,
  files: EvidenceInput[],
): Promise<EvidenceFile[]> {
  const root = evidenceRoot(dataDir)
  const staging = join(root, `.incoming-${uuid}`)
  const final = evidenceDir(dataDir, uuid)
  try {
    await mkdir(staging, { recursive: true })
    const out: EvidenceFile[] = []
    for (const f of files) {
      const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data
      // 'wx': never overwrite; an existing file here would mean a uuid collision or tampering.
      await writeFile(join(staging, f.name), data, { flag: 'wx', mode: FILE_MODE })
      await chmod(join(staging, f.name), FILE_MODE)
      out.push({ name: f.name, bytes: data.length, sha256: sha256(data), mime: f.mime })
    }
    await rename(staging, final)
    await chmod(final, DIR_MODE)
    return out
  } catch (e) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined)
    throw storageError(e)
  }
}

/** Only for undoing a capture that failed before it was recorded: evidence is otherwise kept. */
export async function discardEvidence(dataDir: string, uuid: string): Promise<void> {
  const dir = evidenceDir(dataDir, uuid)
  await chmod(dir, 0o755).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
}

/** Re-hashes every recorded file; also reports files that appeared in the folder since. */
export async function verifyEvidence(
  dataDir: string,
  uuid: string,
  recorded: Pick<EvidenceFile, 'name' | 'sha256'>[],
): Promise<FileCheck[]> {
  const dir = evidenceDir(dataDir, uuid)
  const checks: FileCheck[] = []
  for (const f of recorded) {
    const path = join(dir, f.name)
    const exists = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    )
    if (!exists) {
      checks.push({ name: f.name, status: 'missing', expected: f.sha256 })
      continue
    }
    const actual = await sha256File(path)
    checks.push(
      actual === f.sha256
        ? { name: f.name, status: 'ok', sha256: actual }
        : { name: f.name, status: 'changed', expected: f.sha256, actual },
    )
  }
  const known = new Set(recorded.map((f) => f.name))
  const present = await readdir(dir).catch(() => [] as string[])
  for (const name of present.filter((n) => !known.has(n)).sort())
    checks.push({ name, status: 'unexpected', actual: await sha256File(join(dir, name)) })
  return checks
}
