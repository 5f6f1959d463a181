// Runs in: CLI (Node), via `npm run score-sets -- [--weights=FILE] FILE ...`. The whole engine (rules
// and a learned layer) against labelled training texts it was not trained on: sentiment macro-F1
// and per-flag precision, recall and F1, for the rules alone and for rules plus model. This is how
// a training setting is judged without the evaluation corpus: train on some sets with
// `npm run train:analysis -- --dir=A --out=W.json`, then score the sets left out with
// `--weights=W.json`. Never point it at the blind test/corpus/part3.jsonl.
//   --misses   also list, per strict flag, the texts the whole engine gets wrong (missed or extra)
import { readFileSync } from 'node:fs'
import { counts, macroF1 } from '../src-main/analysis/calibrate'
import { analyzeRules } from '../src-main/analysis/engine'
import {
  SENTIMENT_LABELS,
  applyLearned,
  loadLearnedModel,
  shippedModel,
} from '../src-main/analysis/learned'
import { POLICY_FLAGS, type PolicyFlag } from '../src-main/analysis/types'
import { STRICT_FLAGS } from '../src-main/analysis/trainer'
import { readLabelledRows } from './lib/training-sets'

const argv = process.argv.slice(2)
const weightsFile = argv.find((a) => a.startsWith('--weights='))?.slice('--weights='.length)
const files = argv.filter((a) => !a.startsWith('--'))
if (files.length === 0) {
  console.error('usage: npm run score-sets -- [--weights=FILE] FILE.jsonl ...')
  process.exit(2)
}
const rows = readLabelledRows(files)
const model = weightsFile
  ? loadLearnedModel(JSON.parse(readFileSync(weightsFile, 'utf8')) as unknown)
  : shippedModel()
if (!model) {
  console.error(`no usable weights in ${weightsFile ?? 'the shipped model'}`)
  process.exit(2)
}

const results = rows.map((row) => {
  const o = analyzeRules(row.text, { source: row.source })
  return { rules: o.result, full: applyLearned(o, { source: row.source }, model) }
})
const goldLabel = rows.map((r) => SENTIMENT_LABELS.indexOf(r.sentiment))
const label = (k: 'rules' | 'full'): number[] =>
  results.map((x) => SENTIMENT_LABELS.indexOf(x[k].sentiment.label))
const has = (k: 'rules' | 'full', fl: PolicyFlag): boolean[] =>
  results.map((x) => x[k].flags.includes(fl))

const f2 = (x: number): string => x.toFixed(2)
console.log(
  `${rows.length} texts; sentiment macro-F1: rules ${f2(macroF1(label('rules'), goldLabel))}, rules + model ${f2(macroF1(label('full'), goldLabel))}`,
)
console.log('flag            |    n | rules P/R/F1     | rules + model P/R/F1')
for (const fl of POLICY_FLAGS) {
  const gold = rows.map((r) => r.flags.includes(fl))
  const cell = (k: 'rules' | 'full'): string => {
    const m = counts(has(k, fl), gold)
    return [m.p, m.r, m.f1].map(f2).join(' ')
  }
  const n = gold.filter(Boolean).length
  console.log(
    `  ${fl.padEnd(13)} | ${String(n).padStart(4)} | ${cell('rules')}   | ${cell('full')}`,
  )
}

// The texts behind the strict flags' figures: what a rule round should look at (training sets only).
if (argv.includes('--misses'))
  for (const fl of STRICT_FLAGS) {
    const wrong = rows
      .map((r, i) => ({ r, gold: r.flags.includes(fl), got: results[i].full.flags.includes(fl) }))
      .filter((x) => x.gold !== x.got)
    if (wrong.length === 0) continue
    console.log(
      `\n== ${fl}: ${wrong.filter((x) => x.gold).length} missed, ${wrong.filter((x) => x.got).length} extra`,
    )
    for (const { r, gold } of wrong)
      console.log(
        `${gold ? 'missed' : 'extra '} ${r.id}  ${r.text.replace(/\s+/g, ' ').slice(0, 300)}`,
      )
  }
