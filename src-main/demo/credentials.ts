// Runs in: CLI (Node). The demo's own stand-in secrets: made-up tokens that only the demo server
// accepts. They are handed to the connectors for the demo run and never written to the secrets store,
// so a demo data folder holds no credential of any kind.
import type { Credentials } from '../sources/credentials'

export const DEMO_SECRETS: Readonly<Record<string, string>> = {
  'google_business.client_id': 'demo-client.apps.example',
  'google_business.client_secret': 'demo-client-secret',
  'google_business.refresh_token': 'demo-refresh-token',
  'google_places.api_key': 'demo-places-key',
  'x.bearerToken': 'demo-x-bearer',
  'bluesky.handle': 'hollowmere.bsky.social',
  'bluesky.appPassword': 'demo-demo-demo-demo',
  'facebook.pageAccessToken': 'demo-page-token',
  'instagram.accessToken': 'demo-page-token',
}

export const DEMO_ACCESS_TOKEN = 'ya29.demo-access-token'

export const demoCredentials: Credentials = {
  async get(name) {
    // Per-source names (`x.bearerToken:12`) fall back to the install-wide one, as the store does.
    return DEMO_SECRETS[name] ?? DEMO_SECRETS[name.replace(/:\d+$/, '')] ?? null
  },
}
