// Runs in: main process and CLI (Node). Manual capture: a web page or an image becomes evidence and a
// mention of the chosen school. The browser and the OCR engine come from ServiceDeps.capture, so tests
// control them; by default the system browser and the process's one offline OCR worker are used.
import {
  ServiceError,
  type Capture,
  type CaptureCheck,
  type CaptureOutcome,
  type CaptureState,
  type ErrorCode,
  type EvidenceItem,
  type OpParsed,
  type School,
} from '../contract'
import {
  captureUrl,
  CaptureError,
  importImage,
  recordCapture,
  sharedOcrEngine,
  type CaptureErrorCode,
  type CaptureExtras,
  type ImageCapture,
  type UrlCapture,
} from '../capture'
import { capturesRepo } from '../store/repos/captures'
import { captureMentionEvidence } from '../capture/mention'
import { checkCapture, verifyAllCaptures } from '../capture/verify'
import { createEvidenceJob, type EvidenceJob } from '../capture/auto'
import type { SchedulerClock } from '../sources/scheduler'
import { demandSchool } from '../workflow/auth'
import { demandRead } from '../workflow/visibility'
import { schoolAnalyzer } from './analysis'
import type { AppEvents, CallContext, Caller, ServiceDeps } from './context'

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

/** One word for how a capture turned out. */
export function captureState(c: Capture): CaptureState {
  if (c.error) return 'failed'
  if (c.needsLogin) return 'login_wall'
  return c.partialReason ? 'partial' : 'complete'
}

/**
 * Captures a mention's page as evidence for it, as the system or a user. Used by capture.mention and
 * by the automatic evidence job; a page that cannot be captured is recorded, not thrown.
 */
export function mentionCapturer(deps: ServiceDeps, events: AppEvents) {
  const { store, now = () => new Date() } = deps
  const captures = capturesRepo(store.db)
  const opts = deps.capture ?? {}
  return async (
    mentionId: number,
    actor: string,
    o: { allowPrivateNetwork?: boolean } = {},
  ): Promise<Capture> => {
    const mention = store.mentions.get(mentionId)
    if (!mention)
      throw new ServiceError('not_found', `There is no mention with id ${mentionId}`, 'mentionId')
    const school = store.schools.get(mention.schoolId)!
    const capture = await captureMentionEvidence(
      {
        store,
        captures,
        dataDir: deps.dataDir,
        appVersion: deps.version,
        now,
        page: {
          launcher: opts.launcher,
          lookup: opts.lookup,
          navigationTimeoutMs: opts.navigationTimeoutMs,
          settleMs: opts.settleMs,
          maxScreenshotHeight: opts.maxScreenshotHeight,
        },
      },
      mention,
      school,
      actor,
      o,
    ).catch((e) => {
      throw toServiceError(e)
    })
    events.emit({ type: 'mentions.changed', schoolId: school.id })
    return capture
  }
}

/** Automatic evidence lasts this far back after a restart: older urgent items were seen by people. */
const BACKLOG_DAYS = 7

/** The background job that captures urgent mentions' pages as they arrive (started with the others). */
export function evidenceJobFor(
  deps: ServiceDeps,
  events: AppEvents,
  clock: SchedulerClock,
  log: (msg: string) => void,
): EvidenceJob {
  const { store } = deps
  const captures = capturesRepo(store.db)
  const capture = mentionCapturer(deps, events)
  return createEvidenceJob({
    clock,
    log,
    wants(id) {
      const m = store.mentions.get(id)
      return (
        !!m?.url &&
        m.analysis?.priority === 'urgent' &&
        m.sourceKind !== 'manual' &&
        m.duplicateOf === null &&
        captures.ofMention(id).length === 0
      )
    },
    backlog: () =>
      captures.urgentWithoutEvidence(
        new Date(clock.now() - BACKLOG_DAYS * 86_400_000).toISOString(),
      ),
    async capture(id) {
      const m = store.mentions.get(id)
      const source = m && store.sources.get(m.sourceId)
      // A source allowed to read the school's own network (an intranet feed) may be captured there too.
      const allowPrivateNetwork = source?.config?.allowPrivateNetwork === true
      const c = await capture(id, 'system:evidence', { allowPrivateNetwork })
      if (c.error) log(`[evidence] mention ${id}: ${c.error} (its text was kept as evidence)`)
    },
  })
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

  const captureMention = mentionCapturer(deps, events)

  async function evidenceItem(c: Capture): Promise<EvidenceItem> {
    return {
      capture: c,
      state: captureState(c),
      check: await checkCapture(deps.dataDir, c, now().toISOString()),
    }
  }

  /** The mention, if this caller may read it (its school, and safeguarding need-to-know). */
  function readableMention(ctx: Caller, mentionId: number) {
    const mention = store.mentions.get(mentionId)
    if (!mention)
      throw new ServiceError('not_found', `There is no mention with id ${mentionId}`, 'mentionId')
    demandSchool(ctx.principal, mention.schoolId)
    demandRead(ctx.principal, mention)
    return mention
  }

  /** A capture is as readable as the mention it belongs to (its school, safeguarding need-to-know). */
  function readableCapture(ctx: Caller, id: number): Capture {
    const c = captureOf(id)
    demandSchool(ctx.principal, c.schoolId)
    if (c.mentionId !== null) {
      const mention = store.mentions.get(c.mentionId)
      if (mention) demandRead(ctx.principal, mention)
    }
    return c
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
          banner: true,
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
    'capture.get': ({ id }: OpParsed<'capture.get'>, ctx: Caller): Capture =>
      readableCapture(ctx, id),
    'capture.verify': async (
      { id }: OpParsed<'capture.verify'>,
      ctx: Caller,
    ): Promise<CaptureCheck> =>
      checkCapture(deps.dataDir, readableCapture(ctx, id), now().toISOString()),
    'capture.mention': async (
      { mentionId, allowPrivateNetwork }: OpParsed<'capture.mention'>,
      ctx: Caller,
    ): Promise<EvidenceItem> => {
      const mention = readableMention(ctx, mentionId)
      // A source allowed to read the school's own network (an intranet feed) may be captured there too.
      const allow =
        allowPrivateNetwork ??
        store.sources.get(mention.sourceId)?.config?.allowPrivateNetwork === true
      return evidenceItem(
        await captureMention(mentionId, ctx.actor, { allowPrivateNetwork: allow }),
      )
    },
    'capture.ofMention': async ({ mentionId }: OpParsed<'capture.ofMention'>, ctx: Caller) => {
      readableMention(ctx, mentionId)
      const ids = captures.ofMention(mentionId).reverse()
      const items: EvidenceItem[] = []
      for (const id of ids) items.push(await evidenceItem(captures.get(id)!))
      return { mentionId, items }
    },
    'evidence.verify': () => verifyAllCaptures(captures, deps.dataDir, now().toISOString()),
  }
}
