// Runs in: Vitest (Node). Exact fingerprints and near-duplicate linking across feeds.
import { describe, expect, it } from 'vitest'
import {
  contentFingerprint,
  createDedupWindow,
  nearDuplicate,
  normaliseForDedup,
  textSimilarity,
} from '../../src-main/sources/dedup'

const story =
  "Pupils at St Aldhelm's C of E Primary School in Hollinbury raised more than £2,000 for the " +
  'village hall roof at their summer fete on Saturday. Headteacher Helen Okafor thanked parents, ' +
  'the PTA and local businesses, and said the money would be handed over at a special assembly ' +
  'next week. The fete included a dog show, a tombola and a tug of war between staff and governors.'

describe('contentFingerprint', () => {
  it('is a SHA-256 hex digest', () => {
    expect(contentFingerprint(story)).toMatch(/^[0-9a-f]{64}$/)
  })
  it('is equal across feeds with different tracking URLs, whitespace, case and boilerplate', () => {
    const viaPaper = `${story}\n\nRead more: https://hollinbury-echo.example/news/fete?utm_source=rss&utm_medium=feed`
    const viaAlert = `  ${story.toUpperCase().replace(/ /g, '   ')}  Continue reading → https://www.google.example/url?q=abc&ct=ga`
    const viaWordPress = `${story} The post Fete raises £2,000 appeared first on Hollinbury Echo.`
    const fp = contentFingerprint(story, 'Fete raises £2,000')
    expect(contentFingerprint(viaPaper, 'Fete raises £2,000')).toBe(fp)
    expect(contentFingerprint(viaAlert, 'FETE RAISES £2,000!')).toBe(fp)
    expect(contentFingerprint(viaWordPress, 'Fete raises £2,000')).toBe(fp)
  })
  it('treats curly and straight apostrophes alike', () => {
    expect(contentFingerprint('St Aldhelm’s fete')).toBe(contentFingerprint("St Aldhelm's fete"))
  })
  it('differs when the words differ, or the title does', () => {
    expect(contentFingerprint(story.replace('£2,000', '£3,000'))).not.toBe(
      contentFingerprint(story),
    )
    expect(contentFingerprint(story, 'A')).not.toBe(contentFingerprint(story, 'B'))
  })
  it('normalises to folded words', () => {
    expect(normaliseForDedup('Hello,   WORLD! see https://x.example/a?b=1 [...]')).toBe(
      'hello world see',
    )
  })
})

describe('nearDuplicate', () => {
  const recent = [
    {
      id: 10,
      text: 'Hollinbury council approves new cycle lane on the high street after consultation.',
    },
    { id: 11, text: story },
    {
      id: 12,
      text: "St Aldhelm's pupils sing at the Westmarch music festival, winning the choir cup.",
    },
  ]
  it('links the same text seen via another feed, edited slightly', () => {
    const edited = story
      .replace('on Saturday', 'last Saturday')
      .concat(' Photo: Hollinbury Echo. https://t.example/abc')
    expect(textSimilarity(edited, story)).toBeGreaterThanOrEqual(0.85)
    expect(nearDuplicate(edited, recent)).toBe(11)
    expect(nearDuplicate({ text: edited }, recent)).toBe(11)
  })
  it('links a copy a feed truncated', () => {
    const truncated = `${story.slice(0, 160)} […]`
    expect(nearDuplicate(truncated, recent)).toBe(11)
  })
  it('does not link a different story about the same school', () => {
    const other =
      "Pupils at St Aldhelm's C of E Primary School in Hollinbury were sent home early on Monday " +
      'after a burst pipe flooded the hall. Parents were told by text message and the school ' +
      'reopened on Tuesday morning, the headteacher said.'
    expect(textSimilarity(other, story)).toBeLessThan(0.5)
    expect(nearDuplicate(other, recent)).toBeNull()
  })
  it('does not link short posts that merely start alike', () => {
    const tweet = "Pupils at St Aldhelm's C of E Primary School in Hollinbury are amazing"
    expect(nearDuplicate(tweet, recent)).toBeNull()
  })
  it('links identical short texts but never empty ones', () => {
    expect(nearDuplicate('Snow day!', [{ id: 'a', text: 'snow   DAY' }])).toBe('a')
    expect(
      nearDuplicate('https://only.example/a-link', [{ id: 'b', text: 'https://x.example' }]),
    ).toBeNull()
  })
  it('returns the most similar of several candidates', () => {
    const base = story
    const near = story.replace('dog show', 'pet show')
    const far = story.replace('dog show, a tombola and a tug of war', 'bouncy castle and a raffle')
    const win = createDedupWindow<string>({ threshold: 0.7 })
    win.add('far', far)
    win.add('near', near)
    expect(win.find(base)).toBe('near')
    expect(win.size).toBe(2)
  })
  it('respects the threshold option', () => {
    const edited = story.replace(
      'dog show, a tombola and a tug of war',
      'bouncy castle and a raffle',
    )
    const sim = textSimilarity(edited, story)
    expect(nearDuplicate(edited, recent, { threshold: sim - 0.01 })).toBe(11)
    expect(nearDuplicate(edited, recent, { threshold: sim + 0.01 })).toBeNull()
  })
})
