// Runs in: Vitest (Node). The school profile's co-term rule reaches the matcher.
import { describe, expect, it } from 'vitest'
import { SchoolInput, type School } from '../../src-main/contract'
import { toMatchProfile } from '../../src-main/sources/school-matching'
import { buildMatcher } from '../../src-main/matching/matcher'

function school(
  coTermRule: 'auto' | 'always' | 'never',
  name = "St Aldhelm's C of E Primary School",
): School {
  const p = SchoolInput.parse({ name, town: 'Hollinbury', coTermRule })
  return { ...p, id: 1, createdAt: '', updatedAt: '' }
}

describe("a school's co-term rule", () => {
  const bare = { text: "Lovely nativity at St Aldhelm's today" }
  const withTown = { text: "Lovely nativity at St Aldhelm's in Hollinbury today" }

  it('auto: a saint name needs the town', () => {
    const m = buildMatcher([toMatchProfile(school('auto'))])
    expect(m.match(bare)).toBeNull()
    expect(m.match(withTown)).toMatchObject({ schoolId: 1 })
  })

  it('never: the name alone is enough', () => {
    expect(buildMatcher([toMatchProfile(school('never'))]).match(bare)).toMatchObject({
      schoolId: 1,
      coTerm: null,
    })
  })

  it('always: even a distinctive name needs the town', () => {
    const distinctive = school('always', 'Quillerbrook Heath Academy')
    const m = buildMatcher([toMatchProfile(distinctive)])
    expect(m.match({ text: 'Quillerbrook Heath Academy wins the cup' })).toBeNull()
    expect(
      m.match({ text: 'Quillerbrook Heath Academy in Hollinbury wins the cup' }),
    ).toMatchObject({
      schoolId: 1,
    })
    const auto = buildMatcher([toMatchProfile({ ...distinctive, coTermRule: 'auto' })])
    expect(auto.match({ text: 'Quillerbrook Heath Academy wins the cup' })).toMatchObject({
      schoolId: 1,
    })
  })
})
