import { afterEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  axeViolations,
  launch,
  ready,
  screenshot,
  serve,
  watchErrors,
  type Served,
} from './harness'

let served: Served | undefined
let browser: Browser | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  browser = served = undefined
})

describe('first run in browser mode', () => {
  it('sets up the school, survives a reload, and shows the school on Today', async () => {
    served = await serve()
    browser = await launch()
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)

    await page.goto(served.url)
    await ready(page)
    await expect(page.getByRole('heading', { name: 'Set up Footprint' }).isVisible()).resolves.toBe(
      true,
    )
    // The token has left the address bar; the tab keeps it.
    expect(page.url()).not.toContain('token=')
    await screenshot(page, '01-setup-empty')
    expect(await axeViolations(page)).toEqual([])

    // A bad field gets a specific message beside it and nothing is saved.
    await page.getByLabel('School name').fill("St Aldhelm's C of E Primary School")
    await page.getByLabel('URN').fill('12')
    await page.getByLabel('Your name').fill('Jo Bloggs')
    await page.getByLabel('Your email').fill('jo@school.example')
    await page.locator('#setup-user-password').fill('correct horse battery')
    await page.getByTestId('setup-submit').click()
    await page.getByText('URN is the 6 or 7-digit Unique Reference Number').waitFor()
    await screenshot(page, '02-setup-field-error')

    await page.getByLabel('URN').fill('990417')
    await page.getByLabel('Town or village').fill('Hollinbury')
    await page.getByLabel('Local authority').fill('Westmarch Council')
    await page.getByRole('button', { name: 'Add a member of staff' }).click()
    await page.getByLabel('Staff 1 title').fill('Mrs')
    await page.getByLabel('Staff 1 full name').fill('Helen Okafor')
    await page.getByLabel('Staff 1 role').fill('Headteacher')
    await page.getByRole('button', { name: 'Add a name' }).click()
    await page.getByLabel('Another name').fill("Aldhelm's")
    await page.getByLabel('Another name').press('Enter')
    await page.getByTestId('setup-submit').click()

    await page
      .getByRole('heading', { level: 1, name: "St Aldhelm's C of E Primary School" })
      .waitFor()
    expect(page.url()).toMatch(/#\/today$/)

    await page.reload()
    await ready(page)
    await page
      .getByRole('heading', { level: 1, name: "St Aldhelm's C of E Primary School" })
      .waitFor()
    await page.getByText('Nothing is being watched yet').waitFor()
    expect(await page.getByTestId('source-count').textContent()).toBe('0')
    await screenshot(page, '03-today')
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByText("Aldhelm's", { exact: true }).waitFor()
    await page.getByRole('link', { name: 'Today' }).click()

    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
  })

  it('edits the profile later, keyboard only, with the same rules', async () => {
    served = await serve()
    browser = await launch()
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(served.url)
    await ready(page)
    await page.getByLabel('School name').fill('Hollinbury Infant School')
    await page.getByLabel('Your name').fill('Sam Head')
    await page.getByLabel('Your email').fill('head@school.example')
    await page.locator('#setup-user-password').fill('correct horse battery')
    await page.getByLabel('Your email').press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Hollinbury Infant School' }).waitFor()

    await page.getByRole('link', { name: 'Settings' }).focus()
    await page.keyboard.press('Enter')
    await page.getByLabel('Postcode').waitFor()
    await page.getByLabel('Postcode').fill('nonsense!')
    await page.getByLabel('Postcode').press('Enter')
    await page.getByText('Postcode does not look like a UK postcode').waitFor()
    await page.getByLabel('Postcode').fill('hb4 2qt')
    await page.getByLabel('Postcode').press('Enter')
    await page.getByText('School profile saved').waitFor()
    expect(await page.getByLabel('Postcode').inputValue()).toBe('HB4 2QT')
    await screenshot(page, '04-settings-school')
    expect(await axeViolations(page)).toEqual([])

    for (const screen of ['Mentions', 'Trends', 'Approvals', 'Incidents', 'Reports']) {
      await page.getByRole('link', { name: screen, exact: true }).click()
      await page.getByRole('heading', { level: 1, name: screen }).waitFor()
      await page.getByRole('heading', { level: 2 }).first().waitFor()
    }
    await screenshot(page, '05-reports-empty')
  })
})
