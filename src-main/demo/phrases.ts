// Runs in: CLI (Node). Phrase parts the demo composes parents' posts from: many small independent
// pieces (opener, core, detail, closer) so a seeded run reads like a year of different people, not
// one template. Written for the demo; none of it comes from the labelled analysis corpus.
// "{s}" is replaced by one of the school's names, "{t}" by the town.
import type { Rng } from './prng'

export const THEMES = [
  'sen',
  'communication',
  'uniform',
  'food',
  'leadership',
  'bullying',
  'admissions',
  'events',
  'teaching',
  'parking',
] as const
export type Theme = (typeof THEMES)[number]
export type Tone = 'praise' | 'complaint' | 'question' | 'neutral'

const COMPLAINT_OPEN = [
  'Honestly at the end of my tether.',
  'Not impressed this week.',
  'Third time of asking now.',
  'I really wanted to like this place, but',
  'Sorry to moan, but',
  'Can I just vent for a second?',
  'Feeling let down.',
  '',
  '',
]
const COMPLAINT_CORE: Record<Theme, string[]> = {
  sen: [
    'the support written into my son’s EHCP still isn’t happening at {s}',
    'SEN provision at {s} feels patchy at best',
    'we have waited since half term for a meeting with the SENCo at {s}',
    'my daughter’s one-to-one hours at {s} were cut without anyone telling us',
  ],
  communication: [
    'nobody at {s} answers emails',
    'we found out about the trip change from another parent, not from {s}',
    'the newsletter from {s} came out the day after the event it announced',
    'the office at {s} never rings back when they say they will',
  ],
  uniform: [
    '{s} now wants the logo jumper from one shop at twice the price',
    'the new uniform rules at {s} are a real cost for families like ours',
    'my son was sent to the office at {s} over the colour of his trainers',
  ],
  food: [
    'the school dinners at {s} are tiny portions and often cold',
    'my child came home from {s} hungry again after the hot meal ran out',
    'the lunch menu at {s} has been the same three things for weeks',
  ],
  leadership: [
    'decisions at {s} seem to be made without asking a single parent',
    'the leadership team at {s} keep changing the rules mid-term',
    'I don’t feel the head at {s} listens to families',
  ],
  bullying: [
    'my daughter has been picked on for weeks at {s} and it keeps happening',
    'the playground at {s} is not properly supervised at lunch',
    'we reported unkind behaviour to {s} twice and heard nothing back',
  ],
  admissions: [
    'the admissions process for {s} was a muddle from start to finish',
    'we were told different things about the waiting list at {s} by different people',
  ],
  events: [
    'the nativity at {s} was cancelled at two days’ notice',
    'sports day at {s} was badly organised and far too long in the heat',
  ],
  teaching: [
    'my son has had four supply teachers this term at {s}',
    'homework at {s} is set online and half of it never gets marked',
  ],
  parking: [
    'pick-up at {s} is chaos and it does not feel safe for the little ones',
    'drop-off outside {s} is gridlock every morning',
  ],
}
const COMPLAINT_DETAIL = [
  'Emails go unanswered.',
  'Nobody seems to take ownership.',
  'It has been going on since September.',
  'We are not the only family saying this.',
  'It is starting to affect how he feels about school.',
  'I have raised it politely more than once.',
  '',
]
const COMPLAINT_CLOSE = [
  'Anyone else had this?',
  'Seriously considering moving schools.',
  'Really disappointing.',
  'Is it just us?',
  'Not good enough.',
  '',
]

const PRAISE_OPEN = [
  'Have to say,',
  'Just want to give a shout out:',
  'Credit where it’s due:',
  'Lovely to see this.',
  'So pleased.',
  '',
]
const PRAISE_CORE: Record<Theme, string[]> = {
  sen: [
    'the SEN team at {s} have transformed my son’s confidence',
    'the SENCo at {s} sorted out a plan within a week of us asking',
  ],
  communication: [
    '{s} keep us really well informed with the weekly update',
    'the office staff at {s} are always friendly and quick to help',
  ],
  uniform: ['the uniform swap shop at {s} saved us a fortune this year'],
  food: [
    'the new cook at {s} has made lunches something the children actually talk about',
    'the harvest lunch at {s} was a real treat',
  ],
  leadership: [
    'the head at {s} is out on the gate every morning and knows every family',
    'the leadership at {s} handled a tricky situation really well',
  ],
  bullying: ['{s} dealt with a falling-out in Year 4 quickly and kindly'],
  admissions: ['the open morning at {s} was warm and welcoming'],
  events: [
    'the Christmas fair at {s} was fantastic',
    'the Year 6 production at {s} had us all in tears',
    'the summer fete at {s} raised a huge amount for the library',
    'sports day at {s} was brilliantly run',
  ],
  teaching: [
    'my daughter’s reading has come on so much since joining {s}',
    'the Reception team at {s} are wonderful with the little ones',
    'the maths club at {s} has given my son a real spark',
  ],
  parking: ['the new walking bus from {s} has made mornings so much calmer'],
}
const PRAISE_CLOSE = [
  'Thank you!',
  'So glad we chose it.',
  'Proud to be part of it.',
  'Well done everyone.',
  'Couldn’t ask for more.',
  '',
]

const QUESTIONS: Record<Theme, string[]> = {
  sen: [
    'Does anyone know who the SENCo is at {s} now?',
    'How does {s} support children waiting for an autism assessment?',
  ],
  communication: [
    'What’s the best way to reach the office at {s}, email or phone?',
    'Does {s} use an app for messages or just email?',
  ],
  uniform: [
    'Where do people buy the {s} PE kit these days?',
    'Is the {s} book bag compulsory or can we use any bag?',
  ],
  food: [
    'Does {s} still do free fruit for the juniors?',
    'Can children take a packed lunch at {s} on some days and hot dinners on others?',
  ],
  leadership: [
    'Who is the chair of governors at {s}?',
    'Is the deputy head at {s} staying on next year?',
  ],
  bullying: [
    'Has anyone used the worry box at {s}, does it help?',
    'Who should I speak to at {s} about a friendship problem?',
  ],
  admissions: [
    'Is there a waiting list for Reception at {s}?',
    'When is the next open morning at {s}?',
  ],
  events: [
    'What time does the fair at {s} start on Saturday?',
    'Are grandparents welcome at the {s} harvest assembly?',
  ],
  teaching: ['Does {s} set homework in Year 1?', 'Which phonics scheme does {s} use?'],
  parking: [
    'Is there anywhere to park near {s} for the assembly?',
    'Does anyone car share for the {s} run in the mornings?',
  ],
}

const QUESTION_OPEN = [
  'Quick one:',
  'Can anyone help?',
  'Random question,',
  'Sorry if this has been asked before.',
  'New to the area.',
  '',
  '',
]
const QUESTION_CLOSE = [
  'Thanks in advance!',
  'Would be good to know before September.',
  'Cheers.',
  'Any tips welcome.',
  '',
  '',
]
const NEUTRAL_CLOSE = ['', '', 'Just so you know.', 'Plan ahead!', 'Worth knowing.']

const NEUTRAL = [
  'Walked past {s} this morning, the new mural looks finished.',
  'Reminder that the road outside {s} is closed on Thursday for resurfacing.',
  '{s} choir singing at the {t} care home on Friday.',
  'Saw the {s} minibus at the swimming baths in {t}.',
  'Term dates for {s} are on the council site now.',
]

function clean(parts: string[]): string {
  return parts
    .filter((p) => p.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function sentence(core: string): string {
  const s = core.charAt(0).toUpperCase() + core.slice(1)
  return /[.!?]$/.test(s) ? s : `${s}.`
}

/** One post in a parent's voice, with "{s}"/"{t}" left to fill. */
export function composePost(rng: Rng, tone: Tone, theme: Theme): string {
  if (tone === 'question') {
    const open = rng.pick(QUESTION_OPEN)
    const q = rng.pick(QUESTIONS[theme])
    return clean([
      open,
      open.endsWith(',') ? q.charAt(0).toLowerCase() + q.slice(1) : q,
      rng.pick(QUESTION_CLOSE),
    ])
  }
  if (tone === 'neutral') return clean([rng.pick(NEUTRAL), rng.pick(NEUTRAL_CLOSE)])
  if (tone === 'praise') {
    const open = rng.pick(PRAISE_OPEN)
    const core = rng.pick(PRAISE_CORE[theme])
    return clean([
      open,
      open.endsWith(':') || open.endsWith(',') ? `${core}.` : sentence(core),
      rng.pick(PRAISE_CLOSE),
    ])
  }
  const open = rng.pick(COMPLAINT_OPEN)
  const core = rng.pick(COMPLAINT_CORE[theme])
  const joined = open.endsWith('but') ? `${core}.` : sentence(core)
  return clean([open, joined, rng.pick(COMPLAINT_DETAIL), rng.pick(COMPLAINT_CLOSE)])
}

/** Fills the placeholders: the school by one of its everyday names, the town. */
export function fill(text: string, rng: Rng, names: readonly string[], town: string): string {
  return text.replace(/\{s\}/g, () => rng.pick(names)).replace(/\{t\}/g, town)
}

const FIRST = [
  'Sarah',
  'Gemma',
  'Priti',
  'Claire',
  'Rob',
  'Aisha',
  'Dan',
  'Kerry',
  'Tom',
  'Lucy',
  'Mo',
  'Hannah',
  'Jas',
  'Becky',
  'Olu',
  'Fiona',
  'Gareth',
  'Nadia',
  'Lee',
  'Zoe',
]
const LAST = [
  'Hartley',
  'Mensah',
  'Doyle',
  'Rahman',
  'Pike',
  'Whitlow',
  'Castell',
  'Ng',
  'Brennan',
  'Ashdown',
  'Kowal',
  'Farrant',
  'Oyelaran',
  'Tregear',
  'Lomax',
]
const HANDLE_BITS = [
  'mum',
  'dad',
  'marrowby',
  'busy',
  'tea',
  'runner',
  'garden',
  'books',
  'coffee',
  'parent',
  'local',
]

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`
}

export function handle(rng: Rng): string {
  return `${rng.pick(HANDLE_BITS)}_${rng.pick(HANDLE_BITS)}${rng.int(1, 99)}`
}

/** Tone by time of year: a settled school, mostly positive, with the odd bad patch. */
export function toneFor(
  rng: Rng,
  weights: { praise: number; complaint: number; question: number },
): Tone {
  const r = rng.next()
  if (r < weights.praise) return 'praise'
  if (r < weights.praise + weights.complaint) return 'complaint'
  if (r < weights.praise + weights.complaint + weights.question) return 'question'
  return 'neutral'
}
