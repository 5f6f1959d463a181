// Runs in: main process / CLI (Node). Second round of safeguarding concepts (engine 1.3.0).
//
// Each family is a *risk to a child* in a shape the first round missed: an injury nobody at the
// setting noticed or recorded, an adult reaching a child privately (following, messaging, a
// personal handle, "stay behind"), a child who got out or went missing, a child who must not be
// shown online, extremist ideas reaching children, unsafe staffing, and a child humiliated or
// shut in by an adult or set upon by peers on video.
//
// The third and fourth rounds are the oblique worries a parent or a neighbour writes without the
// word "abuse": a child told to keep secrets, an online "friend" with gifts and questions, a
// stranger watching at the gates, hunger and cold, fear of going home, hints of not wanting to
// live, a drunk adult collecting, a child afraid to go in after being hurt, a member of staff
// with a private line to a pupil, marks that point to harm, and a named pupil singled out.
import type { Rule } from './util'

const CHILD =
  '(?:my (?:\\d+ ?(?:yo|year old)|son|daughter|kid|child|grandson|granddaughter|niece|nephew|little one|boy|girl)|ds|dd|dc|(?:y|year )\\d (?:boy|girl|kids|children|pupils)|the (?:little ones|kids|children|pupils))'

export const SAFEGUARDING_FAMILIES_2: Rule[] = [
  {
    id: 'safeguarding.unnoticed-injury',
    re: /\b(?:bite marks?|bruises?|bruised|gash|cut|injur(?:y|ies|ed)|burns?|bump)\b[^.!?\n]{0,80}\b(?:no (?:accident|incident) (?:form|report)|nobody (?:\w+ ){0,4}(?:knew|noticed|told)|no one (?:\w+ ){0,4}(?:knew|noticed|told)|never (?:told|informed|rang|called) (?:us|me|his parents|her parents)|didn't (?:notice|tell)|wasn't told)/g,
    explain: 'A child injured at the setting with nobody noticing or recording it.',
  },
  {
    id: 'safeguarding.adult-private-reach',
    re: new RegExp(
      `\\b(?:follows?|following|messag(?:es|ing)|dm(?:s|ing)|texts?|texting|add(?:s|ed|ing)?)\\s+${CHILD}\\b[^.!?\\n]{0,40}\\b(?:at night|late|on (?:tiktok|snapchat|snap|insta|instagram|whatsapp)|privately)|\\b(?:personal|private) (?:insta|instagram|snap|snapchat|tiktok|number|mobile|handle|account)\\b[^.!?\\n]{0,40}\\b(?:so (?:they|she|he) can|to (?:chat|talk|message))|\\b(?:asking|asks|asked) (?:the )?(?:year \\d|y\\d) (?:girls|boys) to ['"]?stay behind|\\bhugging (?:little |the )?(?:girls|boys|children|kids)\\b|\\bgives? me the creeps\\b[^.!?\\n]{0,60}\\b(?:girls|boys|kids|children)\\b`,
      'g',
    ),
    view: 'deob',
    explain: 'An adult reaching a child privately: following, messaging or a personal handle.',
  },
  {
    id: 'safeguarding.child-got-out-or-missing',
    re: /\b(?:left the (?:school )?(?:site|premises|grounds)|climbing (?:over )?the (?:fence|gate)|got (?:halfway )?(?:over|out of) the (?:fence|gate)|walked out of (?:the )?(?:school|nursery|gate))\b[^\n]{0,80}\b(?:unnoticed|nobody noticed|no one noticed|before a|without anyone|alone)|\b(?:unnoticed|nobody noticed)\b[^.!?\n]{0,40}\b(?:left|climbing|toddler|child)|\b(?:can't|cannot|couldn't) find (?:him|her|them)\b|\bdidn't get off the (?:school )?bus\b|\b(?:has |had |have )?(?:gone|went) missing\b/g,
    explain: 'A child who got out unnoticed or has gone missing.',
    unless:
      /\b(?:cat|dog|lunchbox|coat|jumper|book bag|shoe|water bottle|pe kit|homework|parcel)\b/,
  },
  {
    id: 'safeguarding.must-not-be-shown',
    re: /\b(?:under a court order|court order|not (?:supposed|allowed|meant) to be (?:online|on here|shown|identified)|foster carers?\b(?=[^.!?\n]{0,60}\b(?:online|photos?|shown|tagged|identified|must not|mustn't|take (?:it|this) down))|\b(?:photos?|tagged|online)\b[^.!?\n]{0,60}\bfoster (?:carers?|child|placement)|taken into care|(?:isn't|is not|not) allowed near (?:him|her|them)|please blur (?:the |her |his )?faces?|blur the faces|for family reasons)\b/g,
    explain: 'A child who must not be identified online, or whose safety depends on it.',
  },
  {
    id: 'safeguarding.radicalising-children',
    re: new RegExp(
      `\\b(?:${CHILD}|(?:the )?(?:y|year )\\d (?:and (?:y|year )\\d )?(?:boys|girls|kids)|classmates|the little ones|\\d+ ?(?:yo|year old))\\b[^\\n]{0,120}\\b(?:martyr|haram|brotherhood|patriot|kalergi|jews controlling|hitler|black flag|training videos?|influencer|enemies of islam|foreigners ruining|fight back|prevent (?:programme|referral))\\b`,
      'g',
    ),
    view: 'deob',
    explain: 'Extremist or hateful ideas reaching children: a Prevent and DSL matter.',
    unless: /\b(?:history (?:lesson|topic)|ww2|world war|remembrance|anne frank)\b/,
  },
  {
    id: 'safeguarding.unsafe-care',
    re: /\bno dbs\b|\bwithout (?:a )?dbs\b|\bratios? (?:were|was|are|is) (?:regularly |often |always )?(?:broken|ignored|not met)\b|\bscreamed at (?:my|a|the) [^.!?\n]{0,40}\buntil (?:she|he) (?:wet|cried|was sick)|\bswore at (?:a|my|the) (?:child|kid|boy|girl|son|daughter)\b|\block(?:ing|ed|s)? (?:her|him|them) in (?:the )?(?:toilets?|cupboard|room)\b|\bvideo of (?:him|her|a \w+) being (?:beaten|attacked|hit|punched|kicked)|\bplanning to (?:jump|batter|beat up) (?:that|a|the) (?:y|year) ?\d/g,
    view: 'deob',
    explain: 'Unsafe care: no vetting, broken ratios, a child shut in, shouted at or set upon.',
  },
]

// A child somewhere in the text: the families below describe an adult's act or a sign, and only
// a child in view makes it a welfare concern ("she's 9", not "she's 40").
const CHILD_NEAR =
  /\b(?:kids?|kiddies|child(?:ren)?|boys?|girls?|lads?|lass|sons?|daughters?|ds\d?|dd\d?|dgs|dgd|dc|pupils?|students?|toddlers?|infants|juniors|little ones?|little man|my baby|nephew|niece|grandson|granddaughter|(?:y|yr|year) ?\d|reception|\d{1,2} ?(?:yo|y\/o|year[- ]old|yr old)s?|(?:he|she|they)(?:'s|s| is| are) (?:only |just )?(?:[1-9]|1[0-3]|five|six|seven|eight|nine|ten|eleven|twelve)\b)\b/

// E-safety lessons and notices describe the grooming pattern to warn about it.
const SAFETY_LESSON =
  /\b(?:online safety|e-?safety|safer internet|internet safety|stranger danger (?:talk|lesson)|tips?|workshops?|lessons?|assembly|session|evening|role[- ]?play\w*|awareness|training|if (?:someone|anyone|a stranger|an adult)|never (?:give|share|send)|red flag|how to spot|signs of)\b/

export const SAFEGUARDING_FAMILIES_3: Rule[] = [
  {
    id: 'safeguarding.secrecy-asked',
    re: /\b(?:told|tells|telling|asked|asks|asking|made|makes|making|begged|said to)\s+(?:her|him|them|me|us|my \w+|the (?:kids|children|girls|boys))\s+(?:to\s+)?(?:promise\s+)?(?:not to|never to|to not|not) (?:tell|mention|say|show)|\b(?:said|says) (?:not to|to not|don't|dont) tell (?:you|me|mum|mummy|dad|daddy|anyone|her mum|his mum|her dad|his dad|her parents|his parents)\b|\bno need to (?:mention|tell) (?:it |this )?(?:to )?(?:mum|mummy|dad|daddy|your mum|your dad|your parents|anyone)\b|\bkeep (?:our|their|the|his|her|this|it|them) (?:\w+ )?(?:a )?secret from\b|\bsecret from (?:mum|mummy|dad|daddy|your mum|your parents|her mum|his mum)\b|\bdon'?t show the others\b|\bjust us x\b|\b(?:isn't|is not|not|wasn't) allowed to (?:talk|tell anyone) about (?:home|what happens)/g,
    explain: 'A child told to keep a secret from their parents: a grooming or abuse warning sign.',
    needs: CHILD_NEAR,
    unless:
      /\b(?:surprise|present for|birthday|party|christmas|santa|spoil(?:er|ers|ing)?|ending|spoilers|tooth fairy|easter)\b|\b(?:online safety|safer internet|e-?safety|red flag|if (?:someone|anyone|an adult))\b/,
  },
  {
    id: 'safeguarding.online-stranger',
    re: /\b(?:roblox|fortnite|minecraft|discord|among us|snapchat|snap|tiktok|instagram|insta|whatsapp|xbox|playstation|ps5|online|gaming|in a game|on a game|obby)\b[^.!?\n]{0,60}\b(?:asking|asked|asks|wanted|wants|sent|sending|sends|offer(?:ed|ing|s)?|gave|giving|bought|buys|buying|friending|telling|told)\b[^.!?\n]{0,50}\b(?:school name|which school|what school|(?:her|his|their) school|address|where (?:she|he|they) (?:lives?|live)|what time|walks? home|home alone|what (?:she|he|they) (?:was|were|is|are) wearing|no clothes|in the bath|photos? of (?:herself|himself|yourself|your|her|him)|pics? of (?:herself|himself|yourself|your|her|him)|gift ?cards?|robux|v-?bucks|presents?|money|meet (?:up|him|her|them)|video call|secret)/g,
    explain: 'An online stranger seeking a child out: gifts, secrets, photos or where they live.',
    needs: CHILD_NEAR,
    unless: SAFETY_LESSON,
  },
  {
    id: 'safeguarding.stranger-watching',
    re: /\b(?:man|men|bloke|guy|fella|stranger|woman|couple|lad|older (?:lads?|boys|teens|teenagers)|teenagers?|adult|photographer|person|someone|van|car)\b[^.!?\n]{0,80}\b(?:watching|filming|photographing|taking (?:photos|pictures|pics)|long lens|offer(?:s|ed|ing)?|asking|asked|asks|approach(?:ed|ing|es)?|follow(?:ed|ing|s)|talking to|chatting to|waving at|waiting for|hangs? around|lurking|loitering)\b[^.!?\n]{0,40}\b(?:kids|children|girls|boys|pupils|infants|juniors|little ones|(?:year|y|yr) ?\d\w*|(?:a |one )?(?:little )?(?:girl|boy|child)|(?:my|our) (?:\d+ ?(?:yo|year old)|daughter|son|dd|ds|kids?|children|girl|boy|lad)|dd|ds|dgd|dgs)\b/g,
    explain: 'A stranger watching, filming or approaching children near school.',
    needs:
      /\b(?:gates?|playground|school|pick ?-?up|home time|bus stop|park|railings|fence|outside|infants|juniors|zebra crossing|walk(?:s|ing)? home)\b/,
    unless:
      /\b(?:official|school photographer|lollipop|crossing patrol|police officer|pcso|coach|teacher|ofsted|petition|mums|claiming to be|officers said|police (?:have )?(?:reassured|issued advice)|the school (?:photographer|nurse))\b/,
  },
  {
    id: 'safeguarding.neglect-signs',
    re: /\b(?:never|rarely|doesn't|does not|didn't|hasn't|don't) (?:has|have|had|get|gets|been given) (?:any |a )?(?:breakfast|tea|lunch|dinner|food|coat|shoes)\b|\b(?:always|constantly|permanently) (?:hungry|starving|filthy|dirty|cold|exhausted)\b|\bsame (?:dirty |soiled |smelly |unwashed |stained |grubby )?(?:clothes|uniform|shirt|jumper|top|trousers)\b|\b(?:no|without (?:a )?)coat\b[^.!?\n]{0,40}\b(?:rain|snow|january|february|december|winter|cold|freezing)|\b(?:in|wearing) (?:a )?(?:summer shirt|shorts|pyjamas|(?:just )?a nappy|(?:her|his) socks)\b[^.!?\n]{0,40}\b(?:january|winter|snow|midnight|night|\d{1,2} ?(?:pm|am)|freezing)|\b(?:isn't|not|wasn't) allowed to eat\b|\bsleeps? on the floor\b|\bsleeping (?:in (?:a|his|her|their|the|(?:his|her) mums?'?|(?:his|her) dads?'?) car|rough)\b|\bnits you can\b|\bno shoes on\b|\b(?:out|wandering|on the street|outside) (?:\w+ ){0,3}(?:till|until|at|past) (?:midnight|1[0-2] ?(?:pm|at night))\b|\bnobody(?:'s| has) (?:seen (?:her|him)|knocked)/g,
    explain: 'Signs of neglect: a child hungry, cold, unwashed or left out late.',
    needs: CHILD_NEAR,
    unless:
      /\b(?:lol|😂|🤣|growth spurt|bottomless pit|teenager|uniform (?:list|policy|shop|sale)|non[- ]uniform|world book day|dress(?:ing)? up|pyjama day|lost property)\b/,
  },
  {
    id: 'safeguarding.fear-of-home',
    re: /\b(?:scared|afraid|frightened|terrified) (?:to go|of going) (?:back )?home\b|\b(?:doesn't|does not|don't|dont|won't|didn't) want to go (?:back )?home\b|\bnot allowed to go home\b|\b(?:house|home) is (?:scary|not safe)\b|\bhate my (?:house|home)\b|\bdon'?t make me go back\b|\b(?:dad|daddy|mum|mummy|mother|father|stepdad|step-?dad|step dad|stepmum|(?:mum|mummy|mother)'?s (?:new )?(?:boyfriend|partner|friend)|(?:daddy|dad)'?s friend)\b[^.!?\n]{0,30}\b(?:hurts (?:her|him|me|my|mummy|mum)|hits (?:her|him|me|mummy|mum)|hit me|beats (?:her|him|mummy|mum)|locks (?:me|her|him)|squeezes|strangles|chokes|pushes (?:mummy|mum|her|me)|sleeps in (?:her|his|my) bed|does it if)|\b(?:mum|mummy|mother|dad|daddy)\b[^.!?\n]{0,20}\b(?:won't|wouldn't|wasn't|isn't|couldn't) wak(?:e|ing) up\b|\b(?:dad|belt) marks\b/g,
    explain: 'A child afraid of home or describing harm there.',
    needs: CHILD_NEAR,
    unless:
      /\b(?:lol|😂|🤣|holiday|sleepover|party|film|game|playdate|rematch|kart|lightsaber|star wars|pillow fight|at (?:fifa|chess))\b/,
  },
  {
    id: 'safeguarding.despair-hints',
    re: /\b(?:wants?|wanted) to (?:go to sleep and )?(?:not|never) wake up|\b(?:go to sleep|sleep) and (?:not|never) wake up\b|\bstop existing\b|\b(?:should|i'll|i should|wants? to|want to) (?:just )?disappear\b|\bnobody would (?:notice|miss (?:me|him|her)|care) if\b|\bhow many paracetamol\b|\b(?:dont|don't|do not|doesn't|does not) want to be (?:here|alive) any ?more\b|\bending it all\b|\bsaying goodbye to everyone\b|\b(?:should|go|to) (?:top|kill|hang) (?:himself|herself|yourself|urself)\b|\b(?:hiding|hides|covering|covers) (?:her|his|their) (?:arms|wrists)\b|\bmakes? the sad go\b|\bscratch(?:es|ed|ing)? (?:across|on|up|down) (?:the tops? of )?(?:her|his|their) (?:arms?|wrists?|legs?|thighs?)|\b(?:scrubbed|scratching|scratched) (?:her|his|their) (?:arms|skin|legs)\b[^.!?\n]{0,30}\b(?:bled|bleed|raw)|\bbelts? round (?:their|his|her) necks?|\bgo die\b|\bwants? to go to heaven\b|\bcalls? (?:himself|herself) (?:a waste|worthless|useless|stupid)/g,
    explain: 'A child hinting at self-harm or not wanting to live.',
    needs: CHILD_NEAR,
    unless: /\b(?:lol|😂|🤣|awareness|assembly|training|monday|weekend|till|until)\b/,
  },
  {
    id: 'safeguarding.unfit-carer',
    re: /\b(?:stank|stinks?|stinking|reeks?|reeked|reeking|smell(?:s|ed|ing)?|smelt|smelling) (?:\w+ )?of (?:drink|booze|alcohol|wine|whisky|whiskey|vodka|beer|lager|spirits|weed|cannabis)\b|\b(?:could|can) (?:barely|hardly) (?:stand|walk)\b|\bcouldn't (?:walk|stand) (?:straight|up)\b|\bswaying\b|\bslurring\b|\b(?:absolutely |completely )?(?:steaming|hammered|paralytic|off (?:his|her|their) face)\b|\bfell asleep (?:in the car|at the wheel)\b/g,
    explain: 'A drunk or unfit adult in charge of children.',
    needs:
      /\b(?:kids?|child(?:ren)?|toddler|twins|daughter|son|dd|ds|pick ?-?up|collect\w*|school run|drove|driving|in charge)\b/,
    unless:
      /\b(?:lol|😂|🤣|weekend|party|wedding|christmas do|night out|wine o'?clock|trees|hips|music|dance|song)\b/,
  },
  {
    id: 'safeguarding.scared-to-go-in',
    re: /\b(?:scared|afraid|frightened|terrified) to (?:go|come) (?:in|into school|to school|back)\b|\b(?:won't|refuses to|refusing to|doesn't want to|does not want to|begging not to|begged not to) (?:go|come) (?:in|into school|to school|back to school)\b|\bsick (?:every|each) morning before school\b/g,
    explain: 'A child too frightened to go to school after harm there.',
    needs:
      /\b(?:hit|hitting|bull\w*|called|calling|punch\w*|kick\w*|picked on|slapp?\w*|names|racis\w*|threat\w*|laugh\w*|smells|fat|ugly|trip\w*|push\w*|bit|bitten|humiliat\w*|grabbed|shouted|screamed)\b/,
    unless:
      /\b(?:lol|😂|🤣|holidays?|inset|christmas|summer|half[- ]term|sats|spelling test|costume)\b/,
  },
]

// Private contact is a concern when an adult in a school role is the one making it.
const STAFF =
  /\b(?:teachers?|ta|tas|teaching assistants?|staff|coach|caretaker|site manager|mr|mrs|miss|ms|sir|tutor|head|headteacher|deputy|volunteer|dinner lady|colleague|form tutor|club leader)\b/

// A child named with a class or year ("Summer in Year 5", "jayden in 6r", "Dylan Marsh (Year 6)"),
// but not "the boys in Year 6".
const NAMED_CHILD =
  /\b(?!(?:kids|children|boys|girls|pupils|sons?|daughters?|child|kid|boy|girl|lads?|someone|everyone|anyone|one|others|friends?|mates?|sisters?|brothers?|people|those|ones|is|was|and|she|he|who|them|him|her|me|teacher|class|all|now|still|start\w*|went|going|be|are|were|twins?|nephew|niece|grandson|granddaughter|cousin)\b)[a-z][a-z'-]{2,14}(?: [a-z][a-z'-]{1,14}| [a-z]\.?)?,? (?:\(|from |in |at |)(?:year|yr|y) ?\d\b|\b(?!(?:kids|children|boys|girls|pupils|child|kid|boy|girl|lads?|everyone|anyone|someone|friends?|mates?|one|all|and|teacher|class|who|is|was)\b)[a-z][a-z'-]{2,14}(?: [a-z]\.?)? in \d[a-z]\b/

export const SAFEGUARDING_FAMILIES_4: Rule[] = [
  {
    id: 'safeguarding.staff-private-line',
    re: /\b(?:gave|give|given|giving|gives) (?:her|him|my \w+|pupils?|a pupil|the (?:kids|children|pupils)) (?:her|his|their|our|a) (?:(?:personal|private|own) )?(?:mobile|phone number|numbers?|snapchat|insta\w*|whatsapp)\b|\b(?:my \w+|her|his|pupils?)(?:'s|s|') (?:personal|private) (?:snapchat|snap|insta\w*|number|mobile|phone|whatsapp)\b|\b(?:texting|messag(?:ing|ed)|dm(?:ing|ed)|snapchatting|sexting|whatsapping|exchang\w+ (?:(?:more than )?\d+ )?messages with) (?:a |the |my |one of (?:the|his|her) )?(?:y\d|year \d|yr ?\d|\d+ ?(?:yo|year old)|pupils?|students?|girls?|boys?|child|son|daughter)\b|\badd(?:s|ed|ing)? (?:pupils|students|kids|children|my \w+) on (?:facebook|insta\w*|snapchat|tiktok)\b|\b(?:offer(?:ed|s|ing)?|giv(?:e|es|ing)|gave) (?:her|him|my \w+|a pupil|pupils) (?:a )?lifts? home\b|\bdropping (?:her|him|my \w+) (?:off )?home\b|\bturned up at (?:our|her|his|their) (?:door|house|home)\b|\bmeet (?:a|the) (?:pupil|child|student)\b[^.!?\n]{0,40}\b(?:weekends?|alone|no parent|coffee|outside school)/g,
    explain:
      'A member of staff in private contact with a pupil: own number, messages, lifts or visits.',
    needs: STAFF,
    unless:
      /\b(?:class dojo|dojo|seesaw|parentmail|school app|official|newsletter|fake|claiming to be|pretending|impersonat\w*|scam|parents? (?:only|evening)|copies in|never the kids|policy says)\b/,
  },
  {
    id: 'safeguarding.injury-signs',
    re: /\b(?:split lip|swollen (?:eye|face|lip|cheek)|black eye|hand ?print|finger ?marks|bite marks? on|belt marks|cut head|cigarette[- ](?:sized |shaped )?burns?|(?:round |small )?burns on (?:her|his) (?:\w+ )?(?:shoulder|arm|hand|back|leg|neck)|bruises? again|hair (?:hacked|chopped|cut) off|hit (?:his|her) head on|head (?:held|pushed|shoved) (?:down|in) the toilet|pushed down (?:a flight of )?(?:the )?stairs|tipped (?:over|out)\b[^.!?\n]{0,30}\bwheelchair|wheelchair\b[^.!?\n]{0,30}\btipped)/g,
    explain: 'A child with an injury or mark that points to harm.',
    needs: CHILD_NEAR,
    unless:
      /\b(?:football|rugby|match|sofa|trampoline|monkey bars|fell off|tripped|obstacle|forward roll|door ?frame|ran into|running into|first aider|hairdresser|haircut|henna|face paint\w*|make-?up|costume|halloween)\b/,
  },
  {
    id: 'safeguarding.named-child-targeted',
    re: /\b(?:liar|(?:a|little|dirty|massive) grass|snitch|attention seeker|freak|spaz|(?:ur|you're|youre|your|you are) (?:dead|getting (?:it|jumped|battered|done|smashed))|getting jumped|keep your (?:kids|children) away|put in care|in (?:foster )?care|foster|cuts (?:his|her) (?:own )?arms|(?:top|kill|hang) (?:himself|herself)|crying on (?:her|his) live|share this|stinks|is actually a (?:boy|girl)|nobody (?:can stand|likes) (?:him|her))\b/g,
    explain: 'A named pupil singled out for abuse, threats or private matters in public.',
    needs: NAMED_CHILD,
    unless: /\b(?:well done|proud|congratulations|star of the week)\b/,
  },
]
