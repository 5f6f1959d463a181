/**
 * Runs in: main process and CLI (Node). Where connectors get secrets (bearer tokens, app
 * passwords). Secrets never live in a source's config or state: those are plain JSON stored in
 * SQLite, shown in settings and exported with backups. The app backs this with the OS keychain.
 */
import { SourceError } from './errors'

export interface Credentials {
  /** The secret stored under `name`, or null when the school has not connected it yet. */
  get(name: string): Promise<string | null>
}

/**
 * The secret under `name`, trimmed; a missing or blank one is an 'auth' source error carrying
 * `message` (which should tell the user to reconnect), so the source shows it and others carry on.
 */
export async function requireCredential(
  credentials: Credentials,
  name: string,
  message: string,
  url: string,
): Promise<string> {
  const secret = (await credentials.get(name))?.trim()
  if (!secret) throw new SourceError('auth', message, url)
  return secret
}

/** For a connector built without a store: every run reads `ctx.credentials` instead. */
export const NO_CREDENTIALS: Credentials = { get: async () => null }
