// Runs in: renderer. Every link that would leave Footprint goes through here: mention text, titles and
// addresses are written by strangers, so a link opens only after the user has seen where it goes and
// said yes, and anything that is not a web address (javascript:, data:, file:, custom schemes) never opens.

export type LinkVerdict =
  /** Inside the app (a hash route or a same-origin page): let the router or browser handle it. */
  | { kind: 'internal' }
  /** A web address elsewhere: ask first. */
  | { kind: 'external'; url: string }
  /** Script, data, files, other programs, or unreadable: never followed. */
  | { kind: 'refused' }

/** Decides what a click on `href` may do, seen from the page at `base`. */
export function classifyLink(href: string | null, base: string): LinkVerdict {
  if (href === null) return { kind: 'internal' }
  let url: URL
  try {
    url = new URL(href, base)
  } catch {
    return { kind: 'refused' }
  }
  // A blob: address of our own origin is a file the app just made (an export, a report) to download.
  if (url.protocol === 'blob:' && url.origin === new URL(base).origin) return { kind: 'internal' }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // file:// is where the Electron app itself lives: its own page is internal, any other file is not.
    const here = new URL(base)
    if (
      url.protocol === here.protocol &&
      url.protocol === 'file:' &&
      url.pathname === here.pathname
    )
      return { kind: 'internal' }
    return { kind: 'refused' }
  }
  if (url.origin === new URL(base).origin) return { kind: 'internal' }
  // user:pass@host hides the real destination from a reader.
  if (!url.hostname || url.username || url.password) return { kind: 'refused' }
  return { kind: 'external', url: url.href }
}

export interface LinkGuardOptions {
  /** Shows the address and resolves true only if the user chose to open it. */
  confirm(url: string): Promise<boolean>
  /** Opens a confirmed address outside the app. */
  open(url: string): void
  /** Tells the user a link was not followed. */
  refused?(): void
}

/** The little of a DOM event and document the guard uses (also typechecked, and tested, under Node). */
interface LinkEvent {
  target: unknown
  preventDefault(): void
  stopPropagation(): void
}
type Listener = (event: LinkEvent) => void
export interface GuardedDocument {
  location: { href: string }
  addEventListener(type: 'click' | 'auxclick', listener: Listener, capture: boolean): void
  removeEventListener(type: 'click' | 'auxclick', listener: Listener, capture: boolean): void
}
interface AnchorLike {
  getAttribute(name: string): string | null
}

/**
 * Intercepts clicks (any button, and Enter, which clicks) on links before they navigate. Installed once
 * on the document in the capture phase so no component can forget it; returns the uninstaller.
 */
export function installLinkGuard(doc: GuardedDocument, opts: LinkGuardOptions): () => void {
  const onClick: Listener = (event) => {
    const target = event.target as { closest?: (selector: string) => AnchorLike | null } | null
    const anchor = target?.closest?.('a[href]') ?? null
    if (!anchor) return
    const verdict = classifyLink(anchor.getAttribute('href'), doc.location.href)
    if (verdict.kind === 'internal') return
    event.preventDefault()
    event.stopPropagation()
    if (verdict.kind === 'refused') {
      opts.refused?.()
      return
    }
    void opts.confirm(verdict.url).then((yes) => {
      if (yes) opts.open(verdict.url)
    })
  }
  doc.addEventListener('click', onClick, true)
  doc.addEventListener('auxclick', onClick, true)
  return () => {
    doc.removeEventListener('click', onClick, true)
    doc.removeEventListener('auxclick', onClick, true)
  }
}
