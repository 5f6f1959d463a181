// Runs in: Vitest (Node). Pieces of hostile feeds shared by the feed fuzz files.
import fc from 'fast-check'
import { hostileText } from './fuzz'

export const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Dates as feeds write them, and as they should not. */
export const dateText = fc.oneof(
  fc
    .date({ min: new Date(0), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true })
    .map((d) => d.toUTCString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('Tue, 04 Mar 2025 09:00:00 BST', '2025-03-04', 'not a date', '', '0', '1e21'),
  hostileText(6),
)
