// Runs in: main process / CLI (Node). Veiled threats, scored by their cues (issue 4 round).
//
// A veiled threat rarely names the harm: "enjoy your last week, Mr Hughes", "nice house, big
// windows, be a shame", "hope your brakes work tomorrow", "smile while you still have teeth".
// What such texts share is a person or their property, and cues of menace — some strong on
// their own ("dental records", "won't see it coming"), most weak (alone, after dark, the car
// park, "just saying"). One strong cue and any other cue, or two strong cues, in a text that
// points at someone, reads as a threat. Idiom, news of a past incident and a writer's own
// child veto, as in the other threat rules.
import { type Detection, type DetectorInput, mayMatchView } from './util'

const STRONG = new RegExp(
  `\\b(?:${[
    'dead meat|dental records|(?:while|whilst) (?:you|she|he|they) still (?:have|has|can)|through a (?:wall|window)',
    "(?:won't|wont|will not|never|not) see it coming|pay for (?:this|that|it)|(?:will|'ll|shall) be dealt with|being watched",
    'watch (?:yourself|herself|himself|themselves|your back|her back|his back)|(?:careful|watch (?:it|out)) (?:walking|crossing|driving|going home|on (?:her|his|your) way)',
    "nobody (?:would|will|'d) miss|if (?:he|she|they) (?:disappeared|went missing|vanished)|(?:won't|wont|will not) (?:make it to|be sleeping easy|sleep easy|be around|last (?:long|the week|the term))",
    'your last (?:week|day|term)|(?:her|his|their) last (?:week|day|term) at|make the most of it|(?:hope|pray) (?:your|her|his) (?:brakes|tyres|car|house|windows|kids)',
    '(?:pity|shame) if|go up (?:in seconds|like a|in flames|in smoke)|put a match to|petrol|(?:bring|take|taking|bringing) a (?:hammer|bat|knife|blade|crowbar)|by force',
    'jump (?:that|him|her|them|the|this)|(?:have|having|gonna have) (?:a few |some )?words|hearing from me|(?:see|sort) the head|make (?:her|him|them) listen',
    "show (?:her|him|them) how it feels|not in a friendly way|until someone(?:'s| is) (?:bleeding|hurt)|come (?:through|over) (?:that|the) (?:hatch|counter|desk)",
    'anything could happen to|only one (?:headteacher|head|teacher|deputy)|teach (?:\\w+ ){0,3}a lesson|on (?:her|his|their) doorstep|(?:which|what) house (?:she|he|they)',
    "nice (?:house|car|motor|windows)|(?:blocking|block) (?:her|his|the head's) (?:drive|driveway)|follow(?:ing)? (?:her|him) (?:home|to)|be (?:the )?first\\b(?= ?[.!#])|day of the rope",
    "(?:watch|mind) (?:ur|yer|your) back|(?:you're|youre|ur|u r|you are|she's|he's|shes|hes) dead\\b(?! (?:right|on|good|keen|serious|funny|tired|late|set|proud|end|loss|easy|cute|lucky|nice|sweet))",
    "(?:going to|gonna|is going to|are going to) get (?:it|what's coming|hurt|done in|sorted|battered|smacked)\\b|i(?:'ll| will|m going to|'m going to) find (?:you|u|her|him|them|where)|(?:we're|we are|i'm|i am|im) watching (?:you|u|her|him|them)",
    "should be (?:scared|afraid|worried|very scared|terrified)|what car (?:u|you|she|he|they) drives?|lucky (?:nobody|no one|i haven't|we haven't|i've not) (?:has )?(?:hurt|touched|done|got)",
    "(?:won't|wont|will not) be (?:walking|talking|eating|smiling|working|teaching) (?:for a while|again|properly|straight)|when (?:i'm|im|i am|we're) (?:done|finished) with",
    "make (?:\\w+\\W?s? ){0,2}li(?:fe|ves) (?:hell|a misery|a living hell)|(?:will|'ll|gonna|going to) burn(?: down)?\\b|do (?:\\w+ ){0,3}(?:some )?(?:serious )?damage",
    '(?:hope|wish|pray) (?:someone|somebody|a bus|a car|she|he|they) (?:\\w+ )?(?:punch|hit|run|kill|stab|batter|smack|slap|hurt|knock|glass|bottle|torch|key|slash)\\w*',
    "no idea what(?:'s| is) coming|what(?:'s| is) coming (?:to|for) (?:her|him|them|you)|hearing from my (?:fists|boot|mates|brothers|boys|lads)|(?:have|take) (?:her|his|their|your) (?:job and|teeth)|bomb (?:in|at|under|inside) (?:the|st|that|this)|you have until \\d",
    'be a (?:real |right |terrible )?(?:shame|pity)[.!]*\\s*$|(?:shame|pity) about (?:your|her|his|their) (?:car|house|windows|tyres|paint|drive)',
    "know where (?:you|u|she|he|they) (?:all )?li?ves?|you(?:'ll| will) regret|you know who this is|u no who this is|get what(?:'s| is) coming|won't know what hit|deserves? what(?:'s| is) coming|should be scared|be very afraid",
  ].join('|')})`,
  'g',
)
const WEAK =
  /\b(?:alone|on (?:her|his|their|your) own|after dark|dark|car ?park|gates?|fence|outside|after school|lock(?:s)? up|waiting|w8in|tonight|tomorrow|monday|one more time|again|if (?:she|he|they|the head|you)|(?:i'll|i will|gonna|we'll) be (?:at|there|outside|waiting)|just saying|that's all i'll say|simple as that|mark my words|careful|watch|house|lives?|home|kids?|driveway|i'd|i would|i'll|gonna|happily|brakes|windows?|paint|seconds|bonfire|dealt|hammer|match|simple)\b|😊|😉|🔥|👀/g
const TARGET =
  /\b(?:you|your|u|ur|yer|her|him|she|he|they|them|head|headteacher|teachers?|deputy|ta|dinner lady|caretaker|receptionist|senco|governors?|staff|staffroom|classroom|office|school|mr \w+|mrs \w+|miss \w+|ms \w+|sir|miss)\b/
// Idiom, reports of the past, and parents' exasperation with their own children.
const VETO =
  /\b(?:killing me|death of me|could murder a|police said|was (?:charged|sentenced|convicted|jailed)|in court|magistrates|inquest|fire ?drill|bonfire night|fireworks|firework display|pantomime|panto|recipe|bake|cake|petrol (?:station|prices?)|price of petrol|last (?:week|day) of (?:term|school|the holidays)|(?:last|first) day nerves|make the most of (?:the|your|it while) (?:sun|weather|holidays?|half term)|(?:enjoy|enjoyed) (?:your|the) last (?:week|day) (?:at|of) (?:primary|school|nursery)|retir\w+|leaving do|leavers?|good luck|we'll miss|will be missed|so sad to see)\b/

/** True when the text reads as a veiled threat; its strongest cue becomes the evidence. */
export function detectMenace(input: DetectorInput, out: Detection[]): boolean {
  const s = input.f.deob
  // Most texts hold none of the cues' literals: the shared prefilter scan tells, not the regex.
  if (!mayMatchView(input, 'deob', STRONG)) return false
  STRONG.lastIndex = 0
  const strong = STRONG.exec(s)
  if (!strong) return false
  if ((!TARGET.test(s) && !namesStaff(s, input)) || VETO.test(s)) return false
  let strongCount = 1
  while (STRONG.exec(s) !== null && strongCount < 3) strongCount++
  WEAK.lastIndex = 0
  let weak = 0
  while (WEAK.exec(s) !== null && weak < 3) weak++
  // A short post naming someone needs no second cue: a tweet-length menace is rarely anything else.
  if (strongCount < 2 && weak < 1 && s.length > 160) return false
  const [start, end] = input.f.deobSpan(strong.index, strong.index + strong[0].length)
  out.push({
    flag: 'threat',
    start,
    end,
    rule: 'threat.menace-cues',
    explanation:
      'Cues of menace aimed at a person or their property ("you won\'t see it coming", "nice house ... be a shame"): a veiled threat.',
  })
  return true
}

// Staff surnames from the school profile, lower-cased once per profile.
const surnames = new WeakMap<object, RegExp | null>()
function namesStaff(s: string, input: DetectorInput): boolean {
  const school = input.school
  if (!school?.staff?.length) return false
  let re = surnames.get(school)
  if (re === undefined) {
    const names = school.staff
      .map((p) => p.name.trim().split(/\s+/).pop()?.toLowerCase() ?? '')
      .filter((n) => n.length > 2)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    re = names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`) : null
    surnames.set(school, re)
  }
  return re !== null && re.test(s)
}
