// End-to-end harness: a real `footprint serve` on a fresh data folder per test, and Debian's Chromium.
// Every wait is on a signal (the server's ready line, the page's data-ready flag, a locator), never a sleep.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { runFootprint } from '../helpers/cli'

const ROOT = resolve(__dirname, '../..')
export const OUTPUT_DIR = join(ROOT, 'test-results', 'e2e')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Served {
  url: string
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Creates the school and first user through the CLI, so a test can start past first-run setup. */
export function seedSchool(dataDir: string): void {
  const run = (...args: string[]) => {
    const r = runFootprint(dataDir, ...args)
    if (r.code !== 0) throw new Error(`footprint ${args.join(' ')} failed: ${r.err}`)
  }
  run(
    'schools',
    'add',
    '--name',
    "St Aldhelm's C of E Primary School",
    '--urn',
    '990417',
    '--town',
    'Hollinbury',
    '--la',
    'Westmarch Council',
    '--staff',
    'Mrs Helen Okafor; Headteacher',
  )
  run(
    'users', 'add', '--name', 'Jo Bloggs', '--email', SEEDED_USER.email, '--role', 'orm_lead',
    '--password', SEEDED_USER.password,
  ) // prettier-ignore
}

/** The ORM lead seedSchool creates; openApp signs in as them. */
export const SEEDED_USER = { email: 'jo@school.example', password: 'correct horse battery' }

/** Signs in through the sign-in screen (each tab has its own session) and waits for Today. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.waitForSelector('#signin-email')
  await page.fill('#signin-email', email)
  await page.fill('#signin-password', password)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('signed-in-user').waitFor()
}

/** Signs out (switch user) and waits for the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('switch-user').click()
  await page.waitForSelector('#signin-email')
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'footprint-e2e-'))
}

export async function serve(
  dataDir = mkdtempSync(join(tmpdir(), 'footprint-e2e-')),
): Promise<Served> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/footprint.cjs'), '--data-dir', dataDir, 'serve'],
    {
      env: { ...process.env, FOOTPRINT_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (c: Buffer) => {
      output += c.toString()
      const m = /Footprint is ready \(browser mode\)\. Open: (\S+)/.exec(output)
      if (m) resolveUrl(m[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`footprint serve exited (${code}) before it was ready:\n${output}`)),
    )
  })
  return {
    url,
    dataDir,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/** Collects page errors so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]')
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true })
  const path = join(OUTPUT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Runs axe-core's WCAG 2.x AA rules on the page; returns violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  // This callback runs in the page; the Node typecheck has no DOM, so the page's globals are typed here.
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as {
      document: unknown
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{
          violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[]
        }>
      }
    }
    // A toast fading in or out is mid-animation, not a colour anyone reads: let every finite
    // animation settle first (the page's own signal, not a sleep), then skip any toast still leaving.
    const doc = g.document as {
      getAnimations: () => {
        finished: Promise<unknown>
        effect: { getComputedTiming: () => { endTime?: number | string } } | null
      }[]
    }
    const finite = doc
      .getAnimations()
      .filter((a) => a.effect !== null && a.effect.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)))
    return g.axe.run(
      {
        exclude: [
          ['.fade-in-height-expand-transition-leave-active'],
          ['.fade-in-height-expand-transition-enter-active'],
        ],
      },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
      },
    )
  })
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  )
}

/** One contract operation over the page's own transport (its token, its origin), as a screen would call it. */
export function callOp(page: Page, name: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([n, i]) => {
      const g = globalThis as unknown as {
        sessionStorage: { getItem(k: string): string | null }
        fetch: typeof fetch
      }
      const res = await g.fetch(`/api/op/${n}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${g.sessionStorage.getItem('footprint.token')}`,
          'x-footprint-session': g.sessionStorage.getItem('footprint.session') ?? '',
        },
        body: JSON.stringify(i),
      })
      return res.json() as Promise<unknown>
    },
    [name, input] as const,
  )
}

export interface OpenApp {
  dataDir: string
  served: Served
  browser: Browser
  page: Page
  /** Console errors and page errors seen so far. */
  errors: string[]
}

/** A fresh profile with the school seeded, browser mode served, a page open and ready. */
export async function openApp(viewport = { width: 1280, height: 900 }): Promise<OpenApp> {
  const dataDir = freshDataDir()
  seedSchool(dataDir)
  const served = await serve(dataDir)
  const browser = await launch()
  const page = await browser.newPage({ viewport })
  const errors = watchErrors(page)
  await page.goto(served.url)
  await ready(page)
  await signIn(page, SEEDED_USER.email, SEEDED_USER.password)
  return { dataDir, served, browser, page, errors }
}
