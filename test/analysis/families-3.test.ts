// Runs in: Vitest (Node). The third round of strict-flag concepts (issue 4, engine 1.4.0): threats
// recognised by their parts and by menace cues, hate as group + derogation, extremist glorification,
// innuendo with a wink, spoken phone numbers and street-first addresses, neglect and unsupervised
// children. Each concept in fresh wordings written for this test, with look-alikes that must not fire.
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import type { PolicyFlag } from '../../src-main/analysis/types'
import { analyze, school } from './helpers'

const fires = (flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${flag}: fires on %s`, (t) => expect(analyze(t).flags).toContain(flag))
}
const quiet = (flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${flag}: stays quiet on %s`, (t) => expect(analyze(t).flags).not.toContain(flag))
}
/** The rules alone, so a test proves the named rule fired and not the learned layer. */
const rulesFor = (t: string): string[] =>
  analyzeRules(t, { school }).result.evidence.map((e) => e.rule)

describe('threat: harm + target + forward frame', () => {
  fires('threat', [
    "Let the office ignore me once more. I'll knock the receptionist's teeth out.",
    'The coach pushed my lad over. We will see how brave he is with two black eyes.',
    'If the deputy raises his voice at my daughter again I will snap his fingers',
    "I've got a machete in the shed and nothing left to lose after what that school did.",
  ])
  quiet('threat', [
    'These fractions are going to be the death of me, send wine',
    'Our quiz team got hammered in the picture round again 😂',
    'Police charged a man who threatened to stab a teacher at a nearby school last year.',
    "I'm going to strangle DS if he leaves his PE bag on the bus one more time",
  ])
  it('names the composed rule as its evidence', () => {
    expect(rulesFor('If that TA grabs my son again I will break her wrist.')).toContain(
      'threat.composed',
    )
  })
})

describe('threat: veiled menace cues', () => {
  fires('threat', [
    'Lovely big windows on your house, Mrs Okafor. Be a shame.',
    'Pryce should be scared. Very scared.',
    'Hope your tyres hold up on the drive home tonight, sir',
    "The caretaker won't be smiling for a while when I'm finished with him",
    'we are watching you miss lindqvist',
  ])
  quiet('threat', [
    'Enjoy your last week at primary school, Year 6! We will miss you all',
    'Shame about the weather for sports day, the kids were brilliant anyway',
    'Nice house on the corner of the green has a lost cat poster up, black and white tom',
    'Petrol prices near the school are a joke, 1.60 a litre',
  ])
  it('names the menace rule as its evidence', () => {
    expect(rulesFor("Tell Mr Baxter he won't see it coming. Just saying.")).toContain(
      'threat.menace-cues',
    )
  })
})

describe('threat: lying in wait, routine and coming for someone', () => {
  fires('threat', [
    "My brother says he'll be sitting outside her house on Friday night",
    'We all know Mrs Desai jogs round the lake alone every evening. Just saying.',
    'The parents are coming for you, Okafor, and there are a lot of us',
  ])
  quiet('threat', [
    "I'll be waiting outside the school at 3 for my nephew, can he come to tea?",
    'Grandma is coming for them at half three so no need for after-school club',
  ])
})

describe('hate: group + derogation, exclusion and slurs', () => {
  fires('hate', [
    'Romanian families have dragged this whole school down, they just want the free meals',
    'Every Sikh family on our road keeps to itself. Do not let them join the PTA.',
    'Lesbians running a primary school, what next',
    'the deaf boy in Year 2 ruins every assembly, he should be in a special unit',
    "can't stand the lezzers on the governing body",
  ])
  quiet('hate', [
    'The Romanian families ran a fantastic stall at the summer fair, thank you!',
    'Access for wheelchair users is still rubbish at the front gate, please fix it',
    'Police are investigating racist graffiti on the bus shelter by the school.',
    'Our SEN provision has got worse since the funding cut, the SENCO is overloaded',
  ])
})

describe('extremism: glorification, militias and material shown to children', () => {
  fires('extremism', [
    'The men who bombed that arena were heroes and more should follow their example',
    'Year 5 lads are sharing jihadi videos on the group chat, my son showed me',
    'Join the militia, we drill on Sunday mornings behind the rec',
  ])
  quiet('extremism', [
    'Brilliant Remembrance assembly, the children read about local war heroes',
    'The Prevent workshops on British values and resilience to extremism start next term',
  ])
})

describe('sexual: suggestive words with a wink, adult interest in a child', () => {
  fires('sexual', [
    'Miss Lindqvist can keep me behind after class any day 😏',
    'The new dad on the PTA asked my 11 year old if she had a boyfriend yet and what she was wearing to the disco',
    'Bet Mr Pryce is a right goer after a few drinks',
  ])
  quiet('sexual', [
    'Great assembly today, the children were so respectful',
    'Netball positions for Saturday are on the noticeboard, GS and GA please bring bibs',
    'Does the PE kit list need a swimming costume or just trunks?',
  ])
})

describe('personal_info: spoken numbers, obfuscated emails, street-first addresses', () => {
  fires('personal_info', [
    'call me on oh seven seven double oh, nine double oh, one two three',
    'the spare tickets are with me, drop a line to kaz.b at example dot com',
    'He lives on Willow Crescent now, number 12, opposite the garage',
    'He has moved to Foxglove Close with the new girlfriend',
    'Ruby Kerr, year 6, is the one who started the rumour',
  ])
  quiet('personal_info', [
    'Seven seven seven cheers for the football team, one two three!',
    'Meet Sarah Lindqvist, Year 4 teacher and netball coach',
    'The bus to the swimming pool goes along Willow Crescent',
  ])
})

describe('safeguarding: neglect, unsupervised children, private secrets', () => {
  fires('safeguarding', [
    "The wee lad in my son's class hasn't had a bath in weeks and nicks food from lunchboxes",
    "Kids at St Aldhelm's are being left in the playground after 4pm with no adult around",
    'A stranger was trying to talk to the year 2s through the fence at lunchtime',
    'The TA shook my son so hard he hit his head on the table',
  ])
  quiet('safeguarding', [
    'Does anyone else think the online safety talk was a bit much? They came home scared of YouTube',
    'My lad is starving at pick-up every day, the portions are tiny',
  ])
})
