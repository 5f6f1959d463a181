// Runs in: Vitest (Node). `footprint mentions correct|corrections|clear-correction` as a user runs them.
import { describe, expect, it } from 'vitest'
import { createStore, openDataDir } from '../../src-main/store'
import { runFootprint } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'
import { seedSchoolAndSource } from './seed'

function seeded(): { dir: string; id: number } {
  const dir = tempDir()
  const db = openDataDir(dir)
  const { mention } = seedSchoolAndSource(createStore(db))
  const id = mention('Great, another INSET day. Thanks for the notice', {
    sentiment: { label: 'positive', score: 0.4 },
    flags: ['praise'],
  })
  db.close()
  return { dir, id }
}

describe('footprint mentions correct', { timeout: 180_000 }, () => {
  it('corrects, lists by the corrected verdict, shows the history and clears', () => {
    const { dir, id } = seeded()
    const bad = runFootprint(dir, 'mentions', 'correct', String(id), '--flags', 'complaint,rude')
    expect(bad.code).not.toBe(0)
    expect(bad.err).toContain('flags.1')
    expect(bad.err).toContain('"rude" is not a policy flag')
    const none = runFootprint(dir, 'mentions', 'correct', String(id))
    expect(none.code).not.toBe(0)
    expect(none.err).toContain('sentiment')

    const ok = runFootprint(
      dir, 'mentions', 'correct', String(id),
      '--sentiment', 'negative', '--flags', 'complaint', '--note', 'Sarcasm about INSET days',
    ) // prettier-ignore
    expect(ok.err).toBe('')
    expect(ok.out).toBe(`Mention ${id} is now: negative; complaint; normal → head (corrected)\n`)

    const list = runFootprint(dir, 'mentions', 'list', '--sentiment', 'negative', '--json')
    expect(JSON.parse(list.out).items.map((m: { id: number }) => m.id)).toEqual([id])

    const history = runFootprint(dir, 'mentions', 'corrections', String(id))
    expect(history.out).toContain('someone at the command line')
    expect(history.out).toContain('negative; complaint; normal → head')
    expect(history.out).toContain('Sarcasm about INSET days')

    const cleared = runFootprint(dir, 'mentions', 'clear-correction', String(id))
    expect(cleared.out).toContain("back to the machine's verdict: positive; praise")
  })
})
