// Runs in: Vitest (Node). The fourth round of hate and extremism concepts: hatred said as fact,
// in code or as a joke, and the praise names, codes and calls of extremist movements. Each family
// fires on fresh wordings written for this test and stays quiet on look-alikes (a lesson, news,
// a celebration, a report of what a child repeated).
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import {
  EXTREMISM_FAMILIES_4,
  HATE_FAMILIES_5,
} from '../../src-main/analysis/flags/families-hate-4'
import { gateOf, mayMatch, newIndex } from '../../src-main/analysis/flags/prefilter'
import { viewOf } from '../../src-main/analysis/flags/util'
import { fold } from '../../src-main/analysis/normalize'
import type { PolicyFlag } from '../../src-main/analysis/types'
import { school } from './helpers'

const rulesFor = (t: string): string[] =>
  analyzeRules(t, { school }).result.evidence.map((e) => e.rule)
const flagsFor = (t: string): PolicyFlag[] => analyzeRules(t, { school }).result.flags

/** The named rule fires on every text, and the rules alone raise the flag. */
const fires = (rule: string, flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${rule} fires on %s`, (t) => {
    expect(rulesFor(t)).toContain(rule)
    expect(flagsFor(t)).toContain(flag)
  })
}
/** The named rule stays quiet on every look-alike. */
const quiet = (rule: string, texts: string[]): void => {
  it.each(texts)(`${rule} stays quiet on %s`, (t) => expect(rulesFor(t)).not.toContain(rule))
}

describe('hate: stereotypes said as fact', () => {
  fires('hate.essentialising', 'hate', [
    'The Somali lads always end up in trouble. Thieving is in their blood.',
    "Those people breed like rabbits and the school can't cope with the numbers.",
    "Nice enough family but Travellers can't change what they are.",
  ])
  quiet('hate.essentialising', [
    'Rugby is in their blood at this school, three county titles in a row!',
    'DS said a boy told him Muslims breed like rabbits. I explained why that is racist.',
    "The Eid picnic was lovely, it's in their blood to feed everyone who turns up",
  ])
})

describe('hate: coded hostility and the theft stereotype', () => {
  fires('hate.dog-whistle', 'hate', [
    'Moved ours to the village school for cultural reasons, say no more.',
    'Open evening was full of foreign accents. Not my country anymore.',
    'Funny how a certain community always ends up on the governing body.',
  ])
  quiet('hate.dog-whistle', [
    'Those families who missed the deadline should ring admissions directly.',
    'For reasons of cost, the trip is cancelled this year.',
  ])
  fires('hate.theft-stereotype', 'hate', [
    'Travellers are back on the field by the juniors. Lock your sheds, folks.',
    'Roma family moved in opposite the school, chain your bikes up',
  ])
  quiet('hate.theft-stereotype', [
    'Bike thefts near the school again, please lock your sheds and chain your bikes.',
  ])
})

describe('hate: contempt for a faith, a festival or gay and trans people', () => {
  fires('hate.faith-and-pride-contempt', 'hate', [
    'A prayer room now? This is the Islamification of our schools, step by step.',
    'Flying the rainbow flag in reception is pushing the homosexual agenda on toddlers.',
    'Halal dinners and an Eid party, creeping sharia and nobody dares say it',
  ])
  quiet('hate.faith-and-pride-contempt', [
    'Eid Mubarak to all our families! The Year 3 party was a joy.',
    'Researchers say Islamist groups recruit through gaming chats, and the talk explained how.',
  ])
  fires('hate.trans-denial', 'hate', [
    "Non-binary supply teacher? There's no such thing, she wants attention.",
    "My son's teacher is transitioning. He's a man with a problem and shouldn't be near kids.",
  ])
  quiet('hate.trans-denial', [
    'Our RSE evening explained the new guidance on gender identity, very helpful.',
    'Men are menaces on the zigzags at pick up, honestly',
  ])
})

describe('hate: sexist and disablist statements', () => {
  fires('hate.sexist-statement', 'hate', [
    "Girls can't do maths, it's just how they're made.",
    'Women simply are not built to run a big school.',
    'the foids in charge of this school will never understand boys',
  ])
  quiet('hate.sexist-statement', [
    'The girls are thick as thieves, best friends since reception',
    'Women in engineering day was brilliant, DD wants to build bridges now.',
  ])
  fires('hate.disablist-statement', 'hate', [
    'Autistic kids are basically unteachable, why are they in mainstream?',
    'Sports day ruined by the downies again',
    "Special needs my arse, he's just naughty",
  ])
  quiet('hate.disablist-statement', [
    'We are still waiting for an autism assessment and the SEN team have been great.',
    'The special needs unit is closing and nobody asked the parents.',
  ])
})

describe('hate: antisemitic tropes, replacement talk, dodged slurs, coded emoji', () => {
  fires('hate.antisemitic-trope', 'hate', [
    'look who funds the new curriculum. (((they))) always do',
    'The Holocaust never happened and they make kids read fiction about it',
    'Zionist-controlled trusts run half the academies round here',
  ])
  quiet('hate.antisemitic-trope', [
    'Holocaust Memorial Day assembly was moving, the Year 6 readings were beautiful.',
    'DS came out with "the Jews control the banks" and I was horrified. Told the school.',
  ])
  fires('hate.replacement-talk', 'hate', [
    'Our kids are being replaced in their own classrooms. Remigration now.',
    'White pupils only would fix this school overnight',
    'they are colonising us one school at a time',
  ])
  quiet('hate.replacement-talk', [
    'Police removed stickers calling for remigration from the bus stop by the school.',
    'Our boiler is being replaced over half term, school closed Monday.',
  ])
  fires('hate.dodged-slur', 'hate', [
    'too many m*slims at the gate now',
    'look at the dinner lady in her ninja outfit',
  ])
  quiet('hate.dodged-slur', ['Tea towels for sale at the summer fair, designed by Year 2!'])
  fires('hate.coded-emoji', 'hate', ['Eid at school today 🐷🐷 bacon sandwiches all round'])
  quiet('hate.coded-emoji', ['Flu spray in school on Tuesday 👃 no needles!'])
})

describe('extremism: praise of attackers', () => {
  fires('extremism.attacker-praise', 'extremism', [
    'Saint Tarrant showed us what to do about the mosque trips',
    'Breivik got it right about whose kids to go after',
    'the bomber who hit the arena is a lion, may Allah accept him',
  ])
  quiet('extremism.attacker-praise', [
    "Minute's silence for the victims of the Manchester Arena attack at assembly today.",
    'The Lions won the Year 5 league, heroes the lot of them!',
  ])
})

describe('extremism: jihadist and far-right codes', () => {
  fires('extremism.jihadist-codes', 'extremism', [
    'Democracy is shirk. Pull your children out of the schools of the k*ffar.',
    'the black banners will fly over this town inshallah',
    'jihad is fard on every brother, not British values',
  ])
  quiet('extremism.jihadist-codes', [
    'In our RE lesson on Islam we learned that the greater jihad is the inner struggle.',
    'Black bananas make the best banana bread, recipe in the newsletter',
  ])
  fires('extremism.far-right-codes', 'extremism', [
    'RAHOWA. the schools are the front line',
    'proud dads of Year 4 ⚡⚡ future of the nation',
    'Sons of Albion want lads for the boxing club. Defend our children. 14',
  ])
  quiet('extremism.far-right-codes', [
    'Our Year 9s are choosing options at 14',
    'Deus vult was the cry of the crusaders, as our Year 7 history topic showed.',
  ])
})

describe('extremism: the SS runes as emoji', () => {
  fires('extremism.ss-bolts', 'extremism', [
    'White unity in the playground ⚡⚡',
    'the youth are waking up 🇬🇧⚡⚡',
  ])
  quiet('extremism.ss-bolts', [
    '⚡⚡ Lightning win the under-9 cup! ⚡⚡',
    'Power cut at school ⚡⚡ kids sent home early',
  ])
})

describe('extremism: calls to act', () => {
  fires('extremism.call-to-act', 'extremism', [
    'Enough talk. Stop posting and start visiting these schools, patriots.',
    'Every teacher who jabbed a child will face the people’s tribunal. They will hang.',
    'meet at the gates saturday, no more hotels, bring the petrol',
  ])
  quiet('extremism.call-to-act', [
    'Year 6 will hang their art in the hall for the open evening.',
    'The Nuremberg trials topic in Year 9 history was fascinating, DS says.',
    'Please bring the petrol station receipts for the minibus fund to the office.',
  ])
})

describe('the new rules and the prefilter', () => {
  const rules = [...HATE_FAMILIES_5, ...EXTREMISM_FAMILIES_4]
  it('never skips one of them on a text it matches', () => {
    const ix = newIndex()
    const missed: string[] = []
    const texts = [
      'RAHOWA 🔥',
      'look who funds it (((they)))',
      'Saint Tarrant',
      'Eid 🐐 party',
      'k*ffar schools',
      'lads ⚡⚡',
      'Defend our children. 14',
    ]
    for (const t of texts) {
      const f = fold(t)
      for (const r of rules) {
        const s = viewOf(f, r.view ?? 'lower')
        r.re.lastIndex = 0
        const hit = r.re.test(s)
        r.re.lastIndex = 0
        if (hit && !mayMatch(ix, s, gateOf(r.re))) missed.push(`${r.id}: ${t}`)
      }
    }
    expect(missed).toEqual([])
  })
  it('stay fast on long hostile input', () => {
    const hostile = ['(((', 'jews ', '⚡ ', 'saint ', 'those people ', '14 '].map((p) =>
      p.repeat(4000),
    )
    const t0 = performance.now()
    for (const h of hostile) analyzeRules(h, {})
    expect(performance.now() - t0).toBeLessThan(3000)
  })
})
