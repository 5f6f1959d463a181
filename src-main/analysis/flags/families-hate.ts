// Runs in: main process / CLI (Node). Second round of hate and extremism concepts (engine 1.3.0).
//
// Hate is a *group* plus a *hostile predicate* in one sentence: "the Romanian families dragged the
// school down", "gay teachers are groomers", "run by a woman, no wonder". A group word alone
// ("the Polish families ran the bake sale") or a criticism alone ("standards dropped") is not
// hate, so both halves are families of their own and the rule needs them together. Slurs are
// spelled with their usual masking (p*ki, f*g, j3ws).
import type { Rule } from './util'

const GROUP =
  "(?:muslims?|islam(?:ic)?|jews?|jewish|j3ws?|hindus?|sikhs?|catholics?|papists?|christians?|immigrants?|migrants?|asylum(?: seekers?)?|refugees?|foreigners?|foreign|polish|romanian|bulgarian|lithuanian|eastern europeans?|gypsy|gypsies|travell?ers?|black|brown|asian|african|pakistani|somali|nigerian|chinese|gay|gays|lesbians?|lesbo|queer|trans|transgender|drag queens?|pride|rainbow|lgbt\\w*|alphabet|women|woman|female|girls|menopausal|wheelchair|deaf|blind|disabled|autistic|adhd|sen|special needs|headscarf|hijab|burkas?|niqab|halal|eid|ramadan|mosques?|madrassas?|prayer room|diverse|diversity|them|these people|those people|man who thinks he's a woman)"
const HOSTILE =
  "(?:ruin(?:ed|s|ing)?|dragg(?:ed|ing) (?:\\w+ )?(?:\\w+ )?down|drag (?:\\w+ )?down|goes? downhill|gone downhill|shouldn't be (?:allowed|here|teaching|near|on)|should not be allowed|should be banned|be banned from|(?:get|keep) (?:that|them|it|their \\w+) away from|nowhere near|groomers?|perver(?:ts?|sion)|paedos?|nonces?|mentally ill|sick and (?:it's )?wrong|disgusting|vermin|dirty|thieving|stealing|breeding ground|terrorists?|rapists?|invasion|invaders?|conquer|colonis\\w+|replace(?:d|ment)?|mafia|agenda|integrate or leave|go back (?:to|where)|knows? where the airport is|don't value education|can(?:'t|not) speak (?:proper )?english|barely speak english|can't do discipline|can't control|no wonder|typical of|hormones|play the race card|always have (?:behaviour )?problems|it's cultural|not racist|lifestyle|pushed on|forcing|shouldn't serve|surrendered|idol worship|run(?:s)? the|own(?:s)? the|control(?:ling)? the|slow everyone down|a man's game|more attention than the normal|innocent reasons|don't want my child taught by|stick together|look down on|plays? the victim)"

/** A letter masked by a symbol or digit inside a word: what every masked spelling has. */
export const MASKED = /[a-z][*#@.!0-9][a-z*0-9]|[a-z][*#@][*]?$/m

export const HATE_FAMILIES_2: Rule[] = [
  {
    id: 'hate.group-hostility',
    re: new RegExp(
      `\\b${GROUP}\\b[^.!?\\n]{0,90}?\\b${HOSTILE}\\b|\\b${HOSTILE}\\b[^.!?\\n]{0,60}?\\b${GROUP}\\b`,
      'g',
    ),
    view: 'deob',
    // The hostile half alone is one scan; the two-way rule then runs on the few texts that pass.
    pre: new RegExp(`\\b${HOSTILE}\\b`),
    explain:
      'A group named by religion, race, nationality, sexuality, sex or disability, and a hostile claim about it.',
    unless:
      /\b(?:celebrat\w+ (?:eid|diwali|pride)|ramadan (?:club|assembly) was|welcom\w+|brilliant|lovely|thank|proud of|amazing|inclusive and|no wonder (?:she|he|they|the kids) (?:love|loves|adore)|run the (?:bake sale|pta|fair|fete|club|stall|marathon|race|session)|(?:woman|man|lady|bloke|person) who runs)\b/,
  },
  {
    id: 'hate.masked-slur',
    // Slurs as people type them to dodge filters: an asterisk, a digit or a cute spelling.
    re: /\b(?:pakis?|muzz(?:ie|y)s?|mozz(?:ie|y)s?|fags\b(?! ?(?:end|packet))|lesbos?|retards?|spastics?|feminazis?|towel ?heads?|gyppos?|pikeys?|coons?|wogs?|chinks?|kikes?|yids?|papist|niggers?|niggas?|trannys?|trannies|shemales?|ladyboys?|alphabet (?:mafia|people|brigade)|gay mafia)\b/g,
    view: 'lower',
    explain: 'A slur against a group, masked or plain.',
    unless:
      /\b(?:fags? (?:and|&) (?:booze|beer|lighters?)|packet of fags|20 fags|smoking|cigarettes?)\b/,
  },
  {
    id: 'hate.masked-slur-typed',
    // The masked spellings apart from the plain ones, so the plain list keeps a literal gate.
    re: /\b(?:p[*#@.][a4]?kis?|p[a4]k[1!]s?|m[0]zz(?:ie|y)s?|f[*#@][a4]?gs?|r[*#@][e3]?t[a4]rds?|sp[*#@][a4]?stics?|n[*#@1][g*]{1,2}(?:er|a)s?|tr[*#@4]nn(?:y|ies))(?![a-z])/g,
    view: 'lower',
    pre: MASKED,
    explain: 'A slur against a group, with letters masked to dodge a filter.',
  },
  {
    id: 'hate.group-generalisation',
    re: /\b(?:every|any|all) (?:school|class|primary)s? with (?:a |big |large |lots of |a lot of )?(?:\w+ )?(?:intake|pupils|kids|boys|girls|families|teachers|toilets?)\b[^.!?\n]{0,60}\b(?:always|goes?|same way|problems|downhill|captured)\b|\b(?:the )?(?:white|english|british) (?:race|families|children|kids|faces)\b[^.!?\n]{0,60}\b(?:replaced|lost|defend|protect|count|end of britain|come last|left)\b|\brace and nation\b|\bbloodline\b|\bour own country\b/g,
    view: 'deob',
    explain: 'A sweeping claim about a group, or race-nation language.',
  },
]

export const EXTREMISM_FAMILIES_2: Rule[] = [
  {
    id: 'extremism.recruit-and-rise',
    re: /\b(?:join|joining|enlist with) the (?:[\w-]+ ){0,3}(?:guard|vanguard|front|league|army|brotherhood|movement|patrol)\b|\b(?:recruitment|recruiting) (?:open|now|drive)\b|\b(?:rise up|stand up|take (?:them|it|our country|our schools) back|take back our)\b[^.!?\n]{0,40}\b(?:schools?|country|britain|england|kids|children|by any means)|\bby any means necessary\b|\b(?:defence|defense) league\b|\bactive club\b|\binvasion zone\b|\breclaim the schools\b|\bdeus vult\b|\bcrusade\b|\bsaint tarrant\b|\b(?:shut (?:it|them) down|take them back) by force\b|\b(?:indoctrination|re-?education) (?:camps?|centres?)\b|\bkuffar\b|\bwhite race\b|\bremigration\b|\bgreat replacement\b|\bmeet-?up details\b|\bprotect your bloodline\b|\bbefore (?:our|the) (?:schools|towns|country) (?:fall|are lost)\b|\btrue (?:briton|englishm[ae]n|patriot)s?\b|\breal englishm[ae]n\b/g,
    view: 'deob',
    explain: 'Recruitment to, or a call to rise for, an extremist cause (Prevent duty).',
    unless:
      /\b(?:history (?:lesson|topic)|ww2|world war|remembrance|crusades? (?:topic|project|lesson))\b/,
  },
]
