// Runs in: the preload (sandboxed) — and its TYPE is what the renderer sees as window.footprint.
// Built from the contract table, so the exposed operations and their types cannot drift from main.
// Keep this file free of Electron imports: the renderer's typecheck reads it.
import {
  OP_NAMES,
  ipcChannel,
  type AppEvent,
  type OpInput,
  type OpName,
  type OpOutput,
  type Result,
} from '../contract'

export type Invoke = (channel: string, input: unknown) => Promise<unknown>
export type Subscribe = (listener: (event: AppEvent) => void) => () => void

export type Operations = { [K in OpName]: (input: OpInput<K>) => Promise<Result<OpOutput<K>>> }

export function createBridge(invoke: Invoke, subscribe: Subscribe) {
  const ops = {} as Record<string, (input: unknown) => Promise<unknown>>
  for (const name of OP_NAMES) ops[name] = (input) => invoke(ipcChannel(name), input)
  return {
    ops: Object.freeze(ops) as Operations,
    onEvent: subscribe,
  }
}

export type FootprintBridge = ReturnType<typeof createBridge>
