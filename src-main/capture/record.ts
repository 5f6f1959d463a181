// Runs in: main process and CLI (Node). Keeps a finished capture: evidence files first (read-only,
// hashed), then the mention through the ingest path, then the capture row with every hash, linked and
// audited in one transaction. A failure before the mention is stored undoes the files; after it, the
// files stay and start-up recovery (recover.ts) finishes the capture, so it is never half-done.
import { randomUUID } from 'node:crypto'
import type { Capture, School } from '../contract'
import type { Store } from '../store'
import type { CapturesRepo } from '../store/repos/captures'
import type { AnalyzeFn } from '../sources/ingest'
import type { FetchedItem } from '../sources/types'
import { discardEvidence, writeEvidence } from './evidence'
import { captureJson, evidenceFilesOf, type CaptureExtras } from './files'
import type { ImageCapture } from './image'
import {
  MANUAL_SOURCE_INTERVAL,
  MANUAL_SOURCE_NAME,
  mentionText,
  storeCaptureMention,
} from './to-mention'
import type { UrlCapture } from './url'

export interface RecordDeps {
  store: Store
  captures: CapturesRepo
  dataDir: string
  appVersion: string
  now: () => Date
  analyze?: AnalyzeFn
  log?: (msg: string) => void
}

export interface Recorded {
  capture: Capture
  mentionId: number
  /** True when this call created the school's "Manual captures" source. */
  createdSource: boolean
}

/** The school's manual source, created (and audited) on first use. */
function manualSource(deps: RecordDeps, school: School, actor: string): [number, boolean] {
  const { store, captures } = deps
  return store.tx(() => {
    const existing = captures.manualSourceOf(school.id)
    if (existing !== undefined) return [existing, false]
    const at = deps.now().toISOString()
    const source = store.sources.create(
      {
        kind: 'manual',
        name: MANUAL_SOURCE_NAME,
        schoolId: school.id,
        intervalMinutes: MANUAL_SOURCE_INTERVAL,
        config: {},
      },
      at,
    )
    store.audit.append(
      {
        actor,
        action: 'source.create',
        entity: 'source',
        entityId: source.id,
        detail: { name: source.name, kind: 'manual' },
      },
      at,
    )
    return [source.id, true]
  })
}

function mentionItem(
  c: UrlCapture | ImageCapture,
  uuid: string,
  extras: CaptureExtras,
  files: Capture['files'],
): FetchedItem {
  const seen = c.kind === 'url' ? mentionText(c.text) : c.ocr.text
  // With no words of its own, the user's note is what can be read and analysed.
  const text = seen || extras.note || ''
  return {
    externalId: `capture:${uuid}`,
    url: c.kind === 'url' ? c.finalUrl : null,
    // An image has no title of its own; its file name tells it apart in the Mentions list.
    title: c.kind === 'url' ? c.title || null : `Image: ${c.fileName}`,
    text,
    author: extras.author || null,
    publishedAt: null,
    raw: { captureUuid: uuid, files },
    meta: {
      capture: {
        uuid,
        kind: c.kind,
        partial: c.kind === 'url' ? c.partial : null,
        needsLogin: c.kind === 'url' ? c.needsLogin : false,
        ocr: c.kind === 'image' ? c.ocr.status : null,
      },
      textFrom: seen ? (c.kind === 'url' ? 'page' : 'ocr') : extras.note ? 'note' : 'none',
      ...(extras.platform ? { platform: extras.platform } : {}),
      ...(extras.note ? { note: extras.note } : {}),
    },
  }
}

export async function recordCapture(
  deps: RecordDeps,
  school: School,
  c: UrlCapture | ImageCapture,
  extras: CaptureExtras,
  actor: string,
): Promise<Recorded> {
  const { store, captures } = deps
  const uuid = randomUUID()
  const evidence = evidenceFilesOf(c)
  const json = captureJson(c, evidence, {
    uuid,
    school,
    capturedBy: actor,
    appVersion: deps.appVersion,
    extras,
  })
  const files = await writeEvidence(deps.dataDir, uuid, [
    ...evidence,
    { name: 'capture.json', data: json, mime: 'application/json' },
  ])
  // The mention first, then the capture row, its link and its audit event in ONE transaction: a
  // kill at any point leaves either nothing in the database (the folder is quarantined on the next
  // start) or the mention alone (the next start finishes the capture from capture.json).
  let mentionStored = false
  try {
    const [sourceId, createdSource] = manualSource(deps, school, actor)
    const { mentionId } = await storeCaptureMention(
      { store, now: deps.now, analyze: deps.analyze, log: deps.log },
      sourceId,
      school,
      mentionItem(c, uuid, extras, files),
    )
    mentionStored = true
    const capture = store.tx(() => {
      const at = deps.now().toISOString()
      const row = captures.insert(
        {
          uuid,
          schoolId: school.id,
          kind: c.kind,
          requestedUrl: c.kind === 'url' ? c.requestedUrl : null,
          finalUrl: c.kind === 'url' ? c.finalUrl : null,
          title: c.kind === 'url' ? c.title : c.fileName,
          httpStatus: c.kind === 'url' ? c.httpStatus : null,
          capturedAtUtc: c.capturedAtUtc,
          capturedAtLocal: c.capturedAtLocal,
          capturedBy: actor,
          partialReason: c.kind === 'url' ? c.partial : null,
          needsLogin: c.kind === 'url' && c.needsLogin,
          error: null,
          ocrStatus: c.kind === 'image' ? c.ocr.status : null,
          note: extras.note ?? '',
        },
        files,
        at,
      )
      captures.linkMention(row.id, mentionId)
      store.audit.append(
        {
          actor,
          action: `capture.${c.kind}`,
          entity: 'capture',
          entityId: row.id,
          detail: { uuid, mentionId, url: row.finalUrl, title: row.title },
        },
        at,
      )
      return row
    })
    return { capture: { ...capture, mentionId }, mentionId, createdSource }
  } catch (e) {
    // Once the mention is stored its evidence stays: the next start finishes the capture from it.
    if (!mentionStored) await discardEvidence(deps.dataDir, uuid).catch(() => undefined)
    throw e
  }
}
