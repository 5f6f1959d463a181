// Runs in: main process and CLI (Node), pure. Every piece of text that reaches a report's HTML passes
// through here: mentions, names and page titles are untrusted and must never become markup.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML text or attribute value; null and undefined become empty. */
export function esc(value: unknown): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/** A tagged template whose every interpolation is escaped, unless it is already trusted Html. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

type Part = unknown
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]
  parts.forEach((p, i) => {
    out += render(p) + strings[i + 1]
  })
  return new Html(out)
}

function render(p: Part): string {
  if (p instanceof Html) return p.value
  if (Array.isArray(p)) return p.map(render).join('')
  if (p === false) return ''
  return esc(p)
}

/** Markup we generated ourselves (an ECharts SVG): the only way around escaping. */
export const trusted = (markup: string) => new Html(markup)
