// Runs in: main process and CLI (Node). All SQL about mentions' seed themes: the queue of mentions
// whose words are new or changed (filled by 0007's triggers) and the theme rows the indexer writes.
// Writing a theme row moves the theme rollups through 0007's triggers.
import type { Db } from '../db'

export interface PendingMention {
  id: number
  title: string | null
  text: string
}

export function themesRepo(db: Db) {
  const pending = db.prepare<[number], PendingMention>(
    `SELECT m.id, m.title, m.text FROM theme_pending p JOIN mentions m ON m.id = p.mention_id
    ORDER BY p.mention_id LIMIT ?`,
  )
  const orphans = db.prepare(
    'DELETE FROM theme_pending WHERE mention_id NOT IN (SELECT id FROM mentions)',
  )
  const clear = db.prepare('DELETE FROM mention_themes WHERE mention_id = ?')
  const put = db.prepare('INSERT INTO mention_themes (mention_id, theme, terms) VALUES (?, ?, ?)')
  const done = db.prepare('DELETE FROM theme_pending WHERE mention_id = ?')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM theme_pending')
  const ofMention = db.prepare<[number], { theme: string; terms: string }>(
    'SELECT theme, terms FROM mention_themes WHERE mention_id = ? ORDER BY theme',
  )

  return {
    pending: (limit: number): PendingMention[] => pending.all(limit),
    pendingCount: (): number => count.get()!.n,
    dropOrphans: (): number => orphans.run().changes,
    /** Replaces a mention's themes and takes it off the queue (call inside a transaction). */
    set(mentionId: number, themes: Map<string, string[]>): void {
      clear.run(mentionId)
      for (const [theme, terms] of themes) put.run(mentionId, theme, terms.join(','))
      done.run(mentionId)
    },
    ofMention: (mentionId: number) => ofMention.all(mentionId),
  }
}
export type ThemesRepo = ReturnType<typeof themesRepo>
