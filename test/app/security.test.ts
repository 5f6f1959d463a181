import { describe, expect, it, vi } from 'vitest'

// The Electron runtime is not installed on build machines; the checks here are pure logic.
vi.mock('electron', () => ({ app: {}, dialog: {}, session: {}, shell: {} }))
const { isSafeExternalUrl, isTrustedSender, secureWebPreferences } =
  await import('../../src-main/app/security')

describe('Electron security settings', () => {
  it('locks the window down', () => {
    const p = secureWebPreferences('/x/preload.js')
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it.each([
    ['https://www.mumsnet.com/talk/thread', true],
    ['http://news.example/story', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['mailto:head@school.example', false],
    ['https://user:pass@evil.example/', false],
    ['not a url', false],
    ['ms-settings:privacy', false],
  ])('opens %s externally: %s', (url, ok) => {
    expect(isSafeExternalUrl(url)).toBe(ok)
  })

  const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never

  it('accepts IPC only from the top frame of the app page', () => {
    const app = 'file:///opt/footprint/out/renderer/index.html'
    expect(
      isTrustedSender(event('file:///opt/footprint/out/renderer/index.html#/today'), app),
    ).toBe(true)
    expect(isTrustedSender(event('file:///tmp/evil.html'), app)).toBe(false)
    expect(isTrustedSender(event('https://evil.example/'), app)).toBe(false)
    expect(isTrustedSender(event(app, {}), app)).toBe(false)
    expect(isTrustedSender({ senderFrame: null } as never, app)).toBe(false)
    const dev = 'http://localhost:5173/'
    expect(isTrustedSender(event('http://localhost:5173/#/setup'), dev)).toBe(true)
    expect(isTrustedSender(event('http://localhost:5174/'), dev)).toBe(false)
  })
})
