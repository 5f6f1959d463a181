// Runs in: Vitest (Node) driving Chromium. The Reports screen in browser mode: a snapshot built for the
// default period downloads a PDF and joins the list of past snapshots; a POSH pack for an incident whose
// platform report is only hours old shows the 48-hour warning first and downloads the ZIP on "anyway";
// the incident page has its own POSH pack button.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { createStore, openDataDir } from '../../src-main/store'
import { axeViolations, openApp, screenshot } from './harness'

const OUT = resolve(__dirname, '../../test-results/e2e')

/** An incident with one post and a platform report made ten hours ago (under POSH's 48 hours). */
function seedIncident(dataDir: string): number {
  const db = openDataDir(dataDir)
  try {
    const store = createStore(db)
    const now = new Date()
    const src = store.sources.create({ kind: 'manual', name: 'Manual captures', schoolId: 1, intervalMinutes: 60, config: {} }, now.toISOString()) // prettier-ignore
    const mentionId = store.mentions.insert({ sourceId: src.id, schoolId: 1, externalId: 'tt-1', url: 'https://www.tiktok.com/@fake_school/video/1', canonicalUrl: null, title: null, author: '@fake_school', authorUrl: null, publishedAt: now.toISOString(), text: 'This account pretends to be the school <b>and</b> posts insults.', raw: null, meta: { platform: 'TikTok' }, matchedAlias: "St Aldhelm's", contentHash: 'tt-1', duplicateOf: null }, now.toISOString())! // prettier-ignore
    const id = store.incidents.create({ schoolId: 1, title: 'Fake school account on TikTok', summary: '', createdBy: null }, now.toISOString()) // prettier-ignore
    store.incidents.addMention(id, mentionId)
    store.incidents.addEvent({ incidentId: id, kind: 'reported_to_platform', occurredAt: new Date(now.getTime() - 10 * 3_600_000).toISOString(), reference: 'TT-1', note: '', createdBy: null, actor: 'e2e' }, now.toISOString()) // prettier-ignore
    return id
  } finally {
    db.close()
  }
}

describe('Reports screen', () => {
  it('builds and lists a snapshot, and a POSH pack after the 48-hour warning', async () => {
    const app = await openApp()
    const { page } = app
    try {
      const incidentId = seedIncident(app.dataDir)
      mkdirSync(OUT, { recursive: true })
      await page.getByRole('link', { name: 'Reports' }).click()
      await page.locator('[data-reports-ready="true"]').waitFor()
      await page.getByTestId('snapshots-empty').waitFor()
      await screenshot(page, '80-reports-empty')
      expect(await axeViolations(page)).toEqual([])

      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('snapshot-build').click(),
      ])
      expect(pdf.suggestedFilename()).toMatch(
        /^St Aldhelm's C of E Primary School reputation snapshot \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\.pdf$/,
      )
      const pdfPath = join(OUT, 'reports-snapshot.pdf')
      await pdf.saveAs(pdfPath)
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })
      expect(text).toContain('Online reputation snapshot')
      expect(text).toContain('How the school manages its online reputation')
      // The seeded post is in the period: counted, and its words not quoted (it has no verdict yet).
      expect(text).toMatch(/This period\s+0\s+0\s+0\s+1\s+1/)
      await page.getByTestId('snapshot-built').waitFor()
      expect(await page.getByTestId('snapshot-row').count()).toBe(1)

      await page.getByTestId('posh-incident').click()
      await page.getByText('Fake school account on TikTok (open, 1 item)').click()
      await page.getByTestId('posh-build').click()
      const warning = page.getByTestId('posh-warning')
      await warning.waitFor()
      expect(await warning.innerText()).toMatch(/first told about this 10 hours ago/)
      await screenshot(page, '81-reports-posh-warning')
      expect(await axeViolations(page)).toEqual([])
      const [zip] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('posh-proceed').click(),
      ])
      expect(zip.suggestedFilename()).toBe(
        "St Aldhelm's C of E Primary School POSH pack incident 1.zip",
      )
      const zipPath = join(OUT, 'reports-posh.zip')
      await zip.saveAs(zipPath)
      const files = Object.keys((await JSZip.loadAsync(readFileSync(zipPath))).files)
      expect(files).toEqual(
        expect.arrayContaining([
          'summary.pdf',
          'manifest.json',
          'email-to-posh.eml',
          'posts/mention-1.txt',
        ]),
      )
      await page.getByTestId('posh-built').waitFor()
      await screenshot(page, '82-reports-posh-built')

      // The address's token is for one use: move within the page, as a link would.
      await page.evaluate((id) => {
        ;(globalThis as unknown as { location: { hash: string } }).location.hash =
          `#/incidents/${id}`
      }, incidentId)
      await page.getByTestId('posh-open').click()
      await page.getByTestId('posh-panel').waitFor()
      await screenshot(page, '83-incident-posh-button')
      expect(app.errors).toEqual([])
    } finally {
      await app.browser.close()
      await app.served.stop()
    }
  }, 180_000)
})
