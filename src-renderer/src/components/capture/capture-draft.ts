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

/**
 * A failed capture's messages by field; one about no field (no browser, a full disk) is under "_",
 * shown above the form. `rename` moves a field's message to where the form shows it.
 */
export function captureErrors(e: unknown, rename: Record<string, string> = {}): FieldErrors {
  return Object.fromEntries(
    Object.entries(errorsFromCall(e)).map(([field, message]) => [rename[field] ?? field, message]),
  )
}
