// Runs in: Vitest (Node). Source errors are stored, listed, exported and logged: a server that echoes
// the credentials it was sent must not get them into any of those (src-main/sources/http/redact.ts).
import { describe, expect, it } from 'vitest'
import { redactSecrets, rememberSecret } from '../../src-main/sources/http/redact'
import { SourceError } from '../../src-main/sources/errors'
import { scopedCredentials } from '../../src-main/sources/run-context'

describe('redacting secrets from source errors', () => {
  it('masks a secret handed to a connector in every spelling, wherever the server put it', async () => {
    const token = 'tok/en+with=odd chars 9Z'
    const creds = scopedCredentials({ get: async (n) => (n === 'x.bearerToken' ? token : null) }, 3)
    expect(await creds.get('x.bearerToken')).toBe(token)
    const spelled = [
      token,
      encodeURIComponent(token),
      JSON.stringify(token).slice(1, -1),
      Buffer.from(token).toString('base64').replace(/=+$/, ''),
    ]
    for (const s of spelled) {
      const e = new SourceError('auth', `X said: unknown credential <${s}> (HTTP 401)`, `https://api.example/?q=${s}`) // prettier-ignore
      expect(e.message).toBe('X said: unknown credential <••••> (HTTP 401)')
      expect(e.url).not.toContain(s)
    }
  })

  it('masks anything shaped like a credential, even one it was never told about', () => {
    expect(redactSecrets('GET /v1/places?key=AIzaNeverSeen123&fields=rating')).toBe(
      'GET /v1/places?key=••••&fields=rating',
    )
    expect(redactSecrets('{"authorization":"Bearer abcdefghijkl.mnop"}')).toBe(
      '{"authorization":"Bearer ••••"}',
    )
    expect(redactSecrets('{"identifier":"school.bsky.social","password":"abcd-efgh-ijkl"}')).toBe(
      '{"identifier":"school.bsky.social","password":"••••"}',
    )
    expect(redactSecrets('access_token=EAAGxyz123456&after=QVFI')).toBe(
      'access_token=••••&after=QVFI',
    )
    expect(redactSecrets('client_secret: GOCSPX-abcdef refresh_token=1//0gxyz')).toBe(
      'client_secret: •••• refresh_token=••••',
    )
  })

  it('leaves ordinary messages alone', () => {
    for (const m of [
      'HTTP 404 from news.example',
      'X refused the bearer token (HTTP 401): reconnect X in settings',
      'Google Places refused the API key (revoked, restricted, or Places API (New) not enabled)',
      'no answer from api.example within 30 s',
      'not a feed: HTML page',
    ])
      expect(redactSecrets(m)).toBe(m)
    rememberSecret('abc') // too short to be a key: would blank ordinary words
    expect(redactSecrets('abcde abc')).toBe('abcde abc')
  })
})
