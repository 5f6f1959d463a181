/**
 * Runs in: main process and CLI (Node). Refuses requests to loopback, private, link-local and
 * other non-public addresses, so a feed URL (or a redirect it sends us to) cannot make the app
 * read the school's router, a NAS, or a cloud metadata endpoint. A source can opt out with
 * allowPrivateNetwork (tests on 127.0.0.1, or an intranet feed the user chose deliberately).
 */
import { lookup as dnsLookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { SourceError } from '../errors'

export type Lookup = (host: string) => Promise<string[]>

export const defaultLookup: Lookup = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true })
  return found.map((a) => a.address)
}

const blocked = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, bits, 'ipv4')
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, bits, 'ipv6')
}

/** An IPv4 address carried inside IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(v6: string): string | null {
  const lower = v6.toLowerCase()
  const m = /^(?:::ffff:|64:ff9b::)(.+)$/.exec(lower)
  if (!m) return null
  const rest = m[1]
  if (isIP(rest) === 4) return rest
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest)
  if (!hex) return null
  const hi = parseInt(hex[1], 16)
  const lo = parseInt(hex[2], 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

export function isPrivateAddress(address: string): boolean {
  const addr = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(addr)
  if (family === 4) return blocked.check(addr, 'ipv4')
  if (family === 6) {
    const v4 = embeddedIpv4(addr)
    if (v4) return blocked.check(v4, 'ipv4')
    return blocked.check(addr, 'ipv6')
  }
  // Not an address at all: treat as unsafe rather than guess.
  return true
}

/**
 * Throws private_address when the URL's host is, or resolves to, a non-public address.
 * `from` names the host that redirected here, for the message.
 */
export async function assertPublicHost(url: URL, lookup: Lookup, from?: string): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  if (isIP(host)) {
    addresses = [host]
  } else {
    try {
      addresses = await lookup(host)
    } catch (e) {
      throw new SourceError('connection_failed', `could not resolve host ${url.host}`, url.href, {
        cause: e,
      })
    }
  }
  const bad = addresses.find(isPrivateAddress)
  if (bad === undefined && addresses.length > 0) return
  const what = bad ?? 'no address'
  const message = from
    ? `redirect from ${from} to private address ${what} (${url.host}) refused`
    : `${url.host} is a private address (${what}); allow private network for this source to use it`
  throw new SourceError('private_address', message, url.href)
}
