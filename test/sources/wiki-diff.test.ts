// Runs in: tests (Node). Added and removed text from a recorded-shape action=compare body.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractDiff } from '../../src-main/sources/wikipedia'
import { DATA_DIR } from '../fixtures/server'
import { diffBody } from '../fixtures/wiki-diff'

const sample = JSON.parse(readFileSync(join(DATA_DIR, 'wiki', 'compare-sample.json'), 'utf8')) as {
  compare: { body: string }
}

describe('extractDiff', () => {
  it('takes only the marked words of changed lines, whole added/removed lines, no context', () => {
    const { added, removed } = extractDiff(sample.compare.body)
    expect(added.split('\n')).toEqual([
      'Requires Improvement',
      'Parents have complained about bullying & poor communication.',
      'Mrs',
    ])
    expect(removed.split('\n')).toEqual([
      'Good',
      'The school won a Healthy Schools award in 2022.',
      'The headteacher is Helen Okafor.',
    ])
    expect(added).not.toContain('== Ofsted ==')
  })

  it('agrees with the fixture diff generator', () => {
    const { added, removed } = extractDiff(
      diffBody('a\nrated Good.\nb', 'a\nrated Outstanding.\nb\nnew line'),
    )
    expect(added).toBe('Outstanding\nnew line')
    expect(removed).toBe('Good')
  })

  it('survives an empty or junk body', () => {
    expect(extractDiff('')).toEqual({ added: '', removed: '' })
    const junk = extractDiff('<tr><td class="diff-addedline"><div>unclosed <ins>x')
    expect(typeof junk.added).toBe('string')
    expect(junk.removed).toBe('')
  })
})
