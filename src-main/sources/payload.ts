/**
 * Runs in: main process and CLI (Node). Reading fields of an API's JSON without trusting its
 * shape: a field documented as text may arrive as a number, an object or null, and a link may be
 * "javascript:…". Connectors read through these, so a strange payload yields an item with that
 * field empty instead of a TypeError deep in a run (found by the fuzz suite, test/fuzz).
 */

/** The value when it is text, else null. */
export function textOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}

/** The value when it is non-blank text, else null: for ids and names. */
export function idOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null
}

/** An absolute http(s) address, else null: links are shown to users and opened on request. */
export function httpUrlOrNull(v: unknown): string | null {
  if (typeof v !== 'string') return null
  try {
    const u = new URL(v)
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : null
  } catch {
    return null
  }
}

/** A plain JSON object (not null, not an array), else an empty one to read nothing from. */
export function objectOr(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {}
}

/** The value when it is an array, else an empty one. */
export function arrayOr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/**
 * encodeURIComponent that cannot throw: a lone surrogate (possible in any JSON string) makes the
 * built-in throw URIError, so it becomes U+FFFD first.
 */
export function encodePart(s: string): string {
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  )
}
