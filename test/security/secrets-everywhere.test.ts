// Runs in: Vitest (Node). No secret ever leaves the secrets store: distinctive API keys, tokens and
// passwords are seeded, then every source kind is polled against fixture APIs that fail in the worst way
// (echoing the request's address and headers, the key included, in their error bodies), the browser-mode
// server is called right and wrong, everything is exported, and every byte that came out — answers,
// events, logs, console output, HTTP responses, exports, the audit trail, every file in the data folder —
// is searched for each secret as written, URL-encoded, base64 and hex.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createService } from '../../src-main/services'
import { createStore, openDataDir } from '../../src-main/store'
import { startBrowserServer } from '../../src-main/server/http'
import { SCHOOL } from '../helpers/service'
import { tempDir } from '../helpers/tmp'
import { fakeProvider } from '../secrets/helpers'

const SECRETS = {
  'x.bearerToken': 'AAAAAAAAAAAAAAAAAAAAAXleakprobeBearer%2Bplus%3Dequals7Q',
  'google_places.api_key': 'AIzaSyLeakProbePlacesKey_0123456789ab',
  'facebook.pageAccessToken': 'EAAGleakprobePageToken0123456789ZZ',
  'instagram.accessToken': 'IGQWleakprobeInstagramToken0123456',
  'bluesky.appPassword': 'lkpb-qrst-uvwx-yz12',
  'google_business.client_secret': 'GOCSPX-leakprobeClientSecret99',
  'google_business.refresh_token': '1//0gLeakProbeRefreshToken-abcdef',
} as const
const USER_PASSWORD = 'leak-probe user password 4517'
const SERVER_TOKEN = 'leakprobeServerToken_abcdefghijklmnopqrstuv'
const ctx = { actor: 'cli' }

/** Each secret as it might appear: as written, URL-encoded, base64 (std and url) and hex. */
function forms(value: string): string[] {
  const b = Buffer.from(value)
  return [
    value,
    encodeURIComponent(value),
    b.toString('base64').replace(/=+$/, ''),
    b.toString('base64url'),
    b.toString('hex'),
    JSON.stringify(value).slice(1, -1),
  ]
}
const ALL_SECRETS = [...Object.values(SECRETS), USER_PASSWORD, SERVER_TOKEN]

/** Every file under a folder (the database, its WAL, evidence, backups, anything written). */
function filesUnder(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => [p, readFileSync(p).toString('latin1')])
}

/** What the echo servers answered: the secrets went out, and came straight back. */
const echoed: string[] = []
/** Every request the echo servers saw, headers and bodies included. */
const received: string[] = []

type Answer = (echo: string) => [number, string, string]
const VARIANTS: Record<string, Answer> = {
  // Google's and Graph's error envelopes, with the request in the message.
  'json-400': (echo) => [400, 'application/json', JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: `bad request: ${echo}`, type: 'OAuthException' } })], // prettier-ignore
  'json-401': (echo) => [401, 'application/json', JSON.stringify({ error: { code: 401, message: `unauthorised: ${echo}`, title: echo }, detail: echo, message: echo })], // prettier-ignore
  'text-500': (echo) => [500, 'text/plain', `Internal error handling ${echo}`],
  // A 200 that is not JSON: parsers' own error messages quote the start of the body.
  'garbage-200': (echo) => [200, 'application/json', `${echo} {not json`],
}

/** An API at its worst: every path answers by echoing the whole request back, secrets and all. */
async function startEcho(answer: Answer): Promise<Server> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      const echo = `${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`
      received.push(echo)
      const [status, type, text] = answer(echo)
      echoed.push(text)
      res.writeHead(status, { 'content-type': type }).end(text)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return server
}

interface Raw {
  status: number
  body: string
  headers: string
}
function raw(port: number, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Raw>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: text, headers: JSON.stringify(res.headers) }),
        )
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const echoes = new Map<string, Server>()
beforeAll(async () => {
  for (const [name, answer] of Object.entries(VARIANTS)) echoes.set(name, await startEcho(answer))
})
afterAll(async () => {
  for (const s of echoes.values()) await new Promise((r) => s.close(r))
})
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`
afterEach(() => vi.restoreAllMocks())

describe('secrets never leak into any output', () => {
  it('polls, errors, the browser server, exports, logs, the audit trail and the data folder', async () => {
    const consoleOut: string[] = []
    for (const m of ['log', 'error', 'warn', 'info', 'debug'] as const)
      vi.spyOn(console, m).mockImplementation((...a: unknown[]) => {
        consoleOut.push(a.map(String).join(' '))
      })
    const dataDir = tempDir()
    const store = createStore(openDataDir(dataDir))
    const logs: string[] = []
    const service = createService(
      { store, mode: 'browser', dataDir, version: '0.0.0-test', secretKeyProvider: fakeProvider() },
      (l) => logs.push(l),
    )
    const outputs: string[] = []
    service.events.subscribe((e) => outputs.push(JSON.stringify(e)))
    const op = async (name: string, input: unknown) => {
      const r = await service.dispatch(name, input, ctx)
      outputs.push(JSON.stringify(r))
      return r
    }

    const setup = await op('setup.complete', {
      school: SCHOOL,
      user: { displayName: 'Jo Bloggs', email: 'jo@school.example', role: 'orm_lead', password: USER_PASSWORD }, // prettier-ignore
    })
    expect(setup.ok).toBe(true)
    const schoolId = (setup as { data: { school: { id: number } } }).data.school.id
    for (const [name, value] of Object.entries(SECRETS))
      expect((await op('secrets.set', { name, value })).ok, name).toBe(true)
    await op('secrets.set', { name: 'bluesky.handle', value: 'staldhelms.bsky.social' })
    await op('secrets.set', { name: 'google_business.client_id', value: 'client-id.apps.example' })

    // Every connector that carries a secret, against every way of failing, the echo included.
    const kinds = (base: string) => [
      { kind: 'x', config: { baseUrl: base, allowPrivateNetwork: true } },
      { kind: 'google_places', config: { placeId: 'ChIJleakprobe', baseUrl: base, allowPrivateNetwork: true } }, // prettier-ignore
      { kind: 'google_business', config: { accountId: '1234567890', locationId: '9876543210', baseUrl: base, oauthUrl: `${base}/token`, allowPrivateNetwork: true } }, // prettier-ignore
      { kind: 'facebook', config: { pageId: '1122334455', baseUrl: base, allowPrivateNetwork: true } }, // prettier-ignore
      { kind: 'instagram', config: { igUserId: '17841400000000', baseUrl: base, allowPrivateNetwork: true } }, // prettier-ignore
      { kind: 'bluesky', config: { baseUrl: base, allowPrivateNetwork: true } },
    ]
    let polled = 0
    for (const [variant, server] of echoes) {
      for (const s of kinds(urlOf(server))) {
        const created = await op('sources.create', { ...s, name: `${s.kind} ${variant}`, schoolId })
        expect(created.ok, `${s.kind}: ${JSON.stringify(created)}`).toBe(true)
        const id = (created as { data: { id: number } }).data.id
        const runs = await op('sources.pollNow', { id })
        expect(runs.ok).toBe(true)
        polled++
      }
    }
    // The fixture really was sent the secrets (so the echo could carry them back).
    const sent = received.join('\n')
    const answered = echoed.join('\n')
    for (const secret of Object.values(SECRETS))
      expect(forms(secret).some((f) => sent.includes(f) && answered.includes(f)), `the echo carried ${secret}`).toBe(true) // prettier-ignore
    const list = await op('sources.list', undefined)
    for (const s of (list as { data: { id: number }[] }).data)
      await op('sources.runs', { id: s.id })
    // The runs failed, each with its own message (the search below reads them all).
    expect(outputs.join('\n')).toMatch(/HTTP (400|401|500)/)
    expect(polled).toBe(echoes.size * 6)

    // Browser mode, called right and wrong; the token must never come back in any answer or log.
    const serverLog: string[] = []
    const staticDir = join(tempDir(), 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Footprint</title>')
    const srv = await startBrowserServer({ service, staticDir, token: SERVER_TOKEN, log: (l) => serverLog.push(l) }) // prettier-ignore
    const host = `127.0.0.1:${srv.port}`
    const auth = { host, authorization: `Bearer ${SERVER_TOKEN}`, 'content-type': 'application/json', 'x-footprint-session': 'leakprobe-tab-0123456789' } // prettier-ignore
    const http: Raw[] = [
      await raw(srv.port, `/?token=${SERVER_TOKEN}`, { host }),
      await raw(srv.port, `/api/op/app.status?token=${SERVER_TOKEN}`, { host, 'content-type': 'application/json' }, '{}'), // prettier-ignore
      await raw(srv.port, `/nope?token=${SERVER_TOKEN}`, { host }),
      await raw(srv.port, '/api/op/auth.signIn', auth, JSON.stringify({ email: 'jo@school.example', password: USER_PASSWORD })), // prettier-ignore
      await raw(srv.port, '/api/op/auth.signIn', auth, JSON.stringify({ email: 'jo@school.example', password: `${USER_PASSWORD}x` })), // prettier-ignore
      await raw(srv.port, '/api/op/auth.signIn', auth, `{"password": "${USER_PASSWORD}", broken`),
      await raw(srv.port, '/api/op/secrets.set', auth, JSON.stringify({ name: SECRETS['x.bearerToken'], value: 'x' })), // prettier-ignore
      await raw(srv.port, '/api/op/secrets.list', auth, '{}'),
      await raw(srv.port, '/api/op/sources.list', auth, '{}'),
      await raw(srv.port, '/api/op/schools.list', { ...auth, authorization: `Bearer ${SERVER_TOKEN}x` }, '{}'), // prettier-ignore
      await raw(srv.port, '/api/op/schools.list', { ...auth, host: 'evil.example' }, '{}'),
    ]
    await srv.close()
    expect(http[3].status, 'the right password signs in').toBe(200)
    expect(http[4].status).toBe(401)

    // Exports of everything, and the audit trail, as the owner.
    for (const format of ['csv', 'jsonl'])
      expect((await op('exports.mentions', { schoolId, format, state: 'all' })).ok).toBe(true)
    expect((await op('exports.audit', undefined)).ok).toBe(true)
    const audit = (store.db.prepare('SELECT * FROM audit_events').all() as object[]).map((r) =>
      JSON.stringify(r),
    )
    expect(audit.join('\n')).toContain('x.bearerToken') // names are recorded, values never
    // Unexpected failures are logged with their stack: make one carry a secret-looking input.
    await op('mentions.get', { id: 2 ** 31 })

    const haystacks: [string, string[]][] = [
      ['service answers and events', outputs],
      ['service log', logs],
      ['console', consoleOut],
      ['browser server log', serverLog],
      ['browser server answers', http.map((r) => `${r.status} ${r.headers} ${r.body}`)],
      ['audit trail', audit],
      ...filesUnder(dataDir).map(([p, text]): [string, string[]] => [`file ${p}`, [text]]),
    ]
    const leaks: string[] = []
    for (const [where, texts] of haystacks)
      for (const secret of ALL_SECRETS)
        for (const form of forms(secret))
          for (const t of texts)
            if (t.includes(form)) {
              const at = t.indexOf(form)
              leaks.push(`${where}: ${t.slice(Math.max(0, at - 120), at + form.length + 40)}`)
            }
    expect(leaks, 'no secret, token or password in any output').toEqual([])
    // The search can fail: the fixture's records hold the very forms searched for.
    expect(forms(SECRETS['x.bearerToken']).some((f) => sent.includes(f))).toBe(true)
  })
})
