// Runs in: main process and CLI (Node). What a POSH pack holds, gathered and checked: the incident,
// its mentions as seen, its timeline, and every evidence file re-hashed against the SHA-256 recorded
// when it was captured. A changed, missing or added file stops the pack, naming the file.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  FLAG_INFO,
  ServiceError,
  SOURCE_KIND_LABELS,
  type Capture,
  type Incident,
  type Mention,
  type School,
} from '../../contract'
import { evidenceDir, verifyEvidence } from '../../capture'
import type { CapturesRepo } from '../../store/repos/captures'

export interface EvidenceEntry {
  mentionId: number
  capture: Capture
  files: { name: string; path: string; data: Buffer; sha256: string; mime: string }[]
}

export interface PoshCase {
  school: School
  incident: Incident
  /** Full mentions (the pack is for POSH, who must see what was posted). */
  mentions: Mention[]
  evidence: EvidenceEntry[]
  reporter: { name: string; role: string }
  outcomeSought: string
  generatedAt: string
}

export const DEFAULT_OUTCOME =
  'We ask for the content listed here to be removed and the account(s) reviewed under the platform’s own rules, and for advice on any further steps the school should take.'

/** Re-hashes and reads every evidence file of the incident's mentions; refuses tampered evidence. */
export async function collectEvidence(
  dataDir: string,
  captures: CapturesRepo,
  mentions: readonly Mention[],
): Promise<EvidenceEntry[]> {
  const out: EvidenceEntry[] = []
  for (const m of mentions) {
    for (const id of captures.ofMention(m.id)) {
      const capture = captures.get(id)
      if (!capture) continue
      const checks = await verifyEvidence(dataDir, capture.uuid, capture.files)
      const bad = checks.find((c) => c.status !== 'ok')
      if (bad) {
        const what =
          bad.status === 'changed'
            ? 'has changed since it was captured'
            : bad.status === 'missing'
              ? 'is missing'
              : 'was added to the capture folder after the capture'
        throw new ServiceError(
          'conflict',
          `Evidence file ${bad.name} of capture ${capture.uuid} (mention ${m.id}) ${what}. The POSH pack was not built: evidence that cannot be shown to be unchanged must not be sent. Capture the page again, or take this file out of the incident.`,
          'incidentId',
        )
      }
      const dir = evidenceDir(dataDir, capture.uuid)
      const files = await Promise.all(
        capture.files.map(async (f) => ({
          name: f.name,
          path: `evidence/mention-${m.id}/${capture.uuid}/${f.name}`,
          data: await readFile(join(dir, f.name)),
          sha256: f.sha256,
          mime: f.mime,
        })),
      )
      out.push({ mentionId: m.id, capture, files })
    }
  }
  return out
}

/** Where a mention was posted, as POSH would name the platform. */
export function platformOf(m: Mention): string {
  const p = m.meta.platform
  return typeof p === 'string' && p.trim()
    ? p.trim()
    : (SOURCE_KIND_LABELS[m.sourceKind] ?? m.sourceName)
}

export function categoryOf(mentions: readonly Mention[]): string[] {
  const flags = new Set(mentions.flatMap((m) => m.analysis?.flags ?? []))
  return [...flags].map((f) => FLAG_INFO[f].label)
}

const HOUR = 3_600_000
export const PLATFORM_WAIT_HOURS = 48

/**
 * POSH expects the platform's own reporting route tried first (about 48 hours) unless a child is at
 * risk: a warning when no report is recorded or the first one is younger than that.
 */
export function poshWarnings(incident: Incident, now: Date): string[] {
  if (incident.safeguarding) return []
  const reports = incident.events
    .filter((e) => e.kind === 'reported_to_platform')
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
  if (!reports.length)
    return [
      'No report to the platform is recorded on this incident’s timeline. POSH expects the platform’s own reporting route to be tried first (about 48 hours) unless a child is at risk. Add the report to the timeline, or proceed if you have a reason not to wait.',
    ]
  const first = reports[0]
  const hours = (now.getTime() - Date.parse(first.occurredAt)) / HOUR
  if (hours >= PLATFORM_WAIT_HOURS) return []
  const h = Math.max(0, Math.floor(hours))
  return [
    `The platform was first told about this ${h} hour${h === 1 ? '' : 's'} ago. POSH expects the platform’s own route to have about ${PLATFORM_WAIT_HOURS} hours first unless a child is at risk. You can still build the pack.`,
  ]
}
