// Runs in: Vitest (Node). Which exclusion "not about us" proposes.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src-main/matching/matcher'
import { proposeExclusion } from '../../src-main/matching/not-about-us'

describe('proposeExclusion', () => {
  it('adds the proper-noun words after the alias', () => {
    const text = "Visiting hours at St Mary's Hospital have changed"
    expect(proposeExclusion(text, "St Mary's")).toEqual({
      term: "St Mary's Hospital",
      start: 18,
      end: 36,
      basis: 'following',
    })
    expect(proposeExclusion('Roadworks on Aldhelm’s Way tonight', "Aldhelm's")?.term).toBe(
      'Aldhelm’s Way',
    )
    expect(proposeExclusion("St Mary's Football Club won 3-0", "St Mary's")?.term).toBe(
      "St Mary's Football Club",
    )
  })
  it('drops a trailing possessive so the term matches the next story', () => {
    expect(proposeExclusion("St Mary's Hospital's new wing", "St Mary's")?.term).toBe(
      "St Mary's Hospital",
    )
  })
  it('accepts one lower-case place noun, not a run of prose', () => {
    expect(proposeExclusion("Flowers at St Mary's church this week", "St Mary's")?.term).toBe(
      "St Mary's church",
    )
  })
  it('never extends with school words, function words, or across punctuation', () => {
    expect(proposeExclusion("St Mary's Primary School is great", "St Mary's")?.basis).toBe('alias')
    expect(proposeExclusion("St Mary's is closing", "St Mary's")?.basis).toBe('alias')
    expect(proposeExclusion("I went to St Mary's. Hospital food is bad", "St Mary's")?.basis).toBe(
      'alias',
    )
  })
  it('uses a distinguishing word before the alias when none follows', () => {
    expect(proposeExclusion("A service at Old St Mary's, then tea", "St Mary's")).toMatchObject({
      term: "Old St Mary's",
      basis: 'preceding',
    })
  })
  it('does not use a protected word (the town) or a sentence-initial capital', () => {
    const protect = ['Hollinbury']
    expect(
      proposeExclusion("News from Hollinbury St Mary's today", "St Mary's", { protect })?.basis,
    ).toBe('alias')
    expect(
      proposeExclusion("Hollinbury Hospital and St Mary's Hospital", "St Mary's", { protect })
        ?.term,
    ).toBe("St Mary's Hospital")
    expect(proposeExclusion("Lovely St Mary's, again", "St Mary's")?.basis).toBe('alias')
  })
  it('uses the occurrence the matcher reported', () => {
    const text = "St Mary's Primary pupils visited St Mary's Hospital"
    expect(proposeExclusion(text, "St Mary's", { start: 33 })?.term).toBe("St Mary's Hospital")
    expect(proposeExclusion(text, "St Mary's", { start: 0 })?.basis).toBe('alias')
  })
  it('finds the alias however it was written, and returns null when absent', () => {
    expect(proposeExclusion('Saint Marys Hospital', "Saint Mary's")?.term).toBe(
      'Saint Marys Hospital',
    )
    expect(proposeExclusion('Nothing here', "St Mary's")).toBeNull()
  })
  it('round-trips: the recorded exclusion hides the mention and keeps the school', () => {
    const profile = {
      id: 2,
      name: "St Mary's Primary School",
      aliases: [],
      town: 'Hollinbury',
      exclusions: [] as string[],
    }
    const mention = { text: "Visiting hours at St Mary's Hospital, Hollinbury, have changed" }
    const hit = buildMatcher([profile]).match(mention)
    expect(hit).not.toBeNull()
    const p = proposeExclusion(mention.text, hit!.alias, {
      start: hit!.start,
      protect: [profile.town],
    })
    const after = buildMatcher([{ ...profile, exclusions: [p!.term] }])
    expect(after.match(mention)).toBeNull()
    expect(after.match({ text: "St Mary's Primary, Hollinbury: sports day" })?.schoolId).toBe(2)
  })
})
