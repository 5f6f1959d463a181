// Runs in: main process / CLI (Node), pure. What a draft is filled from: the school profile, and the gaps
// left where the profile has nothing. We never invent contact details: a gap is visible and reported.
import type { School } from '../../contract/school'

/** The profile fields drafts use. `complaintsUrl` is not in the stored profile yet; callers may pass it. */
export type DraftSchool = Pick<
  School,
  'name' | 'phone' | 'email' | 'website' | 'headName' | 'staff'
> &
  Partial<Pick<School, 'postcode' | 'town' | 'localAuthority' | 'aliases'>> & {
    complaintsUrl?: string
  }

export const PROFILE_FIELDS = [
  'name',
  'phone',
  'email',
  'website',
  'complaintsUrl',
  'head',
] as const
export type ProfileField = (typeof PROFILE_FIELDS)[number]
/** What only the person drafting knows: the facts, the link, the wording they want on Wikipedia. */
export const DETAIL_FIELDS = [
  'postUrl',
  'fact',
  'currentText',
  'proposedChange',
  'changeReason',
  'reference',
  'reportReason',
] as const
export type DetailField = (typeof DETAIL_FIELDS)[number]
export type GapField = ProfileField | DetailField
const GAP_FIELDS: readonly GapField[] = [...PROFILE_FIELDS, ...DETAIL_FIELDS]

/** The text left in a draft for each missing field: square brackets so it cannot pass for real data. */
export const GAP: Readonly<Record<GapField, string>> = {
  name: '[school name]',
  phone: '[office phone]',
  email: '[office email]',
  website: '[school website]',
  complaintsUrl: '[complaints procedure link]',
  head: "[headteacher's name]",
  postUrl: '[link to the post]',
  fact: '[the correct facts, in one or two sentences]',
  currentText: '[the sentence as it stands in the article]',
  proposedChange: '[the exact wording to add, change or remove]',
  changeReason: '[why: e.g. out of date, unsourced, inaccurate]',
  reference: '[a published, independent source that supports the change]',
  reportReason: '[what is wrong with the post]',
}

export const GAP_MESSAGE: Readonly<Record<GapField, string>> = {
  name: "The school's name is missing from the school profile; type it in or add it in Settings.",
  phone:
    'The school profile has no office phone number, so the draft has a gap. Add it in Settings or type it in: never a personal number.',
  email:
    'The school profile has no office email, so the draft has a gap. Add it in Settings or type it in: never a personal address.',
  website: 'The school profile has no website address, so the draft has a gap where it would go.',
  complaintsUrl:
    'No link to the complaints procedure is known, so the draft has a gap. Paste the link to the published procedure.',
  head: "The school profile has no headteacher's name, so the sign-off has a gap. Only the head replies to negative posts.",
  postUrl: 'The link to the post is not known: paste it in so the platform can find the post.',
  fact: 'Write in the correct facts: calm, short, and checkable on the school website.',
  currentText: 'Paste the sentence as it stands in the article, so the editor can find it.',
  proposedChange: 'Write the exact wording you are asking for: editors act on specific requests.',
  changeReason: 'Say why the change is needed (out of date, unsourced, inaccurate).',
  reference:
    "Add an independent published source: Wikipedia editors will not act on the school's word alone.",
  reportReason: 'Say what is wrong with the post (for example personal information or harassment).',
}

const TITLE = /^(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/i

export interface HeadSignoff {
  /** "Mrs Okafor": how the head signs; null when the profile has no head. */
  name: string | null
  role: string
}

/**
 * How the head signs a reply: title and surname where we know the title (from the name itself or the
 * staff list), else the full name; the role from the staff list when it is a head's role.
 */
export function headSignoff(school: DraftSchool): HeadSignoff {
  const full = school.headName.trim()
  if (!full) return { name: null, role: 'Headteacher' }
  const bare = full.replace(TITLE, '')
  const entry = school.staff.find(
    (s) => s.name.replace(TITLE, '').trim().toLowerCase() === bare.toLowerCase(),
  )
  const role = entry?.role && /head/i.test(entry.role) ? entry.role : 'Headteacher'
  const title = TITLE.exec(full)?.[1] ?? (entry?.title ? entry.title.replace(/\.$/, '') : '')
  const surname = bare.split(/\s+/).pop() as string
  return { name: title ? `${title} ${surname}` : bare, role }
}

export interface FillValues {
  values: Record<string, string>
  missing: ProfileField[]
}

/** Placeholder values from the profile; each missing field becomes its gap and is listed. */
export function profileValues(school: DraftSchool): FillValues {
  const missing: ProfileField[] = []
  const pick = (field: ProfileField, v: string | undefined): string => {
    const t = (v ?? '').trim()
    if (t) return t
    missing.push(field)
    return GAP[field]
  }
  const head = headSignoff(school)
  const schoolName = pick('name', school.name)
  const values: Record<string, string> = {
    school: schoolName,
    phone: pick('phone', school.phone),
    email: pick('email', school.email),
    website: pick('website', school.website),
    complaintsUrl: pick('complaintsUrl', school.complaintsUrl),
    headSignoff: `${head.name ?? pick('head', '')}, ${head.role}`,
    teamSignoff: `The ${schoolName} team`,
    town: school.town?.trim() || '',
  }
  return { values, missing }
}

/** Every gap left in a text, with offsets, so the check can point at each one. */
export function findGaps(text: string): { field: GapField; start: number; end: number }[] {
  const out: { field: GapField; start: number; end: number }[] = []
  for (const field of GAP_FIELDS) {
    const gap = GAP[field]
    for (let i = text.indexOf(gap); i !== -1; i = text.indexOf(gap, i + gap.length))
      out.push({ field, start: i, end: i + gap.length })
  }
  return out.sort((a, b) => a.start - b.start)
}
