// Runs in: main process and CLI (Node). Evidence for a mention Footprint already holds: its page is
// captured (screenshot with the address-and-time banner, HTML, visible text) and the capture is linked
// to that mention; no new mention is made. The mention's own text always goes in too (mention.txt), so
// when the page cannot be captured (it never loads, it is a sign-in wall, the site is gone) what was
// seen is still kept, hashed and read-only, with the reason the page itself could not be.
import { randomUUID } from 'node:crypto'
import type { Capture, Mention, School } from '../contract'
import type { Store } from '../store'
import type { CapturesRepo } from '../store/repos/captures'
import { CaptureError } from './errors'
import { discardEvidence, sha256, writeEvidence, type EvidenceInput } from './evidence'
import { captureJson, evidenceFilesOf } from './files'
import { captureTimes } from './time'
import { captureUrl, type UrlCapture, type UrlCaptureOptions } from './url'

export interface MentionCaptureDeps {
  store: Store
  captures: CapturesRepo
  dataDir: string
  appVersion: string
  now: () => Date
  /** The browser, timeouts and address checks captureUrl uses. */
  page?: Omit<UrlCaptureOptions, 'now' | 'banner' | 'allowPrivateNetwork'>
}

/** What Footprint itself saw: the words of the mention and where they came from. */
export function mentionEvidenceText(m: Mention): string {
  const lines = [
    'What Footprint saw (the mention as it was collected)',
    `Source: ${m.sourceName} (${m.sourceKind})`,
    `Address: ${m.url ?? '(none)'}`,
    `Author: ${m.author ?? '(not given)'}`,
    `Published: ${m.publishedAt ?? '(not given)'}`,
    `First seen by Footprint: ${m.firstSeenAt}`,
    `Title: ${m.title ?? '(none)'}`,
    '',
    m.text,
  ]
  return lines.join('\n') + '\n'
}

/** Why a page capture failed, in words, for any error (never throws). */
function failureOf(e: unknown): string {
  if (e instanceof CaptureError) return e.message
  return `The page could not be captured: ${(e as Error)?.message ?? String(e)}`
}

/**
 * Captures the mention's page as evidence and links it to the mention. Never throws for a page that
 * cannot be captured: that is recorded on the capture (error), with the mention's text kept. Throws
 * only when the evidence itself cannot be stored (a full disk), and then nothing is left behind.
 */
export async function captureMentionEvidence(
  deps: MentionCaptureDeps,
  mention: Mention,
  school: School,
  actor: string,
  opts: { allowPrivateNetwork?: boolean } = {},
): Promise<Capture> {
  if (!mention.url)
    throw new CaptureError(
      'invalid_url',
      'This mention has no web address, so there is no page to capture. Import a screenshot instead.',
    )
  let page: UrlCapture | null = null
  let error: string | null = null
  try {
    page = await captureUrl(mention.url, {
      ...deps.page,
      allowPrivateNetwork: opts.allowPrivateNetwork,
      banner: true,
      now: deps.now,
    })
  } catch (e) {
    error = failureOf(e)
  }
  const uuid = randomUUID()
  const seen: EvidenceInput = {
    name: 'mention.txt',
    data: mentionEvidenceText(mention),
    mime: 'text/plain; charset=utf-8',
  }
  const times = page
    ? { utc: page.capturedAtUtc, local: page.capturedAtLocal }
    : captureTimes(deps.now())
  const evidence = page ? [...evidenceFilesOf(page), seen] : [seen]
  const manifest = { uuid, school, capturedBy: actor, appVersion: deps.appVersion, extras: {} }
  const about = {
    mentionId: mention.id,
    mentionUrl: mention.url,
    error,
    textKept: 'mention.txt holds the words of the mention as Footprint collected them',
  }
  const json = page
    ? { ...JSON.parse(captureJson(page, evidence, manifest)), ...about }
    : {
        format: 'footprint-capture/1',
        uuid,
        kind: 'url',
        school: { id: school.id, name: school.name, urn: school.urn },
        capturedAtUtc: times.utc,
        capturedAtLocal: times.local,
        capturedBy: actor,
        footprintVersion: deps.appVersion,
        requestedUrl: mention.url,
        finalUrl: null,
        files: evidence.map((f) => ({
          name: f.name,
          bytes: Buffer.byteLength(f.data),
          sha256: sha256(f.data),
          mime: f.mime,
        })),
        ...about,
      }
  const files = await writeEvidence(deps.dataDir, uuid, [
    ...evidence,
    { name: 'capture.json', data: JSON.stringify(json, null, 2) + '\n', mime: 'application/json' },
  ])
  try {
    return deps.store.tx(() => {
      const at = deps.now().toISOString()
      const row = deps.captures.insert(
        {
          uuid,
          schoolId: school.id,
          kind: 'url',
          requestedUrl: mention.url,
          finalUrl: page?.finalUrl ?? null,
          title: page?.title ?? mention.title,
          httpStatus: page?.httpStatus ?? null,
          capturedAtUtc: times.utc,
          capturedAtLocal: times.local,
          capturedBy: actor,
          partialReason: page?.partial ?? null,
          needsLogin: page?.needsLogin ?? false,
          error,
          ocrStatus: null,
          note: '',
        },
        files,
        at,
      )
      deps.captures.linkMention(row.id, mention.id)
      deps.store.audit.append(
        {
          actor,
          action: error ? 'capture.mention_failed' : 'capture.mention',
          entity: 'capture',
          entityId: row.id,
          detail: {
            uuid,
            mentionId: mention.id,
            url: mention.url,
            finalUrl: row.finalUrl,
            error,
            needsLogin: row.needsLogin,
            partial: row.partialReason,
            files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
          },
        },
        at,
      )
      return { ...row, mentionId: mention.id }
    })
  } catch (e) {
    await discardEvidence(deps.dataDir, uuid).catch(() => undefined)
    throw e
  }
}
