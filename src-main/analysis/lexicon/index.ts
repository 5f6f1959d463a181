// Runs in: main process / CLI (Node). Domain sentiment lexicon: what UK parents mean by these words
// about a school. Valences on VADER's -4..+4 scale. General words fall back to AFINN (via the
// `sentiment` package's list) at reduced weight; these entries override it where school talk differs
// ("joke" is an insult here, "outstanding" an Ofsted grade, "fine" faint praise, "sacked" hostile).
export { WORDS } from './words'
export { PHRASES, EMOJI } from './phrases'
export { NEGATORS, BOOSTERS, CONTRAST } from './modifiers'
export { AFINN_IGNORE } from './afinn-ignore'
