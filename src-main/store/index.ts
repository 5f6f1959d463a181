// Runs in: main process and CLI (Node). The store: one database, its repositories.
import type { Db } from './db'
import { schoolsRepo } from './repos/schools'
import { usersRepo } from './repos/users'
import { auditRepo } from './repos/audit'
import { settingsRepo } from './repos/settings'
import { countsRepo } from './repos/counts'
import { sourcesRepo } from './repos/sources'
import { runsRepo } from './repos/runs'
import { mentionsRepo } from './repos/mentions'
import { analysesRepo } from './repos/analyses'
import { triageRepo } from './repos/triage'
import { draftsRepo } from './repos/drafts'
import { incidentsRepo } from './repos/incidents'
import { notificationsRepo } from './repos/notifications'

export function createStore(db: Db) {
  return {
    db,
    schools: schoolsRepo(db),
    users: usersRepo(db),
    audit: auditRepo(db),
    settings: settingsRepo(db),
    counts: countsRepo(db),
    sources: sourcesRepo(db),
    runs: runsRepo(db),
    mentions: mentionsRepo(db),
    analyses: analysesRepo(db),
    triage: triageRepo(db),
    drafts: draftsRepo(db),
    incidents: incidentsRepo(db),
    notifications: notificationsRepo(db),
    /** Runs fn in one IMMEDIATE transaction: the change and its audit event commit together. */
    tx<T>(fn: () => T): T {
      return db.transaction(fn).immediate()
    },
  }
}
export type Store = ReturnType<typeof createStore>
export { openDataDir, openDatabase, StoreError, DB_FILE_NAME } from './db'
