import { describe, expect, it } from 'vitest'
import { candidateBrowserPaths, findBrowser, NoBrowserError } from '../src-main/core/browser'

describe('findBrowser', () => {
  it('finds Chrome under Program Files on Windows', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files' }
    const path = findBrowser({
      platform: 'win32',
      env,
      exists: (p) => p === 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    })
    expect(path).toBe('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe')
  })

  it('prefers Chrome over Edge on macOS when both exist', () => {
    const path = findBrowser({ platform: 'darwin', env: { HOME: '/Users/x' }, exists: () => true })
    expect(path).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
  })

  it('uses only the override when one is set, and reports it when missing', () => {
    const err = (() => {
      try {
        findBrowser({ override: '/opt/mybrowser', platform: 'linux', env: {}, exists: () => false })
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(NoBrowserError)
    expect((err as NoBrowserError).tried).toEqual(['/opt/mybrowser'])
    expect((err as Error).message).toMatch(/No Chrome, Edge or Chromium/)
  })

  it('reads FOOTPRINT_BROWSER from the environment', () => {
    const path = findBrowser({
      platform: 'linux',
      env: { FOOTPRINT_BROWSER: '/x/chrome' },
      exists: (p) => p === '/x/chrome',
    })
    expect(path).toBe('/x/chrome')
  })

  it('lists the usual Linux locations', () => {
    expect(candidateBrowserPaths('linux', {})).toContain('/usr/bin/chromium')
  })
})
