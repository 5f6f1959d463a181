// Runs in: tests (Node). Canonical URLs: one spelling per link for dedup.
import { describe, expect, it } from 'vitest'
import { canonicalUrl, unwrapRedirect } from '../../src-main/sources/canonical-url'

describe('canonicalUrl', () => {
  it('unwraps a Google Alerts redirect and strips its tracking', () => {
    const wrapped =
      'https://www.google.com/url?rct=j&sa=t&url=https://www.hollinburygazette.co.uk/news/st-aldhelms%3Futm_source%3Dgoogle%26id%3D7&ct=ga&cd=CAEY&usg=AOvVaw1'
    expect(canonicalUrl(wrapped)).toBe('https://www.hollinburygazette.co.uk/news/st-aldhelms?id=7')
  })

  it('unwraps google.co.uk/url?q=, Facebook, Outlook Safe Links, and nested wrappers', () => {
    expect(unwrapRedirect('https://www.google.co.uk/url?q=https://a.example/x&sa=D')).toBe(
      'https://a.example/x',
    )
    expect(unwrapRedirect('https://l.facebook.com/l.php?u=https%3A%2F%2Fb.example%2Fy&h=AT0')).toBe(
      'https://b.example/y',
    )
    expect(
      unwrapRedirect(
        'https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fc.example%2F&data=05',
      ),
    ).toBe('https://c.example/')
    const nested = `https://l.facebook.com/l.php?u=${encodeURIComponent('https://www.google.com/url?url=https://d.example/z')}`
    expect(unwrapRedirect(nested)).toBe('https://d.example/z')
  })

  it('leaves non-wrappers and wrappers without an http target alone', () => {
    expect(unwrapRedirect('https://www.google.com/search?q=school')).toBe(
      'https://www.google.com/search?q=school',
    )
    expect(unwrapRedirect('https://www.google.com/url?q=javascript:alert(1)')).toBe(
      'https://www.google.com/url?q=javascript:alert(1)',
    )
  })

  it('lower-cases the host, drops fragment, default port, credentials and tracking, sorts params', () => {
    expect(
      canonicalUrl(
        'HTTPS://User:pw@News.Example.CO.UK:443/Story?b=2&utm_medium=social&fbclid=x&a=1&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref=tw&si=abc#top',
      ),
    ).toBe('https://news.example.co.uk/Story?a=1&b=2')
  })

  it('is idempotent and survives junk', () => {
    const once = canonicalUrl('https://x.example/a?z=1&utm_source=a&y=2')
    expect(canonicalUrl(once)).toBe(once)
    expect(canonicalUrl('  not a url ')).toBe('not a url')
    expect(canonicalUrl('mailto:head@school.example')).toBe('mailto:head@school.example')
  })
})
