// Runs in: both processes (common). THE contract between the renderer and main: every operation the
// renderer may ask for, with its input and output schema. Both transports (Electron IPC and the
// browser-mode HTTP server) are generated from this table; nothing else may be called.
// This folder may import only zod: the renderer bundles it.
import { z } from 'zod'
import { School, SchoolInput, Id } from './school'
import { User, UserInput } from './user'
import {
  FetchRun,
  MentionPage,
  MentionsQuery,
  Source,
  SourceInput,
  SourceTestResult,
} from './sources'
import { analysisOps, VerdictCounts } from './analysis'

export * from './errors'
export * from './school'
export * from './user'
export * from './sources'
export * from './connectors'
export * from './capture'
import { captureOps, CaptureProgressEvent } from './capture'
export * from './secrets'
import { secretsOps } from './secrets'
export * from './analysis'
export * from './auth'
import { authOps, type Access } from './auth'
export * from './workflow'
import { workflowOps } from './workflow'
export * from './incidents'
import { incidentOps } from './incidents'
export * from './notifications'
import { notificationOps } from './notifications'
export * from './exports'
import { exportOps } from './exports'
export * from './trends'
import { trendsOps } from './trends'
export * from './reports'
import { reportOps } from './reports'
export * from './backup'
import { backupOps } from './backup'

import { op, NoInput } from './op'
export { op, NoInput } from './op'

export const AppStatus = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  /** False until first-run setup has created a school and a user. */
  setupComplete: z.boolean(),
  schoolCount: z.number().int(),
  userCount: z.number().int(),
})
export type AppStatus = z.output<typeof AppStatus>

export const SetupInput = z.object({
  school: SchoolInput,
  user: UserInput.omit({ schoolIds: true }),
})
export type SetupInput = z.input<typeof SetupInput>

export const TodaySummary = z.object({
  school: School,
  /** Counts that later features fill; zero means "nothing yet", never a made-up number. */
  sourceCount: z.number().int(),
  mentionCount: z.number().int(),
  /** Sources of this school (or of every school) whose last run failed. */
  failingSources: z.array(Source),
  /** The school's mentions by effective sentiment, priority and flag (corrections count). */
  verdicts: VerdictCounts,
})
export type TodaySummary = z.output<typeof TodaySummary>

export const contract = {
  'app.status': op(NoInput, AppStatus, 'What this install is and whether first-run setup is done'),
  'setup.complete': op(
    SetupInput,
    z.object({ school: School, user: User }),
    'First run: create the school profile and the first user together',
  ),
  'schools.list': op(NoInput, z.array(School), 'Every school of this install'),
  'schools.get': op(Id, School, 'One school profile'),
  'schools.create': op(SchoolInput, School, 'Add a school (a federation has several)'),
  'schools.update': op(Id.extend({ profile: SchoolInput }), School, 'Replace a school profile'),
  'users.list': op(NoInput, z.array(User), 'Every user'),
  'users.create': op(UserInput, User, 'Add a user'),
  'today.summary': op(
    z.object({ schoolId: Id.shape.id }),
    TodaySummary,
    'The daily check for one school',
  ),
  'sources.list': op(NoInput, z.array(Source), 'Every source with its health'),
  'sources.create': op(SourceInput, Source, 'Add a source'),
  'sources.update': op(
    Id.extend({ source: SourceInput }),
    Source,
    'Change a source (its state is kept when the kind is the same)',
  ),
  'sources.setEnabled': op(Id.extend({ enabled: z.boolean() }), Source, 'Pause or resume a source'),
  'sources.remove': op(Id, Id, 'Delete a source; its mentions stay, as evidence'),
  'sources.test': op(
    z.object({ source: SourceInput, id: Id.shape.id.optional() }),
    SourceTestResult,
    'Fetch now and show what would be stored; store nothing (id: an existing source, whose own items show as already stored)',
  ),
  'sources.pollNow': op(
    z.object({ id: Id.shape.id.optional() }),
    z.array(FetchRun),
    'Poll one source, or all, now; answers with the runs',
  ),
  'sources.runs': op(
    Id.extend({ limit: z.number().int().min(1).max(200).default(20) }),
    z.array(FetchRun),
    'Recent runs of a source',
  ),
  'mentions.list': op(MentionsQuery, MentionPage, 'Mentions, newest first, paged'),
  'mentions.notAboutUs': op(
    Id.extend({ term: z.string().trim().min(2).max(100).optional() }),
    z.object({ exclusion: z.string(), hidden: z.number().int() }),
    'Not about us: record an exclusion term for the school and hide the mentions it matches',
  ),
  ...captureOps,
  ...secretsOps,
  ...analysisOps,
  ...authOps,
  ...workflowOps,
  ...incidentOps,
  ...notificationOps,
  ...exportOps,
  ...trendsOps,
  ...reportOps,
  ...backupOps,
  'audit.verify': op(
    NoInput,
    z.union([
      z.object({ ok: z.literal(true), count: z.number().int() }),
      z.object({ ok: z.literal(false), brokenAt: z.number().int(), reason: z.string() }),
    ]),
    'Recompute the audit chain and name the first broken link',
  ),
} as const

export type Contract = typeof contract
export type OpName = keyof Contract
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>
/** What a handler receives: the input after validation, defaults and trimming. */
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>
export const OP_NAMES = Object.keys(contract) as OpName[]

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** Pushes from main to the renderer (IPC event or server-sent event). */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('schools.changed') }),
  z.object({ type: z.literal('users.changed') }),
  z.object({ type: z.literal('mentions.changed'), schoolId: z.number().int().optional() }),
  z.object({ type: z.literal('sources.changed') }),
  z.object({ type: z.literal('secrets.changed') }),
  /** Triage, drafts or approvals changed: lists and counts refresh. */
  z.object({ type: z.literal('workflow.changed'), schoolId: z.number().int().optional() }),
  z.object({ type: z.literal('incidents.changed'), schoolId: z.number().int().optional() }),
  /** Something to tell users: the screens fetch notifications.list (which applies permissions). */
  z.object({ type: z.literal('notifications.changed'), urgent: z.boolean() }),
  CaptureProgressEvent,
])
export type AppEvent = z.output<typeof AppEvent>

/**
 * Who may call each operation. Every operation must be listed (the type says so), and the service
 * checks it before the handler runs, whichever transport the call came in on.
 */
export const OP_ACCESS = {
  'app.status': 'public',
  'setup.complete': 'public',
  'auth.session': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'public',
  'schools.list': 'signed_in',
  'schools.get': 'signed_in',
  'schools.create': 'settings.manage',
  'schools.update': 'settings.manage',
  'users.list': 'signed_in',
  'users.create': 'users.manage',
  // Own password: any signed-in user; someone else's: the handler checks users.manage.
  'users.setPassword': 'signed_in',
  'users.update': 'users.manage',
  'users.remove': 'users.manage',
  'today.summary': 'mentions.read',
  'today.check': 'mentions.read',
  'today.markChecked': 'mentions.read',
  'sources.list': 'signed_in',
  'sources.create': 'settings.manage',
  'sources.update': 'settings.manage',
  'sources.setEnabled': 'settings.manage',
  'sources.remove': 'settings.manage',
  'sources.test': 'settings.manage',
  'sources.pollNow': 'mentions.triage',
  'sources.runs': 'signed_in',
  'mentions.list': 'mentions.read',
  'mentions.notAboutUs': 'mentions.edit',
  'mentions.correct': 'mentions.edit',
  'mentions.clearCorrection': 'mentions.edit',
  'mentions.corrections': 'mentions.read',
  'mentions.counts': 'mentions.read',
  'mentions.get': 'mentions.read',
  'mentions.triage': 'mentions.triage',
  'mentions.delete': 'settings.manage',
  'inbox.list': 'mentions.read',
  'capture.url': 'mentions.edit',
  'capture.image': 'mentions.edit',
  'capture.get': 'mentions.read',
  'capture.verify': 'mentions.read',
  'capture.mention': 'mentions.edit',
  'capture.ofMention': 'mentions.read',
  'evidence.verify': 'audit.read',
  // Exports list what the inbox lists for this user (safeguarding details withheld as there).
  'exports.mentions': 'mentions.read',
  'exports.audit': 'audit.read',
  'secrets.status': 'signed_in',
  'secrets.list': 'settings.manage',
  'secrets.set': 'settings.manage',
  'secrets.remove': 'settings.manage',
  'secrets.unlock': 'settings.manage',
  'secrets.setPassphrase': 'settings.manage',
  'workflow.settings': 'signed_in',
  'workflow.updateSettings': 'settings.manage',
  'drafts.generate': 'drafts.write',
  'drafts.create': 'drafts.write',
  'drafts.update': 'drafts.write',
  'drafts.submit': 'drafts.write',
  'drafts.decide': 'drafts.approve',
  'drafts.discard': 'drafts.write',
  'drafts.post': 'drafts.post',
  'drafts.undoPost': 'drafts.post',
  'drafts.setModeration': 'drafts.write',
  'drafts.recordPosted': 'drafts.post',
  'approvals.list': 'mentions.read',
  'incidents.list': 'mentions.read',
  'incidents.get': 'mentions.read',
  'incidents.create': 'incidents.manage',
  'incidents.addMentions': 'incidents.manage',
  'incidents.removeMention': 'incidents.manage',
  'incidents.addEvent': 'incidents.manage',
  'incidents.setStatus': 'incidents.manage',
  'notifications.list': 'signed_in',
  'notifications.markRead': 'signed_in',
  'notifications.settings': 'signed_in',
  'notifications.updateSettings': 'settings.manage',
  'digest.get': 'mentions.read',
  'trends.overview': 'mentions.read',
  'trends.themes': 'mentions.read',
  'trends.alerts': 'mentions.read',
  'trends.spikeSettings': 'mentions.read',
  'trends.updateSpikeSettings': 'settings.manage',
  'audit.verify': 'audit.read',
  // Snapshots hold no safeguarding detail: anyone who reads mentions may make one for governors.
  'reports.ofsted': 'mentions.read',
  'reports.snapshots': 'mentions.read',
  'reports.snapshotFile': 'mentions.read',
  'reports.posh': 'incidents.manage',
  // Backups, retention and SARs belong to whoever manages the set-up (head, ORM lead); restoring and
  // applying retention replace or delete data for the whole install: the handler also demands the head.
  'backups.list': 'settings.manage',
  'backups.run': 'settings.manage',
  'backups.updateSettings': 'settings.manage',
  'backups.check': 'settings.manage',
  'backups.restore': 'settings.manage',
  'retention.preview': 'settings.manage',
  'retention.apply': 'settings.manage',
  'retention.holds': 'settings.manage',
  'mentions.setLegalHold': 'settings.manage',
  // A SAR lists what this user may read (safeguarding details withheld as on screen).
  'sar.export': 'settings.manage',
} as const satisfies Record<OpName, Access>

/** The IPC channel of an operation: derived, never typed by hand. */
export const ipcChannel = (name: OpName): string => `footprint:${name}`
export const IPC_EVENT_CHANNEL = 'footprint:event'
