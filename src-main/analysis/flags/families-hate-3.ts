// Runs in: main process / CLI (Node). Third round of hate concepts (issue 4, engine 1.4.0).
//
// The group + hostile-claim pairing of families-hate.ts, widened by concept: exclusion ("don't let
// them on the PTA", "keep them out"), suspicion ("hiding something", "can't be trusted"),
// dehumanising words (animals, savages, vermin), sneers at a person's mere presence ("a black
// headteacher, what's next"), and nationalist slogans. Groups now include the singular and
// the family forms ("every Muslim family", "a gay TA") that writers use about one person.
import type { Rule } from './util'

const GROUP3 =
  '(?:muslims?|muzzies|islam|jews?|jewish|hindus?|sikhs?|immigrants?|migrants?|asylum seekers?|refugees?|foreigners?|foreign|polish|poles|romanians?|roma|eastern europeans?|gypsies|gypsy|travell?ers|black|blacks|brown|asian|asians|africans?|pakistanis?|indians?|chinese|arabs?|gay|gays|lesbians?|homosexuals?|queers?|trans|transgender|non-binary|lgbt\\w*|women|woman|female|disabled|autistic|sen kids|special needs|wheelchair users?|deaf|headscarf|hijab|burkas?|mosques?|synagogues?)'
const HOSTILE3 =
  "(?:hiding something|can(?:'t|not) be trusted|never be trusted|don't let (?:them|her|him|any)|do not let (?:them|her|him)|keep (?:them|her|him|'em) (?:out|away)|not welcome|aren't welcome|(?:what|whatever)'?s? next|what next|over my dead body|deport\\w*|send (?:them|'em) (?:home|packing)|savages?|animals|primitive|backward|inbred|subhuman|cockroach\\w*|parasites?|scroungers?|leeches|outbreed\\w*|breed like|stink(?:s|ing)?|smell(?:s|y)?|freaks?|unnatural|abominations?|burn in hell|mutilat\\w*|shoved down|rammed down|forced on|token (?:hire|appointment)|box[- ]ticking|know (?:their|her|his) place|no place (?:in|for|near)|out of (?:our|this) (?:school|town|country|area)|not wanted|don't belong|don't fit in|can't be (?:a )?(?:proper|real) (?:teacher|head|british|english)|shouldn't be (?:heads?|teaching|in charge|allowed)|taking over|take over|outnumber\\w*|invad\\w*|infest\\w*|swarm\\w*|overrun|get rid of|wipe (?:them|'em) out|gas (?:them|'em)|hate (?:them|all of them|the lot))"

export const HATE_FAMILIES_3: Rule[] = [
  {
    id: 'hate.group-exclusion',
    re: new RegExp(
      `\\b${GROUP3}\\b[^.!?\\n]{0,80}?\\b${HOSTILE3}(?![a-z])|\\b${HOSTILE3}(?![a-z])[^.!?\\n]{0,50}?\\b${GROUP3}\\b`,
      'g',
    ),
    view: 'deob',
    pre: new RegExp(`\\b${HOSTILE3}`),
    explain:
      'A group named by religion, race, nationality, sexuality, sex or disability, and a call to exclude or a dehumanising claim about it.',
    unless:
      /\b(?:celebrat\w+|welcom\w+|inclusi\w+|anti-?racis\w+|against (?:racism|hate|homophobia)|stand(?:s|ing)? with|support(?:ing|ive)? (?:our|the|all)|police (?:said|are)|investigat\w+|condemn\w+|reported to|hate crime|awareness|assembly|history|lesson|refugee week|pride month)\b/,
  },
  {
    id: 'hate.keep-from-children',
    // "The new TA is gay and I don't want him helping my son change for PE."
    re: new RegExp(
      `\\b${GROUP3}\\b[^.!?\\n]{0,60}?\\b(?:don't|do not) want (?:him|her|them|one) (?:helping|near|around|teaching|changing|touching|alone with)\\b`,
      'g',
    ),
    view: 'deob',
    pre: /\bwant (?:him|her|them|one) (?:helping|near|around|teaching|changing|touching|alone with)\b/,
    explain:
      'Wants a person kept from children because of their religion, race, sexuality, sex or disability.',
  },
  {
    id: 'hate.sequential-exclusion',
    // The group in one sentence, the exclusion in the next: "Every Muslim family is hiding
    // something. Don't let them on the PTA."
    re: new RegExp(
      `\\b(?:every|all|these|those|the)\\s+(?:\\w+\\s+)?${GROUP3}\\b[^.!?\\n]{0,80}[.!?]\\s*(?:so\\s+)?(?:don't|do not|never) (?:let|allow|trust) (?:them|any of them)\\b`,
      'g',
    ),
    view: 'deob',
    pre: /\b(?:don't|do not|never) (?:let|allow|trust) (?:them|any of them)\b/,
    explain: 'Names a group, then says to shut them out.',
  },
  {
    id: 'hate.nationalist-slogan',
    re: /\b(?:britain|england|english schools|british schools|hollinbury|westmarch) for the (?:british|english|white\w*)\b|\b(?:whites?|english|british) only\b(?! (?:menu|breakfast|tea))|\bno (?:blacks|muslims|gays|pakis|foreigners|immigrants|jews)\b/g,
    view: 'deob',
    explain: 'A nationalist slogan that excludes people by race, religion or nationality.',
    // Someone reporting the stickers or graffiti is not the one spreading them.
    unless:
      /\b(?:stickers?|graffiti|leaflets?|sprayed|flyers?|posters?|found|reported|saw|spotted|police)\b/,
  },
]

export const EXTREMISM_FAMILIES_3: Rule[] = [
  {
    id: 'extremism.glorification',
    // An attack or its perpetrators, and praise or a call to copy them.
    re: /\b(?:attack(?:ers?|s)?|bomb(?:ers?|ings?)|shoot(?:er|ers|ing)|massacre|terrorists?|martyrs?|jihadis?|mujahideen|(?:who|that) (?:blew|shot|stabbed|bombed|ran over)\b[^.!?\n]{0,30})\b[^.!?\n]{0,40}\b(?:heroes?|legends?|were right|was right|did the right thing|had the right idea|should be proud|follow (?:their|his|her) example|more (?:of (?:this|them)|should (?:follow|do|copy))|an inspiration|respect to|deserved (?:it|what they got)|saints?)\b|\b(?:hitler|mosley|breivik|tarrant|bin laden)\b[^.!?\n]{0,20}\b(?:had the right idea|was right|did nothing wrong|had a point|was a hero|a legend)\b/g,
    view: 'deob',
    explain: 'Praises a terrorist attack or its perpetrators, or calls for others to copy them.',
    unless:
      /\b(?:history (?:lesson|topic)|ww2|world war|remembrance|firefighters?|nhs|paramedics?|police (?:officers?|were)|local heroes|unsung|lifeguard)\b/,
  },
  {
    id: 'extremism.militia-and-symbols',
    re: /\b(?:militia|paramilitar\w*|(?:we|they) train every|armed (?:patrols?|resistance|struggle)|race war|day of the rope|black sun|sonnenrad|wolfsangel|totenkopf|ss (?:bolts|runes)|celtic cross flag|\(\(\(|proud boys|generation identity|homeland party|british movement|national front|english defence league|\bedl\b|\bbnp\b|hizb ut-tahrir|al-muhajiroun|islamic state|terrorgram|order of nine angles|o9a|feuerkrieg|patriotic front|defend our streets|soldiers of allah|the brothers instead|study circle|hate (?:your|their|our) (?:own )?(?:race|people|heritage)|we have a place for you)\b/g,
    view: 'deob',
    explain: 'A militia, an extremist group or its symbols (Prevent duty).',
    unless: /\b(?:history (?:lesson|topic)|ww2|world war|documentary|the film)\b/,
  },
  {
    id: 'extremism.child-exposure',
    re: /\b(?:extremist|far-right|jihadi|nazi|terrorist|beheading|isis|islamist) (?:videos?|content|material|propaganda|memes?|chats?|stickers|leaflets?|channels?|forums?|servers?)\b|\b(?:nazi|hitler) salutes?\b|\bgreat replacement\b/g,
    view: 'deob',
    explain: 'Extremist material shown to or shared among children, or its ideas repeated.',
    unless:
      /\b(?:training|workshops?|resilience|british values|awareness|online safety (?:evening|session|talk)|historians?|history (?:lesson|topic|coursework|teachers?)|museums?|galler(?:y|ies)|exhibitions?|debate club|this house believes|researchers)\b/,
  },
]

// Groups as hostile writers name them, including the coded ones ("THEM", "people like that",
// "a man in a dress") and the things that stand for a faith or identity (hijab, halal, pride).
const GROUP4 =
  "(?:muslims?|islam\\w*|jews?|jewish|hindus?|sikhs?|immigrants?|migrants?|asylum(?: seekers?| hotels?)?|refugees?|foreigners?|foreign|polish|poles|romanians?|roma|eastern europeans?|gypsies|gypsy|travell?ers'?|black|blacks|asian|asians|africans?|pakistanis?|arabs?|gay|gays|lesbians?|queers?|trans|transgender|non-binary|drag (?:queens?|story)|pride (?:week|month|flags?)|rainbow|lgbt\\w*|men|male teachers?|a male|women|a woman|woman head|menopausal|disabled|wheelchair|deaf|blind|autistic|autism|adhd|dyslexi\\w*|hijab|headscarf|headgear|burkas?|niqab|halal|madrassas?|mosques?|prayer rooms?|eid|ramadan|their culture|their kind|their sort|that lot|people like that|THEM|boys in dresses|man (?:who wears|in) a dress|disabled people|mosque lot|immigrant)"
// Derogation aimed at people: contempt, exclusion, suspicion and replacement talk. Complaints
// about a service (access, provision, a club cancelled) are not in it.
const DEROG =
  "(?:disgust\\w*|freaks?|mentally ill|mental illness|scum|thieves|thieving|criminals|creep(?:y|s)|(?:only )?here for the benefits|on benefits|scroung\\w*|promoting it|end of|hire british|british jobs|can(?:'t|not) (?:run|teach|lead|manage|handle|be trusted)|confused|delusion\\w*|perver\\w*|groomers?|(?:just )?an excuse|bad parenting|badly brought up|don't value|do not value|don't care about|lazy|scroungers?|selfish|not fit|unfit|can't handle|how'?s (?:she|he) going to|no wonder|hormones|agenda|nonsense|ruin(?:ed|s|ing)?|dragg\\w* (?:\\w+ ){0,3}down|gone to the dogs|go(?:es|ne)? (?:the same way|downhill)|tak(?:e|ing|en) over|conquer\\w*|surrender\\w*|invasion|replace(?:d|ment)|not britain|not england|no english|(?:won't|will not) be a single|count the|that thing|keep (?:it|your \\w+) (?:at home|away)|pushed on|shoved down|forced on|indoctrinat\\w*|sympathi[sz]er|terrorists?|quotas?|diversity hire|token|only got the job|handed to them|while ours|go without|for them but|separate school|(?:own|special) unit|shouldn't be (?:\\w+ )?(?:here|allowed|near|teach\\w*|serv\\w*|in|heads?|in charge|working|around)|not be allowed|nowhere near|don't belong|mud hut|monkeys?|savages?|animals|dirty|money-grabbing|no thanks|innocent reasons|not racist|no offence but|political correctness|pc gone mad|(?:could|might) be putting|not in our|lost every decent)"

export const HATE_FAMILIES_4: Rule[] = [
  {
    id: 'hate.uk-slur',
    // British slurs that obscenity's dataset lacks, plain or lightly masked.
    re: /\b(?:lezz(?:er|a)s?|lesbos?|poofs?|poofters?|benders?|shirt ?lifters?|batty (?:boys?|man)|darkies|darky|sambos?|nig-?nogs?|golliwogs?|jungle bunn(?:y|ies)|curry[- ]?(?:munch\w*|muncher)|choc ?ices?|ching[- ]?chongs?|slant[- ]?eyes?|krauts?|polacks?|midgets?|cripples?|mongs?|mongoloids?|spazzy|sand ?n[i1*]gg\w*|ragheads?|(?:gypsy|gyppo|pikey|paki|muslim|immigrant|foreign|polish|romanian|tranny|gay) (?:scum|vermin|filth|rats?|trash))\b/g,
    view: 'deob',
    explain: 'A slur against a group, plain or masked.',
    unless:
      /\b(?:slinky|spring|bendy|bender (?:board|machine)|choc ices? (?:for|from) the|ice cream van)\b/,
  },
  {
    id: 'hate.group-derogation',
    re: new RegExp(
      `\\b${GROUP4}(?![a-z])[^.!?\\n]{0,80}?\\b${DEROG}(?![a-z])|\\b${DEROG}(?![a-z])[^.!?\\n]{0,60}?\\b${GROUP4}(?![a-z])`,
      'g',
    ),
    view: 'deob',
    pre: new RegExp(`\\b${DEROG}`),
    explain:
      'Contempt, exclusion or suspicion aimed at people for their race, religion, nationality, sex, sexuality, gender identity or disability.',
    unless:
      /\b(?:celebrat\w+|welcom\w+|inclusi(?:ve|on) (?:is|was)|support(?:ed|ing|ive)?|proud|brilliant|lovely|well done|thank\w*|police|investigat\w+|charged|condemn\w*|graffiti|stickers?|leaflets?|found|hate crime|appeal\w*|offence|access|provision|funding|club (?:has been|was) cancelled|disappoint\w*|sen team|send team|ehcp|diagnos\w+|assessment|waiting list|referral)\b/,
  },
]
