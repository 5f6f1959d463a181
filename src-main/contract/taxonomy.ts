// Runs in: both processes (common). The policy taxonomy: the flags the analysis engine produces and
// users may correct, with the plain-English words the screens use for them. Deliberately free of any
// import (not even zod): the analysis engine imports its flag list from here, and must stay light.

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number]

export const POLICY_FLAGS = [
  'threat',
  'safeguarding',
  'extremism',
  'sexual',
  'personal_info',
  'hate',
  'abuse',
  'staff_named',
  'impersonation',
  'complaint',
  'question',
  'praise',
  'spam',
  'commercial',
] as const
export type PolicyFlag = (typeof POLICY_FLAGS)[number]

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const
export type Priority = (typeof PRIORITIES)[number]

export const OWNER_ROLES = ['head', 'dsl', 'orm_lead'] as const
export type OwnerRole = (typeof OWNER_ROLES)[number]

export interface FlagInfo {
  /** A short name for a tag or a checkbox. */
  label: string
  /** One sentence a school office reads without the policy open beside it. */
  meaning: string
}

/** The words for each flag, from the policy table in PRODUCT.md. */
export const FLAG_INFO: Readonly<Record<PolicyFlag, FlagInfo>> = {
  threat: { label: 'Threat', meaning: 'Threatens or encourages violence or harm.' },
  safeguarding: {
    label: 'Safeguarding concern',
    meaning:
      "About a child's safety or welfare, staff–pupil contact, a pupil who can be identified, or self-harm.",
  },
  extremism: {
    label: 'Extremism',
    meaning: 'Extremist or terrorist content, or radicalisation (the Prevent duty).',
  },
  sexual: { label: 'Sexual content', meaning: 'Sexual content or innuendo about people.' },
  personal_info: {
    label: 'Personal information',
    meaning: 'Phone numbers, home addresses, personal emails, car registrations or a named child.',
  },
  hate: {
    label: 'Hate',
    meaning: 'Racist, sexist, homophobic, transphobic, disablist or religious hatred.',
  },
  abuse: {
    label: 'Abuse or insults',
    meaning: 'Insulting, bullying, aggressive or rude language aimed at people.',
  },
  staff_named: {
    label: 'Staff member named',
    meaning: 'Names a member of staff, by name or by title and surname.',
  },
  impersonation: {
    label: 'Fake account',
    meaning: 'An account pretending to be the school or a member of staff.',
  },
  complaint: {
    label: 'Complaint',
    meaning: 'Criticism of the school, its staff, its decisions or what it provides.',
  },
  question: { label: 'Question', meaning: 'A question the school could answer.' },
  praise: { label: 'Praise', meaning: 'Positive feedback about the school.' },
  spam: { label: 'Spam or scam', meaning: 'Bulk or scam content.' },
  commercial: { label: 'Advert', meaning: 'An advert, a sales pitch or a request for donations.' },
}

export const SENTIMENT_TEXT: Readonly<Record<SentimentLabel, string>> = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
}

export const PRIORITY_TEXT: Readonly<Record<Priority, string>> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
}

export const OWNER_TEXT: Readonly<Record<OwnerRole, string>> = {
  head: 'Headteacher',
  dsl: 'Safeguarding lead (DSL)',
  orm_lead: 'ORM lead',
}
