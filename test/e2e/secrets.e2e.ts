import { afterEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  axeViolations,
  callOp,
  freshDataDir,
  launch,
  ready,
  screenshot,
  seedSchool,
  signIn,
  SEEDED_USER,
  serve,
  watchErrors,
  type Served,
} from './harness'

const TOKEN = 'AAAAbearer-token-0123456789-3f9a'
const PASS = 'Hollinbury office 2026'

let served: Served | undefined
let browser: Browser | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  browser = served = undefined
  delete process.env.FOOTPRINT_SECRETS_BACKEND
})

/** Stores a secret the way a source dialog's SecretField does: one call over the page's own transport. */
const storeSecret = (page: Page, name: string, value: string) =>
  callOp(page, 'secrets.set', { name, value })

describe('secrets in browser mode', () => {
  it('sets a passphrase, stores a secret shown masked, and after a restart unlocks it', async () => {
    // No keychain on the build machines; on a developer's machine, never touch theirs.
    process.env.FOOTPRINT_SECRETS_BACKEND = 'passphrase'
    const dataDir = freshDataDir()
    seedSchool(dataDir)
    served = await serve(dataDir)
    browser = await launch()
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)
    await page.goto(served.url)
    await ready(page)
    await signIn(page, SEEDED_USER.email, SEEDED_USER.password)

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'Security', exact: true }).click()
    await page.getByRole('heading', { name: 'Protected by a passphrase you set' }).waitFor()
    await page.getByRole('heading', { name: 'Set a passphrase' }).waitFor()
    await screenshot(page, '20-security-first-time')

    // Too short, then two that differ: each error sits on its own field.
    await page.getByLabel('Passphrase', { exact: true }).fill('too short')
    await page.getByRole('button', { name: 'Set passphrase' }).click()
    await page.getByText('Use at least 10 characters').waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS)
    await page.getByLabel('Type it again', { exact: true }).fill(`${PASS}!`)
    await page.getByRole('button', { name: 'Set passphrase' }).click()
    await page.getByText('This is not the same as the new passphrase').waitFor()
    await page.getByLabel('Type it again', { exact: true }).fill(PASS)
    await page.getByRole('button', { name: 'Set passphrase' }).click()
    await page.getByRole('heading', { name: 'Change the passphrase' }).waitFor()
    await page.getByText('Nothing saved yet').waitFor()

    // Saved from elsewhere (a source dialog): the list follows by the secrets.changed event, masked.
    expect(await storeSecret(page, 'x.bearerToken:12', TOKEN)).toMatchObject({
      ok: true,
      data: { masked: '••••••••3f9a' },
    })
    const table = page.getByTestId('secrets-table')
    await table.getByText('x.bearerToken:12').waitFor()
    await table.getByText('••••••••3f9a').waitFor()
    await table.getByText('X (Twitter) bearer token, for the source number 12').waitFor()
    expect(await page.content()).not.toContain('bearer-token')

    // A new launch starts locked: the shell says so calmly and links to the place to unlock.
    served.process.kill('SIGTERM')
    await new Promise((r) => served!.process.once('exit', r))
    served = await serve(dataDir)
    await page.goto(served.url)
    await ready(page)
    await signIn(page, SEEDED_USER.email, SEEDED_USER.password)
    const banner = page.getByTestId('secrets-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('Saved keys and passwords are locked')
    await screenshot(page, '21-secrets-locked-banner')
    await banner.getByRole('link', { name: 'Unlock them in Settings → Security' }).click()
    await page.getByRole('heading', { name: 'Unlock saved keys and passwords' }).waitFor()
    expect(await page.getByTestId('secrets-banner').count()).toBe(0)

    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByText('That passphrase is not right').waitFor()
    await screenshot(page, '22-security-unlock')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Show Passphrase' }).click()
    expect(await page.getByLabel('Passphrase', { exact: true }).getAttribute('type')).toBe('text')
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByTestId('secrets-table').getByText('••••••••3f9a').waitFor()
    await screenshot(page, '23-security-unlocked')
    expect(await axeViolations(page)).toEqual([])
    expect(await page.content()).not.toContain('bearer-token')

    // Remove asks first, then the list is empty.
    await page.getByRole('button', { name: 'Remove x.bearerToken:12' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click()
    await page.getByText('Nothing saved yet').waitFor()
    // The restart drops the event stream and a wrong passphrase answers 400: the browser logs both as
    // failed loads. Anything else (a script error) is a fault.
    expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  })
})
