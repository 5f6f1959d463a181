// Runs in: main process and CLI (Node). Every change is written with its audit event in one transaction.
import type { AuditInput } from '../store/repos/audit'
import type { Store } from '../store'
import type { CallContext } from './context'

/**
 * Runs `change` in an IMMEDIATE transaction and appends the audit event it describes; if either fails,
 * neither is kept. `change` returns the result and the event (without the actor, which comes from ctx).
 */
export function audited<T>(
  store: Store,
  ctx: CallContext,
  now: () => Date,
  change: (at: string) => { result: T; audit: Omit<AuditInput, 'actor'> },
): T {
  return store.tx(() => {
    const at = now().toISOString()
    const { result, audit } = change(at)
    store.audit.append({ ...audit, actor: ctx.actor }, at)
    return result
  })
}
