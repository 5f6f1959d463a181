// Runs in: main process / CLI (Node). Public surface of the analysis engine.
export * from './types'
export {
  BUILTIN_ENGINE_ID,
  BUILTIN_ENGINE_VERSION,
  MAX_ANALYSED_CHARS,
  createBuiltinEngine,
} from './engine'
export { ENGINE_IDS, type EngineSettings, getBuiltinEngine, getEngine } from './registry'
export { LOCAL_MODEL_ENGINE_ID, type LocalModelEngine, createLocalModelEngine } from './local-model'
export {
  NEGATIVE_UNFLAGGED,
  NOTHING_TO_DO,
  ROUTING,
  type Route,
  type RoutingRule,
  route,
} from './routing'
export { loadSchoolProfile, parseSchoolProfile } from './profile'
