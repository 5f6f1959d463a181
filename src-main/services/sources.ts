// Runs in: main process and CLI (Node). Sources: add, change, pause, remove, test, poll now, runs.
// Every change is audited and tells the poller to re-plan; the Settings → Sources screen is built on these.
import {
  DEFAULT_INTERVAL_MINUTES,
  ServiceError,
  SourceInput,
  type OpParsed,
  type Source,
} from '../contract'
import type { SourceFields } from '../store/repos/sources'
import type { Poller } from '../sources/poller'
import type { AppEvents, CallContext, ServiceDeps } from './context'
import { audited } from './audited'

type Parsed = ReturnType<typeof SourceInput.parse>

export function sourceHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
  poller: Poller,
) {
  const notFound = (id: number) =>
    new ServiceError('not_found', `There is no source with id ${id}`, 'id')

  function fields(input: Parsed, field = ''): SourceFields {
    if (input.schoolId !== null && !store.schools.get(input.schoolId)) {
      throw new ServiceError(
        'invalid_input',
        `There is no school with id ${input.schoolId}`,
        `${field}schoolId`,
      )
    }
    return {
      kind: input.kind,
      name: input.name,
      schoolId: input.schoolId,
      intervalMinutes: input.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES[input.kind],
      config: input.config as Record<string, unknown>,
    }
  }

  function changed<T>(result: T): T {
    events.emit({ type: 'sources.changed' })
    poller.refresh()
    return result
  }

  function change(
    ctx: CallContext,
    action: string,
    id: number | null,
    fn: (at: string) => Source | undefined,
  ): Source {
    return changed(
      audited(store, ctx, now, (at) => {
        const s = fn(at) ?? throwError(notFound(id ?? 0))
        return {
          result: s,
          audit: {
            action,
            entity: 'source',
            entityId: s.id,
            detail: { name: s.name, kind: s.kind, enabled: s.enabled },
          },
        }
      }),
    )
  }

  return {
    'sources.list': () => store.sources.list(),
    'sources.create': (input: OpParsed<'sources.create'>, ctx: CallContext) =>
      change(ctx, 'source.create', null, (at) => store.sources.create(fields(input), at)),
    'sources.update': ({ id, source }: OpParsed<'sources.update'>, ctx: CallContext) =>
      change(ctx, 'source.update', id, (at) =>
        store.sources.update(id, fields(source, 'source.'), at),
      ),
    'sources.setEnabled': ({ id, enabled }: OpParsed<'sources.setEnabled'>, ctx: CallContext) =>
      change(ctx, enabled ? 'source.resume' : 'source.pause', id, (at) =>
        store.sources.setEnabled(id, enabled, at),
      ),
    'sources.remove': ({ id }: OpParsed<'sources.remove'>, ctx: CallContext) =>
      changed(
        audited(store, ctx, now, (at) => {
          const s = store.sources.get(id) ?? throwError(notFound(id))
          store.sources.remove(id, at)
          return {
            result: { id },
            audit: {
              action: 'source.remove',
              entity: 'source',
              entityId: id,
              detail: { name: s.name, kind: s.kind },
            },
          }
        }),
      ),
    'sources.test': ({ source, id }: OpParsed<'sources.test'>) => {
      if (id !== undefined && !store.sources.get(id)) throw notFound(id)
      fields(source, 'source.')
      return poller.test(source, id)
    },
    'sources.pollNow': ({ id }: OpParsed<'sources.pollNow'>) => {
      if (id !== undefined && !store.sources.get(id)) throw notFound(id)
      return poller.pollNow(id)
    },
    'sources.runs': ({ id, limit }: OpParsed<'sources.runs'>) => {
      if (!store.sources.get(id)) throw notFound(id)
      return store.runs.recent(id, limit)
    },
  }
}

function throwError(e: Error): never {
  throw e
}
