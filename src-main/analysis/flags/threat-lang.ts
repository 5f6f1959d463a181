// Runs in: main process / CLI (Node). Threats written in a community language of UK families,
// often dropped into an English post ("If she shouts at her again, la ammazzo. Seriously.").
//
// Only the stock phrases of a threat in each language: a first-person "I'll kill / beat you", a
// face or legs to be broken, "I know where she lives", "you'll pay for it", "it won't end well".
// Folding strips accents (uważa -> uwaza, sé dónde -> se donde), so the phrases are unaccented.
// A language lesson, a song or a translation request is not a threat.
import type { Rule } from './util'

const PHRASES = [
  // Polish
  'zabij[ea] (?:cie|go|ja|was)|zajebi[ea] (?:cie|go|ja)|wiem,? gdzie (?:mieszka|mieszkasz|mieszkaja|pracuje|pracujesz|parkuje)|(?:niech|lepiej) (?:lepiej )?uwaza|pozalujesz|pozaluje tego|dostaniesz (?:w|po) (?:morde|ryj|leb|pysku)|polamie (?:ci|mu|jej) (?:nogi|rece|kosci)|rozwale (?:ci|mu|jej) (?:leb|morde|glowe)|dorwe (?:cie|go|ja)',
  // Romanian
  '(?:te|il|o) omor|iti rup (?:picioarele|gura|capul|oasele|mainile)|stiu unde (?:stai|locuiesti|locuieste|sta|lucreaza)|o sa-?ti para rau|o sa (?:te|il|o) (?:omor|bat|termin)',
  // Urdu, Hindi and Punjabi, romanised
  '(?:jaan se )?maar (?:dunga|dungi|doonga|denge|daalunga|dalunga|deyanga)|jaan se maar|(?:achha|acha|accha|acha) nahi? hoga|(?:nahi|nahin) (?:chhodunga|chodunga|chhorunga|chorunga|chhodenge|chodenge)|(?:chhodunga|chodunga|chhorunga|chorunga|chhodenge|chodenge) (?:nahi|nahin)|dekh lunga|(?:tod|todh) (?:dunga|doonga|denge)|sabak sikha(?:unga|enge|dunga|ana padega)|ghar (?:ka )?pata hai',
  // Spanish
  '(?:te|lo|la|les|los) voy a (?:matar|partir|romper|reventar|dar una paliza)|(?:partir|romper|reventar)(?:le|te|les)? la (?:cara|boca|crisma)|se donde (?:vives|vive|trabaja|trabajas)|me las vas a pagar|(?:te|lo|la) mato',
  // French
  "(?:je vais|j'vais|jvais) (?:te|le|la|lui|les) (?:tuer|buter|defoncer|casser|frapper|massacrer|crever)|(?:casser|peter|defoncer|eclater) la (?:gueule|tete)|je sais ou (?:tu habites|il habite|elle habite|tu vis|il vit|elle vit)|tu vas (?:le )?(?:payer|regretter)",
  // Italian
  "(?:ti|la|lo|li|t') ?ammazzo|(?:ti|gli|le) (?:spacco|rompo) la (?:faccia|testa)|(?:so|sappiamo) dove (?:abiti|abita|vivi|vive)|te la faccio pagare|(?:me )?la pagherai|(?:ti|la|lo) uccido",
  // Portuguese
  'vou(?:-te| te| o| a| lhe)? matar|vou mata-l[oa]|(?:partir|rebentar|quebrar)(?:-te|-lhe)? a (?:cara|boca)|sei onde (?:moras|mora|vives|vive)|(?:vais|vai) pagar caro|vais-me pagar',
]

export const THREAT_LANG_RULES: Rule[] = [
  {
    id: 'threat.other-language',
    re: new RegExp(`\\b(?:${PHRASES.join('|')})\\b`, 'g'),
    view: 'deob',
    explain:
      'A stock threat in another language (Polish, Romanian, Urdu or Punjabi, Spanish, French, Italian, Portuguese).',
    unless:
      /\b(?:translat\w*|means|meaning|lesson|vocab\w*|homework|phrase ?book|song|lyrics?|film|opera|duolingo|how do you say)\b/,
  },
]
