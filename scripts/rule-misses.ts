// Runs in: CLI (Node), via `npm run rule-misses -- FLAG [FILE ...]`. The rules alone (no learned
// layer) against labelled training texts: every text a rule missed or wrongly flagged for FLAG,
// and the totals. For finding rule gaps on src-main/analysis/train/*.jsonl, which the writers
// wrote apart from the engine; never point it at the blind test/corpus/part3.jsonl.
import { analyzeRules } from '../src-main/analysis/engine'
import { POLICY_FLAGS, type PolicyFlag } from '../src-main/analysis/types'
import { allTrainingSets, readLabelledRows } from './lib/training-sets'

const [flag, ...given] = process.argv.slice(2)
if (!POLICY_FLAGS.includes(flag as PolicyFlag)) {
  console.error(
    `usage: npm run rule-misses -- FLAG [FILE ...]; FLAG is one of ${POLICY_FLAGS.join(', ')}`,
  )
  process.exit(2)
}
let gold = 0
let missed = 0
let extra = 0
for (const row of readLabelledRows(given.length ? given : allTrainingSets())) {
  const want = row.flags.includes(flag)
  const got = analyzeRules(row.text, {}).result.flags.includes(flag as PolicyFlag)
  if (want) gold++
  if (want && !got) missed++
  if (!want && got) extra++
  if (want !== got) console.log(`${want ? 'MISS' : 'FALSE'} ${row.id} ${row.text.slice(0, 200)}`)
}
console.log(`${flag}: ${gold} labelled, ${missed} missed by the rules, ${extra} flagged wrongly`)
