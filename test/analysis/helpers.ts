// Runs in: Vitest (Node). Shared fixtures for the analysis tests.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeBuiltin } from '../../src-main/analysis/engine'
import { OUTPUTS, SENTIMENT_LABELS } from '../../src-main/analysis/learned'
import { loadSchoolProfile } from '../../src-main/analysis/profile'
import {
  type AnalysisResult,
  POLICY_FLAGS,
  type PolicyFlag,
  type SentimentLabel,
} from '../../src-main/analysis/types'

export const school = loadSchoolProfile(
  join(import.meta.dirname, '..', 'corpus', 'school-profile.json'),
)

/** The texts of the opened corpus files (part1, part2): never the blind ones. */
export function openedCorpusTexts(): string[] {
  return ['part1.jsonl', 'part2.jsonl'].flatMap((f) =>
    readFileSync(join(import.meta.dirname, '..', 'corpus', f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  )
}

/** Throws on an engine bug instead of hiding it behind the fallback result. */
export function analyze(text: string, source?: string): AnalysisResult {
  return analyzeBuiltin(text, { school, source })
}

export function spansFor(r: AnalysisResult, text: string, signal: string): string[] {
  return r.evidence.filter((e) => e.signal === signal).map((e) => text.slice(e.start, e.end))
}

/**
 * One row of a hand-made weights file: the feature's name, then its weight (in the file's
 * integers) for each output, zero where `push` names none.
 */
export function weightRow(
  name: string,
  push: Partial<Record<PolicyFlag | SentimentLabel, number>>,
): [string, ...number[]] {
  const w = new Array<number>(OUTPUTS).fill(0)
  SENTIMENT_LABELS.forEach((l, k) => (w[k] = push[l] ?? 0))
  POLICY_FLAGS.forEach((fl, j) => (w[3 + j] = push[fl] ?? 0))
  return [name, ...w]
}
