// Runs in: Vitest (Node). The inbox served by offset with its count, as the Mentions list's page window
// asks for it: any page of a long result, the count following every filter (and agreeing with what
// the pages list), safeguarding items withheld on every page, and a clear error for a bad offset.
import { describe, expect, it } from 'vitest'
import { RESTRICTED_TEXT } from '../../src-main/workflow/visibility'
import { workflowFixture } from '../helpers/workflow'

describe('inbox.list by offset, with its total', () => {
  it('serves any page of the result and counts every row the filter matches', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const ids: number[] = []
    for (let i = 0; i < 23; i++)
      ids.push(
        f.mention(i === 7 ? 'post about the minibus' : `post ${i}`, {
          sentiment: { label: i % 3 ? 'neutral' : 'negative', score: 0 },
        }),
      )
    const newest = [...ids].reverse()
    const page = (offset: number, more: object = {}) =>
      f.service.call(
        'inbox.list',
        { schoolId: f.school.id, state: 'all', limit: 5, offset, withTotal: true, ...more },
        lead,
      )

    const first = await page(0)
    expect(first.total).toBe(23)
    expect(first.items.map((i) => i.id)).toEqual(newest.slice(0, 5))
    expect((await page(10)).items.map((i) => i.id)).toEqual(newest.slice(10, 15))
    const last = await page(20)
    expect(last.items.map((i) => i.id)).toEqual(newest.slice(20))
    expect(last.nextBeforeId).toBeNull()
    expect((await page(500)).items).toEqual([])
    // Every page together: each row once, as many as the count says.
    const all: number[] = []
    for (let offset = 0; offset < 23; offset += 5)
      all.push(...(await page(offset)).items.map((i) => i.id))
    expect(all).toEqual(newest)

    // The count follows the filter, and every page of it adds up to it.
    const negative = await page(0, { sentiment: 'negative', limit: 100 })
    expect(negative.total).toBe(8)
    expect(negative.items).toHaveLength(8)
    // A deep page of a verdict filter skips by the same verdict.
    const negatives = newest.filter((id) => ids.indexOf(id) % 3 === 0)
    const deep = await page(3, { sentiment: 'negative', limit: 2 })
    expect(deep.items.map((i) => i.id)).toEqual(negatives.slice(3, 5))
    expect((await page(0, { search: 'minibus' })).total).toBe(1)
    // Resolving one takes it out of the open inbox's count.
    await f.service.call('mentions.triage', { ids: [ids[0]], state: 'resolved' }, lead)
    expect((await page(0, { state: 'open' })).total).toBe(22)

    // Without withTotal, nothing is counted (the export and older pages do not pay for it).
    const plain = await f.service.call('inbox.list', { schoolId: f.school.id, limit: 5 }, lead)
    expect(plain.total).toBeUndefined()
  })

  it('withholds safeguarding details on a deep page, and counts the item all the same', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const secret = f.mention('a worrying message about a pupil', {
      flags: ['safeguarding'],
      priority: 'urgent',
      owner: 'dsl',
    })
    for (let i = 0; i < 6; i++) f.mention(`ordinary ${i}`)
    const deep = await f.service.call(
      'inbox.list',
      { schoolId: f.school.id, limit: 3, offset: 6, withTotal: true },
      lead,
    )
    expect(deep.total).toBe(7)
    expect(deep.items.map((i) => i.id)).toEqual([secret])
    expect(deep.items[0].restricted).toBe(true)
    expect(deep.items[0].text).toBe(RESTRICTED_TEXT)
  })

  it('refuses a negative or fractional offset, naming the field', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    for (const offset of [-1, 2.5]) {
      const e = await f.service
        .call('inbox.list', { schoolId: f.school.id, offset }, lead)
        .then(() => null)
        .catch((err: unknown) => err as { code?: string; message: string; field?: string })
      expect(e?.code).toBe('invalid_input')
      expect(`${e?.field} ${e?.message}`).toMatch(/offset/)
    }
  })
})
