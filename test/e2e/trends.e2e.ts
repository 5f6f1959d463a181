// Runs in: Vitest (Node) driving Chromium. The Trends screen in browser mode on a school with mentions
// spread over the last year: the figures match the data, the range and bucket change what is drawn,
// a bar and a theme open exactly their mentions in the inbox, an empty range says so, a 20-year range
// draws, and the screen passes axe. Every wait is on the screen's own ready signal.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createStore, openDataDir } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { SCHOOL } from '../helpers/service'
import { axeViolations, freshDataDir, launch, ready, screenshot, serve, signIn, watchErrors } from './harness' // prettier-ignore

const PASSWORD = 'correct horse battery'
const ORM = { displayName: 'Jo Bloggs', email: 'jo@school.example', role: 'orm_lead' } as const
const DAY_MS = 86_400_000

/** Noon UTC, n days ago: the same calendar day in London and in the browser. */
const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * DAY_MS)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12)).toISOString()
}
const dayOf = (iso: string) => iso.slice(0, 10)

type Label = 'negative' | 'neutral' | 'positive'
/** [days ago, sentiment, text]: 10 mentions in the last 12 months, 1 in the 12 before. */
const PLAN: [number, Label, string][] = [
  [10, 'negative', 'Nobody answered the phone at the office all week, very poor.'],
  [10, 'negative', 'The car park at pick-up is chaos again and nobody does anything.'],
  [10, 'positive', 'Lovely nativity play this year, well done everyone.'],
  [40, 'negative', 'The new uniform rules are ridiculous, a blazer costs a fortune.'],
  [40, 'negative', 'Sent home for the wrong jumper, the uniform policy is too strict.'],
  [40, 'negative', 'Why does the uniform shop never have stock in September?'],
  [40, 'neutral', 'Does anyone know when the autumn term starts?'],
  [100, 'positive', 'Our son loves the after-school art club.'],
  [100, 'positive', 'Brilliant sports day, thank you to all the volunteers.'],
  [200, 'negative', 'Disappointed with the lack of communication about the trip.'],
  [400, 'negative', 'The car park was a mess at the summer fair.'],
]

async function seed(dataDir: string): Promise<{ googleId: number }> {
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({ store, mode: 'browser', dataDir, version: 'e2e' })
  const ctx = { actor: 'e2e-seed' }
  const { school } = await service.call('setup.complete', { school: SCHOOL, user: { ...ORM, password: PASSWORD } }, ctx) // prettier-ignore
  const now = new Date().toISOString()
  const google = store.sources.create({ kind: 'google_business', name: 'Google reviews', schoolId: school.id, intervalMinutes: 60, config: { accountId: '1234567890', locationId: '9876543210' } }, now) // prettier-ignore
  const feed = store.sources.create({ kind: 'feed', name: 'Hollinbury Gazette', schoolId: null, intervalMinutes: 30, config: { url: 'https://gazette.example/rss' } }, now) // prettier-ignore
  PLAN.forEach(([ago, label, text], n) => {
    const at = daysAgo(ago)
    const sourceId = n % 2 === 0 ? google.id : feed.id
    const id = store.mentions.insert(
      { sourceId, schoolId: school.id, externalId: `trend-${n}`, url: null, canonicalUrl: null, title: null, author: 'a parent', authorUrl: null, publishedAt: at, text, raw: null, meta: {}, matchedAlias: "St Aldhelm's", contentHash: `trend-${n}`, duplicateOf: null },
      at,
    )! // prettier-ignore
    const score = label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0
    store.analyses.put(id, { engine: 'builtin', engineVersion: 'e2e', sentiment: { label, score }, flags: label === 'negative' ? ['complaint'] : [], priority: 'normal', owner: 'orm_lead', evidence: [] }, at) // prettier-ignore
  })
  const ratingHistory = [200, 100, 10].map((ago, i) => ({ averageRating: 4.1 + i * 0.2, totalReviewCount: 20 + i * 3, observedAt: daysAgo(ago) })) // prettier-ignore
  store.sources.recordHealth(google.id, {
    ok: true,
    at: now,
    state: { ratingHistory },
    itemsNew: 0,
  })
  db.close()
  return { googleId: google.id }
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate(
    (to) => ((globalThis as unknown as { location: { hash: string } }).location.hash = to),
    hash,
  )
}

/** Waits for every chart of this exact view to have drawn. */
const drawn = (page: Page, key: string) =>
  page.locator(`[data-testid="trends-ready"][data-range="${key}"]`).waitFor({ state: 'attached' })
const figure = (page: Page, key: string) =>
  page.getByTestId(`figure-${key}`).getByTestId('figure-value').innerText()
const compared = (page: Page, key: string) =>
  page.getByTestId(`figure-${key}`).getByTestId('figure-compared').innerText()

/**
 * Clicks the tallest bar drawn in a colour (ECharts draws each bar as an SVG path with that fill),
 * near its foot: the net score line may cross its middle.
 */
async function clickBar(page: Page, chart: string, fill: string): Promise<void> {
  const bars = page.locator(`[data-testid="chart-${chart}"] svg path[fill="${fill}"]`)
  const boxes = await Promise.all((await bars.all()).map(async (b) => ({ b, box: await b.boundingBox() }))) // prettier-ignore
  const bar = boxes
    .filter((x) => x.box && x.box.height > 2)
    .sort((a, b) => b.box!.height - a.box!.height)[0]
  expect(bar, `a ${fill} bar in the ${chart} chart`).toBeDefined()
  await bar.b.click({ force: true, position: { x: bar.box!.width / 2, y: bar.box!.height - 3 } })
}

describe('Trends in browser mode', () => {
  it('shows the figures of the data, opens the mentions behind a bar and a theme, and says when a range is empty', async () => {
    const dataDir = freshDataDir()
    await seed(dataDir)
    const served = await serve(dataDir)
    const browser = await launch()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const errors = watchErrors(page)
      await page.goto(served.url)
      await ready(page)
      await signIn(page, ORM.email, PASSWORD)

      // The last 12 months by week: 10 mentions (6 negative, 3 positive), against 1 the year before.
      const today = dayOf(daysAgo(0))
      const started = Date.now()
      await page.getByRole('link', { name: 'Trends', exact: true }).click()
      await page.getByTestId('trends-ready').waitFor({ state: 'attached' })
      const firstDraw = Date.now() - started
      const key12m = await page.getByTestId('trends-ready').getAttribute('data-range')
      expect(key12m).toMatch(new RegExp(`/${today}/week/all$`))
      expect(await figure(page, 'total')).toBe('10')
      expect(await figure(page, 'negative')).toBe('6')
      expect(await figure(page, 'positive')).toBe('3')
      expect(await compared(page, 'total')).toBe('9 more than the previous 12 months (1)')
      expect(await page.getByTestId('chart-rating').count()).toBe(1)
      expect(await page.getByTestId('table-sentiment').innerText()).toContain('Negative')
      await screenshot(page, '40-trends')
      expect(await axeViolations(page)).toEqual([])

      // Last 30 days by day: the 3 mentions from ten days ago, 1 fewer than the 30 days before.
      await page.getByTestId('preset').click()
      await page.locator('.n-base-select-option', { hasText: 'Last 30 days' }).click()
      await drawn(page, `${dayOf(daysAgo(29))}/${today}/day/all`)
      expect(await figure(page, 'total')).toBe('3')
      expect(await compared(page, 'total')).toBe('1 fewer than the previous 30 days (4)')
      await page.getByTestId('bucket-week').click()
      await drawn(page, `${dayOf(daysAgo(29))}/${today}/week/all`)
      expect(await figure(page, 'negative')).toBe('2')

      // The negative bar opens exactly the 2 negative mentions of its week, every triage state.
      await clickBar(page, 'sentiment', '#D55E00')
      await page.waitForURL(/#\/mentions\?/)
      const url = new URL(page.url().replace('#/', ''))
      expect(url.searchParams.get('sentiment')).toBe('negative')
      expect(url.searchParams.get('state')).toBe('all')
      await page.getByTestId('narrowed').waitFor()
      await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/^2 mentions/)
      expect(await page.getByTestId('mention').count()).toBe(2)

      // A theme opens its mentions: the three about uniform.
      await go(page, `#/trends?from=${dayOf(daysAgo(364))}&to=${today}&bucket=month`)
      await drawn(page, `${dayOf(daysAgo(364))}/${today}/month/all`)
      await page.getByTestId('theme-uniform').click()
      await page.waitForURL(/theme=uniform/)
      await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/^3 mentions/)
      expect(await page.getByTestId('narrowed-theme').innerText()).toContain('Uniform')
      await page.getByTestId('clear-narrowed').click()
      await expect.poll(() => page.getByTestId('narrowed').count()).toBe(0)

      // A range with nothing in it says so, in words, instead of drawing an empty chart.
      await go(page, '#/trends?from=2001-03-01&to=2001-03-30')
      await drawn(page, '2001-03-01/2001-03-30/day/all')
      expect(await page.getByTestId('trends-empty').innerText()).toContain(
        'No mentions between 1 and 30 March 2001',
      )
      expect(await page.locator('[data-testid^="chart-"]').count()).toBe(0)
      await screenshot(page, '41-trends-empty')
      expect(await axeViolations(page)).toEqual([])

      // Twenty years by month draws (240 bars), and so does one day with a single mention.
      const twenty = dayOf(new Date(Date.now() - (366 * 20 - 1) * DAY_MS).toISOString())
      await go(page, `#/trends?from=${twenty}&to=${today}&bucket=month`)
      await drawn(page, `${twenty}/${today}/month/all`)
      expect(await figure(page, 'total')).toBe('11')
      const single = dayOf(daysAgo(200))
      await go(page, `#/trends?from=${single}&to=${single}&bucket=day`)
      await drawn(page, `${single}/${single}/day/all`)
      expect(await figure(page, 'total')).toBe('1')
      expect(await page.getByTestId('chart-sentiment').getAttribute('data-drawn')).toBe('true')

      // The spike thresholds are a section of Settings; a change is kept.
      await go(page, '#/settings/alerts')
      const floor = page.locator('#spike-negativeFloor')
      await floor.waitFor()
      expect(await floor.inputValue()).toBe('3')
      await floor.fill('5')
      await floor.blur()
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByText('Saved: spike alerts now follow these thresholds').waitFor()
      await page.reload()
      await page.locator('#spike-negativeFloor').waitFor()
      expect(await page.locator('#spike-negativeFloor').inputValue()).toBe('5')
      expect(await axeViolations(page)).toEqual([])

      console.log(`trends: navigation to ready ${firstDraw} ms (12 months, weekly, 11 mentions)`)
      expect(errors).toEqual([])
    } finally {
      await browser.close()
      await served.stop()
    }
  })
})
