// Runs in: main process and CLI (Node). Manual capture: a web page or an image becomes evidence and a
// mention of the chosen school. The browser and the OCR engine come from ServiceDeps.capture, so tests
// control them; by default the system browser and the process's one offline OCR worker are used.
import {
  ServiceError,
  type Capture,
  type CaptureCheck,
  type CaptureOutcome,
  type ErrorCode,
  type OpParsed,
  type School,
} from '../contract'
import {
  captureUrl,
  CaptureError,
  importImage,
  recordCapture,
  sharedOcrEngine,
  verifyEvidence,
  type CaptureErrorCode,
  type CaptureExtras,
  type ImageCapture,
  type UrlCapture,
} from '../capture'
import { capturesRepo } from '../store/repos/captures'
import { schoolAnalyzer } from './analysis'
import type { AppEvents, CallContext, ServiceDeps } from './context'

const ERRORS: Record<CaptureErrorCode, [ErrorCode, string | undefined]> = {
  invalid_url: ['invalid_input', 'url'],
  private_address: ['invalid_input', 'url'],
  navigation_failed: ['unavailable', 'url'],
  timeout: ['unavailable', 'url'],
  no_browser: ['unavailable', undefined],
  unsupported_type: ['invalid_input', 'dataBase64'],
  too_large: ['invalid_input', 'dataBase64'],
  ocr_failed: ['unavailable', undefined],
  storage_failed: ['unavailable', undefined],
}

function toServiceError(e: unknown): unknown {
  if (!(e instanceof CaptureError)) return e
  const [code, field] = ERRORS[e.code]
  return new ServiceError(code, e.message, field)
}

export function captureHandlers(deps: ServiceDeps, events: AppEvents) {
  const { store, now = () => new Date() } = deps
  const captures = capturesRepo(store.db)
  const opts = deps.capture ?? {}
  // Tests that turn analysis off for polling (analyze: undefined) get the same here.
  const analyze =
    deps.polling && 'analyze' in deps.polling ? deps.polling.analyze : schoolAnalyzer()

  function schoolOf(id: number): School {
    const s = store.schools.get(id)
    if (!s) throw new ServiceError('invalid_input', `There is no school with id ${id}`, 'schoolId')
    return s
  }

  function captureOf(id: number): Capture {
    const c = captures.get(id)
    if (!c) throw new ServiceError('not_found', `There is no capture with id ${id}`, 'id')
    return c
  }

  async function keep(
    school: School,
    result: UrlCapture | ImageCapture,
    extras: CaptureExtras,
    ctx: CallContext,
  ): Promise<CaptureOutcome> {
    let recorded
    try {
      recorded = await recordCapture(
        { store, captures, dataDir: deps.dataDir, appVersion: deps.version, now, analyze },
        school,
        result,
        extras,
        ctx.actor,
      )
    } catch (e) {
      if (e instanceof CaptureError) throw toServiceError(e)
      throw new ServiceError(
        'unavailable',
        `The capture could not be stored as a mention: ${(e as Error)?.message ?? e}. Nothing was kept.`,
      )
    }
    if (recorded.createdSource) events.emit({ type: 'sources.changed' })
    events.emit({ type: 'mentions.changed', schoolId: school.id })
    return {
      capture: recorded.capture,
      mention: store.mentions.get(recorded.mentionId)!,
      loginReasons: result.kind === 'url' ? result.loginReasons : [],
      ocrNote: result.kind === 'image' ? result.ocr.note : null,
    }
  }

  /** Tells the asking window how far OCR has got, at most every 5 percent. */
  function progressOf(progressId: string | undefined) {
    if (!progressId) return undefined
    let last = -1
    return (fraction: number) => {
      if (fraction < 1 && fraction - last < 0.05) return
      last = fraction
      events.emit({ type: 'capture.progress', progressId, fraction })
    }
  }

  const extrasOf = (i: CaptureExtras): CaptureExtras => ({
    note: i.note || undefined,
    author: i.author || undefined,
    platform: i.platform || undefined,
  })

  return {
    'capture.url': async (input: OpParsed<'capture.url'>, ctx: CallContext) => {
      const school = schoolOf(input.schoolId)
      let page: UrlCapture
      try {
        page = await captureUrl(input.url, {
          launcher: opts.launcher,
          lookup: opts.lookup,
          allowPrivateNetwork: input.allowPrivateNetwork,
          navigationTimeoutMs: opts.navigationTimeoutMs,
          settleMs: opts.settleMs,
          maxScreenshotHeight: opts.maxScreenshotHeight,
          now,
        })
      } catch (e) {
        throw toServiceError(e)
      }
      return keep(school, page, extrasOf(input), ctx)
    },
    'capture.image': async (input: OpParsed<'capture.image'>, ctx: CallContext) => {
      const school = schoolOf(input.schoolId)
      let image: ImageCapture
      try {
        image = await importImage(
          { data: Buffer.from(input.dataBase64, 'base64'), fileName: input.fileName },
          { ocr: opts.ocr ?? sharedOcrEngine(), now, onProgress: progressOf(input.progressId) },
        )
      } catch (e) {
        throw toServiceError(e)
      }
      return keep(school, image, extrasOf(input), ctx)
    },
    'capture.get': ({ id }: OpParsed<'capture.get'>): Capture => captureOf(id),
    'capture.verify': async ({ id }: OpParsed<'capture.verify'>): Promise<CaptureCheck> => {
      const capture = captureOf(id)
      const checks = await verifyEvidence(deps.dataDir, capture.uuid, capture.files)
      return {
        id,
        ok: checks.every((c) => c.status === 'ok'),
        checkedAt: now().toISOString(),
        files: checks.map((c) => ({
          name: c.name,
          status: c.status,
          expected: 'expected' in c ? c.expected : c.status === 'ok' ? c.sha256 : null,
          actual: 'actual' in c ? c.actual : c.status === 'ok' ? c.sha256 : null,
        })),
      }
    },
  }
}
