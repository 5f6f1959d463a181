// Runs in: main process and CLI (Node). Report operations: build a pre-Ofsted snapshot (figures frozen
// with the PDF and its SHA-256), list and download past ones, and build a POSH pack for an incident.
// Both are exports: each is an audited event. Figures come from the trends service when it exists.
import { createHash } from 'node:crypto'
import {
  ROLE_LABELS,
  ServiceError,
  type Incident,
  type Mention,
  type OpParsed,
  type Result,
  type SnapshotSummary,
} from '../contract'
import type { Theme, TrendsOverview } from '../contract/trends'
import {
  buildPoshPack,
  changesSince,
  collectEvidence,
  DEFAULT_OUTCOME,
  gatherFigures,
  playwrightPdfRenderer,
  poshWarnings,
  safeFileName,
  snapshotHtml,
  type PreviousSnapshot,
  type SnapshotFigures,
  type TrendsAccess,
} from '../reports'
import { reportsRepo, type SnapshotRow } from '../store/repos/reports'
import { capturesRepo } from '../store/repos/captures'
import { demandSchool, type Principal } from '../workflow/auth'
import { mayRead } from '../workflow/visibility'
import { audited } from './audited'
import type { Caller, CallContext, ServiceDeps } from './context'
import { calendarOf, workflowSettings } from './workflow/items'

type Dispatch = (name: string, input: unknown, ctx: CallContext) => Promise<Result<unknown>>

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const file = (fileName: string, mime: string, data: Buffer) => ({
  fileName,
  mime,
  bytes: data.length,
  sha256: sha256(data),
  dataBase64: data.toString('base64'),
})

function summaryOf(r: SnapshotRow): SnapshotSummary {
  const f = JSON.parse(r.figures_json) as SnapshotFigures
  return {
    id: r.id,
    schoolId: r.school_id,
    from: r.period_from,
    to: r.period_to,
    fileName: r.file_name,
    pdfSha256: r.pdf_sha256,
    createdBy: r.created_by,
    createdAt: r.created_at,
    mentions: f.headline.total,
    net: f.headline.net,
  }
}

export function reportHandlers(deps: ServiceDeps, dispatch: Dispatch) {
  const store = deps.store
  const now = deps.now ?? (() => new Date())
  const repo = reportsRepo(store.db)
  const captures = capturesRepo(store.db)
  const pdf = deps.reports?.pdf ?? playwrightPdfRenderer()

  /** The trends service as the caller sees it; absent (not built yet): null, and we count ourselves. */
  function trendsFor(ctx: Caller): TrendsAccess {
    const ask = async <T>(name: string, q: unknown): Promise<T | null> => {
      const r = await dispatch(name, q, { actor: ctx.actor, session: ctx.session })
      if (r.ok) return r.data as T
      if (r.error.code === 'not_found' && r.error.message.startsWith('Unknown operation'))
        return null
      throw new ServiceError(r.error.code, r.error.message, r.error.field)
    }
    return {
      overview: (q) => ask<TrendsOverview>('trends.overview', q),
      themes: (q) => ask<Theme[]>('trends.themes', q),
    }
  }

  function school(p: Principal, id: number) {
    demandSchool(p, id)
    const s = store.schools.get(id)
    if (!s) throw new ServiceError('not_found', `There is no school with id ${id}`, 'schoolId')
    return s
  }

  function reporterOf(p: Principal, fallback: string) {
    if (p.kind === 'user') return { name: p.user.displayName, role: ROLE_LABELS[p.user.role] }
    return { name: fallback || 'The school office', role: 'on behalf of the school' }
  }

  return {
    'reports.ofsted': async ({ schoolId, from, to }: OpParsed<'reports.ofsted'>, ctx: Caller) => {
      const started = performance.now()
      const s = school(ctx.principal, schoolId)
      const settings = workflowSettings(store, schoolId)
      const at = now()
      const figures = await gatherFigures({
        store,
        school: s,
        from,
        to,
        now: at,
        settings,
        calendar: calendarOf(settings),
        trends: trendsFor(ctx),
      })
      const last = repo.latest(schoolId)
      const prev: PreviousSnapshot | null = last
        ? { id: last.id, createdAt: last.created_at, figures: JSON.parse(last.figures_json) }
        : null
      const changes = changesSince(prev, figures)
      const bytes = await pdf.render(snapshotHtml(figures, prev, changes), {
        footer: `${s.name} · Online reputation snapshot · ${from} to ${to}`,
      })
      const fileName = safeFileName(`${s.name} reputation snapshot ${from} to ${to}`, 'pdf')
      const pdfSha256 = sha256(bytes)
      const id = audited(store, ctx, now, (when) => {
        const id = repo.insert(
          {
            schoolId,
            from,
            to,
            figuresJson: JSON.stringify(figures),
            pdf: bytes,
            pdfSha256,
            fileName,
            createdBy: ctx.principal.kind === 'user' ? ctx.principal.user.displayName : ctx.actor,
          },
          when,
        )
        return {
          result: id,
          audit: {
            action: 'report.ofsted',
            entity: 'report_snapshot',
            entityId: id,
            detail: { schoolId, from, to, pdfSha256 },
          },
        }
      })
      return {
        snapshot: summaryOf(repo.get(id)!),
        file: file(fileName, 'application/pdf', bytes),
        changes,
        buildMs: Math.round(performance.now() - started),
      }
    },
    'reports.snapshots': ({ schoolId }: OpParsed<'reports.snapshots'>, ctx: Caller) => {
      school(ctx.principal, schoolId)
      return repo.list(schoolId).map(summaryOf)
    },
    'reports.snapshotFile': ({ id }: OpParsed<'reports.snapshotFile'>, ctx: Caller) => {
      const row = repo.get(id)
      if (!row) throw new ServiceError('not_found', `There is no snapshot with id ${id}`, 'id')
      demandSchool(ctx.principal, row.school_id)
      const bytes = repo.pdf(id)!
      audited(store, ctx, now, () => ({
        result: undefined,
        audit: { action: 'report.download', entity: 'report_snapshot', entityId: id },
      }))
      return file(row.file_name, 'application/pdf', bytes)
    },
    'reports.posh': async (input: OpParsed<'reports.posh'>, ctx: Caller) => {
      const started = performance.now()
      const p = ctx.principal
      // Through the service, so the incident's own rules (school, safeguarding) decide who may export it.
      const r = await dispatch(
        'incidents.get',
        { id: input.incidentId },
        { actor: ctx.actor, session: ctx.session },
      )
      if (!r.ok)
        throw new ServiceError(
          r.error.code,
          r.error.message,
          r.error.field === 'id' ? 'incidentId' : r.error.field,
        )
      const incident = r.data as Incident
      const at = now()
      const warnings = poshWarnings(incident, at)
      if (warnings.length && !input.proceed)
        return { warnings, file: null, files: [], buildMs: Math.round(performance.now() - started) }
      const s = school(p, incident.schoolId)
      const mentions = incident.mentions.flatMap((im): Mention[] => {
        const m = store.mentions.get(im.id)
        if (!m) return []
        if (!mayRead(p, m))
          throw new ServiceError(
            'forbidden',
            `Item ${m.id} in this incident is a safeguarding item: only the designated safeguarding lead or the head can build this pack.`,
            'incidentId',
          )
        return [m]
      })
      const evidence = await collectEvidence(deps.dataDir, captures, mentions)
      const pack = await buildPoshPack(
        {
          school: s,
          incident,
          mentions,
          evidence,
          reporter: reporterOf(p, s.headName),
          outcomeSought: input.outcomeSought || DEFAULT_OUTCOME,
          generatedAt: at.toISOString(),
        },
        pdf,
      )
      const fileName = safeFileName(`${s.name} POSH pack incident ${incident.id}`, 'zip')
      const zipSha = sha256(pack.zip)
      audited(store, ctx, now, () => ({
        result: undefined,
        audit: {
          action: 'report.posh',
          entity: 'incident',
          entityId: incident.id,
          detail: { sha256: zipSha, files: pack.files.length, warnings: warnings.length },
        },
      }))
      return {
        warnings,
        file: file(fileName, 'application/zip', pack.zip),
        files: pack.files,
        buildMs: Math.round(performance.now() - started),
      }
    },
  }
}
