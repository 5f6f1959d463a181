/**
 * Runs in: main process and CLI (Node). The contract between the scheduler and each source
 * connector. A connector only fetches and shapes items; matching, dedup and storage happen once,
 * after, for every connector alike. It keeps nothing between runs itself: whatever it needs next
 * time (ETag, last revision ids, titles already seen) goes in `state`, which the caller persists.
 */
import type { z } from 'zod'
import type { Credentials } from './credentials'
import type { PoliteHttp } from './http'
import type { FetchedItem, SourceKind } from './types'

export interface ConnectorContext {
  http: PoliteHttp
  now(): Date
  signal?: AbortSignal
  /** The secrets store, scoped to this source (`name:sourceId` first, then `name`). */
  credentials?: Credentials
  /**
   * The names of the source's school (or of every school, for an install-wide source) and its
   * exclusions, for connectors that search by name when their own list is left empty.
   */
  names?: { aliases: string[]; exclusions: string[] }
}

export interface ConnectorResult {
  /** New items (the caller dedups on source + externalId anyway). */
  items: FetchedItem[]
  /** The state to pass to the next run. Plain JSON. */
  state: Record<string, unknown>
  /** True when the source said nothing changed (HTTP 304): no parsing was done. */
  notModified: boolean
  /** Items replacing an already-stored item with the same externalId (e.g. a wiki revision later tagged mw-reverted). */
  updates?: FetchedItem[]
}

export interface Connector<Config> {
  kind: SourceKind
  configSchema: z.ZodType<Config>
  defaultIntervalMinutes: number
  fetch(
    config: Config,
    state: Record<string, unknown>,
    ctx: ConnectorContext,
  ): Promise<ConnectorResult>
}
