// Runs in: Vitest (Node). `footprint demo` as a user types it: bad options are named, and a data
// folder with a real school is refused with a clear message before anything is written. (The full
// run is in demo.test.ts, in-process, where its results can be inspected.)
import { describe, expect, it } from 'vitest'
import { runFootprint } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

// Each call is a fresh process compiling the CLI: seconds each on a busy machine.
const SLOW = { timeout: 120_000 }

describe('footprint demo (command line)', () => {
  it('names a bad --scale or --seed', SLOW, () => {
    const dir = tempDir()
    const scale = runFootprint(dir, 'demo', '--scale', 'lots')
    expect(scale.code).toBe(1)
    expect(scale.err).toContain('--scale must be a number from 0.01 to 5, not "lots"')
    const seed = runFootprint(dir, 'demo', '--seed', '-3')
    expect(seed.code).toBe(1)
    expect(seed.err).toContain('--seed must be a whole number')
  })

  it('refuses a folder that already holds a real school, and writes nothing', SLOW, () => {
    const dir = tempDir()
    const add = runFootprint(
      dir,
      'schools',
      'add',
      '--name',
      "St Aldhelm's C of E Primary School",
      '--town',
      'Hollinbury',
    )
    expect(add.code).toBe(0)
    const r = runFootprint(dir, 'demo')
    expect(r.code).toBe(1)
    expect(r.err).toContain(
      "This data folder already holds a school (St Aldhelm's C of E Primary School)",
    )
    expect(r.err).toContain('--data-dir')
    const sources = runFootprint(dir, 'sources', 'list', '--json')
    expect(JSON.parse(sources.out)).toEqual([])
  })
})
