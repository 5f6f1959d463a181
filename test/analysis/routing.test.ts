import { describe, expect, it } from 'vitest'
import { ROUTING, route } from '../../src-main/analysis/routing'
import { POLICY_FLAGS } from '../../src-main/analysis/types'
import { analyze } from './helpers'

describe('routing table', () => {
  it('has one row for every flag', () => {
    expect(Object.keys(ROUTING).sort()).toEqual([...POLICY_FLAGS].sort())
  })
  it.each([
    [['safeguarding'], 'positive', 'urgent', 'dsl'],
    [['extremism'], 'neutral', 'urgent', 'dsl'],
    [['threat', 'safeguarding'], 'negative', 'urgent', 'dsl'],
    [['threat', 'extremism', 'hate'], 'negative', 'urgent', 'dsl'],
    [['threat'], 'negative', 'urgent', 'head'],
    [['personal_info'], 'neutral', 'urgent', 'orm_lead'],
    [['hate', 'abuse'], 'negative', 'high', 'head'],
    [['abuse'], 'negative', 'high', 'orm_lead'],
    [['complaint'], 'negative', 'normal', 'head'],
    [['complaint', 'staff_named'], 'negative', 'high', 'head'],
    [['question'], 'neutral', 'normal', 'orm_lead'],
    [['praise', 'staff_named'], 'positive', 'low', 'orm_lead'],
    [[], 'negative', 'normal', 'head'],
    [[], 'neutral', 'low', 'orm_lead'],
  ] as const)('%j with %s sentiment → %s, %s', (flags, sentiment, priority, owner) => {
    const r = route(flags, sentiment)
    expect(r.priority).toBe(priority)
    expect(r.owner).toBe(owner)
    expect(r.actions.length).toBeGreaterThan(0)
  })
  it('reaches the DSL end to end for a safeguarding mention that is also a threat', () => {
    const r = analyze(
      'My son came home with bruises again. If that TA touches him again I will break her fingers.',
    )
    expect(r.flags).toEqual(expect.arrayContaining(['threat', 'safeguarding']))
    expect(r.owner).toBe('dsl')
    expect(r.priority).toBe('urgent')
  })
})
