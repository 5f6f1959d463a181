// Runs in: both processes (common). The analysis verdict as the screens see it (the effective verdict:
// a user's correction wins over the machine's), the evidence behind it, and the operations that let a
// user correct it, undo the correction, read its history and count verdicts.
import { z } from 'zod'
import { op } from './op'
import { Id } from './school'
import {
  OWNER_ROLES,
  POLICY_FLAGS,
  PRIORITIES,
  SENTIMENT_LABELS,
  type PolicyFlag,
} from './taxonomy'

export * from './taxonomy'

export const NOTE_MAX = 500

const Sentiment = z.enum(SENTIMENT_LABELS, 'Sentiment must be one of: negative, neutral, positive')
const Flag = z.enum(POLICY_FLAGS, {
  error: (issue) =>
    `"${String(issue.input)}" is not a policy flag; choose from: ${POLICY_FLAGS.join(', ')}`,
})

/** Taxonomy order, no repeats: two spellings of the same set are the same set. */
export function normaliseFlags(flags: readonly PolicyFlag[]): PolicyFlag[] {
  return POLICY_FLAGS.filter((f) => flags.includes(f))
}

/** The words that made the engine decide, located in the field the screens show. */
export const EvidenceSpan = z.object({
  /** Which shown field the offsets are in: the engine reads the title and the text together. */
  field: z.enum(['title', 'text']),
  /** UTF-16 offsets into that field, end exclusive. */
  start: z.number().int(),
  end: z.number().int(),
  signal: z.union([Flag, z.literal('sentiment')]),
  rule: z.string(),
  explanation: z.string(),
})
export type EvidenceSpan = z.output<typeof EvidenceSpan>

const Verdict = z.object({
  sentiment: z.object({ label: Sentiment, score: z.number() }),
  flags: z.array(Flag),
  priority: z.enum(PRIORITIES),
  owner: z.enum(OWNER_ROLES),
})

export const MentionAnalysis = Verdict.extend({
  /** The machine's evidence; flags a user added have none. */
  evidence: z.array(EvidenceSpan),
  /** One sentence per flag the machine found, saying why (its first piece of evidence). */
  explanations: z.partialRecord(Flag, z.string()),
  engine: z.string(),
  /** What the engine decided, whatever a user has said since. */
  machine: Verdict,
  /** The correction in force, or null when the machine's verdict stands. */
  correction: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
})
export type MentionAnalysis = z.output<typeof MentionAnalysis>

export const CorrectionInput = Id.extend({
  sentiment: Sentiment.optional(),
  /** The whole set of flags that apply (an empty list: none apply). */
  flags: z.array(Flag, 'Flags must be a list of policy flags').transform(normaliseFlags).optional(),
  note: z
    .string('Note must be text')
    .trim()
    .max(NOTE_MAX, `Note must be at most ${NOTE_MAX} characters`)
    .default(''),
}).refine((v) => v.sentiment !== undefined || v.flags !== undefined, {
  path: ['sentiment'],
  message: 'Choose the right sentiment or the right flags (or both) to correct the verdict',
})
export type CorrectionInput = z.input<typeof CorrectionInput>

/** One row of a mention's correction history, newest first. */
export const CorrectionEntry = z.object({
  id: z.number().int(),
  kind: z.enum(['correction', 'cleared']),
  by: z.string(),
  at: z.string(),
  note: z.string(),
  /** What the verdict became; null for "back to the machine's verdict". */
  sentiment: Sentiment.nullable(),
  flags: z.array(Flag).nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  owner: z.enum(OWNER_ROLES).nullable(),
})
export type CorrectionEntry = z.output<typeof CorrectionEntry>

/** Effective verdicts of a school's counted mentions (no duplicates, nothing "not about us"). */
export const VerdictCounts = z.object({
  analysed: z.number().int(),
  corrected: z.number().int(),
  sentiment: z.record(Sentiment, z.number().int()),
  priority: z.record(z.enum(PRIORITIES), z.number().int()),
  flags: z.record(Flag, z.number().int()),
})
export type VerdictCounts = z.output<typeof VerdictCounts>

export const analysisOps = {
  'mentions.correct': op(
    CorrectionInput,
    MentionAnalysis,
    "Correct a mention's sentiment and/or flags (priority and owner follow); kept in its history and audited",
  ),
  'mentions.clearCorrection': op(
    Id,
    MentionAnalysis,
    "Back to the machine's verdict; the history keeps every earlier correction",
  ),
  'mentions.corrections': op(
    Id,
    z.array(CorrectionEntry),
    'Every correction of a mention, newest first: who, when, what, why',
  ),
  'mentions.counts': op(
    z.object({ schoolId: Id.shape.id }),
    VerdictCounts,
    "A school's mentions by effective sentiment, priority and flag",
  ),
} as const
