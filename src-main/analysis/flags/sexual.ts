// Runs in: main process / CLI (Node). Sexual content or innuendo about people.
//
// Obscenity's sexual vocabulary arrives through the profanity detector (see profanity.ts); these
// rules add the innuendo a swear list misses ("the PE teacher is well fit", "sleeping with the
// deputy", "😏🍆") and keep school vocabulary (sex education, RSE, same-sex) out.
import { BROAD_SEXUAL } from './broad'
import { SEXUAL_FAMILIES } from './families'
import { SEXUAL_FAMILIES_2, SEXUAL_FAMILIES_3, SEXUAL_FAMILIES_4 } from './families-sexual'
import { type Detection, type DetectorInput, type Rule, runRules } from './util'

export const SEX_ED =
  /\b(?:sex(?:ual)? (?:education|ed|and relationships?)|relationships?,? (?:and )?(?:health )?(?:and )?sex(?:uality)?|rshe|rse|same[- ]sex|sex (?:discrimination|offenders? register)|sexual(?:ly)? (?:abus\w*|assault\w*|harass\w*|exploit\w*|orientation|health|offen\w*)|biological sex|sex of the)\b/

const RULES: Rule[] = [
  {
    id: 'sexual.innuendo',
    re: /\b(?:sexy|shag(?:ged|ging|gable)?|bonk(?:ed|ing|s)?\b|banging (?:her|him|the|mr|mrs|miss)|bang (?:her|him)|(?:i'd|i would|would) (?:\w+ )?(?:do|ride|smash|tap|bang|shag|bend) (?:her|him|that|them)|milfs?|dilfs?|yummy mumm(?:y|ies)|phwoar|keep me behind(?: after)?|(?:hot|fit) and single|single and (?:hot|fit)|apply within|(?:meme|joke|pic|photo|gif)"? (?:about|of) (?:mrs|miss|ms|mr) \w+ and (?:a |an )?(?:banana|cucumber|sausage|aubergine|eggplant)|sexual (?:stuff|things|comments|messages|pictures|photos|jokes|remarks)|looking for fun|for the (?:forearms|legs|bum|arse|view|eye candy|lycra)|eye candy|in lycra|bikini (?:pics?|photos?)|(?:get|getting) closer to (?:her|him|the (?:pe )?teacher)|wonder what (?:he's|she's|he is|she is) hoping|so pretty\b[^\n]{0,80}\b(?:send (?:her|him) a (?:message|dm)|message (?:her|him)|her number|which one)|hot (?:teacher|mum|mom|dad|ta|teaching assistant|head|piece|milf)|(?:well|proper|dead|so|really) fit\b(?! (?:and|as|for|in|to))|fit (?:teacher|ta|pe teacher|mum|dad|as fuck|af)|nudes?|naked (?:pics?|photos?|pictures?|selfies?)|topless|sext(?:ing|ed|s)?\b|onlyfans|lingerie|knickers|thong|boobs?|tits\b(?! up)|legs? (?:open|apart)|in bed with|sleeping with|sleeps with|slept with|(?:having|had|has) an affair|getting (?:it )?on with|hook(?:ed|ing)? up with|spank\w*|grop(?:e|ed|ing)|lap ?dances?|strip(?:per|ping|club)|escorts?|hookers?|sugar daddy|sex (?:with|life|tape|pest|pictures|photos|videos?|chat)|sexual(?:ly)? (?:frustrated|active|comments?|remarks?|jokes?|innuendo|content|messages?|pictures|images|photos)|porn\w*|sl[*#@.]ts?\b|wh[*#@.]res?\b|horny|kinky|erotic\w*|x-rated|one night stand|wink wink|sit on (?:my|her|his) (?:face|lap))/g,
    view: 'deob',
    explain: 'Sexual content or innuendo about a person.',
    unless:
      /\b(?:in bed with (?:a |the )?(?:flu|covid|cold|virus|bug|temperature|fever|tummy)|sleeping with (?:the light|a teddy|his teddy|her teddy|the door)|fit (?:for purpose|in|into|and healthy|the|a|around)|keep fit|get fit|fit as a fiddle|porn(?:hub)? (?:filter|block)|pornograph\w* (?:policy|filter|awareness))\b/,
  },
  {
    // Sextortion of a child the writer knows; awareness notices and scam warnings are not flagged.
    id: 'sexual.sextortion',
    re: /\bsextort\w*/g,
    explain: 'Sexual blackmail (sextortion) of a child.',
    needs:
      /\b(?:(?:my|our|her|his) (?:\d+ ?yo |\d+[- ]year[- ]old )?(?:son|daughter|child|kid|boy|girl|\d+ ?yo)|ds|dd|ds\d+|dd\d+)\b/,
  },
  {
    id: 'sexual.emoji',
    re: /(?:\u{1F346}|\u{1F351}|\u{1F4A6}|\u{1F445}|\u{1F51E}|\u{1F48B}|\u{1F975}|\u{1F60F})/gu,
    view: 'cased',
    // Emoji beyond the BMP only: no text without a surrogate pair can match.
    pre: /[\uD800-\uDBFF]/,
    explain: 'Sexual emoji innuendo.',
    unless:
      /\b(?:harvest|vegetables?|fruit|recipe|cooking|garden)\b|^(?![\s\S]*\b(?:mr|mrs|miss|ms|teacher|ta|mum|mums|dad|dads|she|her|he|him|head|fun|profile|single)\b)/i,
  },
]

RULES.push(
  BROAD_SEXUAL,
  ...SEXUAL_FAMILIES,
  ...SEXUAL_FAMILIES_2,
  ...SEXUAL_FAMILIES_3,
  ...SEXUAL_FAMILIES_4,
)

export function detectSexual(input: DetectorInput, out: Detection[]): boolean {
  return runRules(input, 'sexual', RULES, out)
}
