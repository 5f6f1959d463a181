// Runs in: Vitest (Node). Shared fixtures for the analysis tests.
import { join } from 'node:path'
import { analyzeBuiltin } from '../../src-main/analysis/engine'
import { loadSchoolProfile } from '../../src-main/analysis/profile'
import type { AnalysisResult } from '../../src-main/analysis/types'

export const school = loadSchoolProfile(
  join(import.meta.dirname, '..', 'corpus', 'school-profile.json'),
)

/** Throws on an engine bug instead of hiding it behind the fallback result. */
export function analyze(text: string, source?: string): AnalysisResult {
  return analyzeBuiltin(text, { school, source })
}

export function spansFor(r: AnalysisResult, text: string, signal: string): string[] {
  return r.evidence.filter((e) => e.signal === signal).map((e) => text.slice(e.start, e.end))
}
