// Runs in: CLI (Node), via `npm run train:analysis`. Trains the learned layer from the independent
// training texts in src-main/analysis/train/*.jsonl (NEVER the evaluation corpus in test/corpus)
// and writes src-main/analysis/model/weights.json. Deterministic: same data, same bytes.
//   --dry           train and report, but do not write the weights
//   --KEY=VALUE     override a training option (epochs, lr, l2, minCount, prune, ...)
//   --dir=PATH      read the training texts from another folder (experiments on a snapshot)
//   --out=PATH      write the weights elsewhere (experiments; the shipped file stays as it is)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { trainAnalysis } from '../src-main/analysis/calibrate'
import type { TrainExample, TrainOptions } from '../src-main/analysis/trainer'
import { POLICY_FLAGS, type PolicyFlag } from '../src-main/analysis/types'

const root = join(import.meta.dirname, '..', 'src-main', 'analysis')
const argv = process.argv.slice(2)
const trainDir =
  argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length) ?? join(root, 'train')
const out =
  argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ??
  join(root, 'model', 'weights.json')
const dry = argv.includes('--dry')
const overrides: Partial<Record<keyof TrainOptions, number>> = {}
for (const a of argv) {
  const m = /^--(\w+)=(-?[\d.e-]+)$/.exec(a)
  if (m) overrides[m[1] as keyof TrainOptions] = Number(m[2])
}

const examples: TrainExample[] = []
const seen = new Set<string>()
let skipped = 0
for (const file of readdirSync(trainDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  for (const line of readFileSync(join(trainDir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue
    try {
      const o = JSON.parse(line) as Record<string, unknown>
      const flags = Array.isArray(o.flags) ? o.flags : []
      const ok =
        typeof o.text === 'string' &&
        ['negative', 'neutral', 'positive'].includes(o.sentiment as string) &&
        flags.every((f) => POLICY_FLAGS.includes(f as PolicyFlag))
      // The writers work in parallel: a half-written or odd line is skipped, not fatal.
      if (!ok || seen.has(o.text as string)) {
        skipped++
        continue
      }
      seen.add(o.text as string)
      examples.push({
        text: o.text as string,
        source: typeof o.source === 'string' ? o.source : undefined,
        sentiment: o.sentiment as TrainExample['sentiment'],
        flags: flags as PolicyFlag[],
      })
    } catch {
      skipped++
    }
  }
}
if (examples.length < 20) throw new Error(`only ${examples.length} training texts in ${trainDir}`)

const t0 = performance.now()
const { weights, report } = trainAnalysis(examples, overrides)
const secs = ((performance.now() - t0) / 1000).toFixed(1)
console.log(
  `trained on ${report.examples} texts (${skipped} skipped) in ${secs} s; ${report.vocab} features kept`,
)
console.log(
  `sentiment macro-F1, 5-fold CV on the training set: model ${report.cvMacroF1.toFixed(3)} (rule trust ${report.ruleTrust}), rules ${report.ruleMacroF1.toFixed(3)}`,
)
const meanAP = report.flags.reduce((a, r) => a + r.ap, 0) / report.flags.length
console.log(`flag model mean average precision (CV): ${meanAP.toFixed(3)}`)
console.log('flag            | mode   thr  |  n  |  AP  | rules P/R/F1      | chosen P/R/F1 (CV)')
const f2 = (x: number): string => x.toFixed(2)
for (const r of report.flags) {
  console.log(
    `  ${r.flag.padEnd(13)} | ${r.mode.padEnd(5)} ${r.threshold.toFixed(3)} | ${String(r.support).padStart(3)} | ${f2(r.ap)} | ${f2(r.rule.p)} ${f2(r.rule.r)} ${f2(r.rule.f1)}    | ${f2(r.chosen.p)} ${f2(r.chosen.r)} ${f2(r.chosen.f1)}`,
  )
}
if (!dry) {
  // One vocabulary row per line: small, reviewable diffs when the model is retrained.
  const { entries, ...head } = weights
  const body = entries
    .map(([name, ...w]) => `    [${[JSON.stringify(name), ...w].join(', ')}]`)
    .join(',\n')
  const json = `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "entries": [\n${body}\n  ]\n}\n`
  writeFileSync(out, json)
  console.log(`wrote ${out} (${(Buffer.byteLength(json) / 1024).toFixed(0)} KB)`)
}
