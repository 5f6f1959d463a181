// Platform length limits: Google counts UTF-8 bytes, X weighted characters (links 23, emoji 2), Meta
// characters. X's counting is checked against X's own twitter-text library, used here as the oracle
// (it patches globals through core-js 2, so the app itself does not load it).
import { parseTweet } from 'twitter-text'
import { describe, expect, it } from 'vitest'
import {
  type DraftPlatform,
  type DraftSchool,
  LIMITS,
  checkDraft,
  utf8Bytes,
  xWeightedLength,
} from '../../src-main/workflow/drafts'

const school: DraftSchool = {
  name: 'Stanburn Primary School',
  phone: '',
  email: '',
  website: '',
  headName: '',
  staff: [],
}

function tooLong(body: string, platform: DraftPlatform) {
  return checkDraft(body, { school, platform }).issues.find((i) => i.code === 'too_long')
}

const word = (ch: string, n: number) => ch.repeat(n)

describe('Google review reply: 4,096 bytes of UTF-8', () => {
  it('fits exactly 4,096 plain letters and not one more', () => {
    expect(tooLong(word('a', 4096), 'google')).toBeUndefined()
    const over = tooLong(word('a', 4097), 'google')
    expect(over?.start).toBe(4096)
    expect(over?.message).toContain('4,097 of at most 4,096 bytes')
  })

  it('counts accented letters as 2 bytes: 2,049 "é" are over though only 2,049 characters', () => {
    expect(utf8Bytes('é')).toBe(2)
    expect(tooLong(word('é', 2048), 'google')).toBeUndefined()
    expect(tooLong(word('é', 2049), 'google')?.start).toBe(2048)
  })

  it('counts an emoji as 4 bytes and points past the last one that fits', () => {
    expect(tooLong(word('😀', 1024), 'google')).toBeUndefined()
    const over = tooLong(word('😀', 1025), 'google')
    // 1,024 emoji fit; each is two UTF-16 units, so the first that does not starts at 2,048.
    expect(over?.start).toBe(2048)
  })
})

describe('X: 280, weighted as X weights it', () => {
  it('fits 280 Latin letters (accented too) and not 281', () => {
    expect(tooLong(word('a', 280), 'x')).toBeUndefined()
    expect(tooLong(word('é', 280), 'x')).toBeUndefined()
    expect(tooLong(word('a', 281), 'x')?.start).toBe(280)
  })

  it('counts every link as 23, however long', () => {
    const url = `https://www.stanburn.sch.uk/${word('x', 120)}`
    expect(xWeightedLength(url)).toBe(23)
    expect(tooLong(`${word('a', 256)} ${url}`, 'x')).toBeUndefined()
    expect(tooLong(`${word('a', 257)} ${url}`, 'x')?.start).toBe(258)
  })

  it('counts an emoji, even a joined family, as 2', () => {
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2)
    expect(tooLong(word('😀', 140), 'x')).toBeUndefined()
    expect(tooLong(word('😀', 141), 'x')).toBeDefined()
  })

  it.each([
    'Thank you! Please contact the office on 01632 960123 or office@stanburn.sch.uk.',
    'Complaints procedure: https://www.stanburn.sch.uk/complaints-procedure.',
    'See stanburn.sch.uk or www.example.com/page for more.',
    'Café, naïve, Zoë — “quoted” … ok',
    'Emoji 😀👍🏽 and a family 👨‍👩‍👧‍👦 and a flag 🇬🇧',
    '日本語のテキスト and 한국어',
    `${word('a', 250)} https://example.org/${word('b', 40)} 😀`,
  ])('agrees with twitter-text on %j', (text) => {
    expect(xWeightedLength(text)).toBe(parseTweet(text).weightedLength)
  })
})

describe('Facebook and Instagram: characters, not bytes', () => {
  it('Facebook fits 8,000 emoji (32,000 bytes) and not 8,001', () => {
    expect(tooLong(word('😀', 8000), 'facebook')).toBeUndefined()
    expect(tooLong(word('😀', 8001), 'facebook')?.message).toContain('8,001 of at most 8,000')
  })

  it('Instagram is held to the lower published comment limit', () => {
    expect(LIMITS.instagram?.max).toBe(1000)
    expect(tooLong(word('é', 1000), 'instagram')).toBeUndefined()
    expect(tooLong(word('é', 1001), 'instagram')?.start).toBe(1000)
  })
})

describe('no reply limit applies', () => {
  it('to Wikipedia talk pages, other sites, or a report to a platform', () => {
    const long = word('a ', 3000)
    expect(tooLong(long, 'wikipedia')).toBeUndefined()
    expect(tooLong(long, 'other')).toBeUndefined()
    const report = checkDraft(long, { school, platform: 'x', situation: 'report_to_platform' })
    expect(report.issues.some((i) => i.code === 'too_long')).toBe(false)
  })
})
