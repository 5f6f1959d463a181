/**
 * Runs in: main process and CLI (Node). Reads the table rows of an action=compare diff and says
 * what text an edit added and what it removed. On a changed line only the marked words count
 * (<ins>/<del>), so a one-word vandal edit shows that word, not the whole paragraph.
 */
import { parse, type HTMLElement } from 'node-html-parser'
import { MAX_TEXT_CHARS } from '../feeds/html-text'

export interface DiffText {
  added: string
  removed: string
}

function text(el: HTMLElement): string {
  return el.text.replace(/\s+/g, ' ').trim()
}

function marked(cell: HTMLElement, tag: 'ins' | 'del'): string {
  const parts = cell.querySelectorAll(tag).map(text).filter(Boolean)
  // A changed line with no inline marks (whitespace-only change, moved text): the whole line.
  return parts.length ? parts.join(' … ') : text(cell)
}

function cap(lines: string[]): string {
  const joined = lines.filter(Boolean).join('\n')
  return joined.length > MAX_TEXT_CHARS ? `${joined.slice(0, MAX_TEXT_CHARS)}…` : joined
}

export function extractDiff(bodyHtml: string): DiffText {
  // The rows arrive without a <table>; wrap them so the parser keeps <tr>/<td> structure.
  const root = parse(`<table>${bodyHtml}</table>`)
  const added: string[] = []
  const removed: string[] = []
  for (const row of root.querySelectorAll('tr')) {
    const add = row.querySelector('td.diff-addedline')
    const del = row.querySelector('td.diff-deletedline')
    if (add && del) {
      added.push(marked(add, 'ins'))
      removed.push(marked(del, 'del'))
    } else if (add) {
      added.push(
        add.querySelector('ins') && row.querySelector('a[name]') ? marked(add, 'ins') : text(add),
      )
    } else if (del) {
      removed.push(
        del.querySelector('del') && row.querySelector('a[name]') ? marked(del, 'del') : text(del),
      )
    }
  }
  return { added: cap(added), removed: cap(removed) }
}
