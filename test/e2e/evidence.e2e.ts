// Runs in: Vitest e2e (Node driving Chromium). Evidence and exports as the ORM lead uses them: the
// mention's evidence panel lists its capture as verified; "Capture evidence" on a page Footprint may not
// open records why and keeps the mention's words; a file changed on disk shows as changed; the Mentions
// list downloads as CSV; Settings → Audit trail downloads the trail and reports the changed evidence.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { axeViolations, callOp, openApp, screenshot, type Served } from './harness'

let served: Served | undefined
let browser: Browser | undefined
let fixtures: FixtureServer | undefined
afterEach(async () => {
  await browser?.close()
  await served?.stop()
  await fixtures?.close()
  browser = served = fixtures = undefined
})

/** Moves within the app (hash routing) without reloading the page or its sign-in. */
const go = (page: Page, hash: string) =>
  page.evaluate((h) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = h
  }, hash)

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') }
}

describe('evidence and exports in browser mode', () => {
  it('lists, captures and verifies evidence, and downloads the inbox and the audit trail', async () => {
    fixtures = await startFixtureServer()
    const app = await openApp()
    ;({ served, browser } = app)
    const { page, errors } = app

    const r = (await callOp(page, 'capture.url', {
      schoolId: 1,
      url: `${fixtures.url}/capture/page`,
      allowPrivateNetwork: true,
    })) as { ok: boolean; data: { mention: { id: number }; capture: { uuid: string } } }
    expect(r.ok).toBe(true)
    const mentionId = r.data.mention.id

    await go(page, `#/mentions/${mentionId}`)
    const panel = page.getByTestId('evidence-panel')
    await panel.getByTestId('evidence-verified').waitFor()
    expect(await panel.getByTestId('evidence-item').count()).toBe(1)

    // Its source may not open this computer's pages: the capture says so and keeps the words.
    await panel.getByTestId('capture-evidence').click()
    await panel.getByText('Page not captured').waitFor({ timeout: 90_000 })
    await panel.getByText(/The mention’s own words were kept instead/).waitFor()
    expect(await panel.getByTestId('evidence-item').count()).toBe(2)
    await screenshot(page, '60-evidence-panel')
    expect(await axeViolations(page)).toEqual([])

    // A removal notice can carry what happens to the comment once the head approves.
    const notice = (await callOp(page, 'drafts.create', {
      mentionId,
      situation: 'removal_notice',
      body: 'We have removed a comment because it broke our page rules. Please keep comments kind.',
    })) as { ok: boolean }
    expect(notice.ok).toBe(true)
    const choice = page.getByTestId(/^moderation-\d+$/).first()
    await choice.waitFor({ timeout: 30_000 })
    await choice.getByText('Hide it').click()
    await page.getByText('The comment will be hidden once the head approves').first().waitFor()
    await screenshot(page, '64-removal-notice-moderation')

    // A file changed behind Footprint's back is shown as changed.
    const dir = join(app.dataDir, 'evidence', r.data.capture.uuid)
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'page.txt'), 0o644)
    writeFileSync(join(dir, 'page.txt'), 'Nothing to see here.')
    await page.reload()
    await page.getByTestId('evidence-changed').waitFor()
    await page
      .getByText(/These files no longer match what was recorded: page\.txt changed/)
      .waitFor()
    await screenshot(page, '61-evidence-changed')

    // The inbox downloads as CSV, the evidence column naming the changed file.
    await page.getByRole('link', { name: 'Mentions' }).first().click()
    await page.waitForURL(/#\/mentions$/)
    await page.getByTestId('export-mentions').click()
    const csv = await download(page, () => page.getByText('Spreadsheet (CSV)').click())
    expect(csv.name).toMatch(/^footprint-mentions-st-aldhelm-s-c-of-e-primary-school-.*\.csv$/)
    expect(csv.text).toContain('Hollinbury parents forum: uniform row')
    expect(csv.text).toContain('NOT VERIFIED: page.txt changed')
    await page.getByText(/Exported 1 mention/).waitFor()
    await screenshot(page, '62-mentions-exported')

    // Settings → Audit trail: the trail downloads; the check finds the changed evidence.
    await go(page, '#/settings/audit')
    const audit = await download(page, () => page.getByTestId('export-audit').click())
    expect(audit.name).toMatch(/^footprint-audit-.*\.csv$/)
    expect(audit.text).toContain('export.mentions')
    expect(audit.text).toContain('capture.mention_failed')
    await page.getByTestId('verify-audit').click()
    const result = page.getByTestId('verify-result')
    await result.waitFor()
    expect(await result.textContent()).toMatch(
      /Audit trail intact: .*Evidence changed: page\.txt changed/,
    )
    await screenshot(page, '63-audit-trail')
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
  }, 240_000)
})
