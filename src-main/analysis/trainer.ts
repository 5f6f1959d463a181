// Runs in: CLI (Node), offline, via scripts/train-analysis.ts and the tests. Fits the learned layer:
// one softmax regression for sentiment and one logistic regression per flag over shared sparse
// features, AdaGrad SGD with L2, seeded so the same data always gives the same weights.
import { analyzeRules } from './engine'
import { featurize } from './features'
import { OUTPUTS, SENTIMENT_LABELS, WEIGHTS_FORMAT, type WeightsFile, sigmoid } from './learned'
import { POLICY_FLAGS, type PolicyFlag, type SentimentLabel } from './types'

export interface TrainExample {
  text: string
  source?: string
  sentiment: SentimentLabel
  flags: PolicyFlag[]
}

export interface TrainOptions {
  seed: number
  epochs: number
  lr: number
  l2: number
  /**
   * Keep only features seen in at least this many training texts. 5 on 12,013 texts keeps 23,773
   * features against 44,468 at 3, for the same cross-validated scores (mean flag AP 0.855 against
   * 0.858) and 9 MB less resident memory in the engine.
   */
  minCount: number
  /** Weights smaller than this are dropped from the shipped file. */
  prune: number
  folds: number
  /** Rare flags: errors on positives count up to this many times more. */
  posWeightCap: number
  /** L2 on the rules' own outputs, relative to word features: lower lets the model trust them. */
  metaL2Factor: number
  /**
   * Precision the strict flags must keep in cross-validation while recall is pushed up. Below the
   * target's 0.80 on purpose: the training sets are rich in look-alikes written to fool the rules,
   * so cross-validated precision runs lower than on real feeds. 0.75 was chosen by training on
   * sets a–l and scoring sets m–s, written later by other hands (`npm run score-sets`: threat
   * recall 0.52 → 0.55 and hate 0.44 → 0.48 against 0.80, precision within 0.02), with every
   * strict flag on the opened corpus still at precision 0.80 or more.
   */
  strictPrecision: number
  /**
   * Weight each sentiment class by the inverse of its share of the training texts, raised to this
   * power (0: unweighted, 1: every class counts alike). The writers' briefs set the mix (most focus
   * on a harmful flag, so over half the texts are negative), not a school's feeds. Off for now: with
   * sets ao–at added, 1 took back most of the neutral news the extra negatives had turned negative,
   * but it also let the words of "special measures" outvote the lexicon and read as praise.
   */
  sentimentBalance: number
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  seed: 20240917,
  epochs: 20,
  lr: 0.15,
  l2: 0.003,
  minCount: 5,
  prune: 0.02,
  folds: 5,
  posWeightCap: 1,
  strictPrecision: 0.75,
  metaL2Factor: 0.1,
  sentimentBalance: 0,
}

/** Flags whose misses are expensive: the model may only add to the rules, never veto them. */
// The taxonomy lists the six urgent, recall-first flags first (types.ts).
export const STRICT_FLAGS: readonly PolicyFlag[] = POLICY_FLAGS.slice(0, 6)

export interface Encoded {
  names: string[]
  /** Targets per output column: one-hot sentiment, then 0/1 per flag. */
  y: Float64Array
  ruleFlags: Set<string>
  ruleLabel: SentimentLabel
}

/** Runs the rules (no school profile: the training texts are about many schools) and featurises. */
export function encodeExamples(examples: readonly TrainExample[]): Encoded[] {
  return examples.map((ex) => {
    const o = analyzeRules(ex.text, { source: ex.source })
    const y = new Float64Array(OUTPUTS)
    y[SENTIMENT_LABELS.indexOf(ex.sentiment)] = 1
    POLICY_FLAGS.forEach((fl, j) => {
      if (ex.flags.includes(fl)) y[3 + j] = 1
    })
    return {
      names: featurize(o, ex.source).names,
      y,
      ruleFlags: new Set(o.result.flags),
      ruleLabel: o.result.sentiment.label,
    }
  })
}

/** Mulberry32: a tiny seeded PRNG, so shuffles and folds are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j], xs[i]]
  }
  return xs
}

export interface Fitted {
  vocab: string[]
  W: Float64Array
}

/** Fits all outputs jointly over the same sparse binary features. */
export function fit(data: readonly Encoded[], opts: TrainOptions): Fitted {
  const df = new Map<string, number>()
  for (const d of data) for (const n of d.names) df.set(n, (df.get(n) ?? 0) + 1)
  const vocab = [...df.keys()].filter((n) => (df.get(n) ?? 0) >= opts.minCount).sort()
  const index = new Map(vocab.map((n, i) => [n, i]))
  const rows = data.map((d) =>
    Int32Array.from(d.names.map((n) => index.get(n) ?? -1).filter((i) => i >= 0)),
  )
  const K = OUTPUTS
  // Word features are many and sparse; the rules' outputs are few and dense: regularise apart.
  const l2 = Float64Array.from(vocab, (n) =>
    /^(?:r|rr|ri|rs|rl|src|bias)(?::|$)/.test(n) ? opts.l2 * opts.metaL2Factor : opts.l2,
  )
  const W = new Float64Array(vocab.length * K)
  const G = new Float64Array(vocab.length * K).fill(1e-6)
  // Rare flags would be drowned by negatives: weight their positives, capped.
  const posW = new Float64Array(K).fill(1)
  for (let k = 3; k < K; k++) {
    const pos = data.reduce((s, d) => s + d.y[k], 0)
    if (pos > 0) posW[k] = Math.min(opts.posWeightCap, Math.sqrt((data.length - pos) / pos))
  }
  const classW = [1, 1, 1]
  for (let c = 0; c < 3; c++) {
    const n = data.reduce((s, d) => s + d.y[c], 0)
    if (n > 0) classW[c] = (data.length / (3 * n)) ** opts.sentimentBalance
  }
  const rnd = prng(opts.seed)
  const order = data.map((_, i) => i)
  const z = new Float64Array(K)
  const g = new Float64Array(K)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rnd)
    for (const n of order) {
      const x = rows[n]
      const y = data[n].y
      z.fill(0)
      for (const i of x) for (let k = 0; k < K; k++) z[k] += W[i * K + k]
      const mx = Math.max(z[0], z[1], z[2])
      const e0 = Math.exp(z[0] - mx)
      const e1 = Math.exp(z[1] - mx)
      const e2 = Math.exp(z[2] - mx)
      const t = e0 + e1 + e2
      // The softmax gradient, scaled by the weight of the text's own class.
      const cw = y[0] > 0 ? classW[0] : y[1] > 0 ? classW[1] : classW[2]
      g[0] = (e0 / t - y[0]) * cw
      g[1] = (e1 / t - y[1]) * cw
      g[2] = (e2 / t - y[2]) * cw
      for (let k = 3; k < K; k++) g[k] = (sigmoid(z[k]) - y[k]) * (y[k] > 0 ? posW[k] : 1)
      for (const i of x) {
        for (let k = 0; k < K; k++) {
          const p = i * K + k
          const grad = g[k] + l2[i] * W[p]
          G[p] += grad * grad
          W[p] -= (opts.lr * grad) / Math.sqrt(G[p])
        }
      }
    }
  }
  return { vocab, W }
}

/** Serialises fitted weights: tiny weights pruned, integer thousandths, empty rows dropped. */
export function toWeightsFile(
  f: Fitted,
  opts: TrainOptions,
  extra: Pick<WeightsFile, 'trainedOn' | 'sentimentOffsets' | 'ruleTrust' | 'flags'>,
): WeightsFile {
  const entries: WeightsFile['entries'] = []
  f.vocab.forEach((name, i) => {
    const row: number[] = []
    let any = false
    for (let k = 0; k < OUTPUTS; k++) {
      const w = f.W[i * OUTPUTS + k]
      const r = Math.abs(w) < opts.prune ? 0 : Math.round(w * 1e3)
      row.push(r)
      if (r !== 0) any = true
    }
    if (any) entries.push([name, ...row])
  })
  return { format: WEIGHTS_FORMAT, ...extra, scale: 1000, entries }
}

/** Scores encoded examples with fitted weights (logits, one row per example). */
export function score(f: Fitted, data: readonly Encoded[]): Float64Array[] {
  const index = new Map(f.vocab.map((n, i) => [n, i]))
  return data.map((d) => {
    const z = new Float64Array(OUTPUTS)
    for (const n of d.names) {
      const i = index.get(n)
      if (i !== undefined) for (let k = 0; k < OUTPUTS; k++) z[k] += f.W[i * OUTPUTS + k]
    }
    return z
  })
}

/** Out-of-fold logits: every training text scored by a model that never saw it. */
export function crossValidate(data: readonly Encoded[], opts: TrainOptions): Float64Array[] {
  const folds = Math.max(2, Math.min(opts.folds, data.length))
  const fold = shuffle(
    data.map((_, i) => i),
    prng(opts.seed ^ 0x5eed),
  )
  const foldOf = new Int32Array(data.length)
  fold.forEach((n, r) => (foldOf[n] = r % folds))
  const oof: Float64Array[] = new Array<Float64Array>(data.length)
  for (let k = 0; k < folds; k++) {
    const train = data.filter((_, i) => foldOf[i] !== k)
    const held = data.map((_, i) => i).filter((i) => foldOf[i] === k)
    const fitted = fit(train, opts)
    // Score with the weights as they would ship: pruned and rounded.
    for (let i = 0; i < fitted.W.length; i++) {
      const w = fitted.W[i]
      fitted.W[i] = Math.abs(w) < opts.prune ? 0 : Math.round(w * 1e3) / 1e3
    }
    const z = score(
      fitted,
      held.map((i) => data[i]),
    )
    held.forEach((i, j) => (oof[i] = z[j]))
  }
  return oof
}
