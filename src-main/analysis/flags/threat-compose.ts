// Runs in: main process / CLI (Node). Threats recognised by their parts, not by their phrasing.
//
// The phrase families in threat.ts / families*.ts catch the common spellings, but writers invent
// new ones every day ("nobody in that office goes home in one piece", "let's see how loud he is
// with a broken jaw"). Every threat has three parts: HARM (a violent act, an injury, a weapon, a
// damaged car or building), a TARGET (a person or their property, not the writer's own child)
// and a FRAME that points it forward (intent, a condition, a wish, an incitement, a menace
// marker). A sentence with all three is a threat; the idioms and reports below veto.
import { type Detection, type DetectorInput, type Rule, mayMatchView } from './util'

// Acts of violence or damage. Bare "hit" and "kill" are here; idioms are vetoed separately.
const HARM_ACT =
  "(?:(?:kill|stab|batter|punch|slap|smack|thump|deck|glass|knife|shoot|strangle|throttle|choke|hurt|injure|maim|headbutt|kick|bottle)(?:s|es|ed|ing|d|bed|bing|ped|ping)?|beat (?:him|her|them|you|the \\w+|that \\w+) up|beat up|beat the|knock (?:[\\w']+ ){0,3}out|put (?:\\w+ ){1,2}in (?:hospital|a&e|the ground|a box|a wheelchair|intensive care)|(?:windows?|door|windscreen) (?:put|smashed|kicked|caved) in|my fists|a bomb (?:in|at|under|inside)|smash (?:his|her|your|their|the|that|every|its|it|up)|smash(?:ed)? (?:in|up)|break (?:his|her|your|their|every|the|that) (?:\\w+ )?(?:arms?|legs?|neck|nose|jaw|face|fingers?|bones?|wrists?|ankles?|knees?|skull|ribs|back|spine|windows?|windscreen|teeth)|snap (?:his|her|your|their) \\w+|torch|burn (?:it|the|that|this|down|them|him|her|your)|set fire|set light|firebomb|petrol bomb|blow (?:it|the|that) up|blow up|key (?:it|her|his|their|your|the|that)|keyed|scratch(?:ed)? (?:it|her|his|their|your|the)|slash(?:ed)?|run (?:him|her|them|you|that \\w+(?: \\w+)?|the \\w+) over|run over|drag (?:him|her|them|that \\w+|the \\w+) (?:out|across|through|by)|kick (?:his|her|your|their) (?:head|teeth|face|door) in|kick(?:ing)? (?:the shit|seven bells)|do (?:him|her|them|you) in|finish (?:him|her|them|you) off|take (?:him|her|them|you) (?:out|down)|caves? in on|cave (?:his|her|their|your) head|lay (?:a finger|hands) on|put (?:him|her|them|you) in (?:hospital|the ground|a box)|wipe (?:them|that school|the school|it) off|hang (?:him|her|them)|lynch|nail (?:him|her|them)|string (?:him|her|them) up)"
// What is left after violence: the aftermath names the act without a verb.
const HARM_AFTER =
  '(?:broken (?:jaw|arm|arms|nose|leg|legs|neck|ribs|bones?|teeth|windscreen|windows?)|in one piece|in an? (?:ambulance|body bag|box|coffin|wheelchair)|scraping (?:\\w+ ){0,3}off the (?:pavement|floor|road|ground)|(?:two|2) black eyes|a black eye|black and blue|picking (?:\\w+ ){0,3}teeth up|flat tyres?|no windows left|bleeding)'
const WEAPON =
  '(?:crowbar|baseball bat|cricket bat|machete|hammer|acid|petrol|blade|shotgun|gun|knife|knives|brick|iron bar|axe)'
// Forward-pointing frames: intent, condition, wish, incitement, menace.
const FRAME =
  "(?:i'll|ill|i will|we'll|we will|i'm going to|im going to|i am going to|i'm gonna|im gonna|gonna|going to|i'd|i would|i might|i may|i swear|swear down|i could|next time|next step|i'm (?:bringing|coming|taking)|bringing|getting|next \\w+|tonight|tomorrow|one day|you have until|one more|again|if (?:he|she|they|you|that|the|anyone|i)|or else|let's see|lets see|we'll see|see how|watch what|wait till|wait until|when i see|when i get|hope|wish|should|ought to|needs? to|need a|needs a|deserves?|deserved|about time|mark my words|just saying|wouldn't it|would be (?:a )?(?:real )?(?:shame|awful|terrible|pity)|be a (?:real )?(?:shame|pity)|nothing (?:left )?to lose|myself|ourselves|what's coming|someone should|somebody should|won't be|will be|won't know|pull that|try that|try it|do that again|touch my)"
// Who or what receives the harm: people in or around the school, or their property.
const TARGET =
  "(?:you|u|ya|her|him|them|he|she|they|his|their|your|teachers?|staff|ta|tas|dinner lad(?:y|ies)|parents'? evening|meeting|assembly|gates?|pick ?up|drop ?off|head|headteacher|deputy|senco|caretaker|site manager|office|receptionist|governors?|miss|sir|mr \\w+|mrs \\w+|ms \\w+|lady|man|woman|bloke|lot of them|all of them|father|dad|mum|mother|school|staffroom|staff room|classroom|building|place|car|cars|car park|windscreen|tyres|house|home|door|windows?|roof)"

const RE_ACT = new RegExp(`\\b${HARM_ACT}\\b`, 'g')
const RE_AFTER = new RegExp(`\\b${HARM_AFTER}\\b`)
const RE_WEAPON = new RegExp(`\\b${WEAPON}\\b`)
const RE_FRAME = new RegExp(`\\b${FRAME}\\b`)
const RE_TARGET = new RegExp(`\\b${TARGET}\\b`)
// One scan for the gate instead of three: most mentions hold no harm word at all.
const RE_ANY = new RegExp(`\\b(?:${HARM_ACT}|${HARM_AFTER}|${WEAPON})\\b`)

// Hyperbole, sport, reports and the writer's own child: the same words, no threat.
const VETO =
  /\b(?:killing me|kill(?:ed|s)? it|kill for|kill time|death of me|could murder a|murder(?:ing)? (?:the|a|that) (?:recorder|song|tune|violin|piano|trumpet|carol)|dying (?:to|for)|smash(?:ed|ing)? (?:it|their|the|my|our) (?:sats|tests?|exams?|targets?|spellings?|times tables|goals?|record)|(?:destroyed|slaughtered|thrashed|battered|hammered) (?:in|at|by) (?:the )?(?:quiz|match|final|round|game|league|tournament)|(?:police|court|magistrates|charged|arrested|sentenced|convicted|jailed|investigat\w*|inquest|accident|crash|collision|fell|fall|tripped|slipped|climbing frame|fracture|first aid|plaster|nosebleed)|(?:strangle|kill|murder|throttle|swing for) whoever|whoever invented|the way people (?:park|drive)|road safety|park(?:ing|ed)|gridlock\w*|traffic|speeding|zig ?zags?|bonfire|fireworks|bake|oven|recipe|pantomime|panto|the film|the game|the book|(?:stuck|struck) in|burn(?:ed|t)? (?:out|the candle|calories|dinner|toast)|blow (?:out|up) (?:the )?(?:balloons?|candles?)|hit (?:the|a) (?:target|road|ground|nail|jackpot))/

/**
 * Sentences (and a sentence with its neighbour, since "The caretaker shouted at my daughter. Let's
 * see how loud he is with a broken jaw." splits the target from the harm) that hold all three parts.
 */
export function detectComposedThreat(input: DetectorInput, out: Detection[]): boolean {
  const s = input.f.deob
  // Cheap gate: no harm word at all means no threat of this kind, and most texts have none.
  if (!mayMatchView(input, 'deob', RE_ANY) || !RE_ANY.test(s)) return false
  const parts = s.split(/(?<=[.!?\n])\s*/)
  let pos = 0
  let prev = ''
  for (const sent of parts) {
    const start = s.indexOf(sent, pos)
    pos = start + sent.length
    const harm = matchHarm(sent)
    if (harm && !VETO.test(sent) && !ownChildHyperbole(prev + ' ' + sent, sent, harm)) {
      const ctx = prev + ' ' + sent
      if (
        RE_FRAME.test(sent) &&
        (RE_TARGET.test(sent) || RE_TARGET.test(prev)) &&
        !VETO.test(ctx)
      ) {
        const [a, b] = input.f.deobSpan(start + harm.index, start + harm.index + harm[0].length)
        out.push({
          flag: 'threat',
          start: a,
          end: b,
          rule: 'threat.composed',
          explanation:
            'Harm, a person or their property, and a forward-looking frame in one sentence: a threat.',
        })
        return true
      }
    }
    prev = sent
  }
  return false
}

// "His water bottle went missing": a bottle with a contents word before it is a thing, not an act.
const NOUN_BOTTLE =
  /\b(?:water|milk|drinks?|juice|plastic|baby|feeding|hot water|sports|squash)\s+$/
function matchHarm(sent: string): RegExpExecArray | null {
  RE_ACT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = RE_ACT.exec(sent)) !== null) {
    if (
      !m[0].startsWith('bottle') ||
      !NOUN_BOTTLE.test(sent.slice(Math.max(0, m.index - 12), m.index))
    )
      return m
  }
  return RE_AFTER.exec(sent) ?? RE_WEAPON.exec(sent)
}

// "I will throttle DS if he loses another jumper": the writer's own child as the object, and no
// adult anywhere in sight, is a parent's hyperbole. With a teacher or a father in the sentence
// ("if Mr Baxter touches my son again I'll break his arm") the pronoun is the adult.
const OWN_CHILD =
  /\b(?:my|our) (?:son|daughter|boy|girl|kids?|children|little one|lad|youngest|eldest)\b|\b(?:ds|dd|dc|dcs)\d?\b/
const ADULT =
  /\b(?:mr|mrs|miss|ms|sir|teachers?|head|headteacher|deputy|caretaker|staff|coach|father|dad|mum|mother|man|woman|bloke|lady|office|school|ta|senco|governors?)\b/
function ownChildHyperbole(ctx: string, sent: string, harm: RegExpExecArray): boolean {
  if (!OWN_CHILD.test(ctx)) return false
  const after = sent.slice(harm.index + harm[0].length, harm.index + harm[0].length + 20)
  if (
    /^\s*(?:my|our) (?:son|daughter|boy|girl|kids?|children|little one)|^\s*(?:ds|dd|dc)\b/.test(
      after,
    )
  )
    return true
  // Only a bare pronoun can point back at the child; a weapon or an injury names no object.
  const pronoun =
    /(?:him|her|them|he|she)\s*$/.test(harm[0]) || /^\s*(?:him|her|them)\b/.test(after)
  return pronoun && !ADULT.test(ctx)
}

const PERSON =
  '(?:you|her|him|them|the (?:head|teachers?|deputy|caretaker|staff|dad|father|mum|man|woman)|that (?:head|teacher|woman|man|dad|caretaker)|(?:his|her|their) (?:dad|father|mum|mother|brother|husband|wife)|mr \\w+|mrs \\w+|miss \\w+|ms \\w+)'

/** Menace concepts the composed check cannot see because they name no harm at all. */
export const THREAT_FAMILIES_3: Rule[] = [
  {
    id: 'threat.lie-in-wait',
    // Waiting by someone's car or home, in any person: "he says he's going to wait by her car".
    re: /\b(?:wait|waiting|hang (?:about|around)|hanging (?:about|around)|sit|sitting|be|lurk\w*) (?:by|outside|near|at|round) (?:her|his|their|your|the head's|the teacher's|\w+'s) (?:car|house|home|door|flat|drive|gate)\b/g,
    view: 'deob',
    explain: "Says someone will wait by a person's car or home: an indirect threat.",
    unless:
      /\b(?:taxi|uber|lift|delivery|parcel|pick(?:ing)? (?:her|him|them) up|give (?:her|him) a lift)\b/,
  },
  {
    id: 'threat.shame-if',
    // "Be a real shame if..." followed by something happening to a person or their property.
    re: /\b(?:be|would be|it'd be|wouldn't it be) (?:a )?(?:real |terrible |awful |such a |right )?(?:shame|pity|awful|terrible|tragic) if\b[^.!?\n]{0,60}\b(?:happened|scratched|keyed|damaged|smashed|broken into|an accident|a visit|caught fire|one night|found out|got hurt|went missing|slashed|tyres?)\b/g,
    view: 'deob',
    explain: 'A veiled threat: "would be a shame if something happened".',
  },
  {
    id: 'threat.wont-be-laughing',
    re: /\b(?:won't|wont|will not|not) be (?:laughing|smiling|so smug|so brave|so cocky|so clever|so tough|so gobby|so mouthy|talking) (?:when|once|after)\b|\b(?:when|if|once|next time) (?:i|we) (?:see|catch|get|find|bump into) (?:you|her|him|them|that \w+|the \w+) (?:on (?:your|her|his|their) own|alone|outside|in the car park|after school|after dark|without)\b/g,
    view: 'deob',
    explain: 'A warning of what will happen when the writer catches someone alone.',
  },
  {
    id: 'threat.knows-routine',
    re: /\b(?:i|we|we all|everyone|people|they) (?:all )?knows? (?:what time |when |where |which way |that )?(?:she|he|they|you|mr \w+|mrs \w+|miss \w+|ms \w+|the (?:head|deputy|caretaker|teacher)|[a-z]+) (?:walks|leaves|parks|drives|gets home|goes home|jogs|runs|drinks|shops|finishes|cycles|takes)\b/g,
    view: 'deob',
    explain: "Says they know a person's routine, with a menace: an indirect threat.",
    needs:
      /\b(?:just saying|alone|on (?:his|her|their) own|dark|one night|tonight|every (?:evening|night)|be careful|watch (?:out|it|yourself|your back)|\u{1F440})/u,
  },
  {
    id: 'threat.confront-menace',
    // Confronting someone plus a wink that it will not be words.
    re: new RegExp(
      `\\bnot (?:talking|words|chatting|a chat|to talk)\\b[^.!?\\n]{0,20}\\bif you (?:get|know) (?:me|what i mean)\\b|\\bthe time for (?:words|talking|talk|petitions|letters) is over\\b|\\b(?:watch|see) what (?:i|we) (?:do|'ll do|will do|can do) to (?:your|her|his|their|the)\\b|\\b(?:deal with|sort out|sort|handle|settle (?:it|this) with) ${PERSON} (?:myself|ourselves|personally|the old[- ]fashioned way)\\b`,
      'g',
    ),
    view: 'deob',
    explain: 'Promises to confront someone, and not with words.',
  },
  {
    id: 'threat.come-for',
    re: /\b(?:come|coming|comes) (?:for|after) (?:you|her|him|them|the (?:head|teachers?|staff)|that (?:head|teacher|woman|man)|you all|the lot of (?:you|them))\b/g,
    view: 'deob',
    explain: 'Says people will come for someone: a threat.',
    unless:
      /\b(?:collect\w*|pick(?:ing)? (?:up|her|him)|at \d|o'?clock|lift|club|tea|dinner|party|play ?date|sleepover|pick-?up|nan|grandma|granny|grandad)\b/,
  },
  {
    id: 'threat.visit-home',
    // An address or "lives" near an invitation for others to call round or spread the word.
    re: /\b(?:we|you|everyone|someone|people|parents)\s+(?:should|could|can|might|must|ought to)?\s*(?:all )?(?:pop|go|come|drop|head|swing|call) (?:round|over|by)\b|\b(?:everyone|people|the whole town) should know what (?:he|she|they) did\b/g,
    view: 'deob',
    explain: 'Points others at where someone lives and invites them to act.',
    needs:
      /\b(?:lives?|moved to|living|address|number \d+|\d+ [a-z]+ (?:road|street|lane|close|way|avenue|drive|crescent))\b/,
  },
]
