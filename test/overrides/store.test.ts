// Runs in: Vitest (Node). Migration 0005 and the verdict repository on their own: the history table's
// rules, the mention_verdicts view (the one place the effective verdict is worked out), and where the
// engine's evidence lands in the fields the screens show.
import { describe, expect, it } from 'vitest'
import { createStore, openDataDir } from '../../src-main/store'
import { locateEvidence } from '../../src-main/store/repos/analyses'
import { tempDir } from '../helpers/tmp'
import { AT, seedSchoolAndSource } from './seed'

function setup() {
  const store = createStore(openDataDir(tempDir()))
  return { store, ...seedSchoolAndSource(store) }
}

const correction = (mentionId: number) => ({
  mentionId,
  actor: 'test',
  userId: null,
  sentiment: 'negative' as const,
  flags: ['complaint' as const],
  priority: 'normal' as const,
  owner: 'head' as const,
  note: '',
})

describe('migration 0005: corrections beside the machine verdict', () => {
  it('keeps corrections as a history: whole verdicts only, never edited', () => {
    const { store, mention } = setup()
    const id = mention('Words', { sentiment: { label: 'positive', score: 0.3 } })
    const half = store.db.prepare(
      `INSERT INTO analysis_overrides (mention_id, kind, actor, sentiment_label, note, created_at)
       VALUES (?, 'correct', 'x', 'negative', '', ?)`,
    )
    expect(() => half.run(id, AT)).toThrow(/a correction holds the whole verdict/)
    const rowId = store.analyses.addCorrection(correction(id), AT)
    expect(() =>
      store.db.prepare("UPDATE analysis_overrides SET note = 'changed' WHERE id = ?").run(rowId),
    ).toThrow(/is a history/)
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO analysis_overrides (mention_id, kind, actor, flags_json, created_at)
           VALUES (?, 'clear', 'x', '[]', ?)`,
        )
        .run(id, AT),
    ).toThrow(/a clear holds none/)
  })

  it('gives one effective verdict per mention: the latest correction, else the machine’s', () => {
    const { store, mention, school } = setup()
    const id = mention('Words', { sentiment: { label: 'positive', score: 0.3 }, flags: ['praise'] })
    const unanalysed = mention('Nothing yet', null)
    const view = store.db.prepare(
      `SELECT sentiment_label, sentiment_score, flags_json, priority, owner_role, correction_id,
       counted FROM mention_verdicts WHERE mention_id = ?`,
    )
    expect(view.get(id)).toMatchObject({ sentiment_label: 'positive', sentiment_score: 0.3, correction_id: null, counted: 1 }) // prettier-ignore
    expect(view.get(unanalysed)).toMatchObject({ sentiment_label: null, flags_json: null })

    const first = store.analyses.addCorrection(correction(id), AT)
    // A different label: a middle score for it, so averages move with the correction.
    expect(view.get(id)).toMatchObject({ sentiment_label: 'negative', sentiment_score: -0.5, flags_json: '["complaint"]', priority: 'normal', owner_role: 'head', correction_id: first }) // prettier-ignore
    const second = store.analyses.addCorrection({ ...correction(id), sentiment: 'positive', flags: [] }, AT) // prettier-ignore
    // The same label as the machine's: the machine's score stands.
    expect(view.get(id)).toMatchObject({ sentiment_label: 'positive', sentiment_score: 0.3, flags_json: '[]', correction_id: second }) // prettier-ignore
    store.analyses.addClear({ mentionId: id, actor: 'test', userId: null, note: '' }, AT)
    expect(view.get(id)).toMatchObject({ sentiment_label: 'positive', flags_json: '["praise"]', correction_id: null }) // prettier-ignore

    store.analyses.addCorrection(correction(id), AT)
    const flags = store.db
      .prepare('SELECT flag FROM mention_verdict_flags WHERE school_id = ? ORDER BY flag')
      .all(school.id)
    expect(flags).toEqual([{ flag: 'complaint' }])
    expect(store.analyses.history(id).map((h) => h.kind)).toEqual([
      'correction',
      'cleared',
      'correction',
      'correction',
    ])
  })

  it('counts only counted mentions, by their effective verdict', () => {
    const { store, mention, school } = setup()
    const a = mention('One', { sentiment: { label: 'positive', score: 0.3 }, flags: ['praise'] })
    mention('Two', { sentiment: { label: 'negative', score: -0.3 } }, { hidden: true })
    store.analyses.addCorrection(correction(a), AT)
    expect(store.counts.verdicts(school.id)).toMatchObject({
      analysed: 1,
      corrected: 1,
      sentiment: { negative: 1, positive: 0, neutral: 0 },
      priority: { normal: 1, low: 0 },
      flags: { complaint: 1, praise: 0 },
    })
  })
})

describe('locating evidence in the shown fields', () => {
  const span = (start: number, end: number) => ({
    start,
    end,
    signal: 'complaint' as const,
    rule: 'r',
    explanation: 'e',
  })
  it('maps offsets of "title\\ntext" onto the title and the text, cutting a span that crosses the join', () => {
    const title = 'Awful day' // 9 characters, then the newline at 9, the text from 10
    const text = 'Truly awful'
    const spans = [span(0, 5), span(16, 21), span(6, 15)]
    expect(locateEvidence(spans, title, text.length).map((s) => [s.field, s.start, s.end])).toEqual(
      [
        ['title', 0, 5],
        ['text', 6, 11],
        ['title', 6, 9],
        ['text', 0, 5],
      ],
    )
  })
  it('keeps offsets as they are without a title, and drops what lies beyond the text', () => {
    expect(locateEvidence([span(2, 4), span(40, 50)], null, 10)).toEqual([
      { field: 'text', start: 2, end: 4, signal: 'complaint', rule: 'r', explanation: 'e' },
    ])
  })
})
