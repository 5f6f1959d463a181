// Runs in: main process (Node). Posting approved replies: the route, the connector poster, the queue.
export { postRoute, UNDO_WINDOW_MS } from './route'
export {
  connectorPoster,
  EVIDENCE_FIRST,
  type Poster,
  type PostTarget,
  type PostDeps,
} from './post'
export { createPostQueue, type PostQueue, type PostQueueDeps } from './queue'
