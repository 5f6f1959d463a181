// Runs in: main process and CLI (Node), pure. CSV that spreadsheets open safely: RFC 4180 quoting
// (commas, quotes and line breaks inside cells survive a round trip) and no formula injection — a
// text cell starting with = + - @ (or a tab or carriage return, which some programs skip before
// reading a formula) is prefixed with an apostrophe, so a mention saying "=HYPERLINK(…)" stays words.

export type Cell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: numbers as they are, text guarded against formulas and quoted when it needs to be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (cells: Cell[]): string => cells.map(csvCell).join(',')

/**
 * A whole file: a byte-order mark (so Excel reads UTF-8 names and apostrophes correctly), the header,
 * then one line per row, CRLF as RFC 4180 says.
 */
export function csvFile(header: string[], rows: Iterable<Cell[]>): string {
  const lines = [csvRow(header)]
  for (const r of rows) lines.push(csvRow(r))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

/** A name safe on every file system, from a school name that may hold / : * ? " < > | and more. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'school'
}
