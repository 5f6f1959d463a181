import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { axeViolations, openApp, screenshot, type Served } from './harness'

const IMAGES = resolve(__dirname, '../fixtures/images')
let served: Served | undefined
let browser: Browser | undefined
let fixtures: FixtureServer | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  await fixtures?.close()
  browser = served = fixtures = undefined
})

describe('manual capture in browser mode', () => {
  it('captures a page behind a sign-in wall, imports a dropped screenshot, and opens the mention', async () => {
    fixtures = await startFixtureServer()
    const app = await openApp()
    ;({ served, browser } = app)
    const { page, errors } = app

    // The button is on every screen.
    await page.getByRole('link', { name: 'Mentions' }).click()
    await page.waitForURL(/#\/mentions/)
    await page.getByText('No mentions yet').waitFor()
    await page.getByTestId('capture-button').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Capture something you have seen').waitFor()
    await screenshot(page, '30-capture-web')
    expect(await axeViolations(page)).toEqual([])

    // Checked before anything is sent.
    await dialog.getByLabel('Address of the page').fill('file:///etc/passwd')
    await dialog.getByRole('button', { name: 'Capture page' }).click()
    await dialog
      .getByText(
        'Only web pages can be captured: the address should start with https://, not file:.',
      )
      .waitFor()

    await dialog.getByLabel('Address of the page').fill(`${fixtures.url}/capture/group`)
    await dialog.locator('#capture-web-platform').fill('Facebook group')
    await dialog.getByText('The page is on this computer or the school network').click()
    await dialog.getByRole('button', { name: 'Capture page' }).click()
    await dialog.getByTestId('capture-result').waitFor({ timeout: 90_000 })
    await dialog.getByText('This page asks people to sign in').waitFor()
    await dialog
      .getByText(`${fixtures.url}/capture/accounts/login?next=%2Fcapture%2Fgroup`)
      .waitFor()
    await screenshot(page, '31-capture-login-wall')
    expect(await axeViolations(page)).toEqual([])

    // Image tab: a PDF named .png is refused by what it is; the server says so.
    await dialog.getByRole('button', { name: 'Capture something else' }).click()
    await dialog.getByText('Image', { exact: true }).click()
    await dialog
      .getByLabel('Choose an image file')
      .setInputFiles(resolve(IMAGES, 'not-an-image.png'))
    await dialog.getByRole('button', { name: 'Import image' }).click()
    await dialog.getByText(/not-an-image\.png is a PDF: take a screenshot/).waitFor()
    // An iPhone photo is refused before upload.
    await dialog.getByLabel('Choose an image file').setInputFiles({
      name: 'IMG_0042.HEIC',
      mimeType: 'image/heic',
      buffer: Buffer.from('not really heic'),
    })
    await dialog.getByText(/“IMG_0042\.HEIC” is an iPhone HEIC photo/).waitFor()
    await screenshot(page, '32-capture-image-refused')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // Dropping a screenshot anywhere on the window opens the dialog with it.
    const png = readFileSync(resolve(IMAGES, 'whatsapp-chat.png')).toString('base64')
    const dataTransfer = await page.evaluateHandle((b64) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: unknown): void } }
        File: new (parts: unknown[], name: string, o: { type: string }) => unknown
        atob(s: string): string
      }
      const bytes = Uint8Array.from(g.atob(b64), (ch) => ch.charCodeAt(0))
      const dt = new g.DataTransfer()
      dt.items.add(new g.File([bytes], 'whatsapp-chat.png', { type: 'image/png' }))
      return dt
    }, png)
    await page.dispatchEvent('main', 'dragover', { dataTransfer })
    await page.dispatchEvent('main', 'drop', { dataTransfer })
    await dialog.getByText('whatsapp-chat.png').waitFor()
    await dialog.getByText('ready to import').waitFor()
    await screenshot(page, '33-capture-image-dropped')
    await dialog.getByRole('button', { name: 'Import image' }).click()
    await dialog.getByText(/Starting to read the text|Reading the text: \d+%/).waitFor()
    await screenshot(page, '34-capture-image-reading')
    await dialog.getByTestId('capture-ocr-text').waitFor({ timeout: 90_000 })
    expect(await dialog.getByTestId('capture-ocr-text').textContent()).toContain('disgraceful')
    await screenshot(page, '35-capture-image-result')
    expect(await axeViolations(page)).toEqual([])

    await dialog.getByTestId('open-mention').click()
    await page.waitForURL(/#\/mentions/)
    await page
      .getByText(/Absolutely disgraceful/)
      .first()
      .waitFor()
    expect(await page.getByText('Manual captures').count()).toBeGreaterThan(0)
    await screenshot(page, '36-capture-in-mentions')
    // The refused PDF was answered 400 on purpose; the browser logs that, nothing else may appear.
    expect(errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([])
  })
})
