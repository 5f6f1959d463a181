/** Runs in: main process and CLI (Node). Public surface of the Mumsnet connector (registered by the lead). */
export { createMumsnetConnector } from './connector'
export { DEFAULT_MUMSNET_URL, mumsnetConfigSchema, type MumsnetConfig } from './config'
export type { LaunchBrowser, LaunchRequest, MumsnetDeps } from './session'
export type { MumsnetState, RunStats, ThreadMemory } from './state'
