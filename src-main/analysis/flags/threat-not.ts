// Runs in: main process / CLI (Node). Frames that make a threat-shaped sentence something else,
// checked after every threat detector has run (rules, composed, menace), on the hit's sentence.
//
// Each rule family has its own idiom list; these are the frames they share, found by running the
// rules over training texts written apart from the engine (npm run rule-misses -- threat): a
// warning about a hazard, the writer as the one "killed", banter about a game, and a report of a
// threat someone else made (the corpus labels news of a threat without `threat`).
import type { Detection, DetectorInput } from './util'
import { sentenceAround } from './util'

const NOT_A_THREAT = new RegExp(
  [
    // The writer is the one in trouble: "my mum is gonna kill me".
    String.raw`\b(?:kill|murder|strangle) me\b`,
    // Rage at a thing or at nobody in particular.
    String.raw`\b(?:strangle|throttle|murder|kill|set fire to) (?:whoever|the (?:sat ?nav|printer|class whatsapp|whatsapp|group chat)|this (?:textbook|printer|homework))\b`,
    // Sport and competitions.
    String.raw`\b(?:at|in) (?:table tennis|dodgeball|netball|football|rounders|badminton)\b`,
    String.raw`\b(?:coming for|after) (?:that|the|this year's) (?:trophy|title|cup|shield|win)\b|🏆`,
  ].join('|'),
)

// Someone else's threat, reported after the fact; not when the writer adds an intent of their own
// ("I've been arrested before and I'll be arrested again for him").
const REPORTED =
  /\b(?:the court heard|court report|magistrates|crown court|suspended sentence|restraining order|(?:was|has been|have been) (?:charged|arrested|fined|detained|jailed|convicted|cautioned|sentenced)|police are investigating after|reverted vandalism|vandalism, user warned|edit summary: (?:removed|reverted))\b/
const OWN_INTENT = /\b(?:i|we)(?:'ll| will|'m going to|'re going to| am going to| are going to)\b/

// A hazard, not an intent: "someone is going to get run over at pick-up". Unless a condition or a
// person turns it round: "if the head keeps shutting the gate, it might be her".
const HAZARD =
  /\b(?:(?:someone|somebody|a child|a kid|one of the (?:kids|children))(?:'s| is| will)? (?:going to |gonna |will )?get (?:hurt|killed|run over|injured|knocked down)|death ?trap|accident waiting to happen|war ?zone every)\b/
const TURNED =
  /\b(?:if|unless|won't be a|might be (?:her|him|them|you)|it'll be (?:her|him|them|you))\b/

/** A danger foreseen, not intended, in lower-case text: a hazard no condition or person turns. */
export const isHazard = (lower: string): boolean => HAZARD.test(lower) && !TURNED.test(lower)

/** Drops the threat detections added since `from` whose sentence has one of the frames above. */
export function dropNonThreats(input: DetectorInput, out: Detection[], from: number): boolean {
  let w = from
  for (let i = from; i < out.length; i++) {
    const d = out[i]
    const sent = sentenceAround(input.text, d.start, d.end).toLowerCase()
    if (NOT_A_THREAT.test(sent)) continue
    if (isHazard(sent)) continue
    if (REPORTED.test(sent) && !OWN_INTENT.test(sent)) continue
    out[w++] = d
  }
  out.length = w
  return w > from
}
