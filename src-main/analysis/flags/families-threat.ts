// Runs in: main process / CLI (Node). Second round of threat concepts (engine 1.3.0).
//
// Grouped by the *shape* of a menace rather than by sentences: an injury spelled as its aftermath,
// watching someone's movements, inviting others to act on an address, gathering a group to turn
// up, a "not a threat" marker, an ultimatum with a hostile consequence, a place set alight.
// Every family needs either a person, a place or a menace marker, so "the homework is killing
// me" and "the price went up in flames" stay quiet.
import type { Rule } from './util'

const WHO =
  '(?:you|u|her|him|them|she|he|they|mr \\w+|mrs \\w+|miss \\w+|ms \\w+|the (?:head|teacher|deputy|senco|caretaker|manager)|that (?:head|teacher|woman|man|ta))'

export const THREAT_FAMILIES_2: Rule[] = [
  {
    id: 'threat.injury-aftermath',
    // The harm described by what is left afterwards: teeth, bones, a straw, a wall, the floor.
    re: /\b(?:he|she|they|you|teacher|head|deputy|coach|lady|man)(?:'ll| will) (?:be )?(?:eating|drinking) through a straw\b|\bpicking (?:\w+ )?(?:her|his|their|your) teeth (?:up )?off\b|\bbreak every bone\b|\b(?:put|putting|throw|throwing) (?:her|him|them|you|\w+ head) (?:through|into) (?:a|the) (?:wall|window|door|counter)\b|\b(?:put|putting|knock|knocking) (?:her|him|them|you) (?:on|to) the (?:floor|ground|deck)\b|\bdead meat\b|\b(?:won't|will not|wont|never) see (?:it|what's|what is) coming\b|\b(?:won't|will not|wont) be an accident\b|\b(?:drag|dragging) (?:that|the|her|him) \w*\s*(?:over|across|out|through)\b|\b(?:take|taking) a (?:hammer|bat|knife|crowbar|machete) to\b|\bwith me in the car park\b/g,
    view: 'deob',
    explain: 'Describes harm to a person by its aftermath (teeth, bones, "through a wall").',
    unless: /\b(?:fell|tripped|slipped|playground accident|pe lesson|rugby|football match)\b/,
  },
  {
    id: 'threat.watching-movements',
    // Knowing someone's routine, route, car or exits, or telling them they are watched.
    re: new RegExp(
      `\\b(?:i|we) know (?:(?:what time|when|which way|the way) (?:she|he|they|you|mr|mrs|miss|ms|the (?:head|deputy|teacher|caretaker|ta)|that)\\b|what (?:she|he|they) drives?|their cars|(?:all|every one) of (?:them|the exits)|where (?:she|he|they) parks?)\\b|\\b(?:is|are) being watched\\b|\\b(?:i'?ve|we'?ve|i have|we have) seen (?:your|her|his|their) (?:house|home|car|kids)\\b|\\bcheck under (?:his|her|their|your) car\\b|\\b(?:be|keep|being) (?:very |really )?careful (?:walking|driving|going)\\b|\\bwouldn't walk (?:home|to (?:her|his|the) car) (?:alone|on (?:her|his|my) own)\\b|\\b(?:keep|kept) (?:looking|glancing) over (?:her|his|your|their) shoulders?\\b|\\b(?:is|am|are) watching\\.?\\s*$|\\b(?:better|want to|wants to|should) (?:lock (?:their|your|the) doors|watch (?:it|yourselves|themselves|out))\\b|\\bbetter hope (?:he|she|they|you) never\\b|\\bwe (?:don't|never) forget\\b|\\bpeople (?:round|around) here (?:don't|never) forget\\b|\\blong memories\\b`,
      'gm',
    ),
    view: 'deob',
    explain: "Says they watch a person's movements, car or home: an indirect threat.",
    unless: /\b(?:speed camera|road safety|lollipop|crossing patrol|ofsted|grades?|results)\b/,
  },
  {
    id: 'threat.address-invitation',
    // An address or "lives on" joined to an invitation for others to act on it.
    re: /\b(?:do (?:what|whatever) you (?:want|like|wish) with (?:it|that|this)|in case (?:anyone|someone|any of you) wants? (?:a word|to (?:visit|pop round|have a word|say hello))|pay (?:her|him|them) a (?:little |friendly )?visit|go and (?:ask|see|tell|find) (?:her|him|them)|let (?:her|him|them) know how you feel|(?:should|must|needs to) be made to answer)\b/g,
    view: 'deob',
    explain: 'Publishes where someone lives and invites others to act on it.',
    needs:
      /\b(?:lives?|living|address|road|street|lane|close|way|avenue|drive|flat \d|\d+ \w+ (?:road|street|lane|close|way)|house|corsa|fiat|car)\b/,
  },
  {
    id: 'threat.group-turn-up',
    // Gathering people to turn up: "bring whatever you like", "our lads will be outside".
    re: /\bbring (?:whatever|anything) you (?:like|want|need|can)\b|\b(?:bringing|bring|with) my (?:brothers|cousins|mates|boys|lads|uncles)\b[^.!?\n]{0,40}\b(?:down|round|gate|school|sort)|\bnot coming alone\b|\b(?:our|the) (?:lads|boys|men|patriots) will be (?:outside|at|there|waiting)\b|\bjoin the patrol\b|\blet them see us\b|\b(?:show|turn) up and (?:let them know|show them|make them)\b|\bwhat we do to (?:people|teachers|them|those) like\b|\bsort it (?:ourselves|myself|out ourselves)\b|\bsort (?:him|her|them) out (?:himself|herself|themselves|myself|ourselves)\b|\bhave (?:a )?words?\b[^.!?\n]{0,40}\bnot in a friendly way\b|\b(?:come out and )?face me\b|\bsee how brave (?:she|he|they|you) (?:is|are)\b|\bwelcome (?:she|he|they) won't forget\b/g,
    view: 'deob',
    explain: 'Gathers people or promises to turn up and confront someone.',
    unless: /\b(?:fun run|sponsored|fete|bake sale|quiz night|football|party)\b/,
  },
  {
    id: 'threat.marker',
    // A menace marker that turns the sentence around it into a warning.
    re: /\bnot a threat,? (?:it's |its )?(?:a|just a) promise\b|\bnot (?:even )?joking this time\b|\bnot using that as a figure of speech\b|\bnext time it won't be\b|\b(?:they(?:'ll|'re going to| will)|you'll|she'll|he'll) (?:learn|find out) the hard way\b|\bgoing to find out what happens when\b|\bwon't be answerable\b|\b(?:got|has got|have got) another thing coming\b|\b(?:get|got|getting) what (?:they|she|he|you) deserves?\b(?=[^.!?\n]{0,60}\b(?:next time|teachers?|staff|head)\b)|\bthere(?:'ll| will) be trouble\b|\b(?:crossed|mess(?:ed)? with) (?:my|our) family\b|\btaste of (?:her|his|their) own medicine\b|\bthey(?:'ve| have) been (?:told|warned)\b|\bwe'll see about that\b|\bdeath to\b|\bk[i1!]ll (?:ur|your)s[e3]lf\b|\bday of the rope\b|\bwill be (?:judged and )?punished\b|\b(?:by|with) force\b(?=[^.!?\n]{0,40}$)|\bbe ready\b(?=\s*[.!]?\s*$)/gm,
    view: 'deob',
    explain: 'A menace marker: "not a threat, a promise", "the hard way", "death to".',
    unless: /\b(?:police said|in court|magistrates|the film|the book|the game)\b/,
  },
  {
    id: 'threat.place-alight',
    // The school or an office set alight or bombed, in any tense or wish.
    re: /\b(?:burn|burning) the (?:whole )?(?:place|school|building|lot) down\b|\b(?:school|place|building|office|it) (?:will|would|should|is going to|went|goes|go) (?:burn|up in flames|up like a bonfire)\b|\bsets? fire to (?:your|her|his|their|the) (?:office|school|house|car|classroom)\b|\bbomb in the (?:school|hall|building|office|classroom)\b|\bshoot up (?:this|the|that) school\b|\b(?:will|gonna|going to) go off at\b|\b(?:windows|tyres|car) (?:aren't|won't be|wont be) there\b|\bshame about (?:your|her|his) (?:tyres|car|windows)\b|\b(?:finds?|found) (?:her|his|their) tyres slashed\b|\beggs? (?:n|and) flour for\b/g,
    view: 'deob',
    explain: 'Wishes or promises that the school or someone’s property is set alight or bombed.',
    unless: /\b(?:bonfire night|fireworks|bake|oven|candle|calories|fire drill)\b/,
  },
]

export const THREAT_PERSON = WHO
