/** Runs in: main process and CLI (Node). Public surface of the feed connector. */
export { feedConnector, feedConfigSchema, parseFeedBody, type FeedState } from './connector'
export { htmlToText, cleanTitle } from './html-text'
export { sniffFeed } from './sniff'
export type { FeedConfig } from '../../contract/sources'
