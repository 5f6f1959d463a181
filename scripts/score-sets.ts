// Runs in: CLI (Node), via `npm run score-sets -- [--weights=FILE] FILE ...`. The whole engine (rules
// and a learned layer) against labelled training texts it was not trained on: sentiment macro-F1
// and per-flag precision, recall and F1, for the rules alone and for rules plus model. This is how
// a training setting is judged without the evaluation corpus: train on some sets with
// `npm run train:analysis -- --dir=A --out=W.json`, then score the sets left out with
// `--weights=W.json`. Never point it at the blind test/corpus/part3.jsonl.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { analyzeRules } from '../src-main/analysis/engine'
import {
  SENTIMENT_LABELS,
  applyLearned,
  loadLearnedModel,
  shippedModel,
} from '../src-main/analysis/learned'
import { POLICY_FLAGS, type SentimentLabel } from '../src-main/analysis/types'

const argv = process.argv.slice(2)
const weightsFile = argv.find((a) => a.startsWith('--weights='))?.slice('--weights='.length)
const files = argv.filter((a) => !a.startsWith('--'))
if (files.length === 0) {
  console.error('usage: npm run score-sets -- [--weights=FILE] FILE.jsonl ...')
  process.exit(2)
}
if (files.some((f) => basename(f) === 'part3.jsonl')) {
  console.error('part3.jsonl is the blind evaluation set: only npm run eval may read it')
  process.exit(2)
}
const model = weightsFile
  ? loadLearnedModel(JSON.parse(readFileSync(weightsFile, 'utf8')) as unknown)
  : shippedModel()
if (!model) {
  console.error(`no usable weights in ${weightsFile ?? 'the shipped model'}`)
  process.exit(2)
}

interface Row {
  text: string
  source?: string
  sentiment: SentimentLabel
  flags: string[]
}
const rows: Row[] = []
for (const file of files)
  for (const line of readFileSync(file, 'utf8').split('\n'))
    if (line.trim()) rows.push(JSON.parse(line) as Row)

/** [true positives, false positives, false negatives] per label, for one way of deciding. */
type Counts = Map<string, [number, number, number]>
const tally = (c: Counts, label: string, want: boolean, got: boolean): void => {
  const t = c.get(label) ?? [0, 0, 0]
  if (want && got) t[0]++
  else if (got) t[1]++
  else if (want) t[2]++
  c.set(label, t)
}
const prf = (t: [number, number, number] = [0, 0, 0]): [number, number, number] => {
  const p = t[0] + t[1] === 0 ? 0 : t[0] / (t[0] + t[1])
  const r = t[0] + t[2] === 0 ? 0 : t[0] / (t[0] + t[2])
  return [p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r)]
}

const rulesOnly: Counts = new Map()
const full: Counts = new Map()
for (const row of rows) {
  const o = analyzeRules(row.text, { source: row.source })
  const withModel = applyLearned(o, { source: row.source }, model)
  for (const [c, res] of [
    [rulesOnly, o.result],
    [full, withModel],
  ] as const) {
    for (const s of SENTIMENT_LABELS)
      tally(c, `sentiment:${s}`, row.sentiment === s, res.sentiment.label === s)
    for (const fl of POLICY_FLAGS)
      tally(c, fl, row.flags.includes(fl), (res.flags as string[]).includes(fl))
  }
}

const f2 = (x: number): string => x.toFixed(2)
const macro = (c: Counts): number =>
  SENTIMENT_LABELS.reduce((s, l) => s + prf(c.get(`sentiment:${l}`))[2], 0) / 3
console.log(
  `${rows.length} texts; sentiment macro-F1: rules ${f2(macro(rulesOnly))}, rules + model ${f2(macro(full))}`,
)
console.log('flag            |    n | rules P/R/F1     | rules + model P/R/F1')
for (const fl of POLICY_FLAGS) {
  const t = full.get(fl) ?? [0, 0, 0]
  console.log(
    `  ${fl.padEnd(13)} | ${String(t[0] + t[2]).padStart(4)} | ${prf(rulesOnly.get(fl)).map(f2).join(' ')}   | ${prf(t).map(f2).join(' ')}`,
  )
}
