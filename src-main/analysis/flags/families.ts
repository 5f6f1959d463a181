// Runs in: main process / CLI (Node). Paraphrase families for the recall-first flags.
//
// Each rule names one *concept* and spells it the many ways people do (a verb family, a target
// family, a marker family) rather than listing sentences: a new writer's "I'll torch the office"
// and "I'll burn the lost property box" are one family (first-person intent + destructive verb
// + any object). Written from how these things are said online, grouped by the cause of the
// engine's misses (2026-11-21), not from the corpus sentences themselves.
import type { Rule } from './util'

// Who a threat or a slur lands on, when it is not the writer.
const TARGET_PERSON =
  '(?:her|him|them|you|mr \\w+|mrs \\w+|miss \\w+|ms \\w+|the (?:head|teacher|deputy|senco|caretaker)|that (?:head|teacher|woman|man))'
const MENACE_END =
  "(?:just saying|mark my words|you have been warned|you've been warned|watch this space|don't say (?:i|we) didn't warn)"

export const THREAT_FAMILIES: Rule[] = [
  {
    id: 'threat.destroy-property',
    // First-person intent to destroy a thing: burn, torch, wreck, trash, cut through, set fire to.
    re: /\b(?:i'll|i will|ill|we'll|we will|i'm going to|im going to|i'm gonna|im gonna|i swear i'll|i'll personally|i will personally)\s+(?:\w+\s+){0,2}?(?:burn(?: down)?|torch|set fire to|set light to|wreck|trash|smash up|cut through|tear down|rip down|firebomb|blow up|put (?:a brick|bricks|a rock|something) through)\s+(?:the|that|this|every|their|your|her|his|its|them|it)\b/g,
    view: 'deob',
    explain: "Says they will destroy or set fire to the school's or someone's property.",
    unless: /\b(?:dinner|toast|cake|calories|candle|bridges|midnight oil|the rule ?book)\b/,
  },
  {
    id: 'threat.regret',
    re: /\b(?:i'll|i will|we'll|we will|i'm going to|gonna)\s+(?:\w+\s+){0,2}?make (?:sure|certain)?\s*(?:you|she|he|they|her|him|them|everyone|every (?:last )?one|all of (?:you|them)|the lot of (?:you|them)|that school|the school)\b[^.!?\n]{0,40}\b(?:regrets?|pays?|suffers?|sorry)\b|\b(?:our|the) day (?:is|will be) coming (?:for|when)\b|\bday of reckoning\b|\b(?:traitors?|they) (?:will|shall) (?:pay|hang|be dealt with)\b/g,
    view: 'deob',
    explain: 'Promises that people will regret, pay or suffer: a veiled threat.',
  },
  {
    id: 'threat.visit-person',
    // Incitement to turn up at someone's home: the most common indirect threat to staff.
    re: new RegExp(
      `\\b(?:someone|somebody|people|parents|we|you lot|one of us|maybe someone|i might)\\s+(?:should|needs? to|ought to|could|will|might|want to|wants to|are going to|is going to)\\s+(?:\\w+\\s+){0,2}?(?:pay ${TARGET_PERSON} a (?:little |friendly )?visit|visit ${TARGET_PERSON} at (?:home|(?:her|his|their) house)|knock on (?:her|his|their|\\w+'s) (?:door|windows?)|turn up (?:at|on) (?:her|his|their|\\w+'s) (?:door(?:step)?|house|home)|go round (?:to )?(?:her|his|their|\\w+'s) (?:house|place|home)|wait (?:for ${TARGET_PERSON} )?outside (?:her|his|their) (?:house|home|door)|slash (?:\\w+ ){0,2}tyres|key (?:\\w+ ){0,2}cars?|follow ${TARGET_PERSON} home)`,
      'g',
    ),
    view: 'deob',
    explain: "Incites others to turn up at a person's home or damage their property.",
  },
  {
    id: 'threat.settle-it',
    re: /\b(?:sort (?:this|it|you|him|her|them) (?:out )?(?:properly|outside|the old[- ]fashioned way)|(?:settle|sort|finish) (?:this|it) (?:outside|man to man|face to face)|man to man\b[^.!?\n]{0,40}\b(?:sort|settle|see|outside|properly)|(?:sort|settle)\b[^.!?\n]{0,30}\bman to man|(?:take|step) (?:this|it) outside|meet me (?:outside|round the back|in the car park))\b/g,
    view: 'deob',
    explain: 'Proposes settling a dispute physically ("man to man", "outside").',
  },
  {
    id: 'threat.predicted-damage',
    re: new RegExp(
      `\\b(?:will|gonna|going to|might|could) (?:end up|be found|wind up) (?:in the (?:canal|river|bin|skip|pond|lake)|on fire|in pieces|in (?:a&e|hospital|a ditch)|with (?:a )?bricks? through)|\\b(?:end|ends|ended) up with (?:a )?bricks? through|\\bbricks? through (?:the|her|his|their|your) (?:windows?|doors?|windscreens?)|\\b(?:what happens to|accidents (?:can )?happen to) (?:people|teachers|heads|staff) (?:like|who)\\b|[^.!?\\n]{10,}(?:will|gonna|going to|might) (?:get|be) (?:hurt|smashed|burnt|torched|damaged|broken)\\b[^\\n]{0,20}\\b${MENACE_END}`,
      'g',
    ),
    view: 'deob',
    explain: 'Predicts harm or damage in a way that reads as a warning.',
    unless: /\b(?:forecast|flood(?:ing)?|weather|storm|wind|pothole|broken fence|icy)\b/,
  },
]

export const SAFEGUARDING_FAMILIES: Rule[] = [
  {
    id: 'safeguarding.adult-contact-received',
    // The child's side of private contact: "messages from one of the TAs", "a teacher DMing pupils".
    re: /\b(?:(?:snapchat|instagram|whatsapp|tiktok|private|direct|secret|late[- ]night)?\s?(?:messages?|dms?|texts?|snaps?|friend requests?|follow requests?|gifts?|presents?)\s+from\s+(?:a|an|the|one of the|his|her|their|a male|a female)\s+(?:\w+\s+)?(?:teachers?|tas?|teaching assistants?|staff|members? of staff|coach(?:es)?|caretaker|site manager|dinner lad(?:y|ies)|volunteers?|supply teachers?|adults?|men|man)|(?:messaging|dm'?ing|dming|texting|snapchatting|contacting|grooming|asking) (?:the )?(?:kids|children|pupils|girls|boys|students|year \d\w*|y\d\w*)\b[^.!?\n]{0,40}\b(?:selfies?|photos?|pictures?|pics|meet|secret|don't tell|address|alone|snapchat|for (?:their|her|his) number))/g,
    view: 'deob',
    explain: 'Private contact between an adult and a pupil.',
    unless: /\b(?:parentmail|class dojo|seesaw|school app|newsletter)\b/,
  },
  {
    id: 'safeguarding.secret-favourite',
    re: /\b(?:don't|do not|dont) tell (?:the others|anyone|your (?:mum|dad|parents|mother|father))|\bour (?:little )?secret\b|\b(?:my|his|her) (?:special|favourite) (?:girl|boy|pupil|one)\b/g,
    explain:
      'Secrecy or favouritism language between an adult and a child: a grooming warning sign.',
    needs:
      /\b(?:teacher|ta|tas|staff|coach|mr|mrs|miss|ms|sir|adult|man|messages?|snapchat|dd|ds|daughter|son|child)\b/,
  },
  {
    id: 'safeguarding.self-harm-signs',
    re: /\b(?:scratch(?:es|ed|ing)?|cuts|cut marks|scars?|burns?|marks) (?:on|up and down|all over) (?:her|his|their|my \w+'s) (?:arms?|wrists?|legs?|thighs?|tummy|stomach)\b|\bit helps when (?:you're|you are|she's|he's) sad\b|\b(?:hurting|cutting|harming|starving) (?:herself|himself|themselves)\b|\b(?:doesn't|does not|don't) want to (?:be here|live|wake up)(?: any ?more)?\b/g,
    explain: 'Signs of self-harm in a child.',
    unless: /\b(?:cat|dog|kitten|puppy|bramble|fell off|football|rugby)\b/,
  },
  {
    id: 'safeguarding.stranger-collection',
    re: /\b(?:a |some |this )?(?:woman|man|adult|bloke|lady|person|someone|stranger|couple)\b[^.!?\n]{0,40}\b(?:never seen|didn't recognise|don't recognise|didn't know|nobody knew|no one knew|not (?:her|his|their) (?:mum|dad|parent))\b[^.!?\n]{0,60}\b(?:walk(?:ed|ing)? (?:out|off|away)|left|leave|leaving|took|taking|led|leading|drove off|drive off|collect(?:ed|ing)?|picked up|pick up)\b|\b(?:walk(?:ed|ing)? (?:out|off|away)|drove off|left|took|taking|led|leading) (?:of (?:st \w+'?s?|the school|school) )?with (?:one of the|a|an|another) (?:year \d|y\d|reception|little|young)?\s?(?:\w+s?)?\b[^.!?\n]{0,40}\b(?:crying|screaming|pulling away|struggling|upset|didn't want)/g,
    explain: 'A child taken or collected by an adult nobody recognised.',
  },
  {
    id: 'safeguarding.identified-online',
    re: /\b(?:every|each|the) (?:child's|children's|kids'|pupils'|child|kids|pupils) (?:full )?names?\b[^.!?\n]{0,40}\b(?:under|underneath|below|tagged|posted|shown|on)|\b(?:can(?:not|'t)|mustn't|must not|shouldn't) be identified\b|\bfull name (?:and|&) (?:the )?(?:street|road|address|school|where (?:she|he|they) li\w+)|\b(?:clips?|videos?|photos?|pictures?|pics|footage) of (?:the |our |my |local )?(?:kids|children|pupils|girls|boys)\b[^.!?\n]{0,40}\b(?:playground|changing|toilets?|uniform|school gates?|without)|\bwho (?:is|was|'s) (?:filming|photographing|taking (?:photos|pictures) of) (?:our|the|my) (?:kids|children|daughters?|sons?)|\b(?:filming|photographing|recording) (?:our|the|my|other people's) (?:kids|children|daughters?|sons?)\b/g,
    explain: 'A pupil made identifiable online, or children filmed without consent.',
    unless: /\b(?:with (?:consent|permission)|consent forms?|blurred)\b/,
  },
  {
    id: 'safeguarding.persistent-bullying',
    re: /\bmade (?:her|his|their|my \w+'s) li(?:fe|ves) (?:hell|a (?:living )?(?:hell|misery))|\b(?:made|make|makes|making) (?:her|him|them|my \w+) (?:cry|miserable|scared|terrified)\b[^.!?\n]{0,30}\b(?:every day|every single day|daily|for (?:weeks|months|a month|a year|the whole term)|all term|every (?:morning|night|lunchtime|playtime))/g,
    explain: 'A child bullied persistently, to the point of distress.',
  },
]

// Appearance words that turn sexual when aimed at children by an adult asking for contact.
const CHILD_APPEARANCE =
  /\b(?:cute|gorgeous|beautiful|pretty|stunning|hot|sexy|fit|beauties|little angels?)\b[^.!?\n]{0,30}\b(?:girls?|boys?|schoolgirls?|little ones|netball team|cheerleaders)\b/

export const SEXUAL_FAMILIES: Rule[] = [
  {
    id: 'sexual.attention-to-children',
    re: /\b(?:dm me|pm me|inbox me|message me|snap me|add me|comments? on every (?:photo|picture|post)|heart eyes|little beauties|skin crawl|creep(?:y|ing)?|pervert\w*)\b/g,
    view: 'deob',
    explain: 'Sexualised attention to children, or an adult soliciting contact with them.',
    needs: CHILD_APPEARANCE,
  },
  {
    id: 'sexual.marked-innuendo',
    // An innuendo marker plus a private or "more than" setting: the wink says what the words hide.
    re: /\b(?:if you know what i mean|know what i'?m saying|nudge,? nudge|wink,? wink)|;-?\)|\u{1F609}|\u{1F60F}|\u{1F61C}/gu,
    view: 'cased',
    // A part of every alternative (the prefilter cannot derive them: ";)" is short).
    pre: /know what i|nudge|wink|;-?\)|\u{1F609}|\u{1F60F}|\u{1F61C}/u,
    explain: 'Innuendo: a wink or "if you know what I mean" about a private arrangement.',
    needs:
      /\b(?:private (?:sessions?|lessons?|tuition|meetings?)|one[- ]to[- ]one (?:sessions?|lessons?)|more than (?:just )?(?:"?meetings"?|friends|colleagues|a chat)|boiler ?room|(?:store|stationery|supply) cupboard|behind closed doors|after hours|for the (?:mums|dads|ladies)|staying late|late (?:meetings|nights?)|extra[- ]curricular|special attention|hands[- ]on|"meetings")/i,
  },
  {
    id: 'sexual.sexualised-insult',
    re: /\b(?:frigid|gagging for it|easy lay|bike of the|village bike|legs? (?:wider|open) than|sleeps? around|slapper|tart|floozy)\b/g,
    view: 'deob',
    explain: "A sexualised insult about a person's sex life.",
  },
]

const NATIONALITY =
  '(?:polish|romanian|bulgarian|lithuanian|eastern european|foreign|muslim|asian|african|pakistani|indian|bangladeshi|somali|nigerian|chinese|black|brown|gypsy|traveller|immigrant|migrant|refugee|asylum)'

export const HATE_FAMILIES: Rule[] = [
  {
    id: 'hate.nationality-othering',
    re: new RegExp(
      `\\b(?:full of|overrun (?:with|by)|swamped (?:with|by)|too many|so many|sick of|fed up of|fed up with)\\s+${NATIONALITY}(?:\\s+and\\s+\\w+)?\\s+(?:kids|children|families|people|parents|teachers|staff)\\b|\\b(?:british|english|white|local|our own) (?:kids|children|families|people)(?: should come)? first\\b|\\b(?:hiring|employing|letting in|bringing in) (?:more )?(?:foreigners|immigrants|migrants)\\b|\\b(?:not one|no|hardly any) (?:proper|real) (?:english|british) (?:name|names|people|teachers|families)\\b|\\b(?:these|those) people get\\b[^.!?\\n]{0,60}\\b(?:english|british|white|our) (?:kids|children|people)\\b|\\b(?:english|british|white) (?:kids|children|people) get nothing\\b`,
      'g',
    ),
    view: 'deob',
    explain: 'Treats people as lesser or unwelcome for their nationality, race or religion.',
  },
  {
    id: 'hate.sexist-generalisation',
    re: /\b(?:female|women|woman) (?:heads?|headteachers?|teachers?|leaders?|bosses|managers) (?:always|never|can't|cannot|are (?:too|all|always|useless|hopeless|emotional))\b|\bneeds? a (?:proper )?(?:man|bloke|male) (?:in|to (?:sort|run|take charge))\b|\b(?:run|runs|running) (?:it|the school|schools|things) on feelings\b/g,
    view: 'deob',
    explain: 'Sexist generalisation about women in charge.',
  },
  {
    id: 'hate.transphobic',
    re: /\b(?:boy|man|bloke|lad|fella) in a (?:dress|skirt|wig)\b|\btr[*#@.0]+nn(?:y|ies)\b|\btr[a@4]nn(?:y|ies)\b|\b(?:it|that thing) (?:calls|calling) (?:itself|himself|herself)\b|\b(?:freak ?show|freaks?)\b[^.!?\n]{0,60}\b(?:trans|dress|toilets?|woke|gender)\b|\b(?:trans|dress|toilets?|woke|gender)\b[^.!?\n]{0,80}\b(?:freak ?show|freaks?|child abuse|mentally ill|perverts?)\b/g,
    view: 'lower',
    explain: 'Transphobic slur or hostility.',
    unless: /\b(?:dressing up|world book day|costume|nativity|panto|pantomime)\b/,
  },
  {
    id: 'hate.disablist',
    re: /\bbelong (?:in|at) (?:a |the )?special (?:school|unit|needs school)s?\b|\b(?:sen|send|special needs|autistic|adhd|disabled) (?:kids|children|pupils)\b[^.!?\n]{0,40}\b(?:holding (?:\w+ )?back|dragging (?:\w+ )?down|shouldn't be|should be (?:removed|sent|kept))|"(?:sen|adhd|autistic|autism)"[^.!?\n]{0,40}\b(?:naughty|lazy|bad parenting|excuse)\b|\bin my day (?:they|those kids) (?:were|was) (?:just )?(?:naughty|thick|slow)\b/g,
    view: 'deob',
    explain: 'Disablist hostility to children with special needs.',
  },
  {
    id: 'hate.racial-ideology',
    re: /\b(?:globalist|replacement|white genocide) (?:agenda|plot|plan)\b|\b(?:poison(?:ing)?|corrupt(?:ing)?) (?:white|our|english|british) (?:kids|children)'?s?\b|\bwhite (?:kids|children|parents|people|families)(?:'s|')? (?:minds|wake up|are being)|\bno mosques\b|\bno migrants\b|\bfor the [\w-]+-born\b|\b14[ /.,-]?88\b|\b1488\b|\bsieg heil\b|\bheil hitler\b|\bwhite (?:power|pride)\b/g,
    view: 'deob',
    explain: 'Racial hatred in extremist language (replacement myths, neo-Nazi codes).',
    // Reporting the stickers or leaflets, in neutral words, is not spreading them.
    unless:
      /\b(?:stickers?|graffiti|leaflets?|flyers?|posters?|found|spotted|reported|condemned|police)\b/,
  },
]

export const EXTREMISM_FAMILIES: Rule[] = [
  {
    id: 'extremism.call-to-arms',
    re: /\b(?:die|dying|died|fight|fighting|kill|killing|martyred) for (?:allah|the cause|the faith|the race|our people|the nation|the ummah|the brotherhood)\b|\bnon-?believers?\b[^.!?\n]{0,30}\b(?:filth|scum|vermin|enemies|must|should|deserve)\b|\b(?:recruitment|recruiting) (?:telegram|channel|group|chat|server|page)\b|\bno surrender\b|\btraitor (?:teachers|politicians|councillors|mps|parents)\b|\b14[ /.,-]?88\b|\b(?:our|the) day (?:is|will be) coming\b[^.!?\n]{0,60}\b(?:traitors?|white|race|born)\b|\bfor the [\w-]+-born\b|\b(?:white|british|english) (?:parents|people|families),? wake up\b/g,
    view: 'deob',
    explain: 'Extremist call to arms, slogan or recruitment (Prevent duty).',
    unless: /\b(?:history (?:lesson|topic)|ww2|world war|remembrance)\b/,
  },
]
