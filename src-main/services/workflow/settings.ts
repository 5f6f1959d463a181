// Runs in: main process and CLI (Node). The school's complaints link and working calendar.
import type { OpParsed } from '../../contract'
import { demandSchool } from '../../workflow/auth'
import type { AppEvents, Caller, ServiceDeps } from '../context'
import { audited } from '../audited'
import { calendarOf, workflowSettings } from './items'

export function settingsHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
) {
  return {
    'workflow.settings': ({ schoolId }: OpParsed<'workflow.settings'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      return workflowSettings(store, schoolId)
    },
    'workflow.updateSettings': (
      { schoolId, settings }: OpParsed<'workflow.updateSettings'>,
      ctx: Caller,
    ) => {
      demandSchool(ctx.principal, schoolId)
      calendarOf(settings)
      const result = audited(store, ctx, now, (at) => {
        const before = workflowSettings(store, schoolId)
        store.schools.setWorkflow(schoolId, settings.complaintsUrl, settings.calendar, at)
        return {
          result: workflowSettings(store, schoolId),
          audit: {
            action: 'school.workflow_settings',
            entity: 'school',
            entityId: schoolId,
            detail: { before, after: settings },
          },
        }
      })
      events.emit({ type: 'schools.changed' })
      events.emit({ type: 'workflow.changed', schoolId })
      return result
    },
  }
}
