import { afterEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { axeViolations, openApp, screenshot, type Served } from './harness'

let served: Served | undefined
let browser: Browser | undefined
let fixtures: FixtureServer | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  await fixtures?.close()
  browser = served = fixtures = undefined
})

describe('sources in browser mode', () => {
  it('adds a feed, tests it, polls it, shows its mentions, and reports a broken source specifically', async () => {
    fixtures = await startFixtureServer()
    const app = await openApp({ width: 1280, height: 800 })
    ;({ served, browser } = app)
    const { page, errors } = app

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'Sources', exact: true }).click()
    await page.getByText('No sources yet').waitFor()

    // Add a Google Alerts feed, test first: nothing is stored by a test.
    await page.getByTestId('add-source').click()
    await page.getByLabel('Name').fill('Google Alert: St Aldhelm’s')
    await page.getByLabel('Feed address').fill(`${fixtures.url}/google-alerts`)
    await page.getByText('Advanced', { exact: true }).click()
    await page.getByText('Allow addresses on this computer').click()
    await page.getByRole('button', { name: 'Test' }).click()
    await page.getByText('Nothing was saved').waitFor()
    expect(await page.getByText('Would be stored').count()).toBeGreaterThan(0)
    await screenshot(page, '10-source-test')
    await page.getByRole('button', { name: 'Add source' }).click()
    await page.getByTestId('sources-table').getByText('Google Alert: St Aldhelm’s').waitFor()

    await page.getByRole('button', { name: 'Check now' }).first().click()
    await page.getByText('Working').waitFor()

    // A source that answers with a web page instead of a feed fails with a specific error; the first keeps working.
    await page.getByTestId('add-source').click()
    await page.getByLabel('Name').fill('Broken feed')
    await page.getByLabel('Feed address').fill(`${fixtures.url}/html`)
    await page.getByText('Advanced', { exact: true }).click()
    await page.getByText('Allow addresses on this computer').click()
    await page.getByRole('button', { name: 'Add source' }).click()
    await page.getByTestId('sources-table').getByText('Broken feed').waitFor()
    await page
      .getByRole('row', { name: /Broken feed/ })
      .getByRole('button', { name: 'Check now' })
      .click()
    await page
      .getByRole('row', { name: /Broken feed/ })
      .getByText(/not a feed: HTML page \(\d+ in a row\)/)
      .waitFor()
    expect(
      await page
        .getByRole('row', { name: /Google Alert/ })
        .getByText('Working')
        .count(),
    ).toBe(1)
    await screenshot(page, '11-sources-health')
    expect(await axeViolations(page)).toEqual([])

    // The alert's items are now mentions; their text is shown as text.
    await page.getByRole('link', { name: 'Mentions' }).click()
    await page.getByText('Parents praise St Aldhelm').first().waitFor()
    const before = await page.getByTestId('mention').count()
    expect(before).toBeGreaterThan(0)
    await screenshot(page, '12-mentions')
    expect(await axeViolations(page)).toEqual([])

    // "Not about us" hides the mention and records the exclusion.
    const roadClosure = page.getByTestId('mention').filter({ hasText: 'Road closure' })
    await roadClosure.getByRole('button', { name: 'Not about us' }).click()
    await page.getByLabel('Phrase to ignore').fill('drainage works')
    await page.getByRole('button', { name: 'Hide and ignore' }).click()
    await page.getByText(/Footprint will ignore “drainage works”/).waitFor()
    await expect
      .poll(() => page.getByTestId('mention').filter({ hasText: 'Road closure' }).count())
      .toBe(0)

    // Today shows the failing source and the newest mentions, most urgent first.
    await page.getByRole('link', { name: 'Today' }).click()
    await page.getByText('1 source is failing').waitFor()
    await page.getByText('New since your last check, most urgent first').waitFor()
    expect(await page.getByTestId('mention').count()).toBeGreaterThan(0)
    await screenshot(page, '13-today-with-mentions')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'School profile' }).click()
    await page.getByText('drainage works', { exact: true }).waitFor()
    expect(errors).toEqual([])
  })
})
