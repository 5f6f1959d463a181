// Runs in: main process and CLI (Node). The connectors this build can poll, by source kind.
// Secrets reach them per run (ConnectorContext.credentials), so they are built without any.
// Manual captures have no connector: they are never polled.
import type { Connector } from './connector'
import type { SourceKind } from './types'
import { feedConnector } from './feeds'
import { wikipediaConnector } from './wikipedia'
import { createGoogleBusinessConnector } from './google/business-profile'
import { createGooglePlacesConnector } from './google/places'
import { createXConnector } from './x/connector'
import { createBlueskyConnector } from './bluesky/connector'
import { createFacebookConnector } from './meta/facebook'
import { createInstagramConnector } from './meta/instagram'
import { createMumsnetConnector, type MumsnetDeps } from './mumsnet'

export type ConnectorRegistry = Partial<Record<SourceKind, Connector<unknown>>>

export interface RegistryOptions {
  /** How Mumsnet starts its browser (tests count launches). */
  mumsnet?: MumsnetDeps
}

export function defaultConnectors(opts: RegistryOptions = {}): ConnectorRegistry {
  // Each connector parses its own config with its schema before fetch, so erasing the config
  // type here is safe.
  const all = [
    feedConnector,
    wikipediaConnector,
    createGoogleBusinessConnector(),
    createGooglePlacesConnector(),
    createXConnector(),
    createBlueskyConnector(),
    createFacebookConnector(),
    createInstagramConnector(),
    createMumsnetConnector(opts.mumsnet),
  ]
  return Object.fromEntries(
    all.map((c) => [c.kind, c as unknown as Connector<unknown>]),
  ) as ConnectorRegistry
}
