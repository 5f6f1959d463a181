// Runs in: main process (Node). The post queue: approved drafts wait out their undo window, then go to
// the connector. A disposable service with an injected clock: one timer, set for the next due post; no
// two runs overlap; a run that finds nothing due just re-plans. Posting is claimed in the database
// (a conditional UPDATE), so even two queues on one file could not post the same reply twice.
import type { Store } from '../../store'
import type { AppEvents } from '../../services/context'
import type { SchedulerClock } from '../../sources/scheduler'
import { capturesRepo } from '../../store/repos/captures'
import { EVIDENCE_FIRST, type Poster } from './post'

export interface PostQueueDeps {
  store: Store
  events: AppEvents
  clock: SchedulerClock
  post: Poster
  log?: (msg: string) => void
  /** Told when a post fails, so someone hears about it (notifications). */
  onFailed?: (draftId: number, schoolId: number, message: string) => void
}

export interface PostQueue {
  start(): void
  /** Re-plan after a draft was queued or its post undone. */
  poke(): void
  /** Post everything due now; answers with how many were attempted. Tests call it directly. */
  runDue(): Promise<number>
  dispose(): Promise<void>
}

/** Long timers drift on sleeping laptops; wake at least this often to look again. */
const MAX_WAIT_MS = 60_000

export function createPostQueue(deps: PostQueueDeps): PostQueue {
  const { store, events, clock } = deps
  const log = deps.log ?? ((m: string) => console.error(m))
  let timer: unknown = null
  let running: Promise<number> | null = null
  let started = false
  let disposed = false

  const iso = () => new Date(clock.now()).toISOString()
  const captures = capturesRepo(store.db)

  async function postOne(id: number): Promise<void> {
    const at = iso()
    if (!store.tx(() => store.drafts.claimPost(id, at))) return
    const d = store.drafts.get(id)!
    const mention = d.mention_id === null ? undefined : store.mentions.get(d.mention_id)
    const source = mention ? store.sources.get(mention.sourceId) : undefined
    try {
      if (!mention || !source) throw new Error('the mention or its source was deleted')
      // Checked again at the last moment: the policy holds even if the evidence went since queueing.
      if (d.moderation === 'delete' && captures.ofMention(mention.id).length === 0)
        throw new Error(EVIDENCE_FIRST)
      const { url } = await deps.post({ mention, source, body: d.body, moderation: d.moderation })
      const done = iso()
      store.tx(() => {
        store.drafts.markPosted(id, url, null, done)
        if (mention) store.triage.markResponded(mention.id, done)
        store.audit.append(
          {
            actor: 'system:post-queue',
            action: 'draft.posted',
            entity: 'draft',
            entityId: id,
            detail: {
              via: source.kind,
              url,
              version: d.version,
              mentionId: mention.id,
              moderation: d.moderation,
            },
          },
          done,
        )
        if (d.moderation)
          store.audit.append(
            {
              actor: 'system:post-queue',
              action: d.moderation === 'hide' ? 'comment.hidden' : 'comment.deleted',
              entity: 'mention',
              entityId: mention.id,
              detail: { draftId: id, via: source.kind, externalId: mention.externalId },
            },
            done,
          )
      })
    } catch (e) {
      const message = `Could not post: ${(e as Error)?.message ?? String(e)}`
      const failed = iso()
      store.tx(() => {
        store.drafts.postFailed(id, message, failed)
        store.audit.append(
          {
            actor: 'system:post-queue',
            action: 'draft.post_failed',
            entity: 'draft',
            entityId: id,
            detail: { message },
          },
          failed,
        )
      })
      log(`[posting] draft ${id}: ${message}`)
      deps.onFailed?.(id, d.school_id, message)
    }
    events.emit({ type: 'workflow.changed', schoolId: d.school_id })
  }

  async function runDue(): Promise<number> {
    if (running) return running
    running = (async () => {
      const due = store.drafts.duePosts(iso())
      for (const id of due) await postOne(id)
      return due.length
    })()
    try {
      return await running
    } finally {
      running = null
    }
  }

  function plan(): void {
    if (!started || disposed) return
    if (timer !== null) clock.clearTimer(timer)
    const next = store.drafts.nextPostAt()
    if (next === null) {
      timer = null
      return
    }
    const wait = Math.min(Math.max(0, Date.parse(next) - clock.now()), MAX_WAIT_MS)
    timer = clock.setTimer(() => {
      timer = null
      runDue()
        .catch((e) => log(`[posting] ${(e as Error)?.stack ?? e}`))
        .finally(plan)
    }, wait)
  }

  return {
    start() {
      started = true
      plan()
    },
    poke: plan,
    runDue,
    async dispose() {
      disposed = true
      if (timer !== null) clock.clearTimer(timer)
      timer = null
      await running
    },
  }
}
