// Runs in: both processes (common). Incidents: mentions grouped into one story (a trolling campaign, a
// thread), with a dated timeline of what the school did about it. The POSH pack exports an incident.
import { z } from 'zod'
import { op } from './op'

export const INCIDENT_EVENT_KINDS = [
  'reported_to_platform',
  'platform_response',
  'parent_meeting_invited',
  'complaints_procedure',
  'dsl_informed',
  'lado_informed',
  'police_informed',
  'posh_contacted',
  'note',
] as const
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number]
export const INCIDENT_EVENT_LABELS: Record<IncidentEventKind, string> = {
  reported_to_platform: 'Reported to the platform',
  platform_response: 'Platform responded',
  parent_meeting_invited: 'Parent invited to a meeting',
  complaints_procedure: 'Complaints procedure started',
  dsl_informed: 'DSL informed',
  lado_informed: 'LADO informed',
  police_informed: 'Police informed',
  posh_contacted: 'POSH contacted',
  note: 'Note',
}
/** A platform report with no answer for this long gets a reminder. */
export const PLATFORM_REPLY_REMINDER_HOURS = 48

const Iso = z.string()
const IncidentId = z.number('incident id must be a number').int().positive()

export const IncidentEvent = z.object({
  id: z.number().int(),
  kind: z.enum(INCIDENT_EVENT_KINDS),
  occurredAt: Iso,
  reference: z.string(),
  note: z.string(),
  by: z.string(),
  createdAt: Iso,
})
export type IncidentEvent = z.output<typeof IncidentEvent>

export const IncidentReminder = z.object({ eventId: z.number().int(), message: z.string() })

export const IncidentSummary = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(['open', 'closed']),
  /** Holds a safeguarding item: only the DSL and the head may open it. */
  safeguarding: z.boolean(),
  restricted: z.boolean(),
  mentionCount: z.number().int(),
  lastEventAt: Iso.nullable(),
  reminders: z.array(IncidentReminder),
  createdBy: z.string(),
  createdAt: Iso,
  closedAt: Iso.nullable(),
})
export type IncidentSummary = z.output<typeof IncidentSummary>

export const IncidentMention = z.object({
  id: z.number().int(),
  sourceName: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  text: z.string(),
  firstSeenAt: Iso,
  publishedAt: Iso.nullable(),
})

export const Incident = IncidentSummary.extend({
  mentions: z.array(IncidentMention),
  events: z.array(IncidentEvent),
})
export type Incident = z.output<typeof Incident>

const Title = z
  .string('Title must be text')
  .trim()
  .min(3, 'Title must be at least 3 characters')
  .max(200, 'Title must be at most 200 characters')

export const incidentOps = {
  'incidents.list': op(
    z.object({
      schoolId: z.number().int().positive(),
      status: z.enum(['open', 'closed', 'all']).default('open'),
    }),
    z.array(IncidentSummary),
    'Incidents of a school, newest activity first, with reminders',
  ),
  'incidents.get': op(
    z.object({ id: IncidentId }),
    Incident,
    'An incident with its mentions and timeline',
  ),
  'incidents.create': op(
    z.object({
      schoolId: z.number().int().positive(),
      title: Title,
      summary: z.string().trim().max(4000).default(''),
      mentionIds: z.array(z.number().int().positive()).max(500).default([]),
    }),
    Incident,
    'Open an incident, optionally with mentions',
  ),
  'incidents.addMentions': op(
    z.object({ id: IncidentId, mentionIds: z.array(z.number().int().positive()).min(1).max(500) }),
    Incident,
    'Add mentions to an incident',
  ),
  'incidents.removeMention': op(
    z.object({ id: IncidentId, mentionId: z.number().int().positive() }),
    Incident,
    'Take a mention out of an incident',
  ),
  'incidents.addEvent': op(
    z.object({
      id: IncidentId,
      kind: z.enum(INCIDENT_EVENT_KINDS, `Kind must be one of: ${INCIDENT_EVENT_KINDS.join(', ')}`),
      occurredAt: z.iso.datetime({ offset: true, error: 'When must be a date and time' }),
      reference: z.string().trim().max(300).default(''),
      note: z.string().trim().max(4000).default(''),
    }),
    Incident,
    'Add a dated action to the timeline (report, response, meeting, DSL, LADO, police, POSH)',
  ),
  'incidents.setStatus': op(
    z.object({ id: IncidentId, status: z.enum(['open', 'closed']) }),
    Incident,
    'Close or reopen an incident',
  ),
} as const
