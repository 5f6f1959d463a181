// Runs in: renderer. One school's settings form (deadlines, spike alerts…): loaded for the school being
// viewed and again when it changes, checked with the contract's schema before saving, saved through the
// service, each field's error shown where it belongs.
import { ref, watch, type Ref } from 'vue'
import { useMessage } from 'naive-ui'
import type { z } from 'zod'
import { errorsFromCall, validate, type FieldErrors } from '../forms'
import { useSchoolsStore } from '../stores/schools'

export function useSchoolSettings<S extends z.ZodType>(opts: {
  schema: S
  load: (schoolId: number) => Promise<z.output<S>>
  save: (schoolId: number, settings: z.output<S>) => Promise<z.output<S>>
  /** What the toast says once saved: what now follows the new settings. */
  saved: string
}) {
  const schools = useSchoolsStore()
  const message = useMessage()
  const draft = ref(null) as Ref<z.output<S> | null>
  const errors = ref<FieldErrors>({})
  const saving = ref(false)

  watch(
    () => schools.current?.id,
    (id) => {
      if (!id) return
      opts
        .load(id)
        .then((s) => (draft.value = s))
        .catch((e: unknown) => (errors.value = errorsFromCall(e)))
    },
    { immediate: true },
  )

  async function save(): Promise<void> {
    if (!draft.value || !schools.current) return
    const checked = validate(opts.schema, draft.value)
    if (!checked.ok) {
      errors.value = checked.errors
      return
    }
    saving.value = true
    try {
      draft.value = await opts.save(schools.current.id, checked.data as z.output<S>)
      errors.value = {}
      message.success(opts.saved)
    } catch (e) {
      errors.value = errorsFromCall(e, 'settings.')
    } finally {
      saving.value = false
    }
  }

  return { draft, errors, saving, save }
}
