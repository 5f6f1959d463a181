// Runs in: Vitest (Node) driving Chromium. The workflow end to end in browser mode: the ORM lead's daily
// check; a reply that fails the policy check, goes to the head (in her own tab), is sent back with a note,
// fixed and approved; then one tab switching users: a safeguarding item a viewer cannot open, the DSL can.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createStore, openDataDir } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { SCHOOL } from '../helpers/service'
import {
  axeViolations,
  freshDataDir,
  launch,
  ready,
  screenshot,
  serve,
  signIn,
  signOut,
  watchErrors,
} from './harness'

const PASSWORD = 'correct horse battery'
const USERS = {
  orm: { displayName: 'Jo Bloggs', email: 'jo@school.example', role: 'orm_lead' },
  head: { displayName: 'Helen Okafor', email: 'head@school.example', role: 'head' },
  dsl: { displayName: 'Dan Mistry', email: 'dsl@school.example', role: 'dsl' },
  viewer: { displayName: 'Vic Governor', email: 'governor@school.example', role: 'viewer' },
} as const

const COMPLAINT =
  'Really disappointed with how the school handled the coach delays on the trip last week. Nobody answered the phone at the office all afternoon.'
const PRAISE =
  'Hollinbury pupils from St Aldhelm’s win the county maths challenge for the second year.'
const SAFEGUARDING =
  'A child at St Aldhelm’s keeps turning up with bruises and says a grown-up at home hurts him. <script>alert(1)</script>'
const CLEAN_REPLY =
  'Thank you for telling us about this, and we are sorry the afternoon was so worrying. We would like to understand what happened: please contact the school office on 01632 960123 or email office@st-aldhelms.example so that we can talk it through.'

interface Seeded {
  complaint: number
  safeguarding: number
}

async function seed(dataDir: string): Promise<Seeded> {
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({ store, mode: 'browser', dataDir, version: 'e2e' })
  const ctx = { actor: 'e2e-seed' }
  const school = { ...SCHOOL, phone: '01632 960123', email: 'office@st-aldhelms.example', website: 'https://st-aldhelms.example', headName: 'Mrs Helen Okafor' } // prettier-ignore
  const { school: saved } = await service.call('setup.complete', { school, user: { ...USERS.orm, password: PASSWORD } }, ctx) // prettier-ignore
  for (const u of [USERS.head, USERS.dsl, USERS.viewer])
    await service.call('users.create', { ...u, password: PASSWORD }, ctx)
  const now = new Date().toISOString()
  const google = store.sources.create({ kind: 'google_business', name: 'Google reviews', schoolId: saved.id, intervalMinutes: 60, config: { accountId: '1234567890', locationId: '9876543210' } }, now) // prettier-ignore
  const feed = store.sources.create({ kind: 'feed', name: 'Hollinbury Gazette', schoolId: null, intervalMinutes: 30, config: { url: 'https://gazette.example/rss' } }, now) // prettier-ignore
  const add = (
    n: number,
    sourceId: number,
    text: string,
    analysis: Parameters<typeof store.analyses.put>[1],
  ) => {
    const id = store.mentions.insert(
      { sourceId, schoolId: saved.id, externalId: `accounts/1234567890/locations/9876543210/reviews/r${n}`, url: null, canonicalUrl: null, title: null, author: 'a parent', authorUrl: null, publishedAt: null, text, raw: null, meta: {}, matchedAlias: "St Aldhelm's", contentHash: `wf-${n}`, duplicateOf: null },
      new Date(Date.now() - (5 - n) * 60_000).toISOString(),
    )! // prettier-ignore
    store.analyses.put(id, analysis, now)
    return id
  }
  const complaint = add(1, google.id, COMPLAINT, { engine: 'builtin', engineVersion: 'e2e', sentiment: { label: 'negative', score: -0.6 }, flags: ['complaint'], priority: 'high', owner: 'orm_lead', evidence: [] }) // prettier-ignore
  add(2, feed.id, PRAISE, { engine: 'builtin', engineVersion: 'e2e', sentiment: { label: 'positive', score: 0.7 }, flags: ['praise'], priority: 'low', owner: 'orm_lead', evidence: [] }) // prettier-ignore
  const safeguarding = add(3, feed.id, SAFEGUARDING, { engine: 'builtin', engineVersion: 'e2e', sentiment: { label: 'negative', score: -0.8 }, flags: ['safeguarding'], priority: 'urgent', owner: 'dsl', evidence: [] }) // prettier-ignore
  db.close()
  return { complaint, safeguarding }
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate(
    (to) => ((globalThis as unknown as { location: { hash: string } }).location.hash = to),
    hash,
  )
}
const openMention = (page: Page, id: number) => go(page, `#/mentions/${id}`)

describe('the workflow in browser mode', () => {
  it('daily check, a draft sent back then approved, and a DSL item a viewer cannot open', async () => {
    const dataDir = freshDataDir()
    const ids = await seed(dataDir)
    const served = await serve(dataDir)
    const browser = await launch()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const errors = watchErrors(page)
      page.on('dialog', () => errors.push('a script ran: untrusted text was rendered as HTML'))
      await page.goto(served.url)
      await ready(page)

      // The ORM lead's daily check: three new items, the urgent safeguarding one first but withheld.
      await signIn(page, USERS.orm.email, PASSWORD)
      expect(await page.getByTestId('new-count').innerText()).toBe('3')
      const cards = page.getByTestId('mention')
      expect(await cards.first().innerText()).toContain(
        'Safeguarding item: only the designated safeguarding lead',
      )
      expect(await page.content()).not.toContain('bruises')
      await page.getByTestId('due-item').first().waitFor()
      expect(await page.getByTestId('due-item').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringMatching(/Due .* \(in /)]),
      )
      await screenshot(page, '30-today-daily-check')
      expect(await axeViolations(page)).toEqual([])
      await page.getByTestId('mark-checked').click()
      await page.getByTestId('nothing-new').waitFor()

      // A reply: the policy check stops a draft that names a child; the clean one goes to the head.
      await openMention(page, ids.complaint)
      await page.getByTestId('write-complaint').click()
      const draft = page.getByTestId('draft').first()
      await draft.waitFor()
      await draft
        .getByTestId('draft-text')
        .locator('textarea')
        .fill('Jack in Year 4 is lying and we will sack the driver.')
      await draft.getByTestId('save-draft').click()
      await draft.getByTestId('check-issue').first().waitFor()
      expect(await draft.getByTestId('submit-draft').isDisabled()).toBe(true)
      await draft.getByTestId('draft-text').locator('textarea').fill(CLEAN_REPLY)
      await draft.getByTestId('save-draft').click()
      await draft.getByText('Policy check passed').waitFor()
      await screenshot(page, '31-mention-detail')
      expect(await axeViolations(page)).toEqual([])
      await draft.getByTestId('submit-draft').click()
      await draft.getByText('Waiting for the head').waitFor()

      // The head, at her own desk (another tab, its own session), sends it back with a note.
      const headPage = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const headErrors = watchErrors(headPage)
      await headPage.goto(served.url)
      await ready(headPage)
      await signIn(headPage, USERS.head.email, PASSWORD)
      await go(headPage, '#/approvals')
      const approval = headPage.getByTestId('approval')
      await approval.waitFor()
      expect(await approval.getByTestId('approval-original').innerText()).toBe(COMPLAINT)
      expect(await approval.getByTestId('approval-draft').innerText()).toBe(CLEAN_REPLY)
      await screenshot(headPage, '32-approvals-queue')
      expect(await axeViolations(headPage)).toEqual([])
      await approval.getByTestId('send-back').click()
      await headPage.getByText('Say what should change').waitFor()
      await approval
        .getByTestId('approval-note')
        .locator('textarea')
        .fill('Please mention the complaints procedure.')
      await approval.getByTestId('send-back').click()
      await headPage.getByText('No replies are waiting for approval').waitFor()

      // The ORM lead's page follows by itself: the note is there; a new version goes back to the head.
      const back = page.getByTestId('draft').first()
      await back.getByTestId('head-note').waitFor()
      expect(await back.getByTestId('head-note').innerText()).toContain(
        'Please mention the complaints procedure.',
      )
      await back
        .getByTestId('draft-text')
        .locator('textarea')
        .fill(`${CLEAN_REPLY} Our complaints procedure is on our website.`)
      await back.getByTestId('save-draft').click()
      await back.getByText('Version 4').waitFor()
      await back.getByTestId('submit-draft').click()
      await back.getByText('Waiting for the head').waitFor()

      // The head approves; the ORM lead sees it approved, frozen, with who and when, ready to post.
      await headPage.getByTestId('approve').click()
      await headPage.getByText('No replies are waiting for approval').waitFor()
      await page.getByTestId('approved-by').waitFor()
      expect(await page.getByTestId('approved-by').innerText()).toContain(
        'Approved by Helen Okafor',
      )
      await page.getByTestId('post-draft').waitFor()
      expect(headErrors).toEqual([])
      await headPage.close()

      // A viewer cannot open the safeguarding item; the DSL can, and its text is shown as text.
      await signOut(page)
      await signIn(page, USERS.viewer.email, PASSWORD)
      // After switching user every screen still loads (one shared event stream, never six).
      await go(page, '#/approvals')
      await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor()
      await openMention(page, ids.safeguarding)
      expect(await page.getByTestId('mention-error').innerText()).toContain(
        'Only the designated safeguarding lead and the head can open safeguarding items',
      )
      expect(await page.content()).not.toContain('bruises')
      await signOut(page)
      await signIn(page, USERS.dsl.email, PASSWORD)
      await openMention(page, ids.safeguarding)
      const text = page.getByTestId('mention-text')
      await text.waitFor()
      expect(await text.innerText()).toContain('<script>alert(1)</script>')
      // The viewer's refused call is the browser's one logged 403: the refusal this test asks for.
      expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([])
      expect(errors.filter((e) => e.includes('status of 403'))).toHaveLength(1)
    } finally {
      await browser.close()
      await served.stop()
    }
  })
})
