// Runs in: main process / CLI (Node). Second round of safeguarding concepts (engine 1.3.0).
//
// Each family is a *risk to a child* in a shape the first round missed: an injury nobody at the
// setting noticed or recorded, an adult reaching a child privately (following, messaging, a
// personal handle, "stay behind"), a child who got out or went missing, a child who must not be
// shown online, extremist ideas reaching children, unsafe staffing, and a child humiliated or
// shut in by an adult or set upon by peers on video.
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
