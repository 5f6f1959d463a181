// Runs in: main process and CLI (Node). Checking the audit trail: recompute the SHA-256 chain.
import type { ServiceDeps } from './context'

export function auditHandlers({ store }: ServiceDeps) {
  return {
    'audit.verify': () => store.audit.verify(),
  }
}
