// Runs in: main process and CLI (Node). Report files: a name any file system accepts, and a write that
// either lands whole or leaves nothing behind (temp file in the same folder, then rename).
import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ServiceError } from '../contract'

// Windows refuses these characters and names; control characters break everything.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i
const MAX_BASE = 80

/**
 * A file name for `base` + `ext` that works on Windows, macOS and Linux: unsafe characters become
 * hyphens, emoji and other symbols are dropped, and the base is cut to 80 characters (whole words).
 */
export function safeFileName(base: string, ext: string): string {
  let s = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(UNSAFE, '-')
    .replace(/\p{Pd}/gu, '-')
    // Emoji, pictographs and anything outside letters, digits and common punctuation.
    .replace(/[^\p{L}\p{N} .,'()&+_-]/gu, '')
    .replace(/[\s-]*-[\s-]*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
  if (s.length > MAX_BASE) {
    const cut = s.slice(0, MAX_BASE)
    const space = cut.lastIndexOf(' ')
    s = (space > MAX_BASE / 2 ? cut.slice(0, space) : cut).replace(/[.\s-]+$/g, '')
  }
  if (!s || RESERVED.test(s)) s = `report${s ? `-${s}` : ''}`
  return `${s}.${ext}`
}

/** How bytes reach the disk; tests inject one that fails like a full disk. */
export type FileWriter = (path: string, data: Buffer) => Promise<void>
export const diskWriter: FileWriter = (path, data) => writeFile(path, data, { flag: 'wx' })

/**
 * Writes `data` to `path` through a temporary file beside it, renamed into place only when complete,
 * so a full disk or a crash never leaves half a PDF that looks finished.
 */
export async function writeFileAtomic(
  path: string,
  data: Buffer,
  writer: FileWriter = diskWriter,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`)
  try {
    await writer(tmp, data)
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined)
    const code = (e as NodeJS.ErrnoException)?.code
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Footprint may not write to that folder'
          : code === 'ENOENT'
            ? 'the folder does not exist'
            : ((e as Error)?.message ?? String(e))
    throw new ServiceError(
      'unavailable',
      `${path} could not be written: ${why}. Nothing was left behind.`,
      'out',
    )
  }
}
