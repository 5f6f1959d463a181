// Runs in: renderer. The capture form's draft and how it becomes the contract's input: empty
// optional fields are left out, so the contract's own messages apply to what was typed.
import type { CaptureExtrasDraft } from './CaptureExtrasFields.vue'
import { errorsFromCall, type FieldErrors } from '../../forms'

export function emptyExtras(schoolId: number | null): CaptureExtrasDraft {
  return { schoolId, platform: '', author: '', note: '' }
}

export function extrasInput(d: CaptureExtrasDraft) {
  return {
    schoolId: d.schoolId ?? 0,
    ...(d.platform.trim() ? { platform: d.platform } : {}),
    ...(d.author.trim() ? { author: d.author } : {}),
    ...(d.note.trim() ? { note: d.note } : {}),
  }
}

/** What is wrong with a pasted address before asking main (which checks it again). */
export function urlProblem(text: string): string | null {
  const t = text.trim()
  if (!t) return 'Paste the address of the page you want to keep.'
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https')
    return `Only web pages can be captured: the address should start with https://, not ${scheme}:.`
  if (/\s/.test(t)) return 'A web address has no spaces in it: check what was pasted.'
  if (!/[a-z0-9-]\.[a-z]{2,}|localhost|\d+\.\d+\.\d+\.\d+/i.test(t.replace(/^https?:\/\//i, '')))
    return 'That does not look like a web address (for example https://www.tiktok.com/@someone/video/…).'
  return null
}

/**
 * A failed capture's messages by field; one about no field (no browser, a full disk) is under "_",
 * shown above the form. `rename` moves a field's message to where the form shows it.
 */
export function captureErrors(e: unknown, rename: Record<string, string> = {}): FieldErrors {
  return Object.fromEntries(
    Object.entries(errorsFromCall(e)).map(([field, message]) => [rename[field] ?? field, message]),
  )
}
