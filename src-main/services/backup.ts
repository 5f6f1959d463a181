// Runs in: main process and CLI (Node). Handlers for backups and restore, retention with legal holds,
// and subject access request exports. Restore and retention apply act on the whole install, so beyond
// OP_ACCESS (settings.manage) they are the head's alone (or the CLI's, which acts as the machine owner).
import { basename } from 'node:path'
import { BACKUP_NAME, ServiceError, type OpParsed } from '../contract'
import type { Backups } from '../backup'
import type { ListedBackup } from '../backup/files'
import { applyRetention, cutoffFor, previewRetention } from '../retention'
import { buildSar } from '../retention/sar'
import { retentionRepo } from '../store/repos/retention'
import { actsFor, demandSchool, type Principal, type Sessions } from '../workflow/auth'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { audited } from './audited'

export function demandHead(p: Principal, what: string): void {
  if (p.kind === 'system') return
  if (p.kind === 'user' && p.user.role === 'head') return
  throw new ServiceError('forbidden', `Only the head can ${what}.`)
}

/** The schools a principal acts for: every school for the system and single-school users. */
function schoolsOf(deps: ServiceDeps, p: Principal): number[] {
  return deps.store.schools
    .list()
    .map((s) => s.id)
    .filter((id) => actsFor(p, id))
}

const toBackup = (b: ListedBackup) => b

export function backupHandlers(
  deps: ServiceDeps,
  events: AppEvents,
  sessions: Sessions,
  backups: Backups,
) {
  const { store } = deps
  const now = deps.now ?? (() => new Date())

  /** Screens name a backup from the list; only the CLI may give a path to any file. */
  function fileFor(file: string, ctx: Caller): string {
    if (ctx.principal.kind === 'system') return file
    if (!BACKUP_NAME.test(file) || basename(file) !== file)
      throw new ServiceError('invalid_input', 'Choose a backup from the list', 'file')
    return file
  }

  return {
    'backups.list': () => {
      const next = backups.scheduler.nextAt()
      return {
        folder: backups.dir(),
        settings: backups.settings(),
        backups: backups.list().map(toBackup),
        runs: backups.recentRuns(20),
        nextAt: next === null ? null : new Date(next).toISOString(),
      }
    },
    'backups.run': async (_: OpParsed<'backups.run'>, ctx: Caller) =>
      toBackup({ ...(await backups.backupNow(ctx.actor)), described: true }),
    'backups.updateSettings': (s: OpParsed<'backups.updateSettings'>, ctx: Caller) =>
      backups.updateSettings(s, ctx.actor),
    'backups.check': ({ file }: OpParsed<'backups.check'>, ctx: Caller) =>
      backups.check(fileFor(file, ctx)),
    'backups.restore': async ({ file }: OpParsed<'backups.restore'>, ctx: Caller) => {
      demandHead(ctx.principal, 'restore a backup')
      const before = new Map(store.users.list().map((u) => [u.id, u.email]))
      const r = await backups.restore(fileFor(file, ctx), ctx.actor)
      // A signed-in id may belong to someone else (or nobody) in the restored data: sign those out.
      const after = new Map(store.users.list().map((u) => [u.id, u.email]))
      for (const [id, email] of before) if (after.get(id) !== email) sessions.signOutUser(id)
      for (const type of [
        'schools.changed',
        'users.changed',
        'sources.changed',
        'secrets.changed',
      ] as const)
        events.emit({ type })
      events.emit({ type: 'mentions.changed' })
      events.emit({ type: 'workflow.changed' })
      events.emit({ type: 'incidents.changed' })
      return { restored: r.restored, safetyBackup: { ...r.safetyBackup, described: true } }
    },
    'retention.preview': ({ months }: OpParsed<'retention.preview'>, ctx: Caller) => {
      const { ids: _ids, ...p } = previewRetention(
        store,
        schoolsOf(deps, ctx.principal),
        months,
        cutoffFor(now(), months),
      )
      return p
    },
    'retention.apply': async (input: OpParsed<'retention.apply'>, ctx: Caller) => {
      demandHead(ctx.principal, 'delete mentions under the retention policy')
      const r = await applyRetention(store, deps.dataDir, {
        ...input,
        schoolIds: schoolsOf(deps, ctx.principal),
        actor: ctx.actor,
        now: now(),
      })
      if (r.deleted) {
        events.emit({ type: 'mentions.changed' })
        events.emit({ type: 'workflow.changed' })
      }
      return r
    },
    'retention.holds': (_: OpParsed<'retention.holds'>, ctx: Caller) =>
      retentionRepo(store.db).holds(schoolsOf(deps, ctx.principal)),
    'mentions.setLegalHold': (
      { mentionId, hold, reason }: OpParsed<'mentions.setLegalHold'>,
      ctx: Caller,
    ) => {
      const repo = retentionRepo(store.db)
      return audited(store, ctx, now, (at) => {
        const m = store.mentions.get(mentionId)
        if (!m)
          throw new ServiceError(
            'not_found',
            `There is no mention with id ${mentionId}`,
            'mentionId',
          )
        demandSchool(ctx.principal, m.schoolId)
        const was = repo.isHeld(mentionId)
        if (hold) repo.hold(mentionId, reason, ctx.actor, at)
        else repo.release(mentionId)
        return {
          result: { mentionId, held: hold },
          audit: {
            action: hold ? 'mention.legal_hold' : 'mention.legal_hold_released',
            entity: 'mention',
            entityId: mentionId,
            detail: { reason, was },
          },
        }
      })
    },
    'sar.export': async ({ author, sourceId }: OpParsed<'sar.export'>, ctx: Caller) => {
      const at = now()
      const sar = await buildSar(store, ctx.principal, {
        author,
        sourceId,
        now: at,
        appVersion: deps.version,
      })
      store.tx(() =>
        store.audit.append(
          {
            actor: ctx.actor,
            action: 'export.sar',
            entity: 'export',
            entityId: sar.fileName,
            // The handle is what was asked for; the posts themselves stay out of the trail.
            detail: {
              author,
              sourceId: sourceId ?? null,
              mentions: sar.mentions,
              withheld: sar.withheld,
            },
          },
          at.toISOString(),
        ),
      )
      return {
        fileName: sar.fileName,
        mime: 'application/zip',
        dataBase64: sar.data.toString('base64'),
        mentions: sar.mentions,
        withheld: sar.withheld,
      }
    },
  }
}
