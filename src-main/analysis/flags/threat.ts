// Runs in: main process / CLI (Node). Threats and incitement, including the indirect kind.
//
// Violent verbs alone are useless here: "this homework is killing me", "they smashed their SATs",
// "I could murder a coffee". Every rule needs a threatening *frame* — a first-person intent, a
// person as object, knowledge of someone's home or car, a wait at a place — and idioms veto.
import { BROAD_THREAT } from './broad'
import { THREAT_FAMILIES } from './families'
import { THREAT_FAMILIES_2 } from './families-threat'
import { THREAT_FAMILIES_3, detectComposedThreat } from './threat-compose'
import { THREAT_LANG_RULES } from './threat-lang'
import { detectMenace } from './threat-menace'
import { THREAT_FAMILIES_4 } from './threat-more'
import { dropNonThreats } from './threat-not'
import { type Detection, type DetectorInput, type Rule, runRules } from './util'

const WILL =
  "(?:i'll|i will|i'm going to|im going to|i am going to|i'm gonna|im gonna|gonna|we'll|we will|we're going to|we are going to|we're gonna|i shall|someone will|someone's going to|somebody will|i'd|i would|i swear i'll|i'll personally)"
const VIOLENT =
  '(?:kill|stab|hurt|batter|beat|punch|smash|slap|shoot|burn|torch|glass|knife|strangle|deck|chin|lamp|thump|smack|hit|kick|throttle|murder|bottle|bury|knock out|beat up|smash up|headbutt|run over|strangle|break|snap|jump|do)'
const SOFT = '(?:get|sort out|come for|come after|go for|finish off|do in|sort|deal with)'
const OBJ =
  '(?:you|u|ya|her|him|them|mr \\w+|mrs \\w+|miss \\w+|ms \\w+|sir|dr \\w+|the (?:head|headteacher|teacher|senco|deputy|caretaker|lot of (?:you|them))|that (?:woman|man|teacher|head|cow|bitch|prick|idiot|twat|bloke|lady)|(?:that|the|this|those) (?:caretaker|site manager|teacher|teachers|head|deputy|deputy head|senco|woman|man|bloke|lady|lot|cow|ta|dad|mum|lollipop (?:lady|man)|receptionist|office lady)|(?:his|her|your|their) (?:face|head|car|van|house|windows?|kids?|family|legs?|arms?|fingers?|neck|nose|jaw|teeth|back|tyres))'
const PLACE =
  '(?:gates?|school|car ?park|playground|outside|front door|her house|his house|your house|home|pick[- ]?up|drop[- ]?off|end of the day|after school|her car|his car|your car|the office)'

const IDIOM =
  /\b(?:killing me|kill(?:ed|s)? it|kill for|kill time|killer|murder (?:a|an|for) |dying (?:to|for)|to die for|smash(?:ed|ing)? (?:it|their|the|my|our|his|her) (?:sats|tests?|exams?|goals?|targets?|spellings?|times tables|race|record)|smash(?:ed|ing)? it|bomb(?:ed)? (?:it|out)|cost(?:s)? a bomb|give it a shot|shoot (?:me|us) (?:an|a) (?:email|message|line)|get (?:him|her|them|you) (?:to|a|some|an|into|in|home|ready|dressed)|sort (?:it|this|that|things) out|deal with (?:it|this|that)|break (?:the|a) record|teach (?:him|her|them) (?:to|how|about|maths|english|phonics|reading)|beat (?:the|them at|traffic|the rush)|hit (?:the|a) (?:target|road|ground|jackpot|nail)|find (?:him|her|them) a)\b/

export const THREAT_RULES: Rule[] = [
  {
    id: 'threat.intent-harm',
    re: new RegExp(
      `\\b${WILL}\\s+(?:\\w+\\s+){0,2}?(?:${VIOLENT}\\s+(?:\\w+\\s+)?|${SOFT}\\s+)${OBJ}\\b(?!\\s+(?:sacked|fired|removed|struck off|suspended|investigated|to |a |an |some |into |in trouble|moved|out of (?:bed|the house)|ready|dressed|home|back to))`,
      'g',
    ),
    view: 'deob',
    explain: 'A stated intention to harm someone.',
    unless: IDIOM,
  },
  {
    id: 'threat.knows-home-or-car',
    re: /\b(?:i|we|i've|we've|everyone|people|they|some of us)\b[^.!?\n]{0,40}\b(?:know|found out|find out|know exactly|worked out|have|got)\b[^.!?\n]{0,20}\b(?:where (?:you|she|he|they|her family|his family|your family|the head|mr \w+|mrs \w+|miss \w+) (?:lives?|live|park|parks|drinks?|goes?|go|shops?)|which (?:car|house|van) (?:is|was) (?:yours|hers|his|theirs)|which (?:car|house) (?:is|was) (?:yours|hers|his|theirs)|what car (?:you|she|he|they) drives?|(?:your|her|his) (?:address|home address|reg|number plate)|where (?:your|her|his) (?:kids|children) go)/g,
    explain: 'Indirect threat: says they know where someone lives, their car or their family.',
  },
  {
    id: 'threat.waiting-for',
    re: new RegExp(
      `\\b(?:i'll|i will|we'll|we will|i'm|i am|we're|we are|ill|someone will|there will be (?:people|parents))\\s+(?:be\\s+)?(?:waiting|watching|outside|there)\\b[^.!?\\n]{0,30}\\b(?:for (?:you|her|him|them)|at (?:the|her|his|your)\\s+${PLACE}|${PLACE})`,
      'g',
    ),
    explain: 'Indirect threat: says someone will be waiting for a person at a place.',
    unless:
      /\b(?:waiting (?:for|at) (?:a|an|the) (?:reply|response|answer|call|email|letter|bus|results?|update|apology|refund)|waiting list|still waiting|for (?:my|our|his|her) (?:nephew|niece|son|daughter|kids?|grandson|granddaughter|ds|dd|child|children|little one|lad|girl|boy)|pick(?:ing)? (?:him|her|them) up|to collect)\b/,
  },
  {
    id: 'threat.warning',
    re: /\b(?:watch (?:your|her|his|their) back|(?:make|see) (?:you|her|him|them) pay|teach (?:you|her|him|them) a lesson|watch yourself|you(?:'ll| will) (?:regret (?:it|this)|be sorry|pay for (?:this|that|it))|(?:she|he|they)(?:'ll| will) (?:regret (?:it|this)|be sorry|pay for (?:this|that|it))|you(?:'ve| have) been warned|(?:won't|will not|wont|can't|cannot) be (?:held )?responsible for (?:my|our|his|what i do)|(?:this is your )?(?:final|last) warning\b(?! letter)|would be a (?:shame|pity) if (?:something|anything) (?:happened|were to happen)|(?:something|accidents) (?:bad )?(?:could|might|will|is going to|are going to) happen to (?:you|her|him|them)|accidents happen\b|(?:it|this) (?:won't|will not) end well for|(?:see|wait) what happens (?:to|when)|(?:keep|look) over (?:your|her|his) shoulder|sleep with one eye open|your days are numbered|we know who you are)/g,
    explain: 'Indirect threat: a warning of consequences aimed at a person.',
  },
  {
    id: 'threat.last-time',
    // "Tell him he'd better not be at the gate tomorrow. I won't be as polite as last time."
    re: /\b(?:i|we)(?:'ll| will|'m| am|'re| are)? (?:not|won't|will not|wont) (?:be )?(?:as|so) (?:polite|nice|friendly|calm|patient|restrained) (?:as|this|next) (?:last|time)\b|\b(?:he|she|they|you)(?:'d| had) better not (?:be|show (?:her|his|their|your) face|come) (?:at|near|outside|round|anywhere near)\b/g,
    // The prefilter cannot derive a literal every alternative needs; this one cheap test can.
    pre: /\b(?:polite|nice|friendly|calm|patient|restrained|better not)\b/,
    explain:
      'Indirect threat: warns that next time will not be polite, or that someone had better stay away.',
  },
  {
    id: 'threat.incitement',
    re: /\b(?:someone|somebody|people|parents|we|they|you lot|one of us)\s+(?:should|needs? to|ought to|must|want to|wants to|gonna|are going to|will)\s+(?:\w+\s+){0,2}?(?:burn|torch|bomb|blow up|smash up|firebomb|petrol bomb|shoot|stab|kill|batter|beat up|do (?:her|him|them) in|sort (?:her|him|them) out|teach (?:her|him|them) a lesson|give (?:her|him|them) a (?:slap|kicking|beating|hiding|smack)|string (?:her|him|them) up|run (?:her|him|them) over|key (?:her|his|their) car|slash (?:her|his|their) tyres|put (?:a brick|something|a rock) through)\b/g,
    view: 'deob',
    explain: 'Incites others to violence or damage against people or property.',
    unless: IDIOM,
  },
  {
    id: 'threat.deserves-harm',
    re: /\b(?:should be|ought to be|needs to be|deserves? to be|wants? to be)\s+(?:\w+\s+)?(?:shot|hanged|hung|strung up|lynched|burned|burnt|stabbed|beaten|put down|taken out(?:side)? and|kicked in|battered|killed)\b|\b(?:deserves?|needs?|wants?|asking for)\s+(?:a\s+)?(?:good\s+)?(?:slap|kicking|beating|hiding|smack|punch|bullet|knife)\b|\b(?:burn|torch|bomb|blow up|petrol bomb|firebomb)\s+(?:the|that|this|their)\s+(?:school|place|building|staff ?room|office|dump|house|car)\b|\b(?:brick|petrol|acid|rock)\s+through\s+(?:the|her|his|their|your)\s+(?:window|door|letterbox)|\b(?:slash|slashed|let down|key|keyed)\s+(?:her|his|their|your|the head's|the teacher's)\s+(?:tyres|car)\b/g,
    view: 'deob',
    explain: 'Says a person deserves violence, or calls for damage to property.',
    unless:
      /\b(?:should be shot of|hung up|hanged? (?:up|on|the)|burn(?:ed|t)? (?:out|the candle|calories|dinner|toast|food)|bomb(?:ed)? (?:it|out))\b/,
  },
  {
    id: 'threat.turn-up',
    re: /\b(?:i'll|i will|we'll|we will|i'm going to|we're going to|im gonna|i'm gonna|gonna)\s+(?:\w+\s+){0,2}?(?:turn up|come round|come down|go round|pay (?:her|him|them|you) a visit|visit (?:her|him|you|them)|follow (?:her|him|you|them)|find (?:her|him|you|them|out where))\b[^.!?\n]{0,50}\b(?:house|home|door|address|lives?|car|gates?|sort (?:her|him|them|you|this)|see how (?:she|he|they|you) like|and (?:see|make|show))/g,
    explain: 'Says they will turn up at or follow someone to a personal place.',
  },
  {
    id: 'threat.property-harm',
    re: /\b(?:shame|pity) if\b[^.!?\n]{0,60}\b(?:caught fire|burn(?:ed|t|s)? down|went up in (?:smoke|flames)|got (?:smashed|keyed|torched|damaged|burnt|burned)|had an accident)|\b(?:going|go|goes|gone|went) up in (?:smoke|flames)\b(?=[^\n]{0,40}\b(?:dead serious|swear|mark my words|watch|if)\b)|\b(?:swear|if|or)\b[^\n]{0,60}?\b(?:going|go|goes) up in (?:smoke|flames)|\b(?:gets?|getting|will get|is getting|will be|gonna get|going to get) (?:torched|burnt out|burned out|petrol bombed|firebombed|smashed up|keyed|trashed)|\bkey (?:it|her car|his car|their car|the car)\b|\b(?:tyres|windows|windscreen|car|van) (?:won't|will not|wont) (?:see|survive|last|make it)|\bwon't be driving (?:it|that|anywhere)/g,
    view: 'deob',
    explain: "Threatens damage to someone's property or the school building.",
  },
  {
    id: 'threat.violent-outcome',
    re: /\b(?:someone|somebody|one of (?:them|you|the teachers))(?:'s| is| are)? (?:going to|gonna|will|is gonna) (?:get|end up) (?:hurt|killed|injured|stabbed|battered|seriously hurt)|\b(?:leaving|leave|end up|go home|going home|carried out) in an? (?:ambulance|body bag|coffin|box)|\b(?:getting|get|gets|be|gonna get) (?:jumped|battered|smacked|stabbed|glassed|decked|done in|beaten up|a beating|a kicking|a slap|a hiding|a visit|what(?:'s| is) coming)\b|\bgive (?:\w+ ){0,3}a (?:proper |good |right |real )?(?:hiding|kicking|beating|slap|smack|battering|going over|seeing to)|\b(?:i'd|i'll|i will|i would|we'll|be|come|go|turn up)\b[^.!?\n]{0,40}\bwith a (?:cricket |baseball |rounders )?(?:bat|knife|hammer|crowbar|machete|brick|blade|shotgun|gun|iron bar)\b|\btick tock\b|\b(?:had )?better hope (?:i|we) (?:don't|never|do not) (?:see|find|catch|bump into)|\bwon't be talking about\b|\b(?:or|and) (?:see|watch) what happens|\b(?:deal|face) (?:with )?the consequences|\bor else\b|\bbring whatever you need|\b(?:not|don't) let (?:him|her|them|\w+) leave|\b(?:want|wants|need|needs|had better|better) (?:to )?be (?:very |really )?careful (?:who|what|where)|\bnot everyone (?:\w+ ){0,3}is as (?:patient|nice|calm|forgiving|understanding) as\b|\b(?:go|come|pop|head|went) round (?:to |there )?(?:\w+ )?(?:house |place )?and (?:have a (?:word|chat)|sort)|\bbetter not (?:come|show|turn up)\b[^.!?\n]{0,40}\bor\b/g,
    view: 'deob',
    explain: 'Predicts or promises violence to a person, or a veiled warning of it.',
    unless:
      /\b(?:charged|court|magistrates|police said|sentenced|convicted|arrested|appeal(?:ed)? for|(?:kids|children|pupils|boys|girls|my (?:son|daughter)|ds|dd) (?:get|gets|getting|got|keep getting) (?:battered|jumped|beaten up|smacked|hurt)|fence|road|crossing|traffic|ice|icy|spikes|climbing frame|pothole|zig ?zags?|speeding|lorr(?:y|ies)|broken glass)\b/,
  },
  {
    id: 'threat.weapon-emoji',
    re: /(?:\u{1F52A}|\u{1F52B}|\u{1F4A3}|\u{1FA93}|\u{1F5E1})/gu,
    view: 'cased',
    // Emoji beyond the BMP only: no text without a surrogate pair can match.
    pre: /[\uD800-\uDBFF]/,
    explain: 'A weapon emoji aimed at a person in the same sentence.',
    unless: /\b(?:cake|cooking|baking|recipe|fireworks|bonfire|chopping|knife skills|the bomb)\b/i,
  },
]

THREAT_RULES.push(
  BROAD_THREAT,
  ...THREAT_FAMILIES,
  ...THREAT_FAMILIES_2,
  ...THREAT_FAMILIES_3,
  ...THREAT_FAMILIES_4,
  ...THREAT_LANG_RULES,
)

export function detectThreat(input: DetectorInput, out: Detection[]): boolean {
  const from = out.length
  const byRule = runRules(input, 'threat', THREAT_RULES, out)
  const composed = detectComposedThreat(input, out)
  const menace = detectMenace(input, out)
  return (menace || composed || byRule) && dropNonThreats(input, out, from)
}
