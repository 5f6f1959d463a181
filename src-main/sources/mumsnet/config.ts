/**
 * Runs in: main process and CLI (Node). What a Mumsnet source is set up with: the schema lives in
 * the contract (the settings form validates with it too).
 */
import { DEFAULT_MUMSNET_URL, MumsnetConfig } from '../../contract/connectors'

export { DEFAULT_MUMSNET_URL }
export const mumsnetConfigSchema = MumsnetConfig
export type { MumsnetConfig }
