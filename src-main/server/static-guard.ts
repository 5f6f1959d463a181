// Runs in: CLI (Node), `footprint serve`. The renderer folder is served as it is on disk, and the file
// server follows links: a link planted in it (to ~/.ssh, the database, another user's files) would be
// served to any page that has the token. Such links are found at start and refused on every request.
import { lstatSync, readdirSync, realpathSync } from 'node:fs'
import { join, posix, relative, isAbsolute } from 'node:path'

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** URL paths of every link under `root` that leads outside it (or nowhere). */
export function escapingLinks(root: string): string[] {
  let realRoot: string
  try {
    realRoot = realpathSync(root)
  } catch {
    return []
  }
  const found: string[] = []
  const walk = (dir: string, url: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const at = `${url}/${name}`
      const entry = lstatSync(path)
      if (entry.isSymbolicLink()) {
        let real: string | null
        try {
          real = realpathSync(path)
        } catch {
          real = null
        }
        if (real === null || !inside(realRoot, real)) found.push(at)
      } else if (entry.isDirectory()) walk(path, at)
    }
  }
  walk(root, '')
  return found
}

/** Whether a request path reaches one of `links` (directly, inside it, or by the file server's fallbacks). */
export function reachesLink(pathname: string, links: string[]): boolean {
  if (links.length === 0) return false
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return true
  }
  const path = posix.normalize(`/${decoded.replace(/\\/g, '/')}`).replace(/\/+$/, '') || '/'
  const candidates = [
    path,
    `${path}.html`,
    `${path}.htm`,
    `${path}/index.html`,
    `${path}/index.htm`,
  ]
  return links.some((l) => candidates.some((c) => c === l || c.startsWith(`${l}/`)))
}
