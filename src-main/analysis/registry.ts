// Runs in: main process / CLI (Node). Engines by id, so settings can pick one.
import { BUILTIN_ENGINE_ID, createBuiltinEngine } from './engine'
import { LOCAL_MODEL_ENGINE_ID, createLocalModelEngine } from './local-model'
import type { AnalysisEngine } from './types'

export interface EngineSettings {
  /** 'builtin' (default) or 'local-model'. */
  engine?: string
  /** Required for 'local-model': a model folder already on disk. */
  modelDir?: string
}

export const ENGINE_IDS = [BUILTIN_ENGINE_ID, LOCAL_MODEL_ENGINE_ID] as const

let builtin: AnalysisEngine | undefined

export function getBuiltinEngine(): AnalysisEngine {
  builtin ??= createBuiltinEngine()
  return builtin
}

/** Resolves the engine named in settings; unknown ids are an error, not a silent fallback. */
export async function getEngine(settings: EngineSettings = {}): Promise<AnalysisEngine> {
  const id = settings.engine ?? BUILTIN_ENGINE_ID
  if (id === BUILTIN_ENGINE_ID) return getBuiltinEngine()
  if (id === LOCAL_MODEL_ENGINE_ID) {
    if (!settings.modelDir)
      throw new Error('The local model engine needs a model folder (settings: modelDir).')
    return createLocalModelEngine({ modelDir: settings.modelDir })
  }
  throw new Error(`Unknown analysis engine "${id}". Known engines: ${ENGINE_IDS.join(', ')}.`)
}
