// Runs in: main process and CLI (Node). What the secrets store throws. Messages name the secret at most,
// never its value, and never carry a crypto library's wording.
import { ServiceError, type ErrorCode } from '../contract/errors'
import { SourceError } from '../sources/errors'

export const LOCKED_MESSAGE = 'Secrets are locked: unlock them in Settings'

/**
 * `get()` of a stored secret while the passphrase has not been entered this session. It is a SourceError
 * of code 'locked' so a connector that lets it through (they all do) marks its source failing with this
 * message, and the poller never mistakes it for a revoked token ('auth').
 */
export class SecretsLockedError extends SourceError {
  constructor() {
    super('locked', LOCKED_MESSAGE, '')
  }
}

export type SecretsErrorReason =
  | 'invalid'
  | 'no_passphrase'
  | 'wrong_passphrase'
  | 'current_required'
  | 'damaged'
  | 'kept_elsewhere'
  | 'busy'

const API_CODE: Record<SecretsErrorReason, ErrorCode> = {
  invalid: 'invalid_input',
  no_passphrase: 'conflict',
  wrong_passphrase: 'invalid_input',
  current_required: 'invalid_input',
  damaged: 'conflict',
  kept_elsewhere: 'unavailable',
  busy: 'conflict',
}

/** A ServiceError, so the service answers with its message and field as they are. */
export class SecretsError extends ServiceError {
  override name = 'SecretsError'
  constructor(
    readonly reason: SecretsErrorReason,
    message: string,
    field?: string,
  ) {
    super(API_CODE[reason], message, field)
  }
}

export const wrongPassphrase = (field: string) =>
  new SecretsError('wrong_passphrase', 'That passphrase is not right', field)
