// Runs in: main process / CLI (Node). Reply drafts and their policy check, for the workflow service:
// templates per situation filled from the school profile, and the reasons a draft may not be sent.
export { checkDraft, ISSUE_CODES } from './check'
export type { CheckContext, CheckIssue, CheckResult, IssueCode } from './check'
export { generateDrafts, platformOf, situationsFor, templatesFor } from './generate'
export type { Draft, DraftDetails, DraftMention } from './generate'
export { DRAFT_PLATFORMS, LIMITS, measure, xWeightedLength, utf8Bytes } from './limits'
export type { DraftPlatform, PlatformLimit } from './limits'
export { GAP, headSignoff, profileValues } from './profile'
export type { DraftSchool } from './profile'
export { britishSpeller } from './spelling'
export type { Speller } from './spelling'
export { SITUATIONS, TEMPLATES } from './templates'
export type { Situation, Template } from './templates'
