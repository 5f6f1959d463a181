// Runs in: Vitest (Node). Which fetched items are kept as a school's mentions before storage.
import { describe, expect, it } from 'vitest'
import type { School } from '../../src-main/contract'
import { OWN_ACCOUNT_ALIAS, prepareItems } from '../../src-main/sources/prepare'
import type { SchoolMatching } from '../../src-main/sources/school-matching'
import type { FetchedItem } from '../../src-main/sources/types'

const school = { id: 7, name: "St Aldhelm's C of E Primary School" } as School
const named = (text: string): boolean => text.includes("St Aldhelm's")
const matching: SchoolMatching = {
  forSource: () => (item) => (named(item.text) ? { school, alias: "St Aldhelm's" } : null),
  schools: () => [school],
}
const item = (externalId: string, text: string): FetchedItem => ({
  externalId,
  url: null,
  title: null,
  text,
  author: null,
  publishedAt: null,
  raw: null,
})
const items = [item('r1', 'Lovely nursery, kind staff.'), item('r2', "St Aldhelm's is great")]

describe('prepareItems', () => {
  it("keeps an unnamed review from the school's own Google listing as the school's", () => {
    const { kept, unmatched } = prepareItems(items, matching, {
      schoolId: 7,
      kind: 'google_business',
    })
    expect(unmatched).toEqual([])
    expect(kept.map((c) => [c.item.externalId, c.match.school.id, c.match.alias])).toEqual([
      ['r1', 7, OWN_ACCOUNT_ALIAS],
      ['r2', 7, "St Aldhelm's"],
    ])
  })

  it('still asks a news feed, or an own-account source not tied to a school, to name it', () => {
    for (const source of [
      { schoolId: 7, kind: 'feed' as const },
      { schoolId: null, kind: 'facebook' as const },
    ]) {
      const { kept, unmatched } = prepareItems(items, matching, source)
      expect(kept.map((c) => c.item.externalId)).toEqual(['r2'])
      expect(unmatched.map((i) => i.externalId)).toEqual(['r1'])
    }
  })
})
