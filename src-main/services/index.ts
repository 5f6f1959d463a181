// Runs in: main process and CLI (Node). The service: one handler per contract operation. Electron IPC,
// the browser-mode server and the CLI all call `dispatch`, so validation and errors are the same everywhere.
import {
  contract,
  fromZodError,
  isOpName,
  ServiceError,
  type ApiErrorShape,
  type OpName,
  type OpOutput,
  type OpParsed,
  type Result,
} from '../contract'
import { schoolAnalyzer } from './analysis'
import { AppEvents, type CallContext, type ServiceDeps } from './context'
import { appHandlers } from './app'
import { schoolHandlers } from './schools'
import { userHandlers } from './users'
import { sourceHandlers } from './sources'
import { mentionHandlers } from './mentions'
import { captureHandlers } from './capture'
import { secretsHandlers, secretStoreFor } from './secrets'
import type { SecretStore } from '../secrets'
import { analysisOverrideHandlers } from './analysis-overrides'
import { createPoller, type Poller } from '../sources/poller'

export type Handlers = {
  [K in OpName]: (input: OpParsed<K>, ctx: CallContext) => OpOutput<K> | Promise<OpOutput<K>>
}

export interface Service {
  handlers: Handlers
  events: AppEvents
  /** The polling engine. Created idle: only the app, `serve` and `poll` start it. */
  poller: Poller
  /** The secrets store: connectors read their credentials from it (it implements Credentials). */
  secrets: SecretStore
  dispatch(name: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>
  call<K extends OpName>(name: K, input: unknown, ctx: CallContext): Promise<OpOutput<K>>
}

export function createService(
  deps: ServiceDeps,
  log: (msg: string) => void = console.error,
): Service {
  const events = new AppEvents()
  const secrets = secretStoreFor(deps)
  const poller = createPoller({
    store: deps.store,
    events,
    version: deps.version,
    log,
    credentials: secrets,
    ...deps.polling,
    // Tests may pass their own (or none, with analyze: undefined); the app always analyses.
    analyze: deps.polling && 'analyze' in deps.polling ? deps.polling.analyze : schoolAnalyzer(),
  })
  const handlers = {
    ...appHandlers(deps),
    ...schoolHandlers(deps, events),
    ...userHandlers(deps, events),
    ...sourceHandlers(deps, events, poller),
    ...mentionHandlers(deps, events),
    ...captureHandlers(deps, events),
    ...secretsHandlers(secrets, events),
    ...analysisOverrideHandlers(deps, events),
  } satisfies Handlers

  async function dispatch(
    name: string,
    input: unknown,
    ctx: CallContext,
  ): Promise<Result<unknown>> {
    if (!isOpName(name))
      return { ok: false, error: { code: 'not_found', message: `Unknown operation "${name}"` } }
    const parsed = contract[name].input.safeParse(input)
    if (!parsed.success) return { ok: false, error: fromZodError(parsed.error) }
    try {
      const handler = handlers[name] as (i: unknown, c: CallContext) => unknown
      return { ok: true, data: await handler(parsed.data, ctx) }
    } catch (e) {
      return { ok: false, error: toApiError(e, name, log) }
    }
  }

  return {
    handlers,
    events,
    poller,
    secrets,
    dispatch,
    async call(name, input, ctx) {
      const r = await dispatch(name, input, ctx)
      if (!r.ok) throw new ServiceError(r.error.code, r.error.message, r.error.field)
      return r.data as never
    },
  }
}

function toApiError(e: unknown, op: string, log: (msg: string) => void): ApiErrorShape {
  if (e instanceof ServiceError)
    return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) }
  // Unexpected: log the detail for the developer, give the user a message without internals.
  log(`[service] ${op} failed: ${(e as Error)?.stack ?? String(e)}`)
  return {
    code: 'internal',
    message: `Something went wrong while running ${op}. The details are in the log.`,
  }
}

export { AppEvents } from './context'
export type { CallContext, ServiceDeps } from './context'
