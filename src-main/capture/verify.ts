// Runs in: main process and CLI (Node). Checking evidence before it is relied on: one capture, every
// capture (`footprint evidence verify`), or the captures of the mentions an export or report is about
// to include, so nothing leaves Footprint described as evidence without its hashes re-checked.
import type { Capture, CaptureCheck } from '../contract'
import type { CapturesRepo } from '../store/repos/captures'
import { verifyEvidence } from './evidence'

/** Re-hashes a capture's files against the hashes recorded when it was made. */
export async function checkCapture(
  dataDir: string,
  capture: Pick<Capture, 'id' | 'uuid' | 'files'>,
  checkedAt: string,
): Promise<CaptureCheck> {
  const checks = await verifyEvidence(dataDir, capture.uuid, capture.files)
  return {
    id: capture.id,
    ok: checks.every((c) => c.status === 'ok'),
    checkedAt,
    files: checks.map((c) => ({
      name: c.name,
      status: c.status,
      expected: 'expected' in c ? c.expected : c.status === 'ok' ? c.sha256 : null,
      actual: 'actual' in c ? c.actual : c.status === 'ok' ? c.sha256 : null,
    })),
  }
}

export interface EvidenceProblem {
  captureId: number
  uuid: string
  mentionId: number | null
  file: string
  status: 'changed' | 'missing' | 'unexpected'
}

export interface EvidenceReport {
  checked: number
  ok: boolean
  problems: EvidenceProblem[]
}

async function report(
  captures: CapturesRepo,
  dataDir: string,
  ids: number[],
  at: string,
): Promise<EvidenceReport> {
  const problems: EvidenceProblem[] = []
  for (const id of ids) {
    const c = captures.get(id)
    if (!c) continue
    const check = await checkCapture(dataDir, c, at)
    for (const f of check.files)
      if (f.status !== 'ok')
        problems.push({
          captureId: c.id,
          uuid: c.uuid,
          mentionId: c.mentionId,
          file: f.name,
          status: f.status,
        })
  }
  return { checked: ids.length, ok: problems.length === 0, problems }
}

/** Every capture of the install, oldest first. */
export function verifyAllCaptures(
  captures: CapturesRepo,
  dataDir: string,
  at = new Date().toISOString(),
): Promise<EvidenceReport> {
  return report(captures, dataDir, captures.allIds(), at)
}

/** What an export says about one mention's evidence. */
export interface MentionEvidenceState {
  captures: number
  ok: boolean
  /** "screenshot.png changed in capture 12", … */
  problems: string[]
}

/**
 * The captures of these mentions, verified: call it before including the mentions in an export or a
 * report, and say what it found beside each one.
 */
export async function verifyMentionsEvidence(
  captures: CapturesRepo,
  dataDir: string,
  mentionIds: number[],
  at = new Date().toISOString(),
): Promise<Map<number, MentionEvidenceState>> {
  const out = new Map<number, MentionEvidenceState>()
  for (const mentionId of mentionIds) {
    const ids = captures.ofMention(mentionId)
    if (!ids.length) continue
    const r = await report(captures, dataDir, ids, at)
    out.set(mentionId, {
      captures: ids.length,
      ok: r.ok,
      problems: r.problems.map((p) => `${p.file} ${p.status} in capture ${p.captureId}`),
    })
  }
  return out
}
