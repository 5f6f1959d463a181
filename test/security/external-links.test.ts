// Runs in: Vitest (Node). What a click on a link may do in the renderer (src-renderer/src/external-links.ts):
// the app's own routes stay in the app, web addresses elsewhere ask first, anything else never opens.
import { describe, expect, it, vi } from 'vitest'
import {
  classifyLink,
  installLinkGuard,
  type GuardedDocument,
} from '../../src-renderer/src/external-links'

const BROWSER = 'http://127.0.0.1:4123/#/mentions/4'
const ELECTRON = 'file:///opt/footprint/resources/app/out/renderer/index.html#/today'

describe('classifyLink', () => {
  it('keeps the app’s own routes inside the app, in both transports', () => {
    for (const base of [BROWSER, ELECTRON]) {
      expect(classifyLink('#/mentions?state=all', base)).toEqual({ kind: 'internal' })
      expect(classifyLink('#main', base)).toEqual({ kind: 'internal' })
      expect(classifyLink(null, base)).toEqual({ kind: 'internal' })
    }
    expect(classifyLink('/assets/app.css', BROWSER)).toEqual({ kind: 'internal' })
    // A download the page made itself (an export): internal; another origin's blob is not.
    expect(classifyLink('blob:http://127.0.0.1:4123/0b1c-42', BROWSER)).toEqual({
      kind: 'internal',
    })
    expect(classifyLink('blob:https://evil.example/0b1c-42', BROWSER)).toEqual({ kind: 'refused' })
  })

  it('asks before a web address elsewhere, showing exactly where it goes', () => {
    expect(classifyLink('https://www.mumsnet.com/talk/t?x=1', BROWSER)).toEqual({ kind: 'external', url: 'https://www.mumsnet.com/talk/t?x=1' }) // prettier-ignore
    expect(classifyLink('http://news.example/a b', ELECTRON)).toEqual({ kind: 'external', url: 'http://news.example/a%20b' }) // prettier-ignore
    expect(classifyLink('http://127.0.0.1:9999/', BROWSER)).toMatchObject({ kind: 'external' })
  })

  it('never follows script, data, files, other programs or disguised addresses', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'file:///opt/footprint/resources/app/out/renderer/other.html',
      'ms-settings:privacy',
      'mailto:head@school.example',
      'https://user:pass@evil.example/',
      'http://[bad',
    ])
      for (const base of [BROWSER, ELECTRON])
        expect(classifyLink(href, base), `${href} from ${base}`).toEqual({ kind: 'refused' })
  })
})

describe('installLinkGuard', () => {
  function fakeDocument(href: string) {
    const listeners = new Map<string, (e: unknown) => void>()
    const anchor = { getAttribute: () => href, closest: () => anchor }
    const doc = {
      location: { href: BROWSER },
      addEventListener: (t: string, fn: (e: unknown) => void) => listeners.set(t, fn),
      removeEventListener: (t: string) => listeners.delete(t),
    }
    const click = (type = 'click') => {
      const event = { target: anchor, preventDefault: vi.fn(), stopPropagation: vi.fn() }
      listeners.get(type)!(event)
      return event
    }
    return { doc: doc as unknown as GuardedDocument, click, listeners }
  }

  it('opens an outside link only after a yes, and never a refused one', async () => {
    const opened: string[] = []
    const refused = vi.fn()
    let answer = false
    const confirm = vi.fn(async () => answer)
    const outside = fakeDocument('https://news.example/story')
    const stop = installLinkGuard(outside.doc, { confirm, open: (u) => opened.push(u), refused })
    expect(outside.click().preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledWith('https://news.example/story'))
    expect(opened).toEqual([])
    answer = true
    outside.click('auxclick')
    await vi.waitFor(() => expect(opened).toEqual(['https://news.example/story']))
    stop()
    expect(outside.listeners.size).toBe(0)

    const script = fakeDocument('javascript:alert(1)')
    installLinkGuard(script.doc, { confirm, open: (u) => opened.push(u), refused })
    confirm.mockClear()
    expect(script.click().preventDefault).toHaveBeenCalled()
    expect(refused).toHaveBeenCalledTimes(1)
    expect(confirm).not.toHaveBeenCalled()

    const inside = fakeDocument('#/today')
    installLinkGuard(inside.doc, { confirm, open: (u) => opened.push(u), refused })
    expect(inside.click().preventDefault).not.toHaveBeenCalled()
    expect(opened).toEqual(['https://news.example/story'])
  })
})
