// Runs in: main process / CLI (Node). Optional engine: a local ONNX sentiment model run with
// transformers.js, selected in settings. Never downloads: the package and the model folder must
// already be on disk, and flags, routing and evidence still come from the built-in rules.
import { existsSync } from 'node:fs'
import { analyzeBuiltin } from './engine'
import type { AnalysisEngine, AnalysisResult, AnalyzeContext, SentimentLabel } from './types'
import { route } from './routing'

export const LOCAL_MODEL_ENGINE_ID = 'local-model'

export interface LocalModelOptions {
  /** Folder holding config.json, tokenizer files and onnx/model.onnx (or model_quantized.onnx). */
  modelDir: string
}

type Classifier = (text: string) => Promise<{ label: string; score: number }[]>

export interface LocalModelEngine extends AnalysisEngine {
  /** Model inference is asynchronous; `analyze` returns the rules' result until `ready` resolves. */
  readonly ready: Promise<void>
  analyzeAsync(text: string, ctx?: AnalyzeContext): Promise<AnalysisResult>
}

function mapLabel(label: string): SentimentLabel {
  const l = label.toLowerCase()
  if (l.includes('neg') || l === 'label_0' || l === '1 star' || l === '2 stars') return 'negative'
  if (l.includes('pos') || l === 'label_2' || l === '4 stars' || l === '5 stars') return 'positive'
  return 'neutral'
}

export async function createLocalModelEngine(opts: LocalModelOptions): Promise<LocalModelEngine> {
  if (!opts.modelDir || !existsSync(opts.modelDir)) {
    throw new Error(
      `Local sentiment model folder not found: "${opts.modelDir}". Choose a folder in Settings › Analysis, or switch back to the built-in engine.`,
    )
  }
  let mod: {
    env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath?: string }
    pipeline: (task: string, model: string, o?: Record<string, unknown>) => Promise<Classifier>
  }
  try {
    // A variable specifier keeps bundlers from resolving an optional dependency at build time.
    const name = '@huggingface/transformers'
    mod = (await import(/* @vite-ignore */ name)) as typeof mod
  } catch {
    throw new Error(
      'The local model engine needs the "@huggingface/transformers" package, which is not installed. Install it, or use the built-in engine.',
    )
  }
  mod.env.allowRemoteModels = false
  mod.env.allowLocalModels = true
  const classify = await mod.pipeline('sentiment-analysis', opts.modelDir, {
    local_files_only: true,
  })
  const version = `transformers.js:${opts.modelDir.split(/[\\/]/).filter(Boolean).pop() ?? 'model'}`

  const combine = (
    text: string,
    ctx: AnalyzeContext | undefined,
    out: { label: string; score: number } | undefined,
  ): AnalysisResult => {
    const base = analyzeBuiltin(text, ctx)
    if (!out) return { ...base, engine: LOCAL_MODEL_ENGINE_ID, engineVersion: version }
    const label = mapLabel(out.label)
    const score = label === 'positive' ? out.score : label === 'negative' ? -out.score : 0
    const r = route(base.flags, label)
    return {
      ...base,
      sentiment: { label, score: Math.round(score * 1000) / 1000 },
      priority: r.priority,
      owner: r.owner,
      engine: LOCAL_MODEL_ENGINE_ID,
      engineVersion: version,
    }
  }
  return {
    id: LOCAL_MODEL_ENGINE_ID,
    version,
    ready: Promise.resolve(),
    analyze: (text, ctx) => combine(text, ctx, undefined),
    async analyzeAsync(text, ctx) {
      const res = await classify(typeof text === 'string' ? text.slice(0, 4000) : '')
      return combine(text, ctx, res[0])
    },
  }
}
