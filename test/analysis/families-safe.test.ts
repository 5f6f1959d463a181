// Runs in: Vitest (Node). The oblique safeguarding worries and the playground innuendo (third and
// fourth rounds of the safeguarding and sexual families): each family on fresh wordings written
// for this test, and the look-alikes (notices, lessons, idioms, news) it must leave alone.
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import { school } from './helpers'

/** The rules alone, so a test proves the named rule fired and not the learned layer. */
const rulesFor = (t: string): string[] =>
  analyzeRules(t, { school }).result.evidence.map((e) => e.rule)

const family = (id: string, hits: string[], misses: string[]): void => {
  describe(id, () => {
    it.each(hits)('fires on %s', (t) => expect(rulesFor(t)).toContain(id))
    it.each(misses)('stays quiet on %s', (t) => expect(rulesFor(t)).not.toContain(id))
  })
}

family(
  'safeguarding.secrecy-asked',
  [
    'The swimming coach gave DS a keyring and told him not to mention it to anyone.',
    'my 8yo came back with sweets from a man who said not to tell mummy',
    'A lad from the estate keeps their chats secret from mum, she is 11.',
  ],
  [
    'We told the kids not to tell Grandma about her surprise party!',
    "Safer Internet Day: if someone online says don't tell your parents, tell a grown-up.",
    'DD asked me not to tell anyone the ending of the film.',
  ],
)

family(
  'safeguarding.online-stranger',
  [
    'Someone on Roblox keeps asking my 9 year old which school she goes to.',
    'A Fortnite "friend" sent DS a gift card and then wanted his address.',
    'An account on TikTok has been messaging the Y5 girls asking what time they walk home.',
  ],
  [
    'Online safety evening: learn how to spot when a stranger online asks kids for their address.',
    'The Year 6 lesson role-played what to do if someone on a game asks for photos.',
  ],
)

family(
  'safeguarding.stranger-watching',
  [
    'A man in a silver van was filming the infants at pick-up again today.',
    'Same bloke at the park railings every break, watching the girls through the fence.',
    'Older lads outside the gates keep offering the Year 6 boys vapes.',
  ],
  [
    'The school photographer was taking photos of the children at the gates for the prospectus.',
    'The lollipop man was chatting to the kids at the crossing, he is a gem.',
    'Woman at the gate asked the mums to sign a petition about parking.',
  ],
)

family(
  'safeguarding.neglect-signs',
  [
    'There is a little boy in DS class who never has breakfast and asks the others for food.',
    'She comes in wearing the same dirty uniform every day and she is only 6.',
    'Saw a kid of about five wandering the street at midnight in his pyjamas.',
  ],
  [
    'Non-uniform day on Friday, kids can come in the same clothes as their favourite character.',
    'DS is always hungry after swimming lol, bottomless pit',
  ],
)

family(
  'safeguarding.fear-of-home',
  [
    'DD says her friend is scared to go home because of the shouting.',
    "The boy told the TA his step-dad hits him when he's been drinking.",
    "My son's mate says his mum won't wake up some mornings. He's 8.",
  ],
  [
    'DS is 7 and says his dad hits him with pillows every night in the pillow fight lol',
    "The kids never want to go home from the holiday club, it's brilliant.",
  ],
)

family(
  'safeguarding.despair-hints',
  [
    'My 10 year old keeps saying she wants to go to sleep and not wake up.',
    "DS (Y5) told me nobody would notice if he wasn't here.",
    'My girl has started hiding her arms and the school say she is fine.',
  ],
  [
    'Mental health awareness week assembly: what to do if a friend says they want to disappear.',
    'Kids are off till Monday and I want to go to sleep and never wake up till then lol',
  ],
)

family(
  'safeguarding.unfit-carer',
  [
    'The dad who collects the twins reeks of vodka and then drives off with them.',
    'A mum at pick-up could barely stand and put the toddler in the car.',
  ],
  [
    'Staff Christmas do got absolutely hammered at the party, we all survived lol',
    'The new teacher can barely speak for laughing at the kids in the panto.',
  ],
)

family(
  'safeguarding.scared-to-go-in',
  [
    'He has been punched twice at lunch and is now scared to go in.',
    'DD is refusing to go to school since the girls started calling her names.',
  ],
  [
    "DS doesn't want to go back to school after the summer holidays, he's been called lazy by his sister lol",
    'Some kids are scared to go in for their SATs, so the school has a breakfast club.',
  ],
)

family(
  'safeguarding.staff-private-line',
  [
    'The coach gave my son his personal mobile number to text him after training.',
    'Why does the teacher need my daughters private snapchat for homework?',
    'A TA has been texting a Year 6 girl goodnight every evening.',
  ],
  [
    "The head's personal mobile was posted on Facebook, please take it down.",
    'Our football coach only messages us parents, never the kids, and copies in the office.',
  ],
)

family(
  'safeguarding.injury-signs',
  [
    'She came out of class with a split lip and nobody rang me. She is 5.',
    'My son has a handprint on his arm from a dinner lady.',
  ],
  [
    'DD got a black eye from a football at the match, tough cookie.',
    'DS fell off the trampoline and has a split lip, all fine now.',
  ],
)

family(
  'safeguarding.named-child-targeted',
  [
    'Olivia Price in Year 4 is a liar and a grass, everyone know it.',
    'kayden in 5b ur getting jumped after school',
  ],
  [
    'Well done to Olivia in Year 4 for star of the week, proud of her!',
    'Please keep off the grass in Year 2 garden while it grows.',
  ],
)

describe('safeguarding: sexual content that reaches a child', () => {
  it('a porn link a seven-year-old clicked is a safeguarding matter too', () => {
    expect(
      rulesFor('The class page linked to a porn site and my 7 year old clicked it.'),
    ).toContain('safeguarding.children-exposed')
  })
  it('a dating advert for "real girls" is not', () => {
    const r = analyzeRules('Lonely? Chat to real girls near you, free cams 💋', { school }).result
    expect(r.flags).toContain('sexual')
    expect(r.flags).not.toContain('safeguarding')
  })
})

family(
  'sexual.leer-emoji-2',
  [
    'Mr Reeve in his running shorts at sports day 🍑🍑',
    'the new TA though 🥵 no wonder the dads do pick up',
    'sir demonstrating star jumps 👅💦',
  ],
  [
    'End of term water fight 💦 the teachers got soaked!',
    'Tongue twister Tuesday 👅 the Year 1s beat the staff',
    'It was so hot in the hall for the concert 🥵 well done everyone',
  ],
)

family(
  'sexual.rating-bodies',
  [
    'The dads were rating the mums out of 10 at the gate',
    'someone made a smash or pass page about the teachers',
    'would u smash the new ta',
  ],
  ['Rate the school dinners out of 10 for the survey', 'He smashed the ball out of the park'],
)

family(
  'sexual.slang-innuendo',
  [
    'The reception teacher is proper peng, the dads are all volunteering now',
    'that new caretaker can check my boiler any time',
    'Mr Hale and the office lady were caught getting off with each other at the disco',
  ],
  [
    'Peng chicken wings at the summer fair, thank you PTA!',
    'Sex ed was awkward, the teacher had a condom demo',
    'What a ride on the rollercoaster, thanks Miss for the trip',
  ],
)

family(
  'sexual.child-sexual-request',
  [
    'A man on a game asked my daughter for photos in her swimsuit.',
    'A Y6 boy has been sending pics of his bits to the girls in his class.',
  ],
  [
    'Swimming lesson Tuesday: please send her in her swimsuit under her uniform.',
    'Lost property: a girls swimsuit found in the changing rooms.',
  ],
)

family(
  'sexual.dating-lure',
  [
    'Lonely wife looking for fun, add me for private pics',
    'Bored mums near you want to meet, free cams tonight',
  ],
  ['The PTA are looking for mums to help at the cake stall', 'Live webcam of the nest box is up!'],
)
