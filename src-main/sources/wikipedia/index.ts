/** Runs in: main process and CLI (Node). Public surface of the MediaWiki connector. */
export {
  wikipediaConnector,
  wikiConfigSchema,
  watchedTitles,
  DEFAULT_WIKI_API,
  type WikiState,
} from './connector'
export { extractDiff } from './diff'
export { createApiClient, type ApiClient } from './api'
export type { WikiConfig } from '../../contract/sources'
