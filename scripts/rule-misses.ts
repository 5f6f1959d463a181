// Runs in: CLI (Node), via `npm run rule-misses -- FLAG [FILE ...]`. The rules alone (no learned
// layer) against labelled training texts: every text a rule missed or wrongly flagged for FLAG,
// and the totals. For finding rule gaps on src-main/analysis/train/*.jsonl, which the writers
// wrote apart from the engine; never point it at the blind test/corpus/part3.jsonl.
import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { analyzeRules } from '../src-main/analysis/engine'
import { POLICY_FLAGS, type PolicyFlag } from '../src-main/analysis/types'

const [flag, ...given] = process.argv.slice(2)
if (!POLICY_FLAGS.includes(flag as PolicyFlag)) {
  console.error(
    `usage: npm run rule-misses -- FLAG [FILE ...]; FLAG is one of ${POLICY_FLAGS.join(', ')}`,
  )
  process.exit(2)
}
const trainDir = join(import.meta.dirname, '..', 'src-main', 'analysis', 'train')
const files = given.length
  ? given
  : readdirSync(trainDir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => join(trainDir, f))
if (files.some((f) => basename(f) === 'part3.jsonl')) {
  console.error('part3.jsonl is the blind evaluation set: only npm run eval may read it')
  process.exit(2)
}
let gold = 0
let missed = 0
let extra = 0
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const row = JSON.parse(line) as { id: string; text: string; flags?: string[] }
    const want = (row.flags ?? []).includes(flag)
    const got = analyzeRules(row.text, {}).result.flags.includes(flag as PolicyFlag)
    if (want) gold++
    if (want && !got) missed++
    if (!want && got) extra++
    if (want !== got) console.log(`${want ? 'MISS' : 'FALSE'} ${row.id} ${row.text.slice(0, 200)}`)
  }
}
console.log(`${flag}: ${gold} labelled, ${missed} missed by the rules, ${extra} flagged wrongly`)
