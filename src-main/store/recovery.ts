// Runs in: main process and CLI (Node). Start-up recovery of the database after a process was killed
// mid-way. Most work needs none (a poll, an analysis, an approval each commit in one transaction);
// what spans a network call cannot be one transaction, and is settled here, audited:
//  - a reply the post queue had claimed but never marked posted or failed: we cannot know whether
//    the platform got it, so it is marked failed with words that say so, never re-posted blindly;
//  - a fetch run left 'running' (none is written today; kept for older or future writers).
import type { Store } from '.'
import { recoveryRepo } from './repos/recovery'

export const RECOVERY_ACTOR = 'system:recovery'

export interface StoreRecovery {
  interruptedPosts: number[]
  staleRuns: number
}

export function recoverStore(store: Store, now: () => Date): StoreRecovery {
  const repo = recoveryRepo(store.db)
  const interruptedPosts: number[] = []
  for (const id of repo.claimedPosts()) {
    store.tx(() => {
      const at = now().toISOString()
      if (!repo.markPostInterrupted(id, at)) return
      store.audit.append(
        {
          actor: RECOVERY_ACTOR,
          action: 'draft.post_interrupted',
          entity: 'draft',
          entityId: id,
          detail: { reason: 'Footprint stopped while the reply was being posted' },
        },
        at,
      )
      interruptedPosts.push(id)
    })
  }
  const staleRuns = store.tx(() => {
    const at = now().toISOString()
    const n = repo.closeStaleRuns(at)
    if (n > 0)
      store.audit.append(
        {
          actor: RECOVERY_ACTOR,
          action: 'runs.interrupted',
          entity: 'fetch_run',
          detail: { count: n },
        },
        at,
      )
    return n
  })
  return { interruptedPosts, staleRuns }
}
