// Runs in: Vitest (Node) driving Chromium. Correcting a verdict in the Mentions screen: the evidence is
// highlighted (as text, never HTML), the dialog corrects sentiment and flags, and the counts follow.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createStore, openDataDir } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { schoolAnalyzer } from '../../src-main/services/analysis'
import { SCHOOL } from '../helpers/service'
import {
  axeViolations,
  freshDataDir,
  launch,
  OUTPUT_DIR,
  ready,
  screenshot,
  SEEDED_USER,
  serve,
  signIn,
  watchErrors,
} from './harness'

const XSS = '<img src=x onerror=alert(1)>'
const NAMED = 'Mrs Okafor is a joke and should be sacked. Ring me on 07700 900123 if you agree.'
const SARCASM = `Great, another INSET day at St Aldhelm's. Thanks for the notice ${XSS} call 07700 900456`
const MISREAD = "Well, sports day at St Aldhelm's was certainly memorable. Lovely organisation."

/** A set-up install with three mentions: two read by the real engine, one with a known (wrong) verdict. */
async function seed(dataDir: string): Promise<void> {
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({ store, mode: 'browser', dataDir, version: 'e2e' })
  const user = {
    displayName: 'Jo Bloggs',
    email: SEEDED_USER.email,
    role: 'orm_lead',
    password: SEEDED_USER.password,
  }
  const { school } = await service.call(
    'setup.complete',
    { school: SCHOOL, user },
    { actor: 'cli' },
  )
  const source = store.sources.create(
    { kind: 'feed', name: 'Hollinbury Gazette', schoolId: null, intervalMinutes: 30, config: { url: 'https://gazette.example/rss' } },
    new Date().toISOString(),
  ) // prettier-ignore
  const analyze = schoolAnalyzer()
  const add = (n: number, title: string | null, text: string) =>
    store.mentions.insert(
      {
        sourceId: source.id, schoolId: school.id, externalId: `e2e-${n}`, url: null, canonicalUrl: null,
        title, author: 'a parent', authorUrl: null, publishedAt: null, text, raw: null, meta: {},
        matchedAlias: "St Aldhelm's", contentHash: `e2e-${n}`, duplicateOf: null,
      },
      new Date(Date.UTC(2026, 10, 21, 8, n)).toISOString(),
    )! // prettier-ignore
  const at = new Date().toISOString()
  const misread = add(1, null, MISREAD)
  store.analyses.put(misread, { engine: 'builtin', engineVersion: 'e2e', sentiment: { label: 'positive', score: 0.6 }, flags: ['praise'], priority: 'low', owner: 'orm_lead', evidence: [] }, at) // prettier-ignore
  const sarcasm = add(2, null, SARCASM)
  store.analyses.put(sarcasm, analyze(SARCASM, school), at)
  const title = "St Aldhelm's parents group"
  const named = add(3, title, NAMED)
  store.analyses.put(named, analyze(`${title}\n${NAMED}`, school), at)
  db.close()
}

const card = (page: Page, text: string) => page.getByTestId('mention').filter({ hasText: text })
const count = async (page: Page, label: string) =>
  Number((await page.getByTestId(`count-${label}`).innerText()).replace(/\D+/g, ''))

describe('correcting a verdict in browser mode', () => {
  it('highlights evidence as text, corrects sentiment and flags in a dialog, and the counts follow', async () => {
    const dataDir = freshDataDir()
    await seed(dataDir)
    const served = await serve(dataDir)
    const browser = await launch()
    try {
      await correctInTheBrowser(
        await browser.newPage({ viewport: { width: 1280, height: 900 } }),
        served.url,
      )
    } finally {
      await browser.close()
      await served.stop()
    }
  })
})

async function correctInTheBrowser(page: Page, url: string): Promise<void> {
  const errors = watchErrors(page)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(url)
  await ready(page)
  await signIn(page, SEEDED_USER.email, SEEDED_USER.password)
  await page.getByRole('link', { name: 'Mentions', exact: true }).click()
  await page.getByTestId('verdict-counts').waitFor()

  // Markup in a mention is shown as the characters it is, with the evidence marked around it.
  const sarcasm = card(page, 'another INSET day')
  await expect.poll(() => sarcasm.getByTestId('mention-text').innerText()).toContain(XSS)
  expect(await page.locator('[data-testid="mention-text"] img').count()).toBe(0)
  expect(await sarcasm.getByTestId('evidence-mark').count()).toBeGreaterThan(0)
  expect(
    await sarcasm.getByTestId('evidence-mark').filter({ hasText: '07700 900456' }).count(),
  ).toBe(1)

  // Overlapping and neighbouring evidence in the title and the text; "Why?" gives each reason.
  const named = card(page, 'Mrs Okafor')
  expect(await named.getByTestId('evidence-mark').filter({ hasText: 'Okafor' }).count()).toBe(1)
  await named.getByRole('button', { name: 'Why?' }).click()
  const why = named.getByTestId('verdict-why')
  await why.getByText('Personal information', { exact: true }).waitFor()
  await why.getByText('A UK mobile phone number.').waitFor()
  await named.screenshot({ path: join(OUTPUT_DIR, '40-mention-evidence.png') })
  await screenshot(page, '41-mentions-with-evidence')
  expect(await axeViolations(page)).toEqual([])

  const negative = await count(page, 'negative')
  const positive = await count(page, 'positive')
  expect(positive).toBe(1)

  // Saving without a change is refused on the field, in words.
  const misread = card(page, 'certainly memorable')
  await misread.getByRole('button', { name: 'Correct' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByText("Correct Footprint's verdict").waitFor()
  await dialog.getByRole('button', { name: 'Save correction' }).click()
  await dialog.getByText('Change the sentiment or the flags first').waitFor()

  await dialog
    .getByRole('group', { name: 'Sentiment about the school' })
    .getByText('Negative')
    .click()
  expect(await dialog.getByText('Change the sentiment or the flags first').count()).toBe(0)
  await dialog.getByRole('checkbox', { name: /^Praise/ }).click()
  await dialog.getByRole('checkbox', { name: /^Complaint/ }).click()
  await dialog.getByLabel('Note (optional)').fill('Sarcastic: sports day was chaotic.')
  await dialog.screenshot({ path: join(OUTPUT_DIR, '42-correction-dialog.png') })
  expect(await axeViolations(page)).toEqual([])
  await dialog.getByRole('button', { name: 'Save correction' }).click()
  await page.getByText('Correction saved').waitFor()

  // The card, the counts and the filter all use the corrected verdict.
  await expect.poll(() => count(page, 'negative')).toBe(negative + 1)
  expect(await count(page, 'positive')).toBe(positive - 1)
  await misread
    .getByTestId('corrected')
    .getByText(/Corrected by Jo Bloggs/)
    .waitFor()
  expect(await misread.getByTestId('sentiment').innerText()).toBe('Negative')
  expect(await misread.getByTestId('flag').allInnerTexts()).toEqual(['Complaint'])
  await page.getByTestId('count-positive').click()
  await page.getByText('No mentions match').waitFor()
  await page.getByTestId('count-positive').click()
  await misread.waitFor()
  await screenshot(page, '43-mentions-after-correction')
  await misread.getByRole('button', { name: 'Why?' }).click()
  await misread.getByText('Added when the verdict was corrected.').waitFor()
  await misread.getByText('found by Footprint, removed when the verdict was corrected').waitFor()
  await misread.screenshot({ path: join(OUTPUT_DIR, '44-corrected-why.png') })

  // The history shows the correction, and going back to the machine's verdict undoes it.
  await misread.getByRole('button', { name: 'Correct' }).click()
  await dialog.getByText('Sarcastic: sports day was chaotic.').waitFor()
  await dialog.getByRole('heading', { name: 'History' }).scrollIntoViewIfNeeded()
  await dialog.screenshot({ path: join(OUTPUT_DIR, '45-correction-history.png') })
  expect(await axeViolations(page)).toEqual([])
  await dialog.getByRole('button', { name: "Back to the machine's verdict" }).click()
  await expect.poll(() => count(page, 'positive')).toBe(positive)
  expect(await misread.getByTestId('corrected').count()).toBe(0)

  // Today's check shows the same verdicts.
  await page.getByRole('link', { name: 'Today', exact: true }).click()
  await page.getByText('New since your last check, most urgent first').waitFor()
  expect(await card(page, 'certainly memorable').getByTestId('sentiment').innerText()).toBe(
    'Positive',
  )
  expect(dialogs).toEqual([])
  expect(errors).toEqual([])
}
