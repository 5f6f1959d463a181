// Runs in: main process and CLI (Node). Keeps mentions' seed themes current: 0007's triggers queue
// every new mention and every change of its words; this drains the queue in short transactions (so
// a large backlog after an upgrade never holds the write lock for long). Called after each poll and
// before themes are read, so nothing is ever looked at stale.
import type { Store } from '../../store'
import { themesRepo } from '../../store/repos/themes'
import { seedThemesOf } from './match'

const CHUNK = 2000

/** Indexes every queued mention; returns how many were indexed. */
export function drainThemes(store: Store, max = Infinity): number {
  const repo = themesRepo(store.db)
  let total = 0
  while (total < max) {
    const batch = repo.pending(Math.min(CHUNK, max - total))
    if (!batch.length) break
    store.tx(() => {
      for (const m of batch)
        repo.set(m.id, seedThemesOf(m.title ? `${m.title}\n${m.text}` : m.text))
    })
    total += batch.length
  }
  return total
}
