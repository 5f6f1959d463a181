/**
 * Runs in: main process and CLI (Node). Where connectors get secrets (bearer tokens, app
 * passwords). Secrets never live in a source's config or state: those are plain JSON stored in
 * SQLite, shown in settings and exported with backups. The app backs this with the OS keychain.
 */
export interface Credentials {
  /** The secret stored under `name`, or null when the school has not connected it yet. */
  get(name: string): Promise<string | null>
}
