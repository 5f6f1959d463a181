// Runs in: main process and CLI (Node). exports.mentions and exports.audit. The mentions export pages
// through the very inbox.list handler the Mentions screen calls (same filters, same permissions, same
// withholding of safeguarding details), every page, not only the one on screen; the evidence of what
// it includes is re-hashed first. Each export is an audit event: who, what, the filters, how many rows.
import { format as formatDate } from 'date-fns'
import type { ExportFile, OpParsed } from '../contract'
import { verifyMentionsEvidence } from '../capture/verify'
import { csvFile, fileSlug } from '../exports/csv'
import { mentionRecord, mentionsCsv, mentionsJsonl, type MentionRecord } from '../exports/mentions'
import { capturesRepo } from '../store/repos/captures'
import { audited } from './audited'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { triageHandlers } from './workflow/triage'

/** Inbox pages are read this many at a time: memory stays flat whatever the inbox holds. */
const PAGE = 500
const AUDIT_COLUMNS = [
  'id',
  'at_utc',
  'actor',
  'action',
  'entity',
  'entity_id',
  'detail',
  'prev_hash',
  'hash',
]

export function exportHandlers(deps: ServiceDeps, events: AppEvents) {
  const { store, now = () => new Date() } = deps
  const inbox = triageHandlers(deps, events)['inbox.list']
  const captures = capturesRepo(store.db)
  const day = () => formatDate(now(), 'yyyy-MM-dd')

  return {
    'exports.mentions': async (
      input: OpParsed<'exports.mentions'>,
      ctx: Caller,
    ): Promise<ExportFile> => {
      const { format, ...filters } = input
      const school = store.schools.get(filters.schoolId)
      const records: MentionRecord[] = []
      let withheld = 0
      let evidenceProblems = 0
      let beforeId: number | undefined
      do {
        const page = inbox({ ...filters, beforeId, limit: PAGE }, ctx)
        const readable = page.items.filter((m) => !m.restricted).map((m) => m.id)
        const evidence = await verifyMentionsEvidence(
          captures,
          deps.dataDir,
          readable,
          now().toISOString(),
        )
        for (const m of page.items) {
          const e = evidence.get(m.id)
          if (m.restricted) withheld++
          if (e && !e.ok) evidenceProblems++
          records.push(mentionRecord(m, e))
        }
        beforeId = page.nextBeforeId ?? undefined
      } while (beforeId !== undefined)
      const fileName = `footprint-mentions-${fileSlug(school?.name ?? 'school')}-${day()}.${format}`
      const file: ExportFile = {
        fileName,
        mime: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        content: format === 'csv' ? mentionsCsv(records) : mentionsJsonl(records),
        rows: records.length,
        withheld,
        evidenceProblems,
      }
      audited(store, ctx, now, () => ({
        result: null,
        audit: {
          action: 'export.mentions',
          entity: 'school',
          entityId: filters.schoolId,
          detail: { format, filters, rows: file.rows, withheld, evidenceProblems, fileName },
        },
      }))
      return file
    },
    'exports.audit': (_: OpParsed<'exports.audit'>, ctx: Caller): ExportFile => {
      // Read and recorded in one transaction: the file holds every event before its own.
      return store.tx(() => {
        const rows: (string | number | null)[][] = []
        for (let after = 0; ;) {
          const page = store.audit.page(after, PAGE)
          for (const r of page)
            rows.push([
              r.id,
              r.at,
              r.actor,
              r.action,
              r.entity,
              r.entity_id,
              r.detail_json,
              r.prev_hash,
              r.hash,
            ])
          if (page.length < PAGE) break
          after = page[page.length - 1].id
        }
        const fileName = `footprint-audit-${day()}.csv`
        const at = now().toISOString()
        store.audit.append(
          {
            actor: ctx.actor,
            action: 'export.audit',
            entity: 'audit',
            detail: { rows: rows.length, fileName },
          },
          at,
        )
        return {
          fileName,
          mime: 'text/csv; charset=utf-8',
          content: csvFile(AUDIT_COLUMNS, rows),
          rows: rows.length,
          withheld: 0,
          evidenceProblems: 0,
        }
      })
    },
  }
}
