/** Runs in: main process and CLI (Node). Public surface of the polite HTTP layer. */
export {
  createPoliteHttp,
  DEFAULT_MAX_BYTES,
  type GetOptions,
  type HttpResult,
  type PoliteHttp,
  type PoliteHttpOptions,
  type SendMethod,
  type SendOptions,
  type SendResult,
} from './polite-http'
export { isPrivateAddress, defaultLookup, type Lookup } from './address'
export { backoffDelay, parseRetryAfter } from './retry'
export { buildUserAgent } from './user-agent'
