// Runs in: CLI (Node), imported by the scripts that score the engine against labelled training
// sets (rule-misses, score-sets). One reader, so both refuse the blind corpus file the same way.
import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { SentimentLabel } from '../../src-main/analysis/types'

export interface LabelledRow {
  id: string
  text: string
  source?: string
  sentiment: SentimentLabel
  flags: string[]
}

const TRAIN_DIR = join(import.meta.dirname, '..', '..', 'src-main', 'analysis', 'train')

/** Every training set in src-main/analysis/train, in name order. */
export function allTrainingSets(): string[] {
  return readdirSync(TRAIN_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(TRAIN_DIR, f))
}

/** The rows of the given files; exits (2) on the blind part3.jsonl, which only eval may read. */
export function readLabelledRows(files: readonly string[]): LabelledRow[] {
  if (files.some((f) => basename(f) === 'part3.jsonl')) {
    console.error('part3.jsonl is the blind evaluation set: only npm run eval may read it')
    process.exit(2)
  }
  const rows: LabelledRow[] = []
  for (const file of files)
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.trim()) {
        const row = JSON.parse(line) as LabelledRow
        rows.push({ ...row, flags: Array.isArray(row.flags) ? row.flags : [] })
      }
  return rows
}
