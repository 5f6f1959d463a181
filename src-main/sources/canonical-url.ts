/**
 * Runs in: main process and CLI (Node). One spelling per link, so the same article found via a
 * Google Alert, a news feed and a paste is recognised as one item: redirect wrappers unwrapped,
 * tracking parameters dropped, host lower-cased, fragment dropped, parameters sorted.
 */

/** Parameters that only say how someone arrived, never what the page is. */
const TRACKING_EXACT = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'si',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'share_id',
  'rdt',
  'cmpid',
  'ocid',
  'ncid',
  'ito',
  'spm',
  'mkt_tok',
  'oly_enc_id',
  'oly_anon_id',
  'vero_id',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  '__twitter_impression',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'smid',
  'sr_share',
])
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'wt_']

function isTracking(name: string): boolean {
  const n = name.toLowerCase()
  return TRACKING_EXACT.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p))
}

/** Redirect wrappers we can unwrap without a network request: host test → parameter names. */
const WRAPPERS: Array<{ host: RegExp; path: RegExp; params: string[] }> = [
  // google.com/url?url=… (Alerts) and ?q=… (search results), on any Google country domain.
  { host: /(^|\.)google\.[a-z.]+$/, path: /^\/url$/, params: ['url', 'q'] },
  { host: /^(l|lm|m|www)\.facebook\.com$/, path: /^\/l\.php$/, params: ['u'] },
  { host: /^l\.instagram\.com$/, path: /^\/$/, params: ['u'] },
  { host: /(^|\.)youtube\.com$/, path: /^\/redirect$/, params: ['q'] },
  { host: /^out\.reddit\.com$/, path: /.*/, params: ['url'] },
  { host: /^(href\.li|anon\.to)$/, path: /.*/, params: [] },
  { host: /safelinks\.protection\.outlook\.com$/, path: /.*/, params: ['url'] },
  { host: /^(www\.)?linkedin\.com$/, path: /^\/redir\/redirect\/?$/, params: ['url'] },
  { host: /^t\.umblr\.com$/, path: /^\/redirect$/, params: ['z'] },
]

function isHttp(u: string): boolean {
  return /^https?:\/\//i.test(u)
}

/** The target of a known redirect wrapper, repeatedly; the input when it is not one. */
export function unwrapRedirect(url: string): string {
  let current = url
  for (let depth = 0; depth < 5; depth++) {
    let parsed: URL
    try {
      parsed = new URL(current)
    } catch {
      return current
    }
    const host = parsed.hostname.toLowerCase()
    const rule = WRAPPERS.find((w) => w.host.test(host) && w.path.test(parsed.pathname))
    if (!rule) return current
    let target: string | null = null
    for (const p of rule.params) {
      const v = parsed.searchParams.get(p)
      if (v && isHttp(v)) {
        target = v
        break
      }
    }
    // href.li/?https://… carries the target as the whole query string.
    if (!target && rule.params.length === 0) {
      const q = decodeURIComponent(parsed.search.slice(1))
      if (isHttp(q)) target = q
    }
    if (!target) return current
    current = target
  }
  return current
}

/** Canonical form for dedup. Unparseable input comes back trimmed, not thrown. */
export function canonicalUrl(url: string): string {
  const unwrapped = unwrapRedirect(url.trim())
  let u: URL
  try {
    u = new URL(unwrapped)
  } catch {
    return unwrapped
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href
  u.hash = ''
  u.username = ''
  u.password = ''
  // URL already lower-cases the host and drops default ports; a trailing dot is the same host.
  u.hostname = u.hostname.replace(/\.$/, '')
  const kept = [...u.searchParams].filter(([k]) => !isTracking(k))
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
  u.search = ''
  for (const [k, v] of kept) u.searchParams.append(k, v)
  return u.href
}
