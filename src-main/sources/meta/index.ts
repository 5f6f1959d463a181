/** Runs in: main process and CLI (Node). Public surface of the Facebook and Instagram connectors. */
export {
  createFacebookConnector,
  facebookConfigSchema,
  type FacebookConfig,
  type FacebookConnector,
} from './facebook'
export {
  createInstagramConnector,
  instagramConfigSchema,
  type InstagramConfig,
  type InstagramConnector,
} from './instagram'
export {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_GRAPH_VERSION,
  type ActionContext,
  type Credentials,
} from './graph'
