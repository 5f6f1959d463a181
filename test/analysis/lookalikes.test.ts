// Runs in: Vitest (Node). Strict-flag look-alikes the rules used to raise, found by running them
// over training texts written apart from the engine (npm run rule-misses): hazards and banter read
// as threats, history lessons and Prevent notices read as extremism, "bonkers" and "slag off"
// read as sexual. Each has its true twin beside it, so a veto that swallows real cases fails here.
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import type { PolicyFlag } from '../../src-main/analysis/types'
import { school } from './helpers'

/** The rules alone: these cases are about what the detectors decide, not the learned layer. */
const ruleFlags = (t: string): PolicyFlag[] => analyzeRules(t, { school }).result.flags

/** One flag's look-alikes (the rules must stay quiet) and true twins (the rules must flag). */
function lookalikes(flag: PolicyFlag, quiet: string[], flagged: string[]): void {
  describe(`${flag} look-alikes`, () => {
    it.each(quiet)(`no ${flag}: %s`, (text) => {
      expect(ruleFlags(text)).not.toContain(flag)
    })
    it.each(flagged)(`${flag}: %s`, (text) => {
      expect(ruleFlags(text)).toContain(flag)
    })
  })
}

lookalikes(
  'threat',
  [
    'Drop-off on Elm Row is chaos, someone is going to get run over one of these mornings.',
    'The car park at 3pm is a death trap. Somebody will get hurt.',
    'My dad is going to kill me when he sees this report.',
    "I'm going to strangle whoever decided on a Tudor costume day with two days' notice.",
    "Watch your backs Year 9, we're coming for that trophy 🏆",
    "Mr Hale said he'd smash us all at table tennis and then he actually did.",
    "A man who told a teacher he would 'break her legs' has been given a suspended sentence, the court heard.",
    "Edit summary: removed 'the staff here should be shot' - vandalism, user warned",
  ],
  [
    'If the head keeps locking that gate on us, somebody is going to get hurt, and it might be her.',
    "Tell Mr Hale he'd better not be at the gate tomorrow. I won't be as polite as last time.",
    'We will not be as patient as last time. The head knows what she did.',
    'I know where Mr Hale parks. Someone should slash his tyres.',
    'I have been arrested before and I will be again, Mr Hale. Watch your back.',
  ],
)

lookalikes(
  'extremism',
  [
    'Year 11 historians spent the day in the Holocaust galleries looking at Nazi propaganda posters.',
    'Our Prevent policy is reviewed by governors every year and is on the Policies page.',
    'Debate club on Tuesday: this house believes platforms should remove extremist content.',
    'The PTA WhatsApp has radicalised me. I now have strong opinions about the tombola.',
  ],
  [
    'Hitler had the right idea. White parents, wake up and join the patriots on Saturday.',
    'Someone in the Y6 parents group keeps sharing videos calling the bombers martyrs.',
  ],
)

lookalikes(
  'sexual',
  [
    'This nursery is bonkers in the best way: mud kitchen, chickens, a pretend post office.',
    'Everyone loves to slag off the academy but my son has been happy there.',
    'Parking on Sexton Road at pick-up is a joke again.',
    'Penistone Grammar v Hornby Academy in the county cup final tonight!',
    'The school newsletter has a page on sextortion scams this month. Worth a read.',
  ],
  [
    'My son (15) is being sextorted by someone pretending to be a girl from his school.',
    'Someone keeps writing that Mrs Tolley is a slag on the bus shelter.',
    'The new TA is so sexy, she can keep me behind after class.',
  ],
)

describe('hate that keeps a person from children', () => {
  it('flags the group and the exclusion together', () => {
    const flags = ruleFlags(
      "The new TA is gay and I don't want him helping my son get changed for PE.",
    )
    expect(flags).toContain('hate')
  })

  it('leaves the same worry alone when no group is named', () => {
    const flags = ruleFlags(
      "The new TA is lovely but I don't want him helping my son get changed, he's shy.",
    )
    expect(flags).not.toContain('hate')
  })
})
