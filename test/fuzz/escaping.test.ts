// Runs in: Vitest (Node). Fuzzes the two escapers untrusted text passes through on its way out: the
// CSV writer of exports (RFC 4180 round trip; a cell that would start a spreadsheet formula always
// neutralised) and the report HTML escaper (no raw < > " ' & from the input survives; unescaping
// gives the input back; markup only where the template put it).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvCell, csvFile, fileSlug, type Cell } from '../../src-main/exports/csv'
import {
  MENTION_COLUMNS,
  mentionsCsv,
  mentionsJsonl,
  type MentionRecord,
} from '../../src-main/exports/mentions'
import { esc, html, trusted } from '../../src-main/reports/escape'
import { MAX_CASE_MS, ensure, hostileText, params, timed } from './fuzz'

/** A strict RFC 4180 reader: what a spreadsheet sees. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
      } else if (c === '"') {
        quoted = false
        i++
      } else {
        cell += c
        i++
      }
    } else if (c === '"' && cell === '') {
      quoted = true
      i++
    } else if (c === ',') {
      row.push(cell)
      cell = ''
      i++
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 2
    } else {
      ensure(
        c !== '"' && c !== '\r' && c !== '\n',
        'a bare quote or line break outside quotes',
        text,
      )
      cell += c
      i++
    }
  }
  ensure(
    !quoted && cell === '' && row.length === 0,
    'the file ends with CRLF after a whole row',
    text,
  )
  return rows
}

const FORMULA = /^[=+\-@\t\r]/
/** A cell a spreadsheet would evaluate: a formula start, unless it is a plain negative number. */
const live = (c: string) => FORMULA.test(c) && !(/^-\d/.test(c) && Number.isFinite(Number(c)))

const cellText = fc.oneof(
  hostileText(12),
  fc.string({ maxLength: 20 }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', '"=', "'="), hostileText(6))
    .map(([a, b]) => a + b),
)
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: cellText },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    ),
  },
)

function expected(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  return FORMULA.test(v) ? `'${v}` : v
}

describe('CSV escaping fuzz', () => {
  it('any rows round-trip through an RFC 4180 reader; formula cells are always neutralised', () => {
    const { fn, stats } = timed((header: string[], rows: Cell[][]) => {
      const text = csvFile(header, rows)
      ensure(text.startsWith('\ufeff'), 'a BOM for Excel')
      const back = readCsv(text.slice(1))
      ensure(back.length === rows.length + 1, 'one line per row', { header, rows })
      back.forEach((r, i) => {
        const want = (i === 0 ? header : rows[i - 1]).map(expected)
        // An empty row reads as one empty cell.
        ensure(
          JSON.stringify(r) === JSON.stringify(want.length ? want : ['']),
          'cells round-trip',
          { r, want },
        )
        for (const c of r) ensure(!live(c), 'no cell starts a formula', c)
      })
    })
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 4 }),
        fn,
      ),
      params(),
    )
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('csvCell is one cell: no unquoted comma, quote or line break', () => {
    fc.assert(
      fc.property(cell, (v) => {
        const out = csvCell(v)
        if (/[",\r\n]/.test(out)) ensure(out.startsWith('"') && out.endsWith('"'), 'quoted', out)
        ensure(!live(out.replace(/^"/, '')), 'neutralised', out)
      }),
      params(),
    )
  })

  it('mention exports: every column of hostile records stays inert in CSV and JSON Lines round-trips', () => {
    const record = fc.record(
      Object.fromEntries(
        MENTION_COLUMNS.map((c) => [
          c,
          c === 'flags' ? fc.array(cellText, { maxLength: 3 }) : cell,
        ]),
      ) as Record<(typeof MENTION_COLUMNS)[number], fc.Arbitrary<Cell | string[]>>,
    )
    fc.assert(
      fc.property(fc.array(record, { maxLength: 3 }), (records) => {
        const rows = readCsv(mentionsCsv(records as MentionRecord[]).slice(1))
        ensure(rows.length === records.length + 1, 'one row per mention')
        for (const r of rows) {
          ensure(r.length === MENTION_COLUMNS.length, 'every column', r)
          for (const c of r) ensure(!live(c), 'no cell starts a formula', c)
        }
        const lines = mentionsJsonl(records as MentionRecord[])
          .split('\n')
          .filter(Boolean)
        ensure(lines.length === records.length, 'one line per mention')
        lines.forEach((l, i) =>
          ensure(
            JSON.stringify(JSON.parse(l)) === JSON.stringify(records[i]),
            'JSON round trip',
            l,
          ),
        )
      }),
      params(),
    )
  })

  it('fileSlug is always a safe, non-empty file name', () => {
    fc.assert(
      fc.property(hostileText(20), (name) => {
        const s = fileSlug(name)
        ensure(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length <= 60, 'safe slug', { name, s })
      }),
      params(),
    )
  })
})

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

describe('report HTML escaping fuzz', () => {
  it('esc leaves no raw < > " \' and unescapes back to the input', () => {
    const { fn, stats } = timed((v: string) => {
      const out = esc(v)
      ensure(!/[<>"']/.test(out), 'no raw markup characters', out)
      ensure(!/&(?!(?:amp|lt|gt|quot|#39);)/.test(out), 'every & is an entity we wrote', out)
      ensure(unescape(out) === v, 'reversible', v)
    })
    fc.assert(
      fc.property(fc.oneof(hostileText(20), fc.string({ unit: 'binary', maxLength: 40 })), fn),
      params(),
    )
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('html`` escapes every interpolation (nested lists too); only trusted() markup passes', () => {
    const part = fc.oneof(
      hostileText(8),
      fc.integer(),
      fc.constant(null),
      fc.constant(false),
      fc.array(hostileText(4), { maxLength: 3 }),
    )
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const inner = html`<ul>
          ${parts.map((p) => html`<li title="${p}">${p}</li>`)}
        </ul>`
        const page = html`<div>${inner}${trusted('<svg></svg>')}</div>`.value
        // The only tags are the template's own: the input added none.
        const tags = page.match(/</g)?.length ?? 0
        ensure(tags === 4 + parts.length * 2 + 2, 'no markup from the input', page)
        ensure(!/<(?!\/?(?:div|ul|li|svg)[ >])/.test(page), 'only our elements', page)
      }),
      params(),
    )
  })
})
