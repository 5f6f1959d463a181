// Runs in: main process / CLI (Node), pure. The reply templates, one per situation and length, written to
// be read and edited by the school office. Words in {braces} are filled in from the school profile or
// the mention; where something is not known the draft keeps a [square-bracket gap] and the policy check
// says so. Each template notes the policy line it follows. Tone, from Mellers Primary's policy:
// "Engaging, Conversational, Informative, Friendly" and "Take care with spelling and grammar".
import type { DraftPlatform } from './limits'

// The list of situations is part of the contract (the screens offer them); the templates are here.
export { SITUATIONS, type Situation } from '../../contract/workflow'
import type { Situation } from '../../contract/workflow'

export interface Template {
  id: string
  situation: Situation
  /** "short" fits a post on X; "full" is for platforms with room to be warm and complete. */
  variant: 'full' | 'short'
  platforms: readonly DraftPlatform[]
  text: string
}

const REPLY_ROOM: readonly DraftPlatform[] = ['google', 'facebook', 'instagram', 'other']
const EVERY_REPLY: readonly DraftPlatform[] = ['google', 'facebook', 'instagram', 'x', 'other']
const OWN_CHANNELS: readonly DraftPlatform[] = ['facebook', 'instagram', 'x', 'other']
const OWN_CHANNELS_WITH_ROOM: readonly DraftPlatform[] = ['facebook', 'instagram', 'other']

export const TEMPLATES: readonly Template[] = [
  // Policy (Stanburn, Meadlands): "If parents have a concern about the school, we would urge them to
  // contact us directly and in private to resolve the matter. If an issue cannot be resolved in this
  // way, the school complaints procedure should be followed." PRODUCT.md: only the head answers
  // negative posts and never discusses pupils or staff, so the head signs and names nobody.
  {
    id: 'complaint.full',
    situation: 'complaint',
    variant: 'full',
    platforms: REPLY_ROOM,
    text:
      'Thank you for taking the time to get in touch, and we are sorry to hear that you are unhappy. ' +
      'We take every concern seriously and would like to understand more.\n\n' +
      'So that we can talk it through properly and in private, please contact the school office on ' +
      '{phone} or at {email} and we will arrange a time to speak. If a concern cannot be resolved ' +
      'that way, our complaints procedure sets out the next steps: {complaintsUrl}\n\n{headSignoff}',
  },
  // Policy (Meadlands, X): "Where possible such a tweet will be acknowledged and the author invited in
  // to school to discuss the matter further."
  {
    id: 'complaint.short',
    situation: 'complaint',
    variant: 'short',
    platforms: EVERY_REPLY,
    text:
      'Thank you for getting in touch, and we are sorry you are unhappy. Please contact the office ' +
      'privately on {phone} or {email} so we can talk it through. ' +
      'Complaints procedure: {complaintsUrl}\n{headSignoff}',
  },
  // Policy (PRODUCT.md, from the policies): praise is answered with thanks that credit the team, and
  // never names pupils. Hatfeild/Joseph Hood: no "names and photos of individuals" on Facebook.
  {
    id: 'praise.full',
    situation: 'praise',
    variant: 'full',
    platforms: REPLY_ROOM,
    text:
      'Thank you so much for your kind words! They mean a great deal to the whole team at {school}, ' +
      'who work hard to make school a happy, safe and exciting place to learn. We will share your ' +
      'message with all the staff.\n\n{teamSignoff}',
  },
  {
    id: 'praise.short',
    situation: 'praise',
    variant: 'short',
    platforms: EVERY_REPLY,
    text: 'Thank you so much for your kind words! We will pass them on to the whole team.\n{teamSignoff}',
  },
  // Policy (Stanburn): the official account "will respond to general enquiries about the school, but
  // asks parents/carers not to use this channel to communicate about their children"; Mellers: any
  // query "must be responded to within 24 hours ... even if the response is only to acknowledge".
  {
    id: 'question.full',
    situation: 'question',
    variant: 'full',
    platforms: REPLY_ROOM,
    text:
      'Thank you for your question. The school office will be happy to help: please call {phone} or ' +
      'email {email}. You can also find lots of useful information on our website: {website}\n\n' +
      '{teamSignoff}',
  },
  {
    id: 'question.short',
    situation: 'question',
    variant: 'short',
    platforms: EVERY_REPLY,
    text:
      'Thanks for your question! The school office will be happy to help on {phone} or at {email}. ' +
      'More information: {website}\n{teamSignoff}',
  },
  // Policy (Mellers, "Handling abuse"): "block, report or delete other users or their comments/posts
  // and should inform the audience exactly why the action was taken". Hatfeild/Joseph Hood 2.4 lists
  // what is removed: abusive or inflammatory comments, spam, personal information, adverts.
  {
    id: 'removal_notice.full',
    situation: 'removal_notice',
    variant: 'full',
    platforms: OWN_CHANNELS_WITH_ROOM,
    text:
      'We have removed a comment from this post because {removalReason}. We welcome comments on our ' +
      'page and ask everyone to keep them kind and respectful, as our social media policy sets out. ' +
      'If you have a concern about the school, please contact the office directly on {phone} or at ' +
      '{email}.\n\n{teamSignoff}',
  },
  {
    id: 'removal_notice.short',
    situation: 'removal_notice',
    variant: 'short',
    platforms: OWN_CHANNELS,
    text:
      'We have removed a comment because {removalReason}. Please keep comments kind and respectful. ' +
      'Any concerns: {phone} or {email}.\n{teamSignoff}',
  },
  // Policy (Mellers, "The Do's"): "Express opinions in a balanced and measured manner", "Avoid
  // entering into debate/ argument". One calm fact and one link, signed by the head.
  {
    id: 'correction.full',
    situation: 'correction',
    variant: 'full',
    platforms: REPLY_ROOM,
    text:
      'Thank you for your interest in {school}. We would like to clarify one point: {fact} ' +
      'The details are on our website: {link}\n\n{headSignoff}',
  },
  {
    id: 'correction.short',
    situation: 'correction',
    variant: 'short',
    platforms: EVERY_REPLY,
    text: 'To clarify: {fact} Details: {link}\n{headSignoff}',
  },
  // Wikipedia's conflict-of-interest guidance: a connected contributor does not edit the article but
  // posts {{edit COI}} on its talk page, then "Specific text to be added or removed", "Reason for the
  // change" and "References supporting change", signed with four tildes (Template:Edit COI, "How to
  // use"; Wikipedia:Simple conflict of interest edit request). Staff are paid by the school, so the
  // paid-contribution disclosure on the user page is required too (WP:PAID), hence the first line.
  {
    id: 'wikipedia_edit_request.full',
    situation: 'wikipedia_edit_request',
    variant: 'full',
    platforms: ['wikipedia'],
    text:
      '== Edit request: {articleTitle} ==\n{{edit COI}}\n' +
      'Hello. I work for {school}, so I have a conflict of interest: I have disclosed this on my ' +
      'user page and will not edit the article myself. I would be grateful if an independent ' +
      'editor could review this request.\n\n' +
      '* Specific text to be added or removed: {proposedChange}\n' +
      '* Reason for the change: {changeReason}\n' +
      '* References supporting change: {reference}\n\n' +
      'Thank you for your time. ~~~~',
  },
  // Template:Edit COI suggests {{TextDiff|1=Existing text|2=Your proposed text}} to make the change
  // unmistakable; this variant is for replacing one sentence.
  {
    id: 'wikipedia_edit_request.textdiff',
    situation: 'wikipedia_edit_request',
    variant: 'short',
    platforms: ['wikipedia'],
    text:
      '== Edit request: {articleTitle} ==\n{{edit COI}}\n' +
      'Hello. I work for {school} and have disclosed this conflict of interest on my user page, so ' +
      'I am asking for this change rather than making it:\n\n' +
      '{{TextDiff|1={currentText}|2={proposedChange}}}\n\n' +
      '* Reason for the change: {changeReason}\n' +
      '* References supporting change: {reference}\n\n' +
      'Thank you. ~~~~',
  },
  // Policy (Stanburn, Meadlands): "Where an offending post has been made by a third party, the school
  // may report it to the platform where it is hosted". PRODUCT.md: POSH expects the platform's own
  // route tried first, and "as little third-party personal data as possible" — so the report links
  // to the post and never quotes it.
  {
    id: 'report_to_platform.full',
    situation: 'report_to_platform',
    variant: 'full',
    platforms: EVERY_REPLY,
    text:
      'We are {school}{where}, and we are reporting a {itemName} on {platformName}: {postUrl}\n\n' +
      'What is wrong: {reportReason}. We believe it breaks {rulesName} and ask you to remove it.\n\n' +
      'We have kept a copy of the {itemName} with the date and time we saw it, and have not shared ' +
      'it further. If you need anything else from us, please contact the school office on {phone} ' +
      'or at {email}.\n\n{teamSignoff}',
  },
  {
    id: 'report_to_platform.short',
    situation: 'report_to_platform',
    variant: 'short',
    platforms: EVERY_REPLY,
    text:
      'Report from {school}: {postUrl}\n{reportReason}. We believe this breaks {rulesName}. ' +
      'Contact: {email}',
  },
]

/** Per-platform words for reports: what the item is called and whose rules it breaks. */
export const PLATFORM_WORDS: Readonly<
  Record<DraftPlatform, { platformName: string; itemName: string; rulesName: string }>
> = {
  google: {
    platformName: 'Google',
    itemName: 'review',
    rulesName: "Google's policy for user-contributed content on Maps",
  },
  facebook: {
    platformName: 'Facebook',
    itemName: 'comment',
    rulesName: "Meta's Community Standards",
  },
  instagram: {
    platformName: 'Instagram',
    itemName: 'comment',
    rulesName: "Instagram's Community Guidelines",
  },
  x: { platformName: 'X', itemName: 'post', rulesName: 'the X Rules' },
  wikipedia: { platformName: 'Wikipedia', itemName: 'edit', rulesName: "Wikipedia's policies" },
  other: { platformName: 'your site', itemName: 'post', rulesName: 'your rules for users' },
}

/** Why a comment was removed, in words the audience can read (Mellers: "exactly why"). */
export const REMOVAL_REASONS: Readonly<Record<string, string>> = {
  personal_info: 'it shared personal information',
  hate: 'it contained hateful language',
  abuse: 'it contained insulting language aimed at people',
  threat: 'it contained a threat',
  sexual: 'it was not suitable for a school page',
  impersonation: 'it came from an account pretending to be someone else',
  spam: 'it was spam',
  commercial: 'it was an advert',
}
export const DEFAULT_REMOVAL_REASON = 'it did not follow our guidelines for comments'

/** What to tell a platform, by flag; the first matching flags are joined. */
export const REPORT_REASONS: Readonly<Record<string, string>> = {
  safeguarding: "the post puts a child's safety or privacy at risk",
  personal_info:
    "the post shares personal information about a member of our school community (such as a phone number, home address or a child's name) without consent",
  threat: 'the post contains a threat of violence or harm',
  sexual: 'the post contains sexual content about people in our school community',
  hate: 'the post contains hateful content aimed at people because of who they are',
  abuse: 'the post harasses and insults people in our school community',
  impersonation: 'the account is pretending to be our school or a member of our staff',
  spam: 'the post is spam',
  commercial: 'the post is advertising unrelated to the school',
}
