import { describe, expect, it } from 'vitest'
import { defaultDataDir, resolveDataDir } from '../src-main/core/paths'

describe('data folder', () => {
  it('matches Electron userData for each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/jo')).toBe('/home/jo/.config/Footprint')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/jo')).toBe('/cfg/Footprint')
    expect(defaultDataDir('darwin', {}, '/Users/jo')).toBe(
      '/Users/jo/Library/Application Support/Footprint',
    )
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\jo\\AppData\\Roaming' }, 'C:\\Users\\jo'),
    ).toContain('Footprint')
  })

  it('prefers --data-dir, then FOOTPRINT_DATA_DIR', () => {
    expect(resolveDataDir('/flag', { FOOTPRINT_DATA_DIR: '/env' })).toBe('/flag')
    expect(resolveDataDir(undefined, { FOOTPRINT_DATA_DIR: '/env' })).toBe('/env')
    expect(resolveDataDir(undefined, {}, '/fallback')).toBe('/fallback')
  })
})
