// Runs in: main process / CLI (Node). A specific child's safety or welfare; always routed to the DSL.
//
// General grumbles about policy ("the school's bullying policy is weak") are not safeguarding;
// the rules look for a child at risk: harm done, private staff-pupil contact, self-harm, a
// missing or unsupervised child, or a pupil identified in an image.
import { BROAD_SAFEGUARDING } from './broad'
import { SAFEGUARDING_FAMILIES } from './families'
import {
  SAFEGUARDING_FAMILIES_2,
  SAFEGUARDING_FAMILIES_3,
  SAFEGUARDING_FAMILIES_4,
} from './families-safeguarding'
import { type Detection, type DetectorInput, type Rule, runRules } from './util'

const CHILD =
  '(?:my|our|her|his|their|a|the|one|another|this|that)\\s+(?:little\\s+|\\d+\\s*(?:yo|year old|-year-old)\\s+)?(?:son|daughter|child|kid|kids|children|boy|girl|ds|dd|ds\\d|dd\\d|little one|lo|pupil|pupils|student|nephew|niece|grandson|granddaughter|year \\d|reception child|y\\d)'
const ADULT =
  '(?:teacher|member of staff|staff member|staff|ta|teaching assistant|adult|dinner lady|lunchtime supervisor|mr \\w+|mrs \\w+|miss \\w+|ms \\w+|sir|coach|caretaker|site manager|head|headteacher|deputy|senco|volunteer|supply teacher)'

const RULES: Rule[] = [
  {
    id: 'safeguarding.injury',
    re: /\b(?:came|come|comes|sent|got) home (?:with|covered in) (?:a |an )?(?:bruis\w*|cuts?|marks?|bite marks?|scratch\w*|black eye|burns?|bloody|blood|injur\w*|broken|bump)|\bbruis(?:es|ed|ing) (?:on|all over|up) (?:her|his|their|my)|\b(?:broke|broken|fractured) (?:her|his|their) (?:arm|leg|wrist|nose|ankle|collarbone|finger|tooth)|\b(?:concussion|head injury|knocked (?:out|unconscious)|taken to (?:a&e|hospital)|ended up in (?:a&e|hospital)|ambulance was called)|\banaphylactic|\b(?:given|fed|ate) (?:\w+ )?(?:nuts?|peanuts?|dairy|something) (?:even though |when |despite )?(?:she|he|they)(?:'s| is| are|'re)? (?:severely )?allergic/g,
    explain: 'A child hurt or put at risk — a welfare concern for the DSL.',
  },
  {
    id: 'safeguarding.adult-harm',
    re: new RegExp(
      `\\b(?:was|were|got|been|being|is being)\\s+(?:\\w+\\s+)?(?:hit|slapped|pushed|grabbed|kicked|punched|shoved|dragged|restrained|manhandled|shaken|strangled|choked|hurt|injured|assaulted|touched|smacked|pinned down|locked in|shut in|thrown)\\b[^.!?\\n]{0,30}\\bby (?:a |an |the |one of the |another |some )?(?:${ADULT}|older (?:boys?|girls?|kids?|pupils?|children)|(?:a |some )?(?:year \\d|y\\d) (?:boys?|girls?|kids?|pupils?))`,
      'g',
    ),
    explain: 'Reports a child physically harmed by an adult or other pupils.',
  },
  {
    id: 'safeguarding.staff-contact',
    re: new RegExp(
      `\\b${ADULT}\\b[^.!?\\n]{0,60}\\b(?:messag\\w*|dm'?(?:ed|ing|s)?|snapchat\\w*|whatsapp\\w*|texting|texted|texts|friend request\\w*|followed|following|added|adding|sending (?:her|him) (?:photos|pictures|messages|gifts)|private messages?|meet (?:her|him) (?:alone|after)|gave (?:her|him) (?:his|her) (?:number|phone number|snapchat|instagram)|driving (?:her|him) home|lifts? home)\\b[^.!?\\n]{0,50}(?:(?:my|our|a|the|her|his)\\s+(?:\\w+\\s+)?(?:daughter|son|child|pupil|student|girl|boy|kid)s?|pupils?|students?|children|kids|girls?|boys?|dd|ds|year \\d|y\\d|\\d+ year old)\\b|\\b(?:inappropriate|private|secret)\\s+(?:messages?|contact|relationship|photos|pictures|texts?|chats?)\\b[^.!?\\n]{0,40}\\b(?:pupils?|students?|child|children|kids?|girls?|boys?|daughter|son|dd|ds)`,
      'g',
    ),
    // The contact words each alternative needs (the prefilter cannot derive them: "dm" is short).
    pre: /messag|dm|snapchat|whatsapp|text|friend request|follow|add|sending |private|meet |gave |driving |lifts? home|inappropriate|secret/,
    explain: 'Private contact between a member of staff and a pupil.',
    // A fake account "messaging parents" is impersonation; the child-contact family still sees
    // one that messages the children themselves.
    unless:
      /\b(?:class dojo|dojo|seesaw|parentmail|school app|official|newsletter|teams|fake|claiming to be|pretending|impersonat\w*|scam|using (?:\w+ )?(?:\w+'s )?name)\b/,
  },
  {
    id: 'safeguarding.self-harm',
    re: /\b(?:self[- ]?harm\w*|cutting (?:herself|himself|themselves|themself)|suicid\w*|(?:wants?|wanted|wanting) to (?:die|kill (?:herself|himself|themselves|myself)|end it)|(?:kill|hurt|harm)(?:ed|ing)? (?:herself|himself|themselves)|overdos\w*|eating disorder|anorexi\w*|stopped eating|not eating)\b/g,
    explain: 'Self-harm or suicidal thoughts mentioned — a welfare concern.',
    unless: /\b(?:awareness|training|workshop|assembly|charity|fundraiser|policy|week)\b/,
  },
  {
    id: 'safeguarding.missing-unsupervised',
    re: /\b(?:went|gone|go|goes|was|is|were) missing\b|\b(?:walked|wandered|ran|run|escaped|got) (?:out of|off|away from) (?:the )?(?:school|site|premises|grounds|playground|class(?:room)?)\b|\bnobody (?:noticed|knew|realised) (?:she|he|they|my \w+) (?:was|were|had) (?:gone|missing|left|not there)|\b(?:let|sent|allowed) (?:her|him|them|my \w+) (?:go )?(?:home|leave) (?:with|alone|on (?:her|his) own)\b[^.!?\n]{0,30}(?:stranger|someone|wrong|alone|own|nobody)|\b(?:left|locked) (?:alone|outside|unsupervised|in (?:a|the) (?:room|cupboard|corridor|car))\b|\bunsupervised\b|\blost (?:my|our|a) (?:son|daughter|child|kid|pupil|ds|dd)\b|\bnot collected\b|\bwrong (?:adult|parent|person) (?:collected|picked)/g,
    explain: 'A child missing, unsupervised or released to the wrong person.',
    unless:
      /\b(?:missing (?:uniform|jumper|coat|book|homework|lunch|shoe|kit|letter|item|water bottle|pe kit)|lost property|missing out|(?:coat|jumper|uniform|shoes?|book|bag|kit|bottle|lunch ?box|cardigan|hat|glasses|phone|homework|money|trainers|jacket|scooter|bike)s? (?:\w+ )?(?:went|has gone|have gone|goes|go|gone|was|were|is|are|keeps? going) missing)\b/,
  },
  {
    id: 'safeguarding.abuse-neglect',
    re: /\b(?:groom(?:ed|ing|er)|paedo(?:phile)?s?|pedo(?:phile)?s?|nonces?|sexual(?:ly)? (?:abus\w*|assault\w*)|abus(?:ed|ing) (?:her|him|them|children|kids|pupils|my)|inappropriate(?:ly)? touch\w*|touched (?:her|him|my \w+) inappropriately|neglect(?:ed)?|malnourish\w*|(?:come|comes|coming) (?:in|to school) (?:hungry|filthy|unwashed|in dirty)|domestic (?:abuse|violence)|social services|fgm|forced marriage|county lines|being exploited)\b/g,
    explain: 'Abuse, grooming or neglect of a child mentioned.',
    unless:
      /\b(?:training|course|policy|awareness|nspcc|workshop|grooming (?:standards|policy)|dog grooming|pet|gay|lesbian|lgbt\w*|trans|rse|those people|that'?s grooming)\b/,
  },
  {
    id: 'safeguarding.bullying-harm',
    re: /\b(?:bull(?:ied|ying|y)|picked on|beaten up|attacked|jumped|targeted|tormented|harass(?:ed|ing))\b[^\n]{0,120}\b(?:every day|daily|for (?:weeks|months)|scared|terrified|won't go|refuses to (?:go|come)|crying|cries|nightmares|wet(?:ting)? the bed|self[- ]?harm|hurt|injur\w*|bruis\w*|bleeding|punched|kicked|strangled|threatened|hiding|anxious|anxiety|panic attacks|school refus\w*|not sleeping|can't sleep|isn't safe|not safe)\b/g,
    explain: 'A child being bullied with harm or distress — a welfare concern.',
    unless: /\b(?:policy|anti-bullying week|assembly|workshop)\b/,
  },
  {
    id: 'safeguarding.identifiable-image',
    re: /\b(?:posted|shared|put up|uploaded|published|photos?|pictures?|pics?|videos?|filmed|filming|recording)\b[^.!?\n]{0,60}\b(?:of|showing|with)\s+(?:the\s+)?(?:children|kids|pupils|my (?:son|daughter|child)|(?:a|one|another) (?:child|pupil|girl|boy)|year \d|reception)\b[^.!?\n]{0,60}\b(?:names?|faces?|without (?:consent|permission)|identif\w*|tagged|not blurred|unblurred)\b|\b(?:names?|faces?) of (?:the )?(?:children|kids|pupils)\b[^.!?\n]{0,40}\b(?:visible|shown|posted|online|on (?:facebook|instagram|tiktok|the (?:page|website)))/g,
    explain: 'Pupils made identifiable in an image or by name.',
    unless: /\b(?:consent forms? (?:were|was)|with permission)\b/,
  },
  {
    id: 'safeguarding.at-risk',
    re: new RegExp(
      `\\b${CHILD}\\b[^.!?\\n]{0,60}\\b(?:(?:could|might) have (?:died|been killed|been seriously hurt|drowned|choked)|isn't safe|is not safe|not safe at|in danger|at risk|scared of (?:a|the|her|his) (?:teacher|ta|adult)|terrified of (?:mr|mrs|miss|ms|the) ?\\w*)`,
      'g',
    ),
    explain: 'A child described as in danger or unsafe.',
  },
]

RULES.push(
  BROAD_SAFEGUARDING,
  ...SAFEGUARDING_FAMILIES,
  ...SAFEGUARDING_FAMILIES_2,
  ...SAFEGUARDING_FAMILIES_3,
  ...SAFEGUARDING_FAMILIES_4,
)

// A child, named or described, somewhere in the sentence.
const CHILD_REF =
  /\b(?:my|our|her|his|their|a|the|one|another|this|that|little|some)\s+(?:\w+\s+)?(?:son|daughter|child|kid|kids|children|boy|boys|girl|girls|ds|dd|little one|pupil|pupils|student|nephew|niece|grandson|granddaughter|lad|lads|little ones|year \d|y\d|yr\d)\b|\b(?:ds|dd|ds\d|dd\d)\b|\b(?:\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve)[- ]?(?:yo|y\/o|year[- ]old|yr old)s?\b|\b(?:boy|girl|child|pupil), (?:\d{1,2}|five|six|seven|eight|nine|ten|eleven)\b|\b(?:year|y|yr) ?\d(?:s\b|\b)|\b(?:poor|young|little|small) (?:kid|lad|boy|girl|mite|thing|one)\b|\b(?:kids|children|pupils) (?:at|in|from) (?:st|the|that|this|our)\b|\breception (?:child|kids|class)\b|\b(?:he|she)(?:'s| is) only (?:\d|five|six|seven|eight|nine|ten)\b/

// Harm, danger or neglect words; with a child in the same sentence they make a welfare concern.
const HARM_WORDS =
  /\b(?:punch(?:ed|ing)|kick(?:ed|ing) (?:in|him|her)|kicked|hit(?:ting)? (?:him|her|them|the little)|shoved|pushed (?:over|down|into)|slapped|strangled|choked|bitten|bruis\w*|split lip|black eye|bleeding|injur\w*|hospital|ambulance|a&e|broken (?:arm|leg|wrist|nose)|concussion|scratching (?:her|his) (?:arms?|legs?|wrists?)|hurting (?:herself|himself)|wanted to die|want(?:s)? to die|alone|on (?:his|her|their) own|no staff|nobody (?:there|watching|noticed)|unsupervised|walked out|went missing|reported missing|missing|lost kid|stranger|a lift home|in (?:his|her) car|sit on (?:his|her) knee|on (?:his|her) lap|put (?:his|her) hands on|dm(?:ing|ed|s)?|messag(?:ing|ed)|follow(?:ing|ed) (?:my|her|him|all|the)|send me a selfie|selfies?|sexual|beheading|extremist|prevent|radicali\w*|videos? (?:from|about) (?:some|a|an)|called names|shoved around|picked on|lunch (?:untouched|not eaten)|not eat(?:en|ing)|hungry|same clothes|no coat|eats whatever|allergic reaction|(?:gave|given|fed|ate|eaten) (?:\w+ )?(?:nuts|peanuts|dairy|egg)|walking home (?:\w+ )?on (?:his|her) own|left (?:sitting|standing|outside|behind)|found (?:her|him) (?:on|in|alone|wandering)|police|hasn't (?:had|been) (?:a bath|washed|fed)|unwashed|smells? (?:of wee|of urine|really bad|awful)|nicks? food|stealing food|underweight|skin and bone|flinch\w*|locks? (?:her|him|them) (?:in|out)|locked in|stepdad|mum's boyfriend|bruises?|burn marks|a burn on|marks on|making (?:herself|himself) sick|stopped eating|wandering|left (?:in the|alone|unattended|on (?:his|her|their) own|outside|waiting)|anything could happen|no adult|no teacher|nobody (?:came|noticed|supervising)|trying to (?:talk to|get|lure|take|film|photograph)|through the fence|getting into (?:a|his|her) car|older (?:teenagers|boys|men|lads)|shook|shaken|hit (?:his|her) head|sell(?:ing|s)? (?:vapes|drugs|weed|pills)|(?:keep|kept) (?:\w+ ){0,2}secret from|county lines)\b/

/** Things children lose: a lost coat or jumper "went missing" is property, not a child. */
export const LOST_ITEMS =
  '(?:coat|jumper|uniform|shoes?|book|bag|kit|bottle|lunch ?box|cardigan|hat|glasses|phone|homework|money|trainers|jacket|scooter|bike|keys?|hoodie|blazer)'
const LOST_ITEM = new RegExp(
  `\\b${LOST_ITEMS}s? (?:\\w+ )?(?:went|has gone|have gone|goes|go|gone|was|were|is|are|keeps? going) missing\\b`,
)

const NOT_WELFARE =
  /\b(?:if (?:my|our) \w+ (?:comes|gets|is)|unhurt|no one was (?:injured|hurt)|nobody was (?:injured|hurt)|not injured|sports day|appointment|won(?!')|winning|trophy|match|tournament|charity|fundraising|raised|awareness week|netball team (?:won|beat)|police (?:visit|officer visited|came in to talk)|pcso (?:visit|talk))\b/

export function detectSafeguarding(input: DetectorInput, out: Detection[]): boolean {
  let any = runRules(input, 'safeguarding', RULES, out)
  // Sentence by sentence: a child plus a harm word. This is the broad net; the rules above
  // name the specific patterns.
  const s = input.f.lower
  if (!HARM_WORDS.test(s)) return any
  const re = /[^.!?\n]+[.!?\n]*/g
  let m: RegExpExecArray | null
  let n = 0
  while ((m = re.exec(s)) !== null && n++ < 400) {
    const sent = m[0]
    const harm = HARM_WORDS.exec(sent)
    if (!harm || !CHILD_REF.test(sent) || NOT_WELFARE.test(sent) || LOST_ITEM.test(sent)) continue
    const a = m.index + harm.index
    const [start, end] = input.f.span(a, a + harm[0].length)
    out.push({
      flag: 'safeguarding',
      start,
      end,
      rule: 'safeguarding.child-harm',
      explanation:
        'A child in the same sentence as harm, danger or neglect — a welfare concern for the DSL.',
    })
    any = true
  }
  return any
}

// For content that is already sexual, extremist or an impersonation: does it reach a child?
// Each needs a more specific child than "our kids": a named or described pupil.
const CHILD_TARGET: Record<'sexual' | 'extremism' | 'impersonation', RegExp> = {
  // Not the "real girls" of a dating advert or the kids who are "at school" while adults meet.
  sexual:
    /\b(?:(?<!\b(?:real|hot|lonely|local|single|lucky|bored|cam|working|party|naughty|big|dirty) )girls?|boys?|pupils?|(?<!(?:while|when) the )kids(?! (?:love|are in class|are at school))|children|(?:she|he)(?:'s| is) (?:eleven|ten|nine|eight|seven|\d{1,2})\b|schoolgirls?|schoolboys?|(?:[1-9]|1[0-3]) ?(?:yo|year old)|y[1-6] child)\b/,
  extremism:
    /\b(?:my (?:\w+ )?(?:son|daughter|boy|girl|nephew|niece|grandson|granddaughter|child|kid)|(?:nephew|niece|grandson|granddaughter)(?:'s)? (?:in|at)|ds|dd|an? (?:y\d|year \d|\w+) (?:boy|girl)|a (?:boy|girl) in (?:his|her|my)|(?:a|the) (?:primary school )?pupil (?!referral)|(?:he|she)(?:'s| is) (?:only )?(?:\d{1,2}|five|six|seven|eight|nine|ten|eleven)\b)/,
  impersonation:
    /\b(?:favourite pupils|send me a selfie|selfie|following (?:all|loads of) (?:the )?(?:y\d|year \d) kids)\b/,
}

export function childTargeted(
  input: DetectorInput,
  flags: ReadonlySet<string>,
): RegExpExecArray | null {
  for (const k of ['sexual', 'extremism', 'impersonation'] as const) {
    if (!flags.has(k)) continue
    const m = CHILD_TARGET[k].exec(input.f.lower)
    if (m) return m
  }
  return null
}
