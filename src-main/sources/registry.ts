// Runs in: main process and CLI (Node). The connectors this build can poll, by source kind.
// Kinds the contract knows but no connector serves yet (Mumsnet, Google, social) fail their runs
// with a plain message rather than crashing the poller.
import type { Connector } from './connector'
import type { SourceKind } from './types'
import { feedConnector } from './feeds'
import { wikipediaConnector } from './wikipedia'

export type ConnectorRegistry = Partial<Record<SourceKind, Connector<unknown>>>

export function defaultConnectors(): ConnectorRegistry {
  return {
    feed: feedConnector as Connector<unknown>,
    wikipedia: wikipediaConnector as Connector<unknown>,
  }
}
