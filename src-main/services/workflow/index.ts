// Runs in: main process and CLI (Node). The workflow's handlers: triage and the daily check, drafts and
// approval, the school's calendar. The rules live in src-main/workflow; these glue them to the store.
import type { PostQueue } from '../../workflow/posting'
import type { AppEvents, ServiceDeps } from '../context'
import { triageHandlers } from './triage'
import { draftHandlers } from './drafts'
import { settingsHandlers } from './settings'
import { moderationHandlers } from './moderation'

export function workflowHandlers(deps: ServiceDeps, events: AppEvents, queue: PostQueue | null) {
  return {
    ...triageHandlers(deps, events),
    ...draftHandlers(deps, events, queue),
    ...settingsHandlers(deps, events),
    ...moderationHandlers(deps, events),
  }
}
