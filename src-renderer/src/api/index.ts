// Runs in: renderer. The one way the screens reach main: the preload bridge in the app, HTTP in the browser.
// Both speak the same contract, so stores never know which transport they are on.
import {
  OP_NAMES,
  type ApiErrorShape,
  type AppEvent,
  type ErrorCode,
  type FieldIssue,
  type OpInput,
  type OpName,
  type OpOutput,
  type Result,
} from '@contract'
import type { FootprintBridge, Operations } from '../../../src-main/preload/bridge'

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by the preload). */
    footprint?: FootprintBridge
  }
}

export class ApiError extends Error {
  override name = 'ApiError'
  readonly code: ErrorCode
  readonly field?: string
  readonly issues: FieldIssue[]
  constructor(e: ApiErrorShape) {
    super(e.message)
    this.code = e.code
    this.field = e.field
    this.issues = e.issues ?? (e.field ? [{ field: e.field, message: e.message }] : [])
  }
}

const TOKEN_KEY = 'footprint.token'
const SESSION_KEY = 'footprint.session'

/** This tab's session id: who signed in here is remembered per tab, so two tabs can be two users. */
function tabSession(): string {
  let id = sessionStorage.getItem(SESSION_KEY)
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(24))
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
    sessionStorage.setItem(SESSION_KEY, id)
  }
  return id
}

/** Browser mode: the launch URL carries ?token=…; keep it for this tab and take it out of the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpBridge(): FootprintBridge {
  const token = browserToken()
  const session = tabSession()
  const listeners = new Set<(event: AppEvent) => void>()
  let source: EventSource | null = null
  const ops = {} as Record<string, (input: unknown) => Promise<unknown>>
  for (const name of OP_NAMES) {
    ops[name] = async (input) => {
      const res = await fetch(`/api/op/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-footprint-session': session,
        },
        body: JSON.stringify(input ?? null),
      })
      try {
        return (await res.json()) as unknown
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: `Footprint's server answered ${res.status}` },
        }
      }
    }
  }
  return {
    ops: ops as Operations,
    // One stream for the whole tab, shared by every store: each EventSource holds an HTTP/1.1
    // connection, and the browser allows six per host, so one per subscriber would starve the calls.
    onEvent(listener) {
      listeners.add(listener)
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
        source.onmessage = (m: MessageEvent<string>) => {
          const event = JSON.parse(m.data) as AppEvent
          for (const l of [...listeners]) l(event)
        }
      }
      return () => {
        listeners.delete(listener)
        if (!listeners.size && source) {
          source.close()
          source = null
        }
      }
    },
  }
}

const bridge: FootprintBridge = window.footprint ?? httpBridge()

export const transport: 'electron' | 'browser' = window.footprint ? 'electron' : 'browser'

let unauthorized: (() => void) | null = null
/** Told when the service says this window is not signed in (idle expiry, user removed). */
export function onUnauthorized(fn: () => void): void {
  unauthorized = fn
}

/** Calls one contract operation; resolves with its output or throws ApiError with the field at fault. */
export async function call<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const op = bridge.ops[name] as (i: OpInput<K>) => Promise<Result<OpOutput<K>>>
  let result: Result<OpOutput<K>>
  try {
    result = await op(input)
  } catch (e) {
    throw new ApiError({
      code: 'unavailable',
      message: `Footprint's service did not answer: ${(e as Error).message}`,
    })
  }
  if (!result.ok) {
    if (result.error.code === 'unauthorized' && name !== 'auth.signIn') unauthorized?.()
    throw new ApiError(result.error)
  }
  return result.data
}

export function onEvent(listener: (event: AppEvent) => void): () => void {
  return bridge.onEvent(listener)
}

/** What to tell the user about a failed call: the service's own sentence, never a stack. */
export function messageOf(e: unknown): string {
  return e instanceof ApiError ? e.message : (e as Error)?.message || String(e)
}
