// Runs in: Vitest (Node). The second round of strict-flag concepts (engine 1.3.0): each family in
// fresh wordings written for this test, and look-alikes that share its words but not its meaning.
import { describe, expect, it } from 'vitest'
import type { PolicyFlag } from '../../src-main/analysis/types'
import { analyze } from './helpers'

const fires = (flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${flag}: fires on %s`, (t) => expect(analyze(t).flags).toContain(flag))
}
const quiet = (flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${flag}: stays quiet on %s`, (t) => expect(analyze(t).flags).not.toContain(flag))
}

describe('threat: second-round concepts', () => {
  fires('threat', [
    'Touch my daughter again and the PE teacher will be drinking through a straw till Easter',
    'We know what time the deputy locks up on Fridays. Think on.',
    'Her address is 9 Heron Row, Pendle. Do whatever you like with that.',
    "Tell the head I'm bringing my cousins down to the gate tomorrow and we'll sort it ourselves",
    'Those staff will learn the hard way. Not a threat, a promise.',
    'Honestly the whole building should burn. Lots of old wood in that hall.',
  ])
  quiet('threat', [
    'My knee is killing me after the parents race, I will be eating through a straw of pride',
    'We know what time the school disco finishes, can someone share lifts?',
    'Burnt the flapjacks for the bake sale again, send help',
    'Lovely fun run, bring whatever snacks you like for after',
  ])
})

describe('hate: group plus hostile claim', () => {
  fires('hate', [
    'Ever since the Bulgarian families arrived the whole place has gone downhill',
    'Deaf children should not be allowed in the choir, they ruin it',
    'Typical of a school with a woman in charge, no discipline whatsoever',
    'half the staff are m0zzies now',
  ])
  quiet('hate', [
    'The Polish families organised a brilliant food stall at the summer fair',
    'Really proud of how the school celebrated Eid with every class',
    'Standards have gone downhill since the new timetable, the homework is a mess',
    'The Romanian exchange trip was the highlight of the year for our son',
  ])
})

describe('sexual: offences, euphemism, leering', () => {
  fires('sexual', [
    'A coach from the Saturday club was charged with sending indecent images to a pupil',
    'Apparently the two deputies are more than colleagues, if the staffroom gossip is right',
    'Mr Dale in those shorts today 🔥🔥',
    'That new TA can give me detention any day lol',
  ])
  quiet('sexual', [
    'The RSE curriculum covers relationships and sex education from Year 6',
    'Mr Dale’s team smashed it at sports day 🔥🔥',
    'She scraped her knees in the playground, the first aid was excellent',
  ])
})

describe('extremism: recruitment and rising', () => {
  fires('extremism', [
    'Parents of Oakvale, join the Heartland Vanguard and take our schools back by any means necessary',
    'Real Englishmen will stand up for the country before our schools fall',
  ])
  quiet('extremism', [
    'Year 5 did a great project on the Crusades topic this term',
    'Join the Friends of Oakvale committee and help us take the summer fair to new heights',
  ])
})

describe('personal_info: a child made findable', () => {
  fires('personal_info', [
    'So proud of DS (Y2, Theo) for his swimming badge today',
    'My granddaughter Ivy is in the Squirrel room and loves it',
    'Nine-year-old Callum Brightwell was the only one picked for the county team',
    'Her personal email is jo.harlow77@mailbox.invalid if you want to complain',
  ])
  quiet('personal_info', [
    'Forty spellings a week in Y3 is far too many',
    'Mr and Mrs Pellow in Y5 are a fantastic team',
    'Schools including Ashby Junior were oversubscribed this year',
    'Former pupil Jack Brennan, 31, came back to run the coding club',
  ])
})

describe('safeguarding: second-round concepts', () => {
  fires('safeguarding', [
    'Picked my son up with a bruise on his cheek and nobody at the club could tell me how it happened or knew about it',
    'Why is the football coach following my 9 year old on TikTok and messaging him at night?',
    'A toddler was climbing the fence at the nursery and nobody noticed until a parent shouted',
    'Please take the class photo down, my nephew is under a court order and cannot be shown',
    'DS (8) keeps repeating stuff from an influencer about how foreigners ruining the country must be fought',
    'Two of the weekend staff have no DBS and the manager does not care',
  ])
  quiet('safeguarding', [
    'Lost his water bottle again, nobody noticed it missing until Friday',
    'The history topic on WW2 covered Hitler and the home front really well',
    'Lovely foster carers evening at the church hall, thank you for hosting',
  ])
})
