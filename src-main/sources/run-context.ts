/**
 * Runs in: main process and CLI (Node). What a connector is given for one run or test: the HTTP
 * client, the clock, the secrets store scoped to the source, and the names of its school(s).
 * Built in one place so a poll and a "test" see exactly the same thing.
 */
import type { Store } from '../store'
import type { ConnectorContext } from './connector'
import type { Credentials } from './credentials'
import type { PoliteHttp } from './http'
import { rememberSecret } from './http/redact'

/** Whatever a connector is handed can never come back in one of its error messages. */
function remembered(value: string | null): string | null {
  rememberSecret(value)
  return value
}

export interface RunContextDeps {
  store: Store
  http: () => PoliteHttp
  now: () => Date
  signal?: AbortSignal
  credentials?: Credentials
}

/**
 * A secret saved as `name:<sourceId>` belongs to that source alone (two Facebook Pages of a
 * federation); otherwise the install-wide `name` is used.
 */
export function scopedCredentials(credentials: Credentials, sourceId: number | null): Credentials {
  return {
    async get(name) {
      if (sourceId !== null) {
        const own = await credentials.get(`${name}:${sourceId}`)
        if (own?.trim()) return remembered(own)
      }
      return remembered(await credentials.get(name))
    },
  }
}

/** The school's name and aliases and its exclusions; every school's for an install-wide source. */
export function schoolNames(
  store: Store,
  schoolId: number | null,
): { aliases: string[]; exclusions: string[] } {
  const schools = store.schools.list().filter((s) => schoolId === null || s.id === schoolId)
  return {
    aliases: schools.flatMap((s) => [s.name, ...s.aliases]),
    exclusions: schools.flatMap((s) => s.exclusions),
  }
}

export function connectorContext(
  deps: RunContextDeps,
  source: { id: number | null; schoolId: number | null },
): ConnectorContext {
  return {
    http: deps.http(),
    now: deps.now,
    signal: deps.signal,
    credentials: deps.credentials ? scopedCredentials(deps.credentials, source.id) : undefined,
    names: schoolNames(deps.store, source.schoolId),
  }
}
