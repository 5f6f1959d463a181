// Runs in: Vitest (Node) driving Chromium. Settings → Backups and → Data retention in browser mode, as
// the head: "Back up now" lists a checked backup; Restore… shows what the backup holds, and after the
// confirmation the data is the backup's again (the replaced data kept in a "before a restore" backup);
// the retention preview says what would go, and deleting it leaves exactly the rest.
import { describe, expect, it } from 'vitest'
import { createStore, openDataDir } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { axeViolations, callOp, openApp, ready, screenshot, signIn, signOut } from './harness'

const HEAD = { email: 'head@school.example', password: 'head password 123' }

/** Mentions written straight into the served data folder (the server reads the same database). */
function addMentions(dataDir: string, items: { text: string; firstSeenAt: string }[]): void {
  const db = openDataDir(dataDir)
  try {
    const store = createStore(db)
    const src =
      store.sources.list().find((s) => s.name === 'Hollinbury Gazette') ??
      store.sources.create({ kind: 'feed', name: 'Hollinbury Gazette', schoolId: 1, intervalMinutes: 60, config: { url: 'https://gazette.example/rss' } }, new Date().toISOString()) // prettier-ignore
    for (const [i, m] of items.entries())
      store.mentions.insert({ sourceId: src.id, schoolId: 1, externalId: `${m.firstSeenAt}-${i}`, url: null, canonicalUrl: null, title: null, author: 'A parent', authorUrl: null, publishedAt: m.firstSeenAt, text: m.text, raw: null, meta: {}, matchedAlias: "St Aldhelm's", contentHash: `${m.firstSeenAt}-${i}`, duplicateOf: null }, m.firstSeenAt) // prettier-ignore
  } finally {
    db.close()
  }
}

/** The head, added in-process (quicker than a second CLI start on a busy machine). */
async function addHead(dataDir: string): Promise<void> {
  const db = openDataDir(dataDir)
  try {
    const service = createService({
      store: createStore(db),
      mode: 'browser',
      dataDir,
      version: 'e2e',
    })
    await service.call('users.create', { displayName: 'Helen Okafor', email: HEAD.email, role: 'head', password: HEAD.password, schoolIds: [] }, { actor: 'e2e' }) // prettier-ignore
  } finally {
    db.close()
  }
}

const mentionCount = async (page: Parameters<typeof callOp>[0]) => {
  const r = (await callOp(page, 'mentions.list', { limit: 500 })) as {
    ok: boolean
    data: { items: unknown[] }
  }
  expect(r.ok).toBe(true)
  return r.data.items.length
}

describe('Settings → Backups and Data retention', () => {
  it('backs up, restores after a check, and previews then applies retention', async () => {
    const app = await openApp()
    const { page, dataDir } = app
    try {
      await addHead(dataDir)
      const now = new Date().toISOString()
      addMentions(dataDir, [
        { text: 'Lovely harvest festival', firstSeenAt: now },
        { text: 'Great new playground', firstSeenAt: now },
        { text: 'An old review from years ago', firstSeenAt: '2020-03-01T10:00:00.000Z' },
      ])
      await signOut(page)
      await signIn(page, HEAD.email, HEAD.password)

      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByRole('link', { name: 'Backups' }).click()
      await page.getByTestId('backup-now').click()
      const restoreButtons = page.locator('[data-testid^="restore-footprint-"]')
      await restoreButtons.first().waitFor()
      expect(await restoreButtons.count()).toBe(1)
      await page.getByText('Backed up: 3 mentions, checked and whole').waitFor()
      await screenshot(page, '90-backups-list')
      expect(await axeViolations(page)).toEqual([])

      // Something happens after the backup; the restore takes it away again.
      addMentions(dataDir, [
        { text: 'Posted after the backup', firstSeenAt: new Date().toISOString() },
      ])
      expect(await mentionCount(page)).toBe(4)

      await restoreButtons.first().click()
      const facts = page.getByTestId('restore-check')
      await facts.waitFor()
      expect(await page.getByTestId('restore-mentions').innerText()).toBe('3')
      expect(await facts.innerText()).toContain('Whole and readable')
      await screenshot(page, '91-restore-check')
      expect(await axeViolations(page)).toEqual([])
      expect(await page.getByTestId('restore-confirm').isDisabled()).toBe(true)
      await page.getByTestId('restore-sure').click()
      await Promise.all([page.waitForEvent('load'), page.getByTestId('restore-confirm').click()])
      await ready(page)
      await page.getByTestId('backup-now').waitFor()
      expect(await mentionCount(page)).toBe(3)
      // The data it replaced is kept in a backup of its own, listed with the first.
      await page.getByText('Before a restore').waitFor()
      expect(await restoreButtons.count()).toBe(2)

      await page.getByRole('link', { name: 'Data retention' }).click()
      await page.locator('#retention-months').fill('12')
      await page.getByTestId('retention-preview').click()
      const summary = page.getByTestId('retention-summary')
      await summary.waitFor()
      expect(await summary.innerText()).toContain(
        'Will delete 1 mention from 1 source, first seen on 1 March 2020.',
      )
      expect(await mentionCount(page)).toBe(3)
      await screenshot(page, '92-retention-preview')
      expect(await axeViolations(page)).toEqual([])
      await page.getByTestId('retention-apply').click()
      await page.getByRole('button', { name: 'Delete them' }).click()
      await page.getByText('Deleted 1 mention and their evidence files').waitFor()
      expect(await mentionCount(page)).toBe(2)
      expect(app.errors).toEqual([])
    } finally {
      await app.browser.close()
      await app.served.stop()
    }
  })
})
