// Runs in: main process and CLI (Node). Which addresses a capture may open. Only web pages: a
// file: or javascript: address would read this computer or run script in our browser, and a page
// on the school's own network (a router, a NAS, a cloud metadata endpoint) is not "something said
// online". Every request the page makes is checked too, so a public page cannot redirect or embed
// its way into the local network. Tests (and an intranet page chosen deliberately) opt out.
import { isIP } from 'node:net'
import { defaultLookup, isPrivateAddress, type Lookup } from '../sources/http/address'
import { CaptureError } from './errors'

export { defaultLookup, type Lookup }

export const MAX_URL_LENGTH = 4096

/** Parses what the user pasted; throws invalid_url saying exactly what is wrong. */
export function parseCaptureUrl(input: string): URL {
  const text = input.trim()
  if (!text) throw new CaptureError('invalid_url', 'Paste the address of the page to capture.')
  if (text.length > MAX_URL_LENGTH)
    throw new CaptureError('invalid_url', `That address is over ${MAX_URL_LENGTH} characters.`)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    throw new CaptureError(
      'invalid_url',
      `Only web pages (http:// or https://) can be captured, not ${scheme}: addresses.`,
    )
  }
  let url: URL
  try {
    // People paste "tiktok.com/@someone" without the scheme; browsers accept that, so do we.
    url = new URL(scheme ? text : `https://${text}`)
  } catch {
    throw new CaptureError('invalid_url', `"${text}" is not a web address.`)
  }
  if (!url.hostname) throw new CaptureError('invalid_url', `"${text}" has no site name in it.`)
  return url
}

/** The reason a host may not be visited, or null when it is public. Results are cached per host. */
export function createHostGuard(lookup: Lookup = defaultLookup) {
  const cache = new Map<string, Promise<string | null>>()
  async function check(host: string): Promise<string | null> {
    const bare = host.replace(/^\[|\]$/g, '')
    let addresses: string[]
    if (isIP(bare)) addresses = [bare]
    else {
      try {
        addresses = await lookup(bare)
      } catch {
        return `could not find the site ${host}`
      }
    }
    const bad = addresses.find(isPrivateAddress)
    if (bad !== undefined || addresses.length === 0)
      return `${host} is on this computer or a private network (${bad ?? 'no address'})`
    return null
  }
  return (host: string): Promise<string | null> => {
    let p = cache.get(host)
    if (!p) {
      p = check(host)
      cache.set(host, p)
    }
    return p
  }
}

/** Throws private_address (or invalid_url when the name does not resolve) for the first page. */
export async function assertPublicPage(url: URL, lookup: Lookup = defaultLookup): Promise<void> {
  const reason = await createHostGuard(lookup)(url.hostname)
  if (!reason) return
  if (reason.startsWith('could not find'))
    throw new CaptureError('navigation_failed', `Could not capture ${url.href}: ${reason}.`)
  throw new CaptureError(
    'private_address',
    `Footprint does not capture pages on this computer or the school's own network: ${reason}.`,
  )
}
