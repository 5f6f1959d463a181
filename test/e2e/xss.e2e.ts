// Runs in: Vitest (Node) driving Chromium. Mentions are written by strangers: markup and script in a
// title, text, author or address must show as the characters they are on every screen that shows them,
// never run, and a link to the outside must open only after the user has seen it and said yes.
import { afterEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createStore, openDataDir } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { SCHOOL } from '../helpers/service'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { freshDataDir, launch, ready, screenshot, serve, signIn, type Served } from './harness'

// Each payload would set window.__xss to its own name if it ever ran.
const IMG = `<img src=x onerror="window.__xss='img'">`
const SCRIPT = `<script>window.__xss='script'</script>`
const SVG = `<svg onload="window.__xss='svg'"><circle r="9"/></svg>`
const JS_LINK = `javascript:window.__xss='href'`
const MARKDOWN = `[see the proof](javascript:window.__xss='markdown')`
const IFRAME = `<iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`

const PASSWORD = 'correct horse battery'
const HEAD = { displayName: 'Helen Okafor', email: 'head@school.example', role: 'head' } as const
const ORM = { displayName: 'Jo Bloggs', email: 'jo@school.example', role: 'orm_lead' } as const
const REPLY =
  'Thank you for telling us about this. We would like to understand what happened: please contact the school office so that we can talk it through.'

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A real-shaped RSS feed whose items carry every payload: escaped (so they are the words) and raw. */
function hostileFeed(base: string): string {
  const items = [
    {
      guid: 'xss-1',
      title: `St Aldhelm's parents are furious ${IMG}`,
      link: `${base}/story/1`,
      creator: `${SVG} angry parent`,
      html: `<p>Parents at St Aldhelm's in Hollinbury say ${xml(SCRIPT)} and ${xml(MARKDOWN)} ${xml(IFRAME)}</p><img src=x onerror="window.__xss='raw'"><script>window.__xss='raw-script'</script>`,
    },
    {
      guid: 'xss-2',
      title: `St Aldhelm's Hollinbury: click here`,
      link: JS_LINK,
      creator: IMG,
      html: `<p>A javascript: link to St Aldhelm's in Hollinbury ${xml(SVG)}</p>`,
    },
  ]
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>` +
    `<title>Hollinbury Gazette</title><link>${base}/</link><description>news</description>` +
    items
      .map(
        (i) =>
          `<item><guid isPermaLink="false">${i.guid}</guid><title>${xml(i.title)}</title><link>${xml(i.link)}</link>` +
          `<dc:creator>${xml(i.creator)}</dc:creator><pubDate>${new Date().toUTCString()}</pubDate>` +
          `<description><![CDATA[${i.html}]]></description></item>`,
      )
      .join('') +
    `</channel></rss>\n`
  )
}

interface Seeded {
  polled: number
  direct: number
  incident: number
}

/** Stores the hostile feed through the real poller, plus one item as a careless connector might keep it. */
async function seed(dataDir: string, fixtures: FixtureServer): Promise<Seeded> {
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({ store, mode: 'browser', dataDir, version: 'e2e' })
  const ctx = { actor: 'e2e-seed' }
  const { school } = await service.call(
    'setup.complete',
    { school: SCHOOL, user: { ...ORM, password: PASSWORD } },
    ctx,
  )
  await service.call('users.create', { ...HEAD, password: PASSWORD }, ctx)
  const feed = await service.call(
    'sources.create',
    {
      kind: 'feed',
      name: 'Hollinbury Gazette',
      config: { url: `${fixtures.url}/xss-feed`, allowPrivateNetwork: true },
    },
    ctx,
  )
  const runs = await service.call('sources.pollNow', { id: feed.id }, ctx)
  expect(runs.map((r) => r.status)).toEqual(['ok'])
  const listed = (await service.call('mentions.list', { schoolId: school.id }, ctx)).items
  expect(listed.length).toBe(2)
  // The feed's javascript: link never became the mention's address.
  expect(listed.map((m) => m.url).sort()).toEqual([`${fixtures.url}/story/1`, null].sort())
  const polled = listed.find((m) => m.url !== null)!.id

  // A connector that kept a javascript: address: the screens must still never make it a link.
  const at = new Date().toISOString()
  const direct = store.mentions.insert(
    { sourceId: feed.id, schoolId: school.id, externalId: 'xss-direct', url: JS_LINK, canonicalUrl: null, title: `${MARKDOWN} ${SCRIPT}`, author: IMG, authorUrl: JS_LINK, publishedAt: at, text: `Everyone at St Aldhelm's Hollinbury should see this ${SVG} ${IFRAME}`, raw: null, meta: {}, matchedAlias: "St Aldhelm's", contentHash: 'xss-direct', duplicateOf: null },
    at,
  )! // prettier-ignore
  store.analyses.put(direct, { engine: 'builtin', engineVersion: 'e2e', sentiment: { label: 'negative', score: -0.7 }, flags: ['complaint'], priority: 'high', owner: 'orm_lead', evidence: [] }, at) // prettier-ignore

  const inc = await service.call(
    'incidents.create',
    { schoolId: school.id, title: `Campaign ${IMG}`, summary: `${SCRIPT} ${MARKDOWN}`, mentionIds: [polled, direct] }, // prettier-ignore
    ctx,
  )
  await service.call(
    'incidents.addEvent',
    { id: inc.id, kind: 'note', occurredAt: at, reference: JS_LINK, note: `Note ${SVG}` },
    ctx,
  )
  const draft = await service.call(
    'drafts.create',
    { mentionId: direct, situation: 'complaint', body: REPLY },
    ctx,
  )
  await service.call('drafts.submit', { id: draft.id, version: draft.version }, ctx)
  db.close()
  return { polled, direct, incident: inc.id }
}

interface PageState {
  flag: string | null
  bad: string[]
}

/** Anything a payload would leave behind if it had become markup or code. */
function inspect(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      __xss?: string
      document: {
        body: { querySelectorAll(s: string): ArrayLike<{ tagName: string; attributes: ArrayLike<{ name: string; value: string }>; getAttribute(n: string): string | null }> } // prettier-ignore
      }
    }
    const bad: string[] = []
    for (const el of Array.from(g.document.body.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes))
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}="${a.value}"`)
      const href = el.getAttribute('href') ?? el.getAttribute('src') ?? ''
      if (/^\s*(javascript|data|vbscript):/i.test(href)) bad.push(`${el.tagName} ${href}`)
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(el.tagName)
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') bad.push('IMG src=x')
    }
    return { flag: g.__xss ?? null, bad }
  })
}

let fixtures: FixtureServer | undefined
let served: Served | undefined
let browser: Browser | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  await fixtures?.close()
  browser = served = fixtures = undefined
})

describe('hostile mention text in browser mode', () => {
  it('shows markup as text on every screen, runs nothing, and opens outside links only after a yes', async () => {
    fixtures = await startFixtureServer()
    const base = fixtures.url
    fixtures.route('/xss-feed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(hostileFeed(base))
    })
    fixtures.route('/story', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Story</title>A story')
    })
    const dataDir = freshDataDir()
    const ids = await seed(dataDir, fixtures)
    served = await serve(dataDir)
    browser = await launch()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const dialogs: string[] = []
    const cspReports: string[] = []
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(m.text())
    })
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspReports.push(m.text())
    })
    await page.goto(served.url)
    await ready(page)
    await signIn(page, HEAD.email, PASSWORD)

    const go = (hash: string) =>
      page.evaluate(
        (to) => ((globalThis as unknown as { location: { hash: string } }).location.hash = to),
        hash,
      )
    const clean = async (screen: string) => {
      const state = await inspect(page)
      expect(state, screen).toEqual({ flag: null, bad: [] })
      expect(dialogs, screen).toEqual([])
      expect(cspReports, screen).toEqual([])
    }

    // Each screen that shows mention words: wait until the payload is on screen as text, then inspect.
    const screens: [string, string, string][] = [
      ['Today', '#/today', SCRIPT],
      ['Mentions', '#/mentions', `by ${IMG}`],
      ['Mention', `#/mentions/${ids.polled}`, `${SVG} angry parent`],
      ['Mention (direct)', `#/mentions/${ids.direct}`, '[see the proof](javascript:'],
      ['Incident', `#/incidents/${ids.incident}`, 'Campaign <img src=x'],
      ['Approvals', '#/approvals', '<svg onload='],
      ['Digest', '#/digest', 'St Aldhelm'],
    ]
    for (const [name, hash, text] of screens) {
      await go(hash)
      await page
        .getByText(text, { exact: false })
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(async (e: unknown) => {
          await screenshot(page, `xss-failed-${name}`)
          throw new Error(`${name}: ${String(e)}\n${await page.locator('body').innerText()}`)
        })
      await clean(name)
    }
    await screenshot(page, '90-xss-digest')

    // The polled item links out: only after a confirmation that shows the address as text.
    await go(`#/mentions/${ids.polled}`)
    const open = page.getByRole('link', { name: 'Open original' })
    await open.waitFor()
    await open.click()
    const confirm = page.getByRole('dialog').filter({ hasText: 'Open this link?' })
    await confirm.waitFor()
    expect(await confirm.getByTestId('link-address').innerText()).toBe(`${base}/story/1`)
    await screenshot(page, '91-xss-link-confirm')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(context.pages()).toHaveLength(1)
    await open.click()
    await confirm.waitFor()
    const popup = context.waitForEvent('page')
    await confirm.getByRole('button', { name: 'Open in browser' }).click()
    const opened = await popup
    await opened.waitForURL(`${base}/story/1`)
    await opened.close()

    // The item whose address is javascript: has no link at all.
    await go(`#/mentions/${ids.direct}`)
    await page.getByText('[see the proof](javascript:', { exact: false }).first().waitFor()
    expect(await page.getByRole('link', { name: 'Open original' }).count()).toBe(0)

    // Even a javascript: or data: link that reached the page some other way is never followed.
    for (const href of [
      JS_LINK,
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
    ]) {
      await page.evaluate((h) => {
        type El = { id: string; textContent: string; setAttribute(n: string, v: string): void }
        const d = (globalThis as unknown as { document: { createElement(t: string): El; querySelector(s: string): { append(e: El): void } } }).document // prettier-ignore
        const a = d.createElement('a')
        a.setAttribute('href', h)
        a.setAttribute('target', '_blank')
        a.textContent = 'planted link'
        a.id = 'planted'
        d.querySelector('main').append(a)
      }, href)
      await page.locator('#planted').click()
      await page.getByText('That link is not a web address').last().waitFor()
      expect(await page.getByRole('dialog').filter({ hasText: 'Open this link?' }).count()).toBe(0)
      await page
        .locator('#planted')
        .evaluate((el) => (el as unknown as { remove(): void }).remove())
    }
    expect(context.pages()).toHaveLength(1)
    await clean('after clicking every link')

    // Trends drill-down: a headline figure opens exactly those mentions in the inbox.
    await go('#/trends')
    await page.getByTestId('trends-ready').waitFor({ state: 'attached' })
    await page.getByTestId('figure-total').click()
    await page
      .getByTestId('mention')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(async (e: unknown) => {
        await screenshot(page, 'xss-failed-trends')
        throw new Error(
          `${String(e)}\n${page.url()}\n${pageErrors.join('\n')}\n${await page.locator('body').innerText()}`,
        )
      })
    await clean('Trends drill-down')

    // The inspection can fail: a payload element planted by hand is seen, and the CSP stops its handler.
    await page.evaluate(() => {
      type El = { id: string; setAttribute(n: string, v: string): void }
      const d = (globalThis as unknown as { document: { createElement(t: string): El; querySelector(s: string): { append(e: El): void } } }).document // prettier-ignore
      const img = d.createElement('img')
      img.setAttribute('src', 'x')
      img.setAttribute('onerror', "window.__xss='planted'")
      img.id = 'planted-img'
      d.querySelector('main').append(img)
    })
    await expect.poll(() => cspReports.length).toBeGreaterThan(0)
    const planted = await inspect(page)
    expect(planted.bad).toEqual(expect.arrayContaining(['IMG src=x', `IMG onerror="window.__xss='planted'"`])) // prettier-ignore
    expect(planted.flag).toBeNull()
  })
})
