// Web page capture against fixture pages on 127.0.0.1, with the system Chromium: what is kept, the
// redirect chain, login walls, pages that never finish or never answer, endless pages, popups,
// downloads, and the addresses that are refused before any browser starts.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureUrl, type UrlCaptureOptions } from '../../src-main/capture/url'
import { CaptureError } from '../../src-main/capture/errors'
import { createHostGuard } from '../../src-main/capture/url-guard'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { CAPTURE_PAGE_TEXT } from '../fixtures/routes/capture'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

const local: UrlCaptureOptions = { allowPrivateNetwork: true, settleMs: 500 }
const fail = (url: string, opts: UrlCaptureOptions = local) =>
  captureUrl(url, opts).then(
    () => {
      throw new Error('expected the capture to fail')
    },
    (e: unknown) => e as CaptureError,
  )

describe('capturing a page', () => {
  it('keeps the screenshot, HTML, visible text, title, status and both clocks', async () => {
    const fixed = new Date('2026-07-01T09:15:00Z') // British Summer Time: local is +01:00
    const c = await captureUrl(`${server.url}/capture/page`, { ...local, now: () => fixed })
    expect(c.title).toBe('Hollinbury parents forum: uniform row')
    expect(c.httpStatus).toBe(200)
    expect(c.finalUrl).toBe(`${server.url}/capture/page`)
    expect(c.text).toContain(CAPTURE_PAGE_TEXT)
    expect(c.html).toContain('<h1>Uniform row</h1>')
    expect(c.screenshot.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(c.capturedAtUtc).toBe('2026-07-01T09:15:00.000Z')
    expect(c.capturedAtLocal).toBe('2026-07-01T10:15:00+01:00')
    expect(c).toMatchObject({ partial: null, needsLogin: false, loginReasons: [] })
  }, 60_000)

  it('follows a redirect chain and records every hop and the final address', async () => {
    const c = await captureUrl(`${server.url}/capture/redirect/3`, local)
    expect(c.finalUrl).toBe(`${server.url}/capture/page?from=redirect`)
    expect(c.redirects).toEqual([
      `${server.url}/capture/redirect/3`,
      `${server.url}/capture/redirect/2`,
      `${server.url}/capture/redirect/1`,
      `${server.url}/capture/page?from=redirect`,
    ])
    expect(c.httpStatus).toBe(200)
  }, 60_000)

  it('flags a redirect to a sign-in form as a login wall and still keeps what was seen', async () => {
    const c = await captureUrl(`${server.url}/capture/group`, local)
    expect(c.needsLogin).toBe(true)
    expect(c.finalUrl).toContain('/capture/accounts/login')
    expect(c.loginReasons).toEqual(
      expect.arrayContaining([
        'the page shows a password box',
        'the site sent the browser to a sign-in address',
        'the page says "Log in to continue"',
      ]),
    )
    expect(c.screenshot.length).toBeGreaterThan(1000)
  }, 60_000)

  it('flags an HTTP 401 as a login wall', async () => {
    const c = await captureUrl(`${server.url}/capture/members-only`, local)
    expect(c.httpStatus).toBe(401)
    expect(c.needsLogin).toBe(true)
    expect(c.loginReasons[0]).toMatch(/HTTP 401/)
  }, 60_000)

  it('captures a page that never finishes loading as partial, with the reason, instead of hanging', async () => {
    const c = await captureUrl(`${server.url}/capture/never`, {
      ...local,
      navigationTimeoutMs: 3000,
    })
    expect(c.partial).toBe(
      'the page was still loading after 3 seconds; this is what had appeared by then',
    )
    expect(c.text).toContain(CAPTURE_PAGE_TEXT)
    expect(c.screenshot.length).toBeGreaterThan(1000)
  }, 60_000)

  it('fails with the reason when the site never answers at all', async () => {
    const e = await fail(`${server.url}/capture/silent`, { ...local, navigationTimeoutMs: 2000 })
    expect(e.code).toBe('timeout')
    expect(e.message).toMatch(/did not answer within 2 seconds/)
  }, 60_000)

  it('cuts the screenshot of an endless page and says so', async () => {
    const c = await captureUrl(`${server.url}/capture/endless`, {
      ...local,
      maxScreenshotHeight: 4000,
    })
    expect(c.pageHeight).toBeGreaterThan(200_000)
    expect(c.screenshotHeight).toBe(4000)
    expect(c.screenshot.readUInt32BE(20)).toBe(4000) // the PNG's own height field
    expect(c.partial).toMatch(/the screenshot shows the first 4,000/)
  }, 60_000)

  it('closes popups and dismisses dialogs rather than waiting for a person', async () => {
    const c = await captureUrl(`${server.url}/capture/popups`, local)
    expect(c.title).toBe('Pushy page')
    expect(c.text).toContain(CAPTURE_PAGE_TEXT)
  }, 60_000)

  it('refuses a download', async () => {
    const e = await fail(`${server.url}/capture/download`)
    expect(e.code).toBe('navigation_failed')
    expect(e.message).toMatch(/download/)
  }, 60_000)

  it('says when a site cannot be reached', async () => {
    // A port that was just free: refused at once, never the internet.
    const probe = createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    const port = (probe.address() as AddressInfo).port
    await new Promise((r) => probe.close(r))
    const e = await fail(`http://127.0.0.1:${port}/nothing`)
    expect(e.code).toBe('navigation_failed')
    expect(e.message).toBe(
      `Could not capture http://127.0.0.1:${port}/nothing: the site refused the connection.`,
    )
  }, 60_000)
})

describe('addresses refused before a browser starts', () => {
  const noBrowser = {
    ...local,
    launcher: () => Promise.reject(new Error('no browser may be started for a refused address')),
  }
  it.each([
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)', 'javascript'],
    ['data:text/html,<p>hi</p>', 'data'],
    ['ftp://example.org/x', 'ftp'],
  ])('%s', async (url, scheme) => {
    const e = await fail(url, noBrowser)
    expect(e.code).toBe('invalid_url')
    expect(e.message).toBe(
      `Only web pages (http:// or https://) can be captured, not ${scheme}: addresses.`,
    )
  })

  it('refuses this computer and private networks unless allowed', async () => {
    const e = await fail(`${server.url}/capture/page`, { ...noBrowser, allowPrivateNetwork: false })
    expect(e.code).toBe('private_address')
    expect(e.message).toMatch(/does not capture pages on this computer or the school's own network/)
    const viaName = await fail('http://router.example/admin', {
      ...noBrowser,
      allowPrivateNetwork: false,
      lookup: async () => ['192.168.1.1'],
    })
    expect(viaName.code).toBe('private_address')
  })

  it('adds https:// to an address pasted without it, and explains an empty one', async () => {
    const e = await fail('   ', noBrowser)
    expect(e.message).toBe('Paste the address of the page to capture.')
    const guard = createHostGuard(async (h) =>
      h === 'www.tiktok.com' ? ['203.0.113.9'] : ['10.0.0.8'],
    )
    expect(await guard('www.tiktok.com')).toBeNull()
    expect(await guard('intranet.local')).toMatch(/private network \(10\.0\.0\.8\)/)
  })
})
