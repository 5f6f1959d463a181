/**
 * Runs in: main process and CLI (Node). The names a searching connector (X, Bluesky, Mumsnet)
 * looks for: its own list when the school set one for this source, else the school profile's
 * names, so a renamed alias in Settings → School reaches every search without editing sources.
 */
import type { ConnectorContext } from './connector'
import { SourceError } from './errors'

export function searchNames(
  config: { aliases: string[]; exclusions: string[] },
  ctx: Pick<ConnectorContext, 'names'>,
  where: string,
): { aliases: string[]; exclusions: string[] } {
  const aliases = uniq(config.aliases.length ? config.aliases : (ctx.names?.aliases ?? []))
  if (aliases.length === 0) {
    throw new SourceError(
      'parse',
      'no names to search for: add the school’s name and aliases in Settings → School',
      where,
    )
  }
  return { aliases, exclusions: uniq([...config.exclusions, ...(ctx.names?.exclusions ?? [])]) }
}

function uniq(list: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of list) {
    const v = raw.replace(/\s+/g, ' ').trim()
    const key = v.toLowerCase()
    if (v && !seen.has(key)) {
      seen.add(key)
      out.push(v)
    }
  }
  return out
}
