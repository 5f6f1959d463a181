// Runs in: main process / CLI (Node). Profanity, slurs and insults: feeds `hate`, `abuse`, `sexual`.
//
// obscenity supplies the vocabulary and its own obfuscation handling (repeated letters, leet,
// confusables); we run it on the folded text so zero-width and spaced-out dodges are already undone.
// A swear word alone is not abuse ("drop-off traffic is f***ing awful"): abuse needs a target.
import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
} from 'obscenity'
import { BROAD_HATE } from './broad'
import { HATE_FAMILIES } from './families'
import { HATE_FAMILIES_2 } from './families-hate'
import { HATE_FAMILIES_3, HATE_FAMILIES_4 } from './families-hate-3'
import { HATE_FAMILIES_5 } from './families-hate-4'
import { fastAllMatches, windowedMatches } from './fast-matcher'
import { SEX_ED } from './sexual'
import { type Detection, type DetectorInput, type Rule, runRules, sentenceAround } from './util'

type Category = 'slur' | 'sexual' | 'insult' | 'swear'

const CATEGORY: Record<string, Category> = {
  abo: 'slur',
  abeed: 'slur',
  africoon: 'slur',
  arabush: 'slur',
  boonga: 'slur',
  chingchong: 'slur',
  chink: 'slur',
  fag: 'slur',
  kike: 'slur',
  negro: 'slur',
  nigger: 'slur',
  retard: 'slur',
  spastic: 'slur',
  tranny: 'slur',
  dyke: 'slur',
  anal: 'sexual',
  anus: 'sexual',
  bestiality: 'sexual',
  blowjob: 'sexual',
  boob: 'sexual',
  buttplug: 'sexual',
  cum: 'sexual',
  deepthroat: 'sexual',
  dildo: 'sexual',
  doggystyle: 'sexual',
  'double penetration': 'sexual',
  ejaculate: 'sexual',
  felch: 'sexual',
  fellatio: 'sexual',
  'finger bang': 'sexual',
  fisting: 'sexual',
  gangbang: 'sexual',
  handjob: 'sexual',
  hentai: 'sexual',
  hooker: 'sexual',
  incest: 'sexual',
  'jerk off': 'sexual',
  jizz: 'sexual',
  lubejob: 'sexual',
  masturbate: 'sexual',
  orgasm: 'sexual',
  orgy: 'sexual',
  penis: 'sexual',
  porn: 'sexual',
  rape: 'sexual',
  scat: 'sexual',
  semen: 'sexual',
  sex: 'sexual',
  vagina: 'sexual',
  tit: 'sexual',
  slut: 'insult',
  whore: 'insult',
  cunt: 'insult',
  twat: 'insult',
  bitch: 'insult',
  prick: 'insult',
  bastard: 'insult',
  wank: 'insult',
  cuck: 'insult',
  pussy: 'insult',
  dick: 'insult',
  cock: 'insult',
  fuck: 'swear',
  shit: 'swear',
  piss: 'swear',
  arse: 'swear',
  ass: 'swear',
  bollocks: 'swear',
  turd: 'swear',
}

// British additions obscenity lacks, as obscenity patterns so they get the same obfuscation
// handling. `|` marks a word boundary.
const EXTRA: [string, Category][] = [
  ['|wanker', 'insult'],
  ['|tosser', 'insult'],
  ['|bellend', 'insult'],
  ['|knobhead', 'insult'],
  ['|knob|', 'insult'],
  ['|dickhead', 'insult'],
  ['|arsehole', 'insult'],
  ['|slag|', 'insult'],
  ['|fcuk', 'swear'],
  ['|feck', 'swear'],
  ['|shite', 'swear'],
  ['|paki|', 'slur'],
  ['|pakis|', 'slur'],
  ['|pikey', 'slur'],
  ['|gyppo', 'slur'],
  ['|gypo', 'slur'],
  ['|wog|', 'slur'],
  ['|wogs|', 'slur'],
  ['|coon|', 'slur'],
  ['|coons|', 'slur'],
  ['|towelhead', 'slur'],
  ['|raghead', 'slur'],
  ['|spaz', 'slur'],
  ['|spacker', 'slur'],
  ['|mong|', 'slur'],
  ['|mongs|', 'slur'],
  ['|poof', 'slur'],
  ['|faggot', 'slur'],
  ['|batty boy', 'slur'],
  ['|shemale', 'slur'],
  ['|trannies', 'slur'],
  ['|muzzie', 'slur'],
  ['|yid|', 'slur'],
  ['|darkie', 'slur'],
  ['|golliwog', 'slur'],
  ['|nonce', 'insult'],
]

const dataset = new DataSet<{ originalWord: string }>().addAll(englishDataset)
for (const [p, cat] of EXTRA) {
  const word = p.replace(/\|/g, '')
  CATEGORY[word] = cat
  dataset.addPhrase((ph) => ph.setMetadata({ originalWord: word }).addPattern(parseRawPattern(p)))
}
// Words that obscenity would flag inside ordinary school talk.
dataset.addPhrase((ph) =>
  ph
    .setMetadata({ originalWord: '__whitelist__' })
    .addWhitelistedTerm('blue tit')
    .addWhitelistedTerm('great tit')
    .addWhitelistedTerm('scunthorpe')
    .addWhitelistedTerm('penistone')
    .addWhitelistedTerm('cocktail')
    .addWhitelistedTerm('cockerel')
    .addWhitelistedTerm('dick whittington')
    .addWhitelistedTerm('moby dick')
    .addWhitelistedTerm('shiitake')
    .addWhitelistedTerm('assess')
    .addWhitelistedTerm('grass')
    .addWhitelistedTerm('bass')
    .addWhitelistedTerm('class')
    .addWhitelistedTerm('pass')
    .addWhitelistedTerm('mass')
    .addWhitelistedTerm('glass')
    .addWhitelistedTerm('brass')
    .addWhitelistedTerm('embarrass')
    .addWhitelistedTerm('harass')
    .addWhitelistedTerm('sussex')
    .addWhitelistedTerm('essex')
    .addWhitelistedTerm('middlesex')
    .addWhitelistedTerm('wessex')
    .addWhitelistedTerm('title')
    .addWhitelistedTerm('therapist')
    .addWhitelistedTerm('hancock')
    .addWhitelistedTerm('peacock')
    .addWhitelistedTerm('shuttlecock'),
)

const built = dataset.build()
const matcher = new RegExpMatcher({ ...built, ...englishRecommendedTransformers })
const gated = fastAllMatches(matcher, built.blacklistedTerms)
const profanityMatches = windowedMatches(gated)

/** The matcher's gate and obscenity's own matcher on the same dataset: for the gate's tests. */
export const profanityInternals = {
  mayMatch: gated.mayMatch,
  obscenity: (s: string) => matcher.getAllMatches(s),
}

export interface ProfanityHit {
  word: string
  category: Category
  start: number
  end: number
  /** Offsets in `deob` (-1 when found in `lower`). */
  dStart: number
  dEnd: number
  lStart?: number
  lEnd?: number
}

// obscenity reads "(" as the letter c, so "(until" held "cunt" and "(um" "cum". A bracket that
// opens a word is punctuation; inside a word ("f(ck") it stays leet. Same length: offsets hold.
const OPENING_BRACKET = /(?<![a-z])\((?=[a-z])/g

/** The text the matcher reads: `deob` with word-opening brackets as spaces. */
export function matcherInput(deob: string): string {
  return deob.includes('(') ? deob.replace(OPENING_BRACKET, ' ') : deob
}

export function findProfanity(input: DetectorInput): ProfanityHit[] {
  const s = input.f.deob
  const hits: ProfanityHit[] = []
  const matches = profanityMatches(matcherInput(s))
  for (const m of matches.slice(0, 50)) {
    const word = dataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord
    if (!word || word === '__whitelist__') continue
    const category = CATEGORY[word] ?? 'swear'
    const dStart = m.startIndex
    const dEnd = m.endIndex + 1
    if (category === 'sexual' && SEX_ED.test(sentenceAround(s, dStart, dEnd))) continue
    const [start, end] = input.f.deobSpan(dStart, dEnd)
    hits.push({ word, category, start, end, dStart, dEnd })
  }
  findCensored(input, hits)
  return hits
}

// What follows a swear word when it is aimed at someone: "fuck off", "f***ing idiot head".
const AIMED =
  /^\W*(?:ing|in|ed|er|ers|s)?\s+(?:\w+\s+)?(?:you|u|ya|her|him|them|off|head|headteacher|teacher|teachers|mr|mrs|miss|ms|staff|senco|cow|woman|man|lot|idiot|clown|bunch|people|this school|that school|this page|the school|that place|this place|the lot)\b/

const HATE_RULES: Rule[] = [
  {
    id: 'hate.go-back',
    re: /\b(?:go|send (?:her|him|them|'?em|the lot(?: of them)?)|sent (?:her|him|them))(?: all)? back (?:to (?:africa|asia|pakistan|india|poland|romania|jamaica|the jungle|bangladesh|nigeria|somalia|syria)|where (?:she|he|they|you|it) (?:came|come)s? from)|\b(?:go|send (?:them|'?em|her|him|the lot)(?: all)?|sent) back (?:to|where) (?:your|their|her|his|they|you) (?:own )?(?:country|come from|came from|belong)|\bsend (?:them|'?em|the lot of them)(?: all)? (?:back|home)\b/g,
    explain: 'Tells people to "go back" to another country: racial or religious hatred.',
  },
  {
    id: 'hate.group-generalisation',
    re: /\b(?:too many|full of|overrun (?:by|with)|swamped (?:by|with)|flooded with|invaded by|infested with)\s+(?:foreigners|immigrants|migrants|muslims|asylum seekers|refugees|eastern europeans|poles|romanians|blacks|asians|pakis|gypsies|travellers|gays|trans kids)|\b(?:muslims|jews|blacks|immigrants|migrants|foreigners|gays|lesbians|trans people|trannies|women|poles|romanians|gypsies|travellers|refugees|asylum seekers|disabled people|autistic kids|sen kids|special needs kids|those people|these people|their sort|that lot)\s+(?:are (?:all )?(?:vermin|animals|scum|filth|parasites|disgusting|dirty|thieves|criminals|a disease|ruining|taking over)|should (?:be (?:banned|kept out|deported|segregated|locked up)|go back|not be allowed)|shouldn't be allowed|don't belong|ruin(?:ing)?|drag (?:everyone|the class|the rest) down|breed)\b/g,
    explain:
      'Demeans a whole group by race, religion, sex, orientation, gender identity or disability.',
  },
  {
    id: 'hate.sexist-disablist',
    re: /\b(?:women|a woman|females?|girls) (?:shouldn't|should not|can't|cannot) (?:be|run|lead|teach)\b[^.!?\n]{0,20}\b(?:heads?|in charge|leaders?|headteachers?|a school|anything)|\b(?:a )?woman's place is\b|\bdiversity (?:hire|quotas?|box|tick)\b|\b(?:turns?|turning|made|make) (?:u|you|them|kids|the kids|our kids|boys) (?:bent|gay|trans|queer)\b|\bevery gay\b|\bb.tty boy|\b(?:a )?woman (?:running|in charge of|heading)\b[^.!?\n]{0,60}\b(?:disaster|never|always going|can't)|\b(?:proper|real) male head|\b(?:hindus|muslims|sikhs|jews|pakis|immigrants|foreigners|poles) (?:teaching|running|taking over|everywhere|near)|\banother (?:muslim|polish|romanian|immigrant|foreign|black|asian|paki) family|\b(?:polish|romanian|muslim|foreign|african|indian) this,? (?:polish|romanian|muslim|foreign|african|indian) that|\bcan'?t speak a word of english|\b(?:special|disabled|sen) (?:school|unit)s? where they belong|\bthe \W?special\W? ones|\bthose people (?:shouldn't|should not|can't) be (?:near|around|allowed)|\b(?:boys|lads) doing ballet|\bsomeone british\b|\bsl[*#@.]ts?\b|\bwh[*#@.]res?\b|\bbow to islam|\b(?:english|british|christian) culture (?:gets|is being|being) erased|\b(?:lovers|loving) running that school|\b(?:gay|trans|lgbt\w*|woke) (?:agenda|propaganda|brainwash\w*|indoctrination)\b[^.!?\n]{0,60}\b(?:disgust\w*|perver\w*|groom\w*|sick|vile|filth|poison\w*)|\b(?:perverts?|groomers?|sick|disgusting|abomination)\b[^.!?\n]{0,30}\b(?:gays?|trans|lgbt\w*|lesbians?)\b|\b(?:retards?|retarded|spastics?|spaz|mongs?|window lickers?|cripples?)\b/g,
    view: 'deob',
    explain: 'Sexist, homophobic, transphobic or disablist hatred.',
  },
]

// Censored spellings obscenity cannot read ("p*ss", "f***"): the stars hide the letters.
const CENSORED: [RegExp, string, Category][] = [
  [/\bf[*#@]+(?:c?k|ck)?(?:ing|in|ed|er)?\b|\bf\*{2,}/g, 'fuck', 'swear'],
  [/\bsh[*#@]+t/g, 'shit', 'swear'],
  [/\bp[*#@]+ss/g, 'piss', 'swear'],
  [/\bc[*#@]+nt/g, 'cunt', 'insult'],
  [/\btw[*#@]+t/g, 'twat', 'insult'],
  [/\bb[*#@]+tch/g, 'bitch', 'insult'],
  [/\bpr[*#@]+ck/g, 'prick', 'insult'],
  [/\bw[*#@]+nk/g, 'wank', 'insult'],
  [/\bsh[*#@]+ve/g, 'shove', 'swear'],
]

// Every censored spelling above masks a letter with one of these: one scan decides for all nine.
const CENSOR_MARK = /[*#@]/

export function findCensored(input: DetectorInput, hits: ProfanityHit[]): void {
  const s = input.f.lower
  if (!CENSOR_MARK.test(s)) return
  for (const [re, word, category] of CENSORED) {
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(s)) !== null) {
      const [start, end] = input.f.span(m.index, m.index + m[0].length)
      if (hits.some((h) => h.start <= start && h.end >= end)) continue
      hits.push({
        word,
        category,
        start,
        end,
        dStart: -1,
        dEnd: -1,
        lStart: m.index,
        lEnd: m.index + m[0].length,
      })
    }
  }
}

HATE_RULES.push(
  BROAD_HATE,
  ...HATE_FAMILIES,
  ...HATE_FAMILIES_2,
  ...HATE_FAMILIES_3,
  ...HATE_FAMILIES_4,
  ...HATE_FAMILIES_5,
)

HATE_RULES.push({
  id: 'hate.emoji',
  re: /(?:\u{1F412}|\u{1F435}|\u{1F98D}|\u{1F9A7})[^\n]{0,6}(?:\u{1F34C})?|\u{1F3F3}\u{FE0F}?\u{200D}?\u{1F308}\s*(?:\u{1F92E}|\u{1F922}|\u{1F621}|\u{1F44E})/gu,
  view: 'cased',
  // Emoji beyond the BMP only: no text without a surrogate pair can match.
  pre: /[\uD800-\uDBFF]/,
  explain: 'Racist or homophobic emoji aimed at a person or group.',
})

const ABUSE_RULES: Rule[] = [
  {
    id: 'abuse.directed-swearing',
    re: /\b(?:f+u*c*k+|f\*+k|f\*+|fk|feck|sod|piss|bugger|get) (?:off|you|u|yourself|yourselves|them|her|him)\b|\bgo (?:to hell|and die|die|fuck yourself|jump off a bridge)|\brot in hell\b|\bshut (?:up|your (?:mouth|face|trap))\b|\bstfu\b|\bgfy\b|\bkys\b/g,
    view: 'deob',
    explain: 'Swearing or hostility aimed directly at a person.',
    unless:
      /\b(?:get (?:off|him|her|them) (?:the|to|at|from|early|late|home)|pissed off|get them (?:to|a|some|in)|get her (?:to|a|some|in)|get him (?:to|a|some|in)|fk u a|pick (?:her|him|them) up)\b/,
  },
  {
    id: 'abuse.insult',
    re: /\b(?:idiots?|idiotic|moron(?:s|ic)?|imbeciles?|cretins?|clowns?|clown show|circus|muppets?|numpty|numpties|pillocks?|prats?|plonkers?|halfwits?|dimwits?|nitwits?|morons|dunce|thick as (?:mince|two short planks|shit)|brain ?dead|jumped[- ]up|power[- ]mad|power[- ]tripping|jobsworths?|waste of (?:space|oxygen|a salary|skin)|scum(?:bags?)?|vile (?:woman|man|individual|person|creature|people)|nasty piece of work|(?:fat|ugly|old|stupid|useless|lazy|miserable|smug|arrogant) (?:cow|pig|slob|witch|hag|cow|bat|git|bitch|woman|man|idiot|prat|twat|lot|bunch|sod|dinosaur)|witch|tyrant|dictator|little hitler|feral|thick|bitter (?:little )?(?:man|woman|old)|sl[*#@.]ts?|touch grass|karen|you absolute \w+|crawl back under|hag|loser|pathetic (?:excuse|woman|man|individual|little)|excuse (?:for|of) a (?:head|teacher|human|man|woman|school)|incompetent (?:idiots?|fools?|clowns?|buffoons?|woman|man|cow)|fools?|buffoons?|disgrace(?:ful)? (?:of a|to the profession)|should be ashamed of (?:yourself|herself|himself|themselves)|not fit to (?:teach|be a|run)|clueless)\b/g,
    view: 'deob',
    explain: 'Insulting or demeaning language aimed at a person.',
    unless:
      /\b(?:class clown|circus skills|circus (?:workshop|trip|visit|day)|clowns? (?:at|for) the (?:party|fair)|april fool|witch(?:es)? (?:hat|costume|day|craft|and wizards)|halloween|dinosaurs? (?:topic|museum|day|project|book|club|park)|fool me once|fools? gold|roald dahl|world book day)\b/,
  },
]

const SLAG_OFF = /^(?:s|ged|ging)?\s+(?:[\w']+\s+){0,3}?off\b/i

export function detectHateAbuseSexual(
  input: DetectorInput,
  hits: ProfanityHit[],
  out: Detection[],
): Set<string> {
  const found = new Set<string>()
  const s = input.f.deob
  for (const h of hits) {
    // "Everyone loves to slag off academies": to slag off is to run down, not a sexual slur.
    if (h.word === 'slag' && SLAG_OFF.test(input.text.slice(h.end, h.end + 40))) continue
    if (h.category === 'slur') {
      out.push({
        flag: 'hate',
        start: h.start,
        end: h.end,
        rule: `hate.slur:${h.word}`,
        explanation: 'A slur on race, religion, sex, orientation, gender identity or disability.',
      })
      out.push({
        flag: 'abuse',
        start: h.start,
        end: h.end,
        rule: `abuse.slur:${h.word}`,
        explanation: 'A slur used as an insult.',
      })
      found.add('hate').add('abuse')
    } else if (h.category === 'sexual') {
      out.push({
        flag: 'sexual',
        start: h.start,
        end: h.end,
        rule: `sexual.word:${h.word}`,
        explanation: 'Sexual vocabulary.',
      })
      found.add('sexual')
    } else if (h.category === 'insult') {
      out.push({
        flag: 'abuse',
        start: h.start,
        end: h.end,
        rule: `abuse.insult-word:${h.word}`,
        explanation: 'An insult aimed at a person.',
      })
      found.add('abuse')
      if (h.word === 'slut' || h.word === 'whore' || h.word === 'slag') {
        out.push({
          flag: 'hate',
          start: h.start,
          end: h.end,
          rule: `hate.sexist-slur:${h.word}`,
          explanation: 'A sexist slur aimed at a woman.',
        })
        out.push({
          flag: 'sexual',
          start: h.start,
          end: h.end,
          rule: `sexual.slur:${h.word}`,
          explanation: 'A sexual slur about a person.',
        })
        found.add('hate').add('sexual')
      }
    } else {
      // Plain swearing becomes abuse only when aimed at someone.
      const after =
        h.dStart >= 0
          ? s.slice(h.dEnd, h.dEnd + 30)
          : input.f.lower.slice(h.lEnd, (h.lEnd ?? 0) + 30)
      if (AIMED.test(after)) {
        out.push({
          flag: 'abuse',
          start: h.start,
          end: h.end,
          rule: `abuse.swear-at:${h.word}`,
          explanation: 'Swearing aimed at a person.',
        })
        found.add('abuse')
      }
    }
  }
  if (runRules(input, 'hate', HATE_RULES, out)) {
    found.add('hate')
    // Racist emoji at a named person are abuse too.
    for (const d of out) if (d.rule === 'hate.emoji') found.add('abuse')
  }
  if (runRules(input, 'abuse', ABUSE_RULES, out)) found.add('abuse')
  return found
}
