// Runs in: Vitest (Node). `footprint sources add` flags → the contract's SourceInput, for every kind.
import { describe, expect, it } from 'vitest'
import { SourceInput } from '../../src-main/contract'
import { secretsHint, sourceInputFrom } from '../../src-main/cli/commands/sources'

const base = { talk: true }

describe('sources add flags', () => {
  it('builds a valid Places source from --config, named after its kind by default', () => {
    const input = sourceInputFrom({
      ...base,
      kind: 'google_places',
      config: '{"placeId":"ChIJFixture"}',
      school: '2',
    })
    expect(input).toMatchObject({
      kind: 'google_places',
      name: 'Google rating (Places)',
      schoolId: 2,
      config: { placeId: 'ChIJFixture' },
    })
    expect(SourceInput.safeParse(input).success).toBe(true)
  })

  it('says what is wrong with --config and with an unknown kind', () => {
    expect(() => sourceInputFrom({ ...base, kind: 'x', config: '{oops' })).toThrow(
      /--config must be JSON/,
    )
    expect(() => sourceInputFrom({ ...base, kind: 'x', config: '[1]' })).toThrow(/JSON object/)
    expect(() => sourceInputFrom({ ...base, kind: 'tiktok' })).toThrow(
      /--kind must be one of feed, wikipedia, google_business.*bluesky, not "tiktok"/,
    )
  })

  it('a Mumsnet source needs no settings at all: the school profile gives the names', () => {
    const input = sourceInputFrom({ ...base, kind: 'mumsnet' })
    expect(SourceInput.parse(input)).toMatchObject({ kind: 'mumsnet', config: { aliases: [] } })
  })

  it('tells the user which secrets to save after adding', () => {
    expect(secretsHint('bluesky')).toContain('footprint secrets set bluesky.appPassword')
    expect(secretsHint('feed')).toBe('')
  })
})
