// Runs in: renderer. The Trends screen of the current school: the range, bucket and source chosen, and
// what main answered for them (sentiment over time, volume by source, flags, the Google rating, themes
// and spike alerts). Everything is computed in main from the daily rollups; this store only asks.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SpikeAlert, Theme, TrendBucket, TrendsOverview } from '@contract'
import { call, messageOf, onEvent } from '../api'
import { naturalBucket, presetRange, type DayRange, type Preset } from '../components/trends/range'

export const useTrendsStore = defineStore('trends', () => {
  const preset = ref<Preset>('12m')
  const range = ref<DayRange>(presetRange('12m', new Date()))
  const bucket = ref<TrendBucket>('week')
  /** null: every source. */
  const sourceId = ref<number | null>(null)
  const overview = shallowRef<TrendsOverview | null>(null)
  const themes = shallowRef<Theme[]>([])
  const alerts = shallowRef<SpikeAlert[]>([])
  const loading = ref(false)
  const error = ref('')
  const schoolId = ref<number | null>(null)
  // Only the answer to the latest question is shown: a slow answer to an older one is dropped.
  let asked = 0

  async function load(forSchool: number): Promise<void> {
    const ticket = ++asked
    schoolId.value = forSchool
    loading.value = true
    error.value = ''
    const q = {
      schoolId: forSchool,
      from: range.value.from,
      to: range.value.to,
      bucket: bucket.value,
      sourceId: sourceId.value ?? undefined,
    }
    // Each part is shown as it arrives (the charts need not wait for the themes); `loading` stays
    // true until all three have, which is what the screen's ready signal waits for.
    const current = () => ticket === asked
    try {
      await Promise.all([
        call('trends.overview', q).then((o) => current() && (overview.value = o)),
        call('trends.themes', q).then((t) => current() && (themes.value = t)),
        call('trends.alerts', { schoolId: forSchool, limit: 20 }).then(
          (a) => current() && (alerts.value = a),
        ),
      ])
    } catch (e) {
      if (ticket === asked) error.value = messageOf(e)
    } finally {
      if (ticket === asked) loading.value = false
    }
  }

  const reload = (): Promise<void> => (schoolId.value ? load(schoolId.value) : Promise.resolve())

  /** A preset sets the range and the bucket that draws it best; "custom" keeps the range to edit. */
  function choosePreset(p: Preset, today = new Date()): Promise<void> {
    preset.value = p
    if (p !== 'custom') {
      range.value = presetRange(p, today)
      bucket.value = naturalBucket(range.value)
    }
    return reload()
  }

  function chooseRange(r: DayRange): Promise<void> {
    preset.value = 'custom'
    range.value = r
    // Hundreds of daily bars are unreadable; a long range starts in months (the user may change it).
    if (bucket.value === 'day' && naturalBucket(r) !== 'day') bucket.value = naturalBucket(r)
    return reload()
  }

  /** A link's view (`/trends?from=…&to=…&bucket=…&sourceId=…`), applied before the next load. */
  function setView(v: { range: DayRange; bucket?: TrendBucket; sourceId?: number | null }): void {
    preset.value = 'custom'
    range.value = v.range
    bucket.value = v.bucket ?? naturalBucket(v.range)
    if (v.sourceId !== undefined) sourceId.value = v.sourceId
  }

  function chooseBucket(b: TrendBucket): Promise<void> {
    bucket.value = b
    return reload()
  }

  function chooseSource(id: number | null): Promise<void> {
    sourceId.value = id
    return reload()
  }

  // New mentions, corrections and triage move the figures: refresh what is on screen.
  onEvent((e) => {
    if (e.type !== 'mentions.changed' || !schoolId.value) return
    if (e.schoolId === undefined || e.schoolId === schoolId.value)
      void reload().catch((err: unknown) => (error.value = messageOf(err)))
  })

  return {
    preset,
    range,
    bucket,
    sourceId,
    overview,
    themes,
    alerts,
    loading,
    error,
    load,
    choosePreset,
    chooseRange,
    chooseBucket,
    chooseSource,
    setView,
  }
})
