// Runs in: Vitest (Node). `footprint sources|poll|mentions` as a user runs them: a real child process
// against the fixture server. spawn, not spawnSync: the fixture server lives in this process and must
// keep answering while the CLI runs.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { tempDir } from '../helpers/tmp'

const BIN = resolve(__dirname, '../../bin/footprint.cjs')
let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

function footprint(dataDir: string, ...args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((done) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, ...args], {
      env: { ...process.env, FOOTPRINT_DATA_DIR: '' },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d))
    child.stderr.on('data', (d: Buffer) => (err += d))
    child.on('close', (code) => done({ code, out, err }))
  })
}

async function withSchool(): Promise<string> {
  const dir = tempDir()
  const r = await footprint(dir, 'schools', 'add', '--name', "St Aldhelm's C of E Primary School", '--town', 'Hollinbury', '--la', 'Westmarch Council') // prettier-ignore
  expect(r.code).toBe(0)
  return dir
}

// Each spawn compiles the CLI with tsx (~1 s on the build machine): generous time per test.
describe('footprint sources, poll and mentions', { timeout: 90_000 }, () => {
  it('adds a feed, tests it (storing nothing), polls once, lists sources and mentions', async () => {
    const dir = await withSchool()
    const url = `${server.url}/google-alerts`
    const add = await footprint(dir, 'sources', 'add', '--kind', 'feed', '--name', 'Alerts', '--url', url, '--allow-private-network') // prettier-ignore
    expect(add.code, add.err).toBe(0)
    expect(add.out).toBe('Added source 1: Alerts (feed, every 30 min)\n')

    const test = await footprint(dir, 'sources', 'test', '1')
    expect(test.code, test.err).toBe(0)
    expect(test.out).toContain('Found 3 item(s): 3 would be stored')
    expect(test.out).toContain('Nothing was stored.')
    expect(JSON.parse((await footprint(dir, 'mentions', 'list', '--json')).out).items).toEqual([])

    const poll = await footprint(dir, 'poll', '--once')
    expect(poll.code, poll.err).toBe(0)
    expect(poll.out).toBe('source 1 (Alerts): 3 item(s) found, 3 new mention(s)\n')
    const again = await footprint(dir, 'poll', '--once', '--source', '1')
    expect(again.out).toBe('source 1 (Alerts): not modified since the last run\n')

    const list = JSON.parse((await footprint(dir, 'sources', 'list', '--json')).out)
    expect(list[0]).toMatchObject({
      id: 1,
      mentionCount: 3,
      health: { status: 'ok', consecutiveFailures: 0, zeroItemRuns: 1 },
    })
    expect((await footprint(dir, 'sources', 'list')).out).toMatch(/^id\s+name\s+kind\s+status/)

    const mentions = JSON.parse((await footprint(dir, 'mentions', 'list', '--json')).out)
    expect(mentions.items).toHaveLength(3)
    expect(mentions.items[0]).toMatchObject({ sourceName: 'Alerts', schoolId: 1 })
    const since = await footprint(dir, 'mentions', 'list', '--since', '2999-01-01T00:00:00Z')
    expect(since.out).toBe('No mentions yet.\n')
    const badSince = await footprint(dir, 'mentions', 'list', '--since', 'last week')
    expect(badSince.code).toBe(1)
    expect(badSince.err).toContain('since must be an ISO date-time')

    const removed = await footprint(dir, 'sources', 'remove', '1')
    expect(removed.out).toBe('Removed source 1; its mentions are kept.\n')
    expect(JSON.parse((await footprint(dir, 'mentions', 'list', '--json')).out).items).toHaveLength(
      3,
    )
  })

  it('reports a failing source in poll --once with its error and a non-zero exit', async () => {
    const dir = await withSchool()
    await footprint(dir, 'sources', 'add', '--kind', 'feed', '--url', `${server.url}/html`, '--allow-private-network') // prettier-ignore
    const r = await footprint(dir, 'poll', '--once')
    expect(r.code).toBe(1)
    expect(r.out).toBe(`source 1 (127.0.0.1:${server.port}): FAILED: not a feed: HTML page\n`)
    const health = JSON.parse((await footprint(dir, 'sources', 'list', '--json')).out)[0].health
    expect(health).toMatchObject({ status: 'failing', lastError: 'not a feed: HTML page' })
  })

  it('tests a URL that is not a source yet, and marks a mention not about us', async () => {
    const dir = await withSchool()
    const t = await footprint(dir, 'sources', 'test', '--url', `${server.url}/feeds/2.xml`, '--allow-private-network', '--json') // prettier-ignore
    expect(t.code, t.err).toBe(0)
    const result = JSON.parse(t.out)
    expect(result).toMatchObject({ ok: true, itemsFound: 20 })
    expect(JSON.parse((await footprint(dir, 'sources', 'list', '--json')).out)).toEqual([])

    server.route('/cli/church', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          '<rss version="2.0"><channel><title>t</title><item><guid>c1</guid>' +
            "<title>St Aldhelm's Church flower festival draws crowds to Hollinbury</title>" +
            '<link>https://news.example/c1</link><description>Flowers.</description></item></channel></rss>',
        )
    })
    await footprint(dir, 'sources', 'add', '--kind', 'feed', '--url', `${server.url}/cli/church`, '--allow-private-network') // prettier-ignore
    await footprint(dir, 'poll', '--once')
    const nau = await footprint(dir, 'mentions', 'not-about-us', '1')
    expect(nau.code, nau.err).toBe(0)
    expect(nau.out).toBe('Recorded exclusion "St Aldhelm\'s Church"; 1 mention(s) hidden.\n')
    expect((await footprint(dir, 'mentions', 'list')).out).toBe('No mentions yet.\n')
  })

  it('validates flags and names the problem', async () => {
    const dir = tempDir()
    const noUrl = await footprint(dir, 'sources', 'add', '--kind', 'feed')
    expect(noUrl.err).toContain('A feed needs --url')
    const badUrl = await footprint(dir, 'sources', 'add', '--kind', 'feed', '--url', 'nope')
    expect(badUrl.code).toBe(1)
    expect(badUrl.err).toContain('config.url: Feed address must be a web address')
    const wiki = await footprint(dir, 'sources', 'add', '--kind', 'wikipedia', '--page', 'Hollinbury', '--interval', '2') // prettier-ignore
    expect(wiki.err).toContain('intervalMinutes: Poll at most every 5 minutes')
    const ok = await footprint(dir, 'sources', 'add', '--kind', 'wikipedia', '--page', 'Hollinbury', '--json') // prettier-ignore
    expect(JSON.parse(ok.out)).toMatchObject({ kind: 'wikipedia', intervalMinutes: 60, name: 'Wikipedia: Hollinbury' }) // prettier-ignore
    expect((await footprint(dir, 'sources', 'remove', 'x')).err).toContain(
      'Source id must be a positive whole number',
    )
    for (const cmd of [['sources', 'add'], ['sources', 'test'], ['poll'], ['mentions', 'list'], ['mentions', 'not-about-us']]) {
      const r = await footprint(dir, ...cmd, '--help')
      expect(r.code, cmd.join(' ')).toBe(0)
      expect(r.out).toMatch(/Usage: footprint/)
    } // prettier-ignore
  })
})
