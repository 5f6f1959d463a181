// Runs in: main process / CLI (Node). Second round of personal-data concepts (engine 1.3.0).
//
// A child made findable: a first name joined to a class, room or year group ("DD (Y3, Poppy)",
// "my son Harry (Butterfly room)", "maisie in y5"), a full name joined to an age ("pupil Ethan
// Rowe, aged 8", "eight-year-old Daniel Price"), "his name is ..." about a child, and an adult's
// *personal* email or home address passed round. A year group alone ("Year 4 loved the trip")
// or a name alone is no disclosure, so each family needs both halves.
import type { Rule } from './util'

// A capitalised given name that is not a title, a month or a school word.
const NAME =
  '(?!(?:The|And|Year|Reception|Nursery|School|Class|Room|Mrs|Mr|Miss|Ms|Dr|Sir|Head|Today|Monday|Tuesday|Wednesday|Thursday|Friday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)\\b)[A-Z][a-z]{2,}'
const SURNAME =
  '(?!(?:Junior|Juniors|Primary|Infants?|Academy|School|College|Church|Lane|Road|Street|Nursery|Trust|Council|County|Borough|Police|Academy|Primary)\\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?'
const YEAR =
  '(?:[Yy](?:r|ear)? ?[1-6R]|[Yy]ear (?:[1-6]|one|two|three|four|five|six)|[Rr]eception|[1-6][A-Za-z]\\b)'
const KIN =
  '(?:[Mm]y|[Oo]ur) (?:(?:little |lil |eldest |youngest )?(?:son|daughter|granddaughter|grandson|niece|nephew|sis|sister|brother|boy|girl|DD|DS|dd|ds)\\s+)?'

export const PERSONAL_DATA_FAMILIES: Rule[] = [
  {
    id: 'personal_info.child-name-and-class',
    re: new RegExp(
      [
        // "DD (Y3, Poppy)", "(Oscar, Y3, Owls class)", "(yr 2, daisy)"
        `\\((?:${YEAR}),\\s*(?:${NAME}|[a-z]{3,})\\)`,
        `\\(${NAME},\\s*${YEAR}`,
        // "my daughter Isla in the Rainbow room", "our Maya (Y4)", "my son Harry Dawes (Butterfly room)"
        `${KIN}${NAME}(?: ${SURNAME})?\\s*(?:\\((?:${YEAR}|[A-Z][a-z]+ (?:room|class|group))|(?:is )?in (?:the )?(?:${YEAR}|[A-Z][a-z]+ (?:room|class|group)))`,
        // "Maisie in Y5 at ...", "Jayden from 4C", "looked after Oscar in the Ladybird room"
        `(?<!\\b(?:Mr|Mrs|Miss|Ms|Dr|Sir|and) )\\b${NAME} (?:in|from) (?:the )?(?:[Yy] ?[1-6]\\b|[1-6][a-z]\\b|[A-Z][a-z]+ (?:room|class|group)\\b)`,
      ].join('|'),
      'g',
    ),
    view: 'cased',
    // Every alternative holds a "(" or an "in"/"from" before a year, class, room or group.
    pre: /\(|(?:in|from) (?:the )?(?:[Yy]|[Rr]eception|[1-6]|[A-Z][a-z]+ (?:room|class|group))/,
    explain: "A child's name with their class, room or year group: the child can be found.",
    unless:
      /\b(?:mrs|mr|miss|ms|teacher|staff|the kids|everyone|children|pupils|anyone|someone|all|who|one|those|them|us|people)\b (?:in|from) /i,
  },
  {
    id: 'personal_info.child-full-name-and-age',
    re: new RegExp(
      [
        `\\b(?:[a-z]+-year-old|[A-Z][a-z]+-year-old|(?<![Ff]ormer )(?<![Ee]x-)pupils?,?|[Yy]ear \\d pupils?,?|including|tagged|his name is|her name is|full name) ${NAME} ${SURNAME}\\b`,
        `\\b${NAME} ${SURNAME}, (?:aged \\d+|(?:[1-9]|1[0-7]),|a [Yy]ear \\d (?:pupil|boy|girl|child)|in [Yy]ear \\d|he's (?:\\d|four|five|six|seven|eight|nine|ten)|she's (?:\\d|four|five|six|seven|eight|nine|ten))`,
        `\\b(?:[Hh]is|[Hh]er) name is ${NAME}\\b(?=[^.!?\\n]{0,40}\\b(?:he's|she's|year|aged|in)\\b)`,
      ].join('|'),
      'g',
    ),
    view: 'cased',
    // The words each alternative needs besides the name: an age, "pupil", "name is", or what
    // follows the comma.
    pre: /-year-old|pupil|including|tagged|name is|full name|, (?:aged \d|[1-9]|a [Yy]ear \d|in [Yy]ear \d|he's |she's )/,
    explain: "A child's full name with their age, year or school: the child can be identified.",
  },
  {
    id: 'personal_info.personal-contact',
    re: /\b(?:personal|home|private) (?:email|e-mail|address|mobile|number|phone)\b[^.!?\n]{0,20}(?:is|:|since)[^.!?\n]{0,40}(?:@|\d)/g,
    view: 'lower',
    explain: "An adult's personal email, phone or home address passed round.",
  },
]
