// Runs in: main process / CLI (Node). Public types of the analysis engine; renderer code may import them too.

export type SentimentLabel = 'negative' | 'neutral' | 'positive'

// The taxonomy is the contract's: users correct flags through it, and the contract may not import analysis code.
import { POLICY_FLAGS, type PolicyFlag } from '../contract/taxonomy'
export { POLICY_FLAGS, type PolicyFlag }

export type Priority = 'urgent' | 'high' | 'normal' | 'low'
export type OwnerRole = 'head' | 'dsl' | 'orm_lead'

export interface EvidenceSpan {
  /** UTF-16 offset into the ORIGINAL text. */
  start: number
  end: number
  signal: PolicyFlag | 'sentiment'
  rule: string
  explanation: string
}

export interface AnalysisResult {
  sentiment: { label: SentimentLabel; score: number }
  flags: PolicyFlag[]
  priority: Priority
  owner: OwnerRole
  evidence: EvidenceSpan[]
  engine: string
  engineVersion: string
}

export interface SchoolContext {
  name: string
  aliases?: string[]
  town?: string
  postcode?: string
  staff?: { name: string; title?: string; role?: string }[]
}

export interface AnalyzeContext {
  school?: SchoolContext
  source?: string
}

export interface AnalysisEngine {
  readonly id: string
  readonly version: string
  analyze(text: string, ctx?: AnalyzeContext): AnalysisResult
}
