// Runs in: Vitest (Node). The fourth round of threat families (threat-more.ts, threat-lang.ts):
// each family on a few fresh wordings written for this test, and look-alikes (idiom, sport, news,
// a lesson, a parent's own child) on which the family must stay quiet.
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'

const rulesFor = (t: string): string[] => analyzeRules(t, {}).result.evidence.map((e) => e.rule)
const threatByRules = (t: string): boolean => analyzeRules(t, {}).result.flags.includes('threat')

const family = (rule: string, hits: string[], misses: string[]): void => {
  describe(rule, () => {
    it.each(hits)('fires on %s', (t) => expect(rulesFor(t)).toContain(rule))
    it.each(misses)('stays quiet on %s', (t) => {
      expect(rulesFor(t)).not.toContain(rule)
      expect(threatByRules(t)).toBe(false)
    })
  })
}

family(
  'threat.wait-for-dialect',
  [
    "that gobby depute, ah'll be waitin on him at the bus stop",
    "We'll be waiting when she comes out of the staff room.",
    "Ah'll be at they gates first thing, tell him that",
  ],
  [
    "I'll be waiting for a reply to my email about the trip",
    "I'll be waiting on the platform for the 8.10 train",
  ],
)

family(
  'threat.grave-emoji',
  ['Mrs Dobbs ⚰️ see you Monday', 'rip in advance to the PE department', '🪦 for u mr lane'],
  ['My phone battery ⚰️ again', 'Halloween crafts: make a 🪦 from card and glue'],
)

family(
  'threat.knows-car-or-haunts',
  [
    "We know her car and we know her route home. That's all.",
    "I've noted his registration. Patient man, me.",
    'my mates know which pub he drinks in on a Friday',
  ],
  [
    'We know the car park is full by 8.40, please walk if you can',
    'Does anyone know which bus goes to the swimming gala?',
  ],
)

family(
  'threat.cant-hide',
  [
    "The deputy can't hide behind that reception desk forever.",
    "Your lanyard won't save you, sir.",
    "She thinks she's safe behind the gates.",
  ],
  [
    "You can't hide from phonics forever, it's everywhere in Year 1",
    'The fence will save the ball',
  ],
)

family(
  'threat.youre-dead',
  ['mr cole ur ded on monday', "you're dead when I see you outside", 'yer deid pal'],
  ["I'm dead 😂 ur ded funny", 'you are dead right about the uniform prices'],
)

family(
  'threat.getting-it',
  ["he's gettin it after school.", 'that snitch is gonna get merked', "you're getting it tonight"],
  ["She's getting it for her birthday", "He's getting it in Fortnite tonight lol"],
)

family(
  'threat.watch-yourself',
  [
    'Tell the head she might want to vary her route.',
    'tell that deputy to watch himself',
    'staff at the juniors, sleep well while you can',
  ],
  ['She watched herself on the nativity video and cried', 'Sleep well everyone, big day tomorrow'],
)

family(
  'threat.end-you',
  ['Come near my kids again and I will end you.', "i swear i'll finish him."],
  ["Rematch on sports day, we'll destroy you!", "I'll finish her reading book tonight"],
)

family(
  'threat.arson-wreck',
  [
    "if they cut the after-school club i'm torching the staff room",
    'Somebody should burn it down. The whole lot.',
    'someone tip brake fluid over her car and see how she likes it',
  ],
  [
    'The kids loved burning marshmallows at the forest school bonfire',
    "I'm not responsible for what my toddler does to the library books, honestly",
  ],
)

family(
  'threat.bring-gang-or-weapon',
  [
    "Next time I'm bringing my brothers.",
    'meet at the gates, bring bricks',
    "I'll have a word with the caretaker. With a hammer.",
  ],
  ['Bring a hammer for the DT lesson on Tuesday', 'Bring the boys to football at 10'],
)

family(
  'threat.done-talking',
  [
    "I'm done being nice to that office.",
    'Next time I come in, I am not coming for talking.',
    'The next visit won’t be with a letter, trust me.',
  ],
  ["I'm done being the class rep this year", 'The talking part of the lesson is over'],
)

family(
  'threat.what-deserves',
  [
    'If you see that TA, give her what she deserves.',
    "Now he'll see what's coming.",
    "She won't see me coming.",
  ],
  ['Give her what she deserves: star of the week!', "Let's see what's coming up this term"],
)

family(
  'threat.dox-invite',
  [
    'Miss Hale lives at 14 Birch Road, in case anyone wants a word.',
    'Head drives a white Golf, parks on Mill Lane every morning. Just saying.',
    'Her mobile is 07700 900123, ring her and tell her what you think.',
  ],
  [
    'Parking on Mill Lane at pick-up is a nightmare, just saying.',
    'In case anyone wants a lift, I drive home via Station Road at 3.30',
  ],
)

family(
  'threat.countdown-emoji',
  ['the juniors staff car park 🧨🧨 monday', 'big fire at the academy tonight (not yet)'],
  ['Countdown to Christmas at our primary ⏳🎄', 'School disco tonight 🔥🔥 see you there'],
)

family(
  'threat.harm-slang',
  [
    "i'll brake his legs if he shouts at my sister",
    'snitches at that school get stitches',
    'The janitor will be goin home in pieces.',
  ],
  ["She broke her leg at rugby, she'll lose the season", 'Good luck getting home in this snow!'],
)

family(
  'threat.extremist-menace',
  [
    'every teacher who teaches that filth should meet the same end',
    'who will be the next saint, schools are easy',
    'Keep it up and your schools will be next',
  ],
  [
    'The Saints showed the way in the football on Saturday',
    'My daughter loves the swings, she’ll swing for hours',
  ],
)

family(
  'threat.veiled-harm',
  [
    'Someone should pay that head a little visit.',
    'Bet that flat roof goes up quick.',
    'there is a device in the sports hall',
  ],
  ['We visited the museum and saw a wartime bomb in the gallery', "There'll be a bouncy castle"],
)

family(
  'threat.other-language',
  [
    'If she humiliates him again, ti ammazzo. Seriously.',
    'Wiem gdzie mieszka ta nauczycielka. Bad teacher.',
    'Le voy a partir la cara a ese profesor',
    'agar phir maara to achha nahi hoga',
  ],
  [
    "Is the translation of 'je sais ou tu habites' right? It's for French homework",
    'Mi hija está muy contenta en el colegio, gracias a todos',
  ],
)
