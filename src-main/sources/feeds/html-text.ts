/**
 * Runs in: main process and CLI (Node). Untrusted HTML (feed entries, wiki diffs) to plain
 * text. Everything downstream renders text only, so markup is dropped here, entities decoded,
 * block elements kept as line breaks so sentences do not run together.
 */
import { parse } from 'node-html-parser'

export const MAX_TEXT_CHARS = 20_000

export function htmlToText(html: string, maxChars = MAX_TEXT_CHARS): string {
  if (!html) return ''
  // <pre> is parsed as markup, not raw text: an unclosed <pre> (a snippet cut short) would
  // otherwise pass every tag after it, <script> included, through as "text".
  const root = parse(html, {
    blockTextElements: { script: false, style: false, noscript: false },
  })
  root.querySelectorAll('script, style, noscript, template').forEach((n) => n.remove())
  root.querySelectorAll('br').forEach((n) => n.replaceWith('\n'))
  const text = root.structuredText
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text
}

/** Titles are short: one line, no markup (Google Alerts wraps matches in <b>). */
export function cleanTitle(title: string | undefined | null): string | null {
  if (!title) return null
  const plain = /[<&]/.test(title) ? htmlToText(title, 1000) : title
  const oneLine = plain.replace(/\s+/g, ' ').trim()
  return oneLine || null
}
