/**
 * Runs in: main process and CLI (Node). What a Mumsnet source remembers between runs: robots.txt
 * for a day, and per thread where we stopped reading, so the next run opens the thread at the page
 * it last reached and keeps only posts after the last one seen.
 */
import type { RobotsCache } from './robots'

export interface ThreadMemory {
  /** The thread's address without ?page. */
  url: string
  title: string | null
  lastPostId: string | null
  /** 1-based position of the last post read, counted over the whole thread. */
  lastPostNumber: number
  /** The page that post is on: where the next run starts. */
  lastPage: number
  /** Posts on a full page, learnt from page 1 (numbers posts on later pages). */
  perPage: number | null
  seenAt: string
}

export interface RunStats {
  at: string
  searches: number
  threadsFound: number
  threadsRead: number
  pagesLoaded: number
  posts: number
  skippedByRobots: number
  skippedExcluded: number
  skippedMissing: number
}

export interface MumsnetState {
  robots?: RobotsCache
  threads?: Record<string, ThreadMemory>
  lastRun?: RunStats
}

/** Enough for months of a school's threads; the oldest-seen are forgotten first. */
export const MAX_THREADS_REMEMBERED = 300

function isMemory(v: unknown): v is ThreadMemory {
  const m = v as ThreadMemory | null
  return (
    !!m &&
    typeof m.url === 'string' &&
    Number.isInteger(m.lastPostNumber) &&
    Number.isInteger(m.lastPage) &&
    m.lastPage >= 1
  )
}

/** State as stored may be from an older version or hand-edited: keep only what is well formed. */
export function readState(raw: Record<string, unknown>): MumsnetState {
  const state: MumsnetState = {}
  const robots = raw.robots as RobotsCache | undefined
  if (robots && typeof robots.url === 'string' && typeof robots.body === 'string') {
    state.robots = robots
  }
  const threads: Record<string, ThreadMemory> = {}
  const stored = raw.threads
  if (stored && typeof stored === 'object') {
    for (const [id, m] of Object.entries(stored)) if (isMemory(m)) threads[id] = m
  }
  state.threads = threads
  return state
}

export function pruneThreads(
  threads: Record<string, ThreadMemory>,
  max = MAX_THREADS_REMEMBERED,
): Record<string, ThreadMemory> {
  const entries = Object.entries(threads)
  if (entries.length <= max) return threads
  entries.sort((a, b) => b[1].seenAt.localeCompare(a[1].seenAt))
  return Object.fromEntries(entries.slice(0, max))
}
