// Runs in: Vitest (Node). Evidence offsets survive the real path: a feed item polled, matched, analysed
// (title and text together) and stored; the spans the contract gives land on the words in each field.
import { afterEach, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { ctx, harness, rss, serveFeed } from '../sources/poller-harness'

let server: FixtureServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('evidence through ingest', () => {
  it('points each span at the words that triggered it, in the title or the text', async () => {
    server = await startFixtureServer()
    const title = "Mrs Okafor at St Aldhelm's, Hollinbury"
    const text = "Anyone with concerns ring me on 07700 900123 about St Aldhelm's."
    serveFeed(server, '/evidence', () => rss([['e1', title, text, 'https://news.example/e1']]))
    const h = await harness(server)
    const feed = await h.addFeed('/evidence')
    await h.poll(feed.id)
    const [m] = (await h.service.call('mentions.list', {}, ctx)).items
    expect(m.title).toBe(title)
    const a = m.analysis!
    const words = (field: 'title' | 'text', signal: string) =>
      a.evidence
        .filter((e) => e.field === field && e.signal === signal)
        .map((e) => (field === 'title' ? title : text).slice(e.start, e.end))
    expect(words('text', 'personal_info')).toContain('07700 900123')
    expect(words('title', 'staff_named').join(' ')).toContain('Okafor')
  })
})
