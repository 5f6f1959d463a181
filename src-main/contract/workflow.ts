// Runs in: both processes (common). The workflow as the screens see it: triage, SLA clocks, the daily
// check, reply drafts with their policy check, and the head's approval. The rules themselves live in
// src-main/workflow (pure modules); this file is only their shapes at the boundary.
import { z } from 'zod'
import { op } from './op'
import { Mention } from './sources'
import { POLICY_FLAGS } from './taxonomy'
import { Day } from './trends'

export const TRIAGE_STATES = ['new', 'triaged', 'resolved'] as const
export type TriageState = (typeof TRIAGE_STATES)[number]
export const TRIAGE_OUTCOMES = ['no_action', 'monitor', 'respond', 'escalate'] as const
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number]
export const TRIAGE_OUTCOME_LABELS: Record<TriageOutcome, string> = {
  no_action: 'No action',
  monitor: 'Monitor',
  respond: 'Respond',
  escalate: 'Escalate',
}

export const SITUATIONS = [
  'complaint',
  'praise',
  'question',
  'removal_notice',
  'correction',
  'wikipedia_edit_request',
  'report_to_platform',
] as const
export type Situation = (typeof SITUATIONS)[number]
export const SITUATION_LABELS: Record<Situation, string> = {
  complaint: 'Complaint reply',
  praise: 'Thank you',
  question: 'Answer a question',
  removal_notice: 'Removal notice',
  correction: 'Factual correction',
  wikipedia_edit_request: 'Wikipedia edit request',
  report_to_platform: 'Report to the platform',
}

/** What a removal notice does to the original comment after approval. */
export const MODERATIONS = ['hide', 'delete'] as const
export type Moderation = (typeof MODERATIONS)[number]

export const DRAFT_PLATFORMS = [
  'google',
  'facebook',
  'instagram',
  'x',
  'wikipedia',
  'other',
] as const
export type DraftPlatform = (typeof DRAFT_PLATFORMS)[number]

export const ISSUE_CODES = [
  'empty',
  'missing_field',
  'markup',
  'pupil_named',
  'staff_named',
  'personal_data',
  'argues',
  'individual_case',
  'promises_outcome',
  'sarcasm',
  'spelling',
  'too_long',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

const Iso = z.string()
const MentionId = z.number('mention id must be a number').int().positive()
const DraftId = z.number('draft id must be a number').int().positive()

export const Triage = z.object({
  state: z.enum(TRIAGE_STATES),
  outcome: z.enum(TRIAGE_OUTCOMES).nullable(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  snoozedUntil: Iso.nullable(),
  respondedAt: Iso.nullable(),
  updatedAt: Iso.nullable(),
})
export type Triage = z.output<typeof Triage>

export const SlaView = z.object({
  rule: z.string(),
  label: z.string(),
  dueAt: Iso,
  timeLeftMs: z.number(),
  breached: z.boolean(),
  responded: z.boolean(),
  urgent: z.boolean(),
  pausedReason: z.string().optional(),
  /** "Due today 17:00 (3 hours 5 minutes left)", "Overdue by 2 hours", … */
  text: z.string(),
})
export type SlaView = z.output<typeof SlaView>

/** A mention in the workflow: its triage, its SLA clock, and whether its details are withheld. */
export const WorkItem = Mention.extend({
  triage: Triage,
  sla: SlaView,
  /**
   * True when this is a safeguarding item and the user may not read it: text, title, author and
   * evidence are blanked, and opening it is refused.
   */
  restricted: z.boolean(),
  /** Drafts on it that wait for the head. */
  pendingDrafts: z.number().int(),
})
export type WorkItem = z.output<typeof WorkItem>

export const InboxQuery = z.object({
  schoolId: z.number().int().positive(),
  state: z.enum([...TRIAGE_STATES, 'open', 'all']).default('open'),
  assignee: z
    .union([z.literal('me'), z.literal('unassigned'), z.number().int().positive()])
    .optional(),
  /** Full-text search over title, text and author (SQLite FTS5). */
  search: z.string().trim().max(200).optional(),
  includeSnoozed: z.boolean().default(false),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  priority: z.enum(['urgent', 'high', 'normal', 'low']).optional(),
  flag: z.enum(POLICY_FLAGS, `flag must be one of: ${POLICY_FLAGS.join(', ')}`).optional(),
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** Rows to skip, newest first: the Mentions list fetches any page of a long result by its offset. */
  offset: z
    .number()
    .int('offset must be a whole number')
    .min(0, 'offset cannot be negative')
    .max(10_000_000, 'offset is too large')
    .optional(),
  /** Also count every row the filter matches (`total`): the list sizes its scrollbar with it. */
  withTotal: z.boolean().optional(),
  /** Only mentions said on or after / on or before this day (Europe/London), as the trends count them. */
  from: Day.optional(),
  to: Day.optional(),
  sourceId: z.number().int().positive().optional(),
  /** A theme's key from trends.themes (a seed theme, or "term:…" for an emerging one). */
  theme: z.string().trim().min(1).max(100).optional(),
})
export type InboxQuery = z.input<typeof InboxQuery>

export const InboxPage = z.object({
  items: z.array(WorkItem),
  nextBeforeId: z.number().int().nullable(),
  /** Every row the filter matches (only when asked for with `withTotal`). */
  total: z.number().int().min(0).optional(),
})

const future = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field} must be an ISO date-time` })

export const TriageInput = z
  .object({
    ids: z
      .array(MentionId)
      .min(1, 'Choose at least one mention')
      .max(500, 'At most 500 mentions at once'),
    state: z.enum(TRIAGE_STATES).optional(),
    outcome: z.enum(TRIAGE_OUTCOMES).optional(),
    /** null: unassign. */
    assigneeId: z.number().int().positive().nullable().optional(),
    /** null: wake now. */
    snoozeUntil: future('snoozeUntil').nullable().optional(),
  })
  .refine(
    (t) =>
      t.state !== undefined ||
      t.outcome !== undefined ||
      t.assigneeId !== undefined ||
      t.snoozeUntil !== undefined,
    { message: 'Say what to change: state, outcome, assignee or snooze', path: ['state'] },
  )
export type TriageInput = z.input<typeof TriageInput>

// ---- Drafts and approval ----------------------------------------------------------------------

export const DRAFT_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'sent_back',
  'rejected',
  'posted',
] as const
export type DraftStatus = (typeof DRAFT_STATUSES)[number]

export const CheckIssue = z.object({
  code: z.enum(ISSUE_CODES),
  message: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
})
export type CheckIssue = z.output<typeof CheckIssue>
export const CheckResult = z.object({ ok: z.boolean(), issues: z.array(CheckIssue) })
export type CheckResult = z.output<typeof CheckResult>

export const Decision = z.object({
  decision: z.enum(['approved', 'sent_back', 'rejected']),
  version: z.number().int(),
  note: z.string(),
  by: z.string(),
  at: Iso,
})

export const DraftVersion = z.object({
  version: z.number().int(),
  body: z.string(),
  by: z.string(),
  at: Iso,
})

/** How an approved draft reaches the platform. */
export const PostRoute = z.discriminatedUnion('kind', [
  /** Footprint posts it through the source's connector after the undo window. */
  z.object({ kind: z.literal('connector'), label: z.string() }),
  /** Copy the text, open the post, paste; then record the reply's address. */
  z.object({ kind: z.literal('manual'), openUrl: z.string().nullable(), label: z.string() }),
])
export type PostRoute = z.output<typeof PostRoute>

export const DraftView = z.object({
  id: z.number().int(),
  /** Null when the mention was deleted: the draft stays, as a record, but cannot be posted. */
  mentionId: z.number().int().nullable(),
  schoolId: z.number().int(),
  situation: z.enum(SITUATIONS),
  platform: z.enum(DRAFT_PLATFORMS),
  template: z.string(),
  body: z.string(),
  version: z.number().int(),
  status: z.enum(DRAFT_STATUSES),
  check: CheckResult,
  createdBy: z.string(),
  createdAt: Iso,
  updatedAt: Iso,
  submittedBy: z.string().nullable(),
  submittedAt: Iso.nullable(),
  decisions: z.array(Decision),
  versions: z.array(DraftVersion),
  route: PostRoute,
  /** Removal notices: hide or delete the original comment once approved (null: leave it). */
  moderation: z.enum(MODERATIONS).nullable(),
  /** Queued to post through the connector at this time; undo before it. */
  postAfter: Iso.nullable(),
  postError: z.string().nullable(),
  postedUrl: z.string().nullable(),
  postedAt: Iso.nullable(),
})
export type DraftView = z.output<typeof DraftView>

export const DraftDetails = z.object({
  link: z.string().max(500).optional(),
  articleTitle: z.string().max(300).optional(),
  fact: z.string().max(2000).optional(),
  currentText: z.string().max(4000).optional(),
  proposedChange: z.string().max(4000).optional(),
  changeReason: z.string().max(2000).optional(),
  reference: z.string().max(1000).optional(),
})

const DRAFT_MAX = 20_000
const Body = z
  .string('Draft text must be text')
  .max(DRAFT_MAX, `A draft must be at most ${DRAFT_MAX.toLocaleString('en-GB')} characters`)

export const MentionDetail = z.object({
  item: WorkItem,
  drafts: z.array(DraftView),
  /** Situations the mention calls for, most fitting first (empty: no public reply, e.g. safeguarding). */
  situations: z.array(z.enum(SITUATIONS)),
  incidents: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.string() })),
})
export type MentionDetail = z.output<typeof MentionDetail>

export const ApprovalItem = z.object({ draft: DraftView, mention: WorkItem.nullable() })
export type ApprovalItem = z.output<typeof ApprovalItem>

// ---- Today ------------------------------------------------------------------------------------

export const DailyCheck = z.object({
  /** When this user last marked the daily check done for this school; null: never. */
  lastCheckAt: Iso.nullable(),
  /** Mentions that arrived since then, urgent first. */
  newItems: z.array(WorkItem),
  /** Open items with a running SLA clock, soonest due first. */
  dueItems: z.array(WorkItem),
  /** The highest mention id shown, for "mark as checked". */
  throughId: z.number().int(),
  /** Drafts waiting for this user's approval (heads only; others 0). */
  awaitingApproval: z.number().int(),
  assignedToMe: z.number().int(),
})
export type DailyCheck = z.output<typeof DailyCheck>

export const WorkflowSettings = z.object({
  complaintsUrl: z.union([
    z.literal(''),
    z.url({
      protocol: /^https?$/,
      error: 'Complaints procedure link must be a web address (https://…)',
    }),
  ]),
  calendar: z.object({
    timeZone: z.string().default('Europe/London'),
    workingHours: z.object({
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Start must be a time such as 08:00'),
      end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'End must be a time such as 17:00'),
    }),
    closures: z
      .array(
        z.object({
          from: z.iso.date('From must be a date'),
          to: z.iso.date('To must be a date'),
          reason: z.string().trim().min(1, 'Say why the school is closed').max(200),
        }),
      )
      .max(2000),
  }),
})
export type WorkflowSettings = z.output<typeof WorkflowSettings>

const SchoolRef = z.object({ schoolId: z.number().int().positive() })

export const workflowOps = {
  'inbox.list': op(
    InboxQuery,
    InboxPage,
    'Mentions with triage and SLA clocks, filtered and searched',
  ),
  'mentions.get': op(
    z.object({ id: MentionId }),
    MentionDetail,
    'One mention with its drafts, SLA clock and incidents (refused for restricted items)',
  ),
  'mentions.triage': op(
    TriageInput,
    z.object({ updated: z.number().int() }),
    'Triage, assign or snooze one or many mentions',
  ),
  'mentions.delete': op(
    z.object({ id: MentionId }),
    z.object({ id: z.number().int(), draftsKept: z.number().int() }),
    'Delete a mention (not evidence in an incident); its drafts stay as a record',
  ),
  'today.check': op(SchoolRef, DailyCheck, 'The daily check: what is new since my last check'),
  'today.markChecked': op(
    SchoolRef.extend({ throughId: z.number().int().min(0) }),
    z.object({ checkedAt: Iso }),
    'Mark the daily check done up to a mention',
  ),
  'workflow.settings': op(SchoolRef, WorkflowSettings, 'The school’s calendar and complaints link'),
  'workflow.updateSettings': op(
    SchoolRef.extend({ settings: WorkflowSettings }),
    WorkflowSettings,
    'Change the school’s calendar and complaints link',
  ),
  'drafts.generate': op(
    z.object({
      mentionId: MentionId,
      situation: z.enum(SITUATIONS).optional(),
      details: DraftDetails.default({}),
    }),
    z.array(DraftView),
    'Write drafts for a mention from the templates, filled from the school profile',
  ),
  'drafts.create': op(
    z.object({ mentionId: MentionId, situation: z.enum(SITUATIONS), body: Body }),
    DraftView,
    'Start a draft from your own words',
  ),
  'drafts.update': op(
    z.object({ id: DraftId, body: Body, version: z.number().int().positive() }),
    DraftView,
    'Edit a draft: a new version; an approved or submitted draft returns to draft',
  ),
  'drafts.submit': op(
    z.object({ id: DraftId, version: z.number().int().positive() }),
    DraftView,
    'Send a draft to the head; refused while the policy check finds problems',
  ),
  'drafts.decide': op(
    z.object({
      id: DraftId,
      version: z.number().int().positive(),
      decision: z.enum(['approved', 'sent_back', 'rejected']),
      note: z.string().trim().max(2000).default(''),
    }),
    DraftView,
    'Approve, send back with a note, or reject a submitted draft (approvers only)',
  ),
  'drafts.discard': op(
    z.object({ id: DraftId }),
    z.object({ id: z.number().int() }),
    'Delete a draft that was never approved',
  ),
  'drafts.post': op(
    z.object({ id: DraftId }),
    DraftView,
    'Post an approved draft through its connector after the undo window',
  ),
  'drafts.undoPost': op(z.object({ id: DraftId }), DraftView, 'Cancel a queued post'),
  'drafts.setModeration': op(
    z.object({
      id: DraftId,
      version: z.number().int().positive(),
      moderation: z.enum(MODERATIONS, 'moderation must be hide, delete or null').nullable(),
    }),
    DraftView,
    'Say whether an approved removal notice also hides or deletes the original comment (before submitting)',
  ),
  'drafts.recordPosted': op(
    z.object({
      id: DraftId,
      url: z.url({
        protocol: /^https?$/,
        error: 'The reply’s address must be a web address (https://…)',
      }),
    }),
    DraftView,
    'Record that an approved draft was posted by hand, with the reply’s address',
  ),
  'approvals.list': op(
    z.object({ schoolId: z.number().int().positive().optional() }),
    z.array(ApprovalItem),
    'Drafts waiting for the head, oldest first, each beside its original',
  ),
} as const
