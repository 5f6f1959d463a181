// Runs in: Vitest (Node). The demo year: the same seed gives the same year, every story is told at
// any scale, dates stay inside the year, the school is the documented fictional one, and no sentence
// of the labelled analysis corpus is reused.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateContent } from '../../src-main/demo/content'
import { DEMO_SCHOOL, DEMO_SCHOOL_NAME, DEMO_URN, DEMO_USERS } from '../../src-main/demo/school'
import type { DemoContent } from '../../src-main/demo/types'

const NOW = new Date('2026-11-23T10:00:00.000Z')

function allTexts(c: DemoContent): string[] {
  return [
    ...c.reviews.map((r) => r.text),
    ...c.x.map((p) => p.text),
    ...c.bluesky.map((p) => p.text),
    ...c.facebook.posts.map((p) => p.message),
    ...c.facebook.comments.map((p) => p.message),
    ...c.instagram.media.map((p) => p.caption),
    ...c.instagram.comments.map((p) => p.text),
    ...c.mumsnet.flatMap((t) => [t.title, ...t.posts.map((p) => p.body)]),
    ...[...c.news, ...c.reddit, ...c.alerts].flatMap((i) => [i.title, i.text]),
    ...c.wiki.flatMap((p) => p.revisions.map((r) => r.content)),
  ]
}

function dates(c: DemoContent): string[] {
  return [
    ...c.reviews,
    ...c.x,
    ...c.bluesky,
    ...c.facebook.posts,
    ...c.facebook.comments,
    ...c.instagram.media,
    ...c.instagram.comments,
    ...c.mumsnet.flatMap((t) => t.posts),
    ...c.news,
    ...c.reddit,
    ...c.alerts,
    ...c.wiki.flatMap((p) => p.revisions),
  ].map((i) => i.at)
}

describe('demo content', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    const a = generateContent({ seed: 5, scale: 0.3, now: NOW })
    const b = generateContent({ seed: 5, scale: 0.3, now: NOW })
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    const c = generateContent({ seed: 6, scale: 0.3, now: NOW })
    expect(allTexts(c)).not.toEqual(allTexts(a))
  })

  it('spreads a year of talk ending today across every platform', () => {
    const c = generateContent({ seed: 1, scale: 1, now: NOW })
    const at = dates(c).sort()
    expect(Date.parse(at[0])).toBeGreaterThanOrEqual(NOW.getTime() - 366 * 86_400_000)
    expect(Date.parse(at.at(-1)!)).toBeLessThanOrEqual(NOW.getTime())
    // Talk in at least ten of the twelve months.
    expect(new Set(at.map((d) => d.slice(0, 7))).size).toBeGreaterThanOrEqual(10)
    for (const list of [
      c.reviews,
      c.x,
      c.bluesky,
      c.facebook.comments,
      c.instagram.comments,
      c.mumsnet,
      c.news,
      c.reddit,
      c.alerts,
    ])
      expect(list.length).toBeGreaterThan(0)
    // Varied: hardly any post is word for word another.
    const texts = allTexts(c)
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.6)
    // The Google rating moves: the autumn campaign's one-star reviews.
    expect(c.reviews.filter((r) => r.stars === 1).length).toBeGreaterThanOrEqual(3)
    expect(c.reviews.filter((r) => r.stars === 5).length).toBeGreaterThanOrEqual(5)
  })

  it('tells every story even at a tenth of the talk', () => {
    const c = generateContent({ seed: 2, scale: 0.1, now: NOW })
    expect(c.story.ofstedAt.slice(5, 7)).toBe('03')
    expect(c.story.trollingFrom.slice(5, 7)).toBe('10')
    expect(c.story.trolling.length).toBeGreaterThanOrEqual(8)
    const texts = allTexts(c)
    for (const t of [...c.story.trolling, c.story.safeguarding, c.story.namesake])
      expect(texts).toContain(t)
    const ofstedDay = Date.parse(c.story.ofstedAt)
    const spring = dates(c).filter((d) => Math.abs(Date.parse(d) - ofstedDay) < 30 * 86_400_000)
    expect(spring.length).toBeGreaterThanOrEqual(8)
    // A cross-post: the same words on X and on Bluesky.
    const x = new Set(c.x.map((p) => p.text))
    expect(c.bluesky.some((p) => x.has(p.text))).toBe(true)
  })

  it('is about the documented fictional school, never a real one', () => {
    expect(DEMO_SCHOOL.name).toBe('Hollowmere Church of England Primary School')
    expect(DEMO_SCHOOL_NAME).toBe(DEMO_SCHOOL.name)
    expect(DEMO_URN).toBe('999042')
    expect(DEMO_SCHOOL.phone).toMatch(/^01632 960\d{3}$/)
    expect(DEMO_SCHOOL.website).toMatch(/\.example$/)
    for (const u of DEMO_USERS) expect(u.email).toMatch(/@hollowmere-primary\.example$/)
    const c = generateContent({ seed: 3, scale: 0.2, now: NOW })
    for (const link of [...c.news, ...c.reddit].map((i) => i.link))
      expect(new URL(link).hostname).toMatch(/\.example$|^www\.reddit\.com$/)
  })

  it('reuses no sentence of the labelled analysis corpus', () => {
    const dir = join(__dirname, '..', 'corpus')
    const corpus = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
      .map((line) => (JSON.parse(line) as { text: string }).text.toLowerCase())
    const sentences = corpus.flatMap((t) => t.split(/(?<=[.!?])\s+/)).filter((s) => s.length >= 25)
    expect(sentences.length).toBeGreaterThan(100)
    const generated = allTexts(generateContent({ seed: 4, scale: 1, now: NOW })).map((t) =>
      t.toLowerCase(),
    )
    const reused = sentences.filter((s) => generated.some((g) => g.includes(s)))
    expect(reused).toEqual([])
  })
})
