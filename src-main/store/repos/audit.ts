// Runs in: main process and CLI (Node). The append-only audit trail, each event chained to the last by SHA-256.
import { createHash } from 'node:crypto'
import type { Db } from '../db'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditInput {
  actor: string
  action: string
  entity: string
  entityId?: string | number | null
  detail?: Record<string, unknown>
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string | null
  detail_json: string
  prev_hash: string
  hash: string
}

/** The hash covers every field and the previous hash, so editing or removing any row breaks the chain. */
export function auditHash(
  prevHash: string,
  at: string,
  e: Required<Omit<AuditInput, 'detail'>> & { detailJson: string },
): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, at, e.actor, e.action, e.entity, e.entityId, e.detailJson]))
    .digest('hex')
}

export function auditRepo(db: Db) {
  const last = db.prepare<[], { hash: string }>(
    'SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1',
  )
  const insert =
    db.prepare(`INSERT INTO audit_events (at, actor, action, entity, entity_id, detail_json, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_events ORDER BY id')
  const after = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_events WHERE id > ? ORDER BY id LIMIT ?',
  )

  return {
    /** Call inside the transaction that makes the change, so the event and the change commit together. */
    append(e: AuditInput, at: string): void {
      const prev = last.get()?.hash ?? GENESIS_HASH
      const entityId = e.entityId == null ? null : String(e.entityId)
      const detailJson = JSON.stringify(e.detail ?? {})
      const hash = auditHash(prev, at, {
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId,
        detailJson,
      })
      insert.run(at, e.actor, e.action, e.entity, entityId, detailJson, prev, hash)
    },
    /** Events after `afterId`, oldest first, at most `limit` (exports page through the trail). */
    page: (afterId: number, limit: number): AuditRow[] => after.all(afterId, limit),
    /** Recomputes the chain; returns the id of the first event that does not fit, or null. */
    verify(): { ok: true; count: number } | { ok: false; brokenAt: number; reason: string } {
      let prev = GENESIS_HASH
      let count = 0
      for (const r of all.iterate()) {
        count++
        if (r.prev_hash !== prev)
          return { ok: false, brokenAt: r.id, reason: 'previous hash does not match' }
        const expect = auditHash(prev, r.at, {
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          detailJson: r.detail_json,
        })
        if (expect !== r.hash)
          return { ok: false, brokenAt: r.id, reason: 'contents do not match the hash' }
        prev = r.hash
      }
      return { ok: true, count }
    },
  }
}
export type AuditRepo = ReturnType<typeof auditRepo>
