// Runs in: Node (tsx), driving Chromium. The renderer half of the scale benchmark: on a Footprint data
// folder with many mentions (the one `npm run bench:scale` generates), serves browser mode, signs in
// and measures, median of 5 unless said otherwise:
//   - the Trends screen for the last year by week: navigation to every chart drawn (trends-ready);
//   - the Mentions list (every state): navigation to the first rows;
//   - scrolling that list from the top to row N (default 100,000, or its end) in steps (--steps, 20),
//     each step waiting until the cards on screen are loaded, so every page on the way is fetched as
//     a reader's scroll would fetch it: the time, the cards in the page, the pages and rows the list
//     holds, and the renderer's JS heap after a garbage collection (CDP Performance.getMetrics);
//   - a jump from the top to the middle: the time until the cards there are shown;
//   - a drag of the scrollbar to 80% (eight positions in quick succession): the pages it fetched.
// A windowed list holds a few pages whatever N is; one that kept every page would grow with N.
// Prints one JSON line. Usage:
//   npx electron-vite build   (the page is served from out/renderer)
//   npx tsx scripts/bench-scale-ui.mts --data-dir DIR [--school ID] [--rows 100000] [--runs 5] [--steps 20]
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { drag, heapMb, scrollThrough, type PageGlobals } from './bench-scale-ui-list.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'bin/footprint.cjs')
const USER = { email: 'bench-ui@footprint.invalid', password: 'bench ui correct horse' }

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    school: { type: 'string' },
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    'scroll-runs': { type: 'string', default: '1' },
    steps: { type: 'string', default: '20' },
  },
})
const dataDir = args['data-dir']
if (!dataDir) {
  console.error('Usage: tsx scripts/bench-scale-ui.mts --data-dir DIR [--school ID] [--rows N]')
  process.exit(2)
}
const RUNS = Number(args.runs)
const TARGET_ROWS = Number(args.rows)

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const round = (n: number) => Math.round(n * 10) / 10
const day = (d: Date) => d.toISOString().slice(0, 10)

/** A head (sees everything, safeguarding included) for the benchmark; kept if it already exists. */
function ensureUser(): void {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', dataDir!, 'users', 'add', '--name', 'Bench Reader', '--email', USER.email, '--role', 'head', '--password', USER.password], { encoding: 'utf8', env: { ...process.env, FOOTPRINT_DATA_DIR: '' } }) // prettier-ignore
  if (r.status !== 0 && !/already|exists|taken|in use/i.test(r.stderr + r.stdout))
    throw new Error(`Could not add the benchmark user: ${r.stderr || r.stdout}`)
}

async function serve(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir!, 'serve'], {
    env: { ...process.env, FOOTPRINT_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((ok, fail) => {
    const onData = (c: Buffer) => {
      output += c.toString()
      const m = /Footprint is ready \(browser mode\)\. Open: (\S+)/.exec(output)
      if (m) ok(m[1])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => fail(new Error(`footprint serve exited (${code}):\n${output}`)))
  })
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  return { url, pid: child.pid!, stop }
}

/** Resident memory of the server process (Linux), in MB. */
function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Math.round(Number(m[1]) / 1024) : null
  } catch {
    return null
  }
}

/** Calls to main in flight (the event stream aside), so a timing starts with the server idle. */
function trackCalls(page: Page): () => Promise<void> {
  let inflight = 0
  let idle: (() => void)[] = []
  const isCall = (url: string) => url.includes('/api/op/')
  page.on('request', (r) => {
    if (isCall(r.url())) inflight++
  })
  const done = (url: string) => {
    if (!isCall(url)) return
    inflight--
    if (inflight === 0) {
      idle.forEach((f) => f())
      idle = []
    }
  }
  page.on('requestfinished', (r) => done(r.url()))
  page.on('requestfailed', (r) => done(r.url()))
  return () => (inflight === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r)))
}
let quiet: () => Promise<void> = () => Promise.resolve()

/**
 * Goes to a light screen first and lets its calls finish (main answers one call at a time, so a
 * leftover call would be timed too), then times from changing the address to `selector` appearing.
 */
async function timeTo(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(
    () => ((globalThis as unknown as PageGlobals).location.hash = '#/settings/deadlines'),
  )
  await page.getByTestId('signed-in-user').waitFor()
  await page.waitForURL(/#\/settings\/deadlines/)
  await page.locator('#wh-start').waitFor()
  await quiet()
  return page.evaluate(
    ([to, sel]) =>
      new Promise<number>((done, fail) => {
        const { document, performance, location, MutationObserver } =
          globalThis as unknown as PageGlobals
        const t0 = performance.now()
        const check = () => {
          if (!document.querySelector(sel)) return false
          observer.disconnect()
          clearTimeout(limit)
          done(performance.now() - t0)
          return true
        }
        const observer = new MutationObserver(check)
        const limit = setTimeout(() => fail(new Error(`${sel} never appeared`)), 120_000)
        observer.observe(document.body, { subtree: true, childList: true, attributes: true })
        location.hash = to
      }),
    [hash, selector] as const,
  )
}

async function main(): Promise<void> {
  ensureUser()
  const server = await serve()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'], // prettier-ignore
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  try {
    quiet = trackCalls(page)
    // tsx (esbuild) names this file's inner functions with a `__name` helper that the page lacks.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    await page.goto(server.url)
    await page.waitForSelector('body[data-ready="true"]')
    await page.fill('#signin-email', USER.email)
    await page.fill('#signin-password', USER.password)
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('signed-in-user').waitFor()

    // The school with the most mentions, unless one is named.
    const call = (name: string, input: unknown) =>
      page.evaluate(
        async ([n, i]) => {
          const { fetch, sessionStorage } = globalThis as unknown as PageGlobals
          const res = await fetch(`/api/op/${n}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${sessionStorage.getItem('footprint.token')}`,
              'x-footprint-session': sessionStorage.getItem('footprint.session') ?? '',
            },
            body: JSON.stringify(i),
          })
          return (await res.json()) as { ok: boolean; data?: unknown }
        },
        [name, input] as const,
      )
    const unwrap = <T,>(r: { ok: boolean; data?: unknown }) => {
      if (!r.ok) throw new Error(JSON.stringify(r))
      return r.data as T
    }
    const schools = unwrap<{ id: number; name: string }[]>(await call('schools.list', null))
    let schoolId = Number(args.school) || 0
    let mentions = 0
    for (const s of schools) {
      const summary = unwrap<{ mentionCount: number }>(await call('today.summary', { schoolId: s.id })) // prettier-ignore
      if ((!args.school && summary.mentionCount > mentions) || s.id === schoolId) {
        schoolId = s.id
        mentions = summary.mentionCount
      }
    }
    await page.evaluate(
      (id) =>
        (globalThis as unknown as PageGlobals).localStorage.setItem(
          'footprint.currentSchool',
          String(id),
        ),
      schoolId,
    )
    await page.reload()
    await page.getByTestId('signed-in-user').waitFor()

    const to = new Date()
    const from = new Date(to.getTime() - 364 * 86_400_000)
    const trends: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const key = `${day(from)}/${day(to)}/week/all`
      const hash = `#/trends?from=${day(from)}&to=${day(to)}&bucket=week&run=${i}`
      trends.push(await timeTo(page, hash, `[data-testid="trends-ready"][data-range="${key}"]`))
    }
    const charts = Number(await page.getByTestId('trends-ready').getAttribute('data-charts'))
    // How much of that was waiting for main: each call's round trip, as the page timed it.
    const calls = await page.evaluate(() => {
      const { performance } = globalThis as unknown as PageGlobals
      const out: Record<string, number[]> = {}
      for (const e of performance.getEntriesByType('resource')) {
        const m = /\/api\/op\/(trends\.[a-zA-Z]+)/.exec(e.name)
        if (m) (out[m[1]] ??= []).push(e.duration)
      }
      return out
    })
    const trendsCallsMs = Object.fromEntries(
      Object.entries(calls).map(([op, xs]) => [op, round(median(xs))]),
    )

    const firstRows: number[] = []
    for (let i = 0; i < RUNS; i++)
      firstRows.push(await timeTo(page, `#/mentions?state=all&run=${i}`, '[data-testid="mention"]'))

    // The whole result, as the list counts it ("100,000 mentions").
    const listed = async () =>
      Number((await page.getByTestId('result-count').innerText()).replace(/\D/g, ''))
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const steps = Math.max(1, Number(args.steps))
    const scrolls: Awaited<ReturnType<typeof scrollThrough>>[] = []
    let heapTopMb = 0
    let heapEndMb = 0
    let rows = 0
    for (let i = 0; i < Number(args['scroll-runs']); i++) {
      await timeTo(page, `#/mentions?state=all&scroll=${i}`, '[data-testid="mention"]')
      await quiet()
      rows = await listed()
      heapTopMb = await heapMb(cdp)
      const end = Math.min(1, TARGET_ROWS / Math.max(rows, 1))
      const stops = Array.from({ length: steps }, (_, k) => (end * (k + 1)) / steps)
      scrolls.push(await scrollThrough(page, stops))
      heapEndMb = await heapMb(cdp)
    }
    const last = scrolls[scrolls.length - 1]

    // A jump from the top to the middle, and a drag to 80% that passes through the list on its way.
    const jumps: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await timeTo(page, `#/mentions?state=all&jump=${i}`, '[data-testid="mention"]')
      await quiet()
      jumps.push((await scrollThrough(page, [0.5])).ms)
    }
    await timeTo(page, `#/mentions?state=all&drag=1`, '[data-testid="mention"]')
    await quiet()
    const asked: number[] = []
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (!r.url().includes('/api/op/inbox.list')) return
      const offset = Number((JSON.parse(r.postData() ?? '{}') as { offset?: number }).offset ?? 0)
      asked.push(offset)
    }
    page.on('request', onRequest)
    await drag(page, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
    const dragged = await scrollThrough(page, [0.8])
    await quiet()
    page.off('request', onRequest)

    console.log(
      JSON.stringify({
        bench: 'scale-ui',
        schoolId,
        schoolMentions: mentions,
        runs: RUNS,
        trendsYearWeeklyReadyMs: round(median(trends)),
        trendsRunsMs: trends.map(round),
        trendsCharts: charts,
        trendsCallsMs,
        mentionsFirstRowsMs: round(median(firstRows)),
        mentionsFirstRowsRunsMs: firstRows.map(round),
        listRows: rows,
        scrollTargetRows: Math.min(TARGET_ROWS, rows),
        scrollSteps: steps,
        scrollRuns: scrolls.length,
        scrollMs: round(median(scrolls.map((s) => s.ms))),
        cardsInDom: last.cards,
        pagesHeldAtEnd: last.pages,
        rowsHeldAtEnd: last.rows,
        pagesHeldMax: Math.max(...scrolls.map((s) => s.maxPages)),
        rendererHeapTopMb: heapTopMb,
        rendererHeapMb: heapEndMb,
        jumpToMiddleMs: round(median(jumps)),
        jumpToMiddleRunsMs: jumps.map(round),
        dragTo80Requests: asked.length,
        dragTo80Offsets: asked,
        dragTo80Ms: round(dragged.ms),
        serverRssMb: rssMb(server.pid),
      }),
    )
  } catch (e) {
    // What the page showed when it went wrong, for whoever reads the failure.
    const shot = join(tmpdir(), `bench-scale-ui-failure-${process.pid}.png`)
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined)
    console.error(`The page at the failure: ${shot}`)
    throw e
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
