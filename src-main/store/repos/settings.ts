// Runs in: main process and CLI (Node). Key/value settings stored as JSON.
import type { Db } from '../db'
import { parseJson } from './json'

export function settingsRepo(db: Db) {
  const get = db.prepare<[string], { value_json: string }>(
    'SELECT value_json FROM settings WHERE key = ?',
  )
  const put = db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`)
  return {
    get<T>(key: string): T | undefined {
      const r = get.get(key)
      return r ? parseJson<T>(r.value_json, `settings.${key}`) : undefined
    },
    set(key: string, value: unknown, now: string): void {
      put.run(key, JSON.stringify(value), now)
    },
  }
}
export type SettingsRepo = ReturnType<typeof settingsRepo>
