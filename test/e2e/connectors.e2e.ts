import { afterEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { addXRoutes, X_GOOD_TOKEN } from '../fixtures/routes/x'
import { axeViolations, callOp, openApp, screenshot, type Served } from './harness'

let served: Served | undefined
let browser: Browser | undefined
let fixtures: FixtureServer | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  await fixtures?.close()
  browser = served = fixtures = undefined
  delete process.env.FOOTPRINT_SECRETS_BACKEND
})

describe('connector settings in browser mode', () => {
  it('adds an X source: the guide explains what is needed, the token is saved masked, Test reports a bad token then finds posts', async () => {
    process.env.FOOTPRINT_SECRETS_BACKEND = 'passphrase'
    fixtures = await startFixtureServer()
    addXRoutes(fixtures)
    const app = await openApp()
    ;({ served, browser } = app)
    const { page, errors } = app
    expect(
      await callOp(page, 'secrets.setPassphrase', { passphrase: 'Hollinbury office 2026' }),
    ).toMatchObject({ ok: true })

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'Sources', exact: true }).click()
    await page.getByTestId('add-source').click()
    await page.getByTestId('source-kind').click()
    await page.locator('.n-base-select-option', { hasText: 'X (Twitter)' }).click()
    const guide = page.getByRole('region', { name: 'What this source needs' })
    await guide.getByText('X bills each post read').waitFor()
    expect(await guide.getByRole('link', { name: 'X developer portal' }).getAttribute('href')).toBe(
      'https://developer.x.com/en/portal/dashboard',
    )

    await page.getByLabel('Name').fill('X: St Aldhelm’s')
    await page.getByText('Advanced', { exact: true }).click()
    await page.getByLabel('X API address').fill(fixtures.url)
    await page.getByText('Allow addresses on this computer or the school network').click()

    // A wrong token: Test says exactly what is wrong, and nothing is stored.
    const field = page.getByTestId('secret-field-x.bearerToken')
    await field.getByRole('button', { name: 'Add' }).click()
    await field.getByLabel('Bearer token', { exact: true }).fill('revoked-token-1234567890')
    await field.getByRole('button', { name: 'Save' }).click()
    await field.getByText('••••••••7890').waitFor()
    await page.getByRole('button', { name: 'Test' }).click()
    await page.getByText(/X refused the bearer token \(HTTP 401.*reconnect X in settings/).waitFor()

    await field.getByRole('button', { name: 'Replace' }).click()
    await field.getByLabel('New Bearer token', { exact: true }).fill(X_GOOD_TOKEN)
    await field.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('button', { name: 'Test' }).click()
    const result = page.getByRole('region', { name: 'Test result' })
    await result
      .getByText(/would be stored/)
      .first()
      .waitFor()
    await screenshot(page, '30-x-source-dialog')
    expect(await axeViolations(page)).toEqual([])
    // The school profile's names were searched (the source has none of its own).
    const search = fixtures.requests.filter((r) => r.path === '/2/tweets/search/recent').at(-1)!
    expect(new URLSearchParams(search.search).get('query')).toContain(
      '"St Aldhelm\'s C of E Primary School"',
    )

    await page.getByRole('button', { name: 'Add source' }).click()
    const row = page.getByRole('row', { name: /X: St Aldhelm’s/ })
    await row.getByRole('button', { name: 'Check now' }).click()
    await row.getByText(/Posts read this month/).waitFor()
    await screenshot(page, '31-x-source-row')
    expect(await page.content()).not.toContain(X_GOOD_TOKEN)
    expect(errors).toEqual([])
  })
})
