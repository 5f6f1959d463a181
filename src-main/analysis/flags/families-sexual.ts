// Runs in: main process / CLI (Node). Second round of sexual-content concepts (engine 1.3.0).
//
// Three concepts the first round missed: the plain vocabulary of sexual offences and explicit
// material (as news reports and worried parents write it), euphemism for sex between adults at
// school ("more than colleagues", "on her knees", "wandering hands"), and leering at a person —
// a body word or a leer emoji aimed at staff, parents or pupils. Sex *education* is not sexual
// content, and a heart on a photo of the nativity is not a leer: those veto.
import { MASKED } from './families-hate'
import type { Rule } from './util'

const PERSON =
  '(?:teachers?|ta|tas|head|headmistress|deputy|caretaker|receptionist|manager|coach|instructor|dinner lady|mr \\w+|mrs \\w+|miss \\w+|ms \\w+|mums?|dads?|girls?|boys?|she|her|him|he)'

export const SEXUAL_FAMILIES_2: Rule[] = [
  {
    id: 'sexual.explicit-or-offence',
    re: /\b(?:sexual(?:ly)? (?:explicit|offences?|comments?|messages?|assault|images?|activity|content)|sexualised|sexualized|sexual|explicit (?:images?|photos?|pictures?|messages?|videos?|stuff)|indecent (?:images?|exposure|photos?)|hardcore|nudes|porn\w*|inappropriate (?:and flirtatious |relationship|comments?|messages?|touching)|flirt(?:s|ing|y|atious)?|strip club|upskirt\w*|filming up|(?:skirt|dress) pulled up|touched (?:her|his) (?:bum|bottom|chest|breasts?)|rat(?:ing|ed) the girls|(?:asking|asked) (?:them |her |him )?for (?:pics|photos|pictures|selfies) in (?:their|her|his) uniform|asking (?:them |her |him )?for pics|see something ["']?naughty)\b/g,
    view: 'deob',
    explain: 'Sexual content, explicit material or a sexual offence.',
    unless:
      /\b(?:sex(?:ual)? (?:education|health)|relationships? and sex|rse (?:lesson|curriculum|policy)|puberty talk|sexual orientation|sexuality)\b/,
  },
  {
    id: 'sexual.euphemism',
    // Sex between adults, or sexual interest, said without the word.
    re: /\b(?:more than (?:just )?(?:colleagues|marking|friends)|doing the ["']?filing|on (?:her|his) knees|wandering hands|hands wander|(?:massive |a )?pervs?\b|slut|slag|tarty|(?:had|has) more (?:\w+ )?than hot dinners|check my pipes|nice package|daddy vibes|the thirst|give me detention|take me to detention|climb (?:mr|mrs|miss|him|her) \w*\s*like|one[- ]to[- ]one tuition|private parents'? evening|extra tuition in the back|(?:stare|staring|look(?:ing)?) at (?:\w+ )?(?:legs|bum|chest|body|bodies)|(?:comments?|commenting) (?:on|about) (?:how )?(?:the |her |his )?(?:girls?|mums?|women)'?s? (?:bodies|body|looked|legs)|how the girls looked|grow into a looker|growing up fast|which (?:of the girls|one) is (?:the )?["']?hottest|how old is she|wouldn't mind taking (?:you|her) home)/g,
    view: 'deob',
    explain: 'Sexual innuendo or sexual interest in a person, said without the word.',
    unless:
      /\b(?:knees? (?:injury|surgery|grazed)|plumber|boiler|parcel|pipes? (?:burst|leak)|slag(?:s|ged|ging)? (?:[\w']+ ){0,3}?off)\b/,
  },
  {
    id: 'sexual.masked-word',
    // The same words typed to dodge a filter: kept apart so the plain families keep a literal gate.
    re: /\b(?:n[o0]{2}d(?:e?s|z)|p3do|sl[*]t|sl[*]g|t@rty|d[*]ck|s\*+g)(?![a-z])/g,
    view: 'lower',
    pre: MASKED,
    explain: 'A sexual word or sexual insult with letters masked.',
  },
  {
    id: 'sexual.leer',
    // A leer emoji or a body word aimed at a person.
    re: new RegExp(
      `\\b${PERSON}\\b[^.!?\\n]{0,60}(?:\\u{1F60D}|\\u{1F629}|\\u{1F60F}|\\u{1F618}|\\u{1F525}|\\u{1F346}|\\u{1F4A6}|\\u{1FAE6}|\\u{1F924})|\\b(?:her|his|their|the manager's|the teacher's) (?:legs|bum|figure|body) alone\\b|\\b(?:in|in them|in those) (?:jeans|shorts|skirts?|leggings|tight \\w+)\\b[^.!?\\n]{0,20}(?:\\u{1F525}|\\u{1F60D}|\\u{1F629}|\\u{1F924})|\\bslide into (?:her|his) dms\\b`,
      'gu',
    ),
    view: 'cased',
    pre: /[\u{1F346}-\u{1F60F}\u{1F618}\u{1F629}\u{1FAE6}\u{1F924}]|\b(?:alone|dms)\b/u,
    explain: 'Leering at a person: a body comment or a leer emoji.',
    unless:
      /\b(?:nativity|sports day|results|award|ofsted|lunch|dinner|cake|bake|trophy|won|win|winning|performance|assembly|play|concert|match|team did|killing it|mocks|unbeaten|credit to|\d+-\d+)\b/i,
  },
]

export const SEXUAL_FAMILIES_3: Rule[] = [
  {
    id: 'sexual.suggestive-with-wink',
    // Words that only turn sexual with a wink or an aim: "teach me a few positions ... if you
    // know what I'm saying", "can give me detention any day 😏".
    re: /\b(?:positions|stamina|bend(?:ing|s)? over|spank\w*|discipline me|tie me up|on (?:his|her|the) desk|in the (?:stock ?room|store ?cupboard|gym) after|a (?:good )?seeing[- ]to|ride (?:him|her|me)|hands on (?:me|her|him)|teach me a (?:few|thing)|detention any day|keep me (?:in|behind)|great pair|nice pair|rack on|melons|jugs)\b/g,
    view: 'deob',
    explain: 'Sexual innuendo: a suggestive phrase with a wink or a leer.',
    needs:
      /\b(?:if you know what i(?:'m| am)? (?:mean|saying)|know what i(?:'m| am) saying|catch my drift|nudge|wink|say no more|if you get me|dads|milfs?|sexy|s3xy|phwoar|on her|on him|need|needs)\b|[\u{1F609}\u{1F60F}\u{1F61C}\u{1F975}\u{1F351}\u{1F346}\u{1F4A6}\u{1F445}\u{1F924}]/u,
    unless:
      /\b(?:yoga|pe lesson|gymnastics|netball positions|football|rugby|positions (?:available|vacant)|job|vacanc\w+)\b/,
  },
  {
    id: 'sexual.suggestive-vocabulary',
    // Plain innuendo words about a person's body or sex life.
    re: /\b(?:nothing to the imagination|a (?:right )?goer|(?:good|great|wild) in (?:the )?(?:bed|bedroom|sack)|dirty (?:pictures|photos|pics|videos|messages|texts|pics)|spicy (?:pics|photos|pictures|content)|saucy (?:pics|photos|texts|messages)|raunchy|steamy|horny|randy|frisky|gagging for|knickers|lingerie|thong|underwear (?:pics|photos|selfies?)|onlyfans|only fans|sugar daddy|hook(?:ing)? up with|friends with benefits|booty call|walk of shame|one night stand)\b/g,
    view: 'deob',
    explain: "Innuendo or sexual talk about a person's body or sex life.",
    unless: /\b(?:pe kit|swimming|lost property|washing|uniform list|named|label)\b/,
  },
  {
    id: 'sexual.adult-interest-in-child',
    // An adult asking a child about boyfriends or "older men", or praising a child's body.
    re: /\b(?:asked|asking|asks|messag\w+|told) (?:her|him|my \w+(?: \w+){0,3}|the girls?|pupils?|the kids)\b[^.!?\n]{0,60}\b(?:(?:had|has|got) a (?:boyfriend|girlfriend)|liked? older (?:men|boys|women)|(?:was|is|were) a virgin|what (?:she|he) (?:was|is) wearing|send (?:a )?(?:pic|photo|picture)s? of (?:herself|himself))|\b(?:mature|developed|grown up|well developed) for (?:her|his) age\b|\bjailbait\b|\bbarely legal\b/g,
    view: 'deob',
    explain: "An adult's sexual interest in a child.",
  },
]

// The fourth round: leer emoji beyond the first set, rating people as sexual objects, playground
// slang for fancying staff and parents, sexual requests to or images of children, and dating or
// webcam lures.

// Someone the leer lands on: staff by role or title, parents, or a pronoun.
const AIMED =
  /\b(?:teachers?|ta|tas|head|headteacher|deputy|caretaker|site manager|receptionist|office lady|dinner lad(?:y|ies)|lollipop|coach|instructor|governor|sir|miss|mrs|ms|mr|mums?|mams?|moms?|dads?|mummy|daddy|she|her|he|him|his|staff)\b/i

export const SEXUAL_FAMILIES_4: Rule[] = [
  {
    id: 'sexual.leer-emoji-2',
    // The emoji that carry the innuendo when aimed at a person: peach, tongue, droplets, hot face,
    // drool, lip bite, smirk, exhale.
    re: /(?:\u{1F351}|\u{1F445}|\u{1F4A6}|\u{1F975}|\u{1F924}|\u{1FAE6}|\u{1F60F}|\u{1F62E}\u200D\u{1F4A8}|\u{1F346})/gu,
    view: 'cased',
    pre: /[\uD800-\uDBFF]/,
    explain: 'A leering emoji aimed at a person.',
    needs: AIMED,
    unless:
      /\b(?:harvest|vegetables?|fruit|recipe|cooking|garden|smoothie|weather|heatwave|hot (?:day|in)|so hot|boiling|sweating|radiator|heating|water (?:fight|pistols?)|soaked|drenched|tongue twister|zumba|sun ?cream|relay)\b/i,
  },
  {
    id: 'sexual.rating-bodies',
    re: /\bsmash or pass\b|\bwould (?:you|u|ya) smash\b|\bsmash (?:miss|mrs|ms|mr|sir|the (?:new )?(?:teacher|ta|head|mum|dinner lady))\b|\brat(?:e|es|ed|ing) (?:the )?(?:\w+ )?(?:mums|mams|moms|dads|girls|teachers|her|him|women|ladies)\b[^.!?\n]{0,20}(?:1 ?- ?10|out of (?:10|ten)|1 to 10)|\bsmash \u{1F528}/gu,
    view: 'deob',
    explain: 'Rating people as sexual objects ("smash or pass", "rate the mums out of 10").',
  },
  {
    id: 'sexual.slang-innuendo',
    re: /\b(?:dtf|thirst ?traps?|wifey material|easy on the eye|good enough to eat|a (?:right )?ride\b|peng|stunner|looking tasty|no[- ]strings|hot night|up for (?:some |a bit of )?fun|(?:getting|got|get) off with|been at it|at it (?:in|behind|after|like)|steamed[- ]up (?:windows|car)|windows (?:were |all )?steamed up|hand up (?:her|his|a|the) (?:\w+ )?(?:skirt|dress|top)|rub(?:bing)? up (?:against|on)|(?:less|more) time on (?:ur|your|her|his) back|on my (?:knees|kn33s) for|check my (?:boiler|pipes)|serve me seconds|come with the house|keeps? you busy at night|just the two of us|fifty shades|condoms?|(?:her|his) assets|those thighs|milk (?:her|him)|(?:bending|bends) (?:the rules and )?my mind)\b/g,
    view: 'deob',
    explain: 'Slang or innuendo that sexualises a person.',
    needs: AIMED,
    unless:
      /\b(?:peng (?:chicken|food|burger|wings)|ride (?:a bike|home|to school|on)|bike ride|horse|pony|funfair|roller ?coaster|fun run|fun day|family fun|stunner of a (?:goal|day|garden|view)|sunset|what a ride|rse|puberty|sex ed\w*)\b/,
  },
  {
    id: 'sexual.child-sexual-request',
    re: /\b(?:pics?|pictures?|photos?|videos?|snaps?) of (?:his|her|their|your|a girl's|the girls'?) (?:thing|bits|privates|private parts|bum|bottom|willy|body)\b|\bin (?:her|his|their|your) (?:swimsuit|underwear|pants|knickers|bikini)\b|\bno clothes on\b|\bwhat (?:she|he|you) (?:was|were|are|is) wearing in bed\b|\bdone stuff with (?:boys|girls)\b|\bintimate (?:images?|photos?|pictures?|videos?)\b|\bgrabb(?:ing|ed) (?:girls'?|her|their) (?:bums?|bottoms?|boobs|chests?)\b|\bsex video\b/g,
    view: 'deob',
    explain: 'Sexual images of, or sexual requests to, a child.',
    unless:
      /\b(?:swimming (?:lesson|gala|kit)|lost property|pe kit|uniform|changing for|sun ?cream|paddling)\b/,
  },
  {
    id: 'sexual.dating-lure',
    re: /\b(?:(?:real |hot |lonely |local |bored )(?:single )?(?:women|ladies|girls|wives|mums|milfs) (?:near|in|looking|want)|lonely (?:wife|housewife)|private pics|(?:free|live) (?:sex )?cams\b|cam girls\b|discreet (?:local )?fun|hook-?ups?\b|chat to real girls|want meet)/g,
    view: 'deob',
    explain: 'A sexual dating or webcam lure.',
  },
]
