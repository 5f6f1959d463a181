// Runs in: Vitest (Node). Fuzzes the service contract through the dispatcher every transport uses:
// any operation name with arbitrary JSON, or with input generated from the op's own zod schema and
// then mutated, must come back as a result or as a clear error (invalid_input naming the field) —
// never `internal`, never a throw. First with the handlers replaced by recorders (so the schema and
// the dispatcher alone are tested, with nothing written), then with the real read-only handlers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, OP_NAMES, type OpName } from '../../src-main/contract'
import type { CallContext } from '../../src-main/services'
import { workflowFixture } from '../helpers/workflow'
import { ensure, hostileText, params, testTimeout } from './fuzz'

const SYSTEM: CallContext = { actor: 'fuzz' }

type Def = { type: string; [k: string]: unknown }
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } })?._zod?.def

const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    '',
    0,
    -1,
    1.5,
    2 ** 53,
    true,
    [],
    {},
    'x',
    '__proto__',
  ),
  fc.jsonValue({ maxDepth: 2 }),
)

/**
 * Inputs shaped by the schema: right keys, mostly right types, sometimes wrong ones. Arbitrary
 * JSON alone almost never gets past an object schema's first check; these reach the field rules.
 */
function fromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  if (!def || depth > 4) return wild
  const near = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: wild })
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      const rec: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, v] of Object.entries(shape)) rec[k] = fromSchema(v, depth + 1)
      return near(fc.oneof(fc.record(rec), fc.record(rec, { requiredKeys: [] })))
    }
    case 'array':
      return near(fc.array(fromSchema(def.element, depth + 1), { maxLength: 3 }))
    case 'optional':
      return fc.oneof(fc.constant(undefined), fromSchema(def.innerType, depth))
    case 'nullable':
      return fc.oneof(fc.constant(null), fromSchema(def.innerType, depth))
    case 'default':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'prefault':
      return fc.oneof(fc.constant(undefined), fromSchema(def.innerType, depth))
    case 'pipe':
      return fromSchema(def.in, depth)
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => fromSchema(o, depth)))
    case 'enum':
      return near(fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)))
    case 'literal':
      return near(fc.constantFrom(...(def.values as unknown[])))
    case 'string':
      return near(
        fc.oneof(
          hostileText(8),
          fc.constantFrom(
            '2025-03-01',
            '2025-03-01T10:00:00.000Z',
            'a@b.example',
            'https://a.example/',
          ),
          fc.string({ maxLength: 300 }),
        ),
      )
    case 'number':
    case 'int':
      // Mostly small positive whole numbers: the ids that exist in the fixture, and sane limits.
      return near(
        fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
          { weight: 2, arbitrary: fc.integer({ min: -3, max: 300 }) },
          { weight: 1, arbitrary: fc.double() },
          { weight: 1, arbitrary: fc.integer() },
        ),
      )
    case 'boolean':
      return near(fc.boolean())
    case 'record':
      return near(
        fc.dictionary(fc.string({ maxLength: 6 }), fromSchema(def.valueType, depth + 1), {
          maxKeys: 3,
        }),
      )
    case 'lazy':
      return depth > 2 ? wild : fromSchema((def.getter as () => unknown)(), depth + 1)
    default:
      return wild
  }
}

const arbitraries = new Map<OpName, fc.Arbitrary<unknown>>()
const inputFor = (name: OpName) => {
  let a = arbitraries.get(name)
  if (!a) arbitraries.set(name, (a = fromSchema(contract[name].input)))
  return a
}

const call = fc
  .constantFrom(...OP_NAMES)
  .chain((name) =>
    fc.tuple(
      fc.constant(name),
      fc.oneof({ weight: 4, arbitrary: inputFor(name) }, { weight: 1, arbitrary: wild }),
    ),
  )

/** Every top-level key the schema knows, through unions, pipes, defaults and intersections. */
function schemaKeys(schema: unknown, out = new Set<string>(), depth = 0): Set<string> {
  const def = defOf(schema)
  if (!def || depth > 6) return out
  if (def.type === 'object') for (const k of Object.keys(def.shape as object)) out.add(k)
  if (def.type === 'union') for (const o of def.options as unknown[]) schemaKeys(o, out, depth + 1)
  if (def.type === 'intersection') {
    schemaKeys(def.left, out, depth + 1)
    schemaKeys(def.right, out, depth + 1)
  }
  for (const k of ['in', 'innerType']) if (def[k]) schemaKeys(def[k], out, depth + 1)
  return out
}

/** The first key an error names is in the input or the schema (or it is "(input)"). */
function namesARealField(field: string, input: unknown, schema: z.ZodType): boolean {
  if (field === '(input)') return true
  const head = field.split('.')[0]
  const inInput = input !== null && typeof input === 'object' && head in (input as object)
  return inInput || schemaKeys(schema).has(head) || /^\d+$/.test(head)
}

function checkError(
  error: { code: string; message: string; field?: string; issues?: unknown[] },
  name: OpName,
  input: unknown,
) {
  ensure(error.code !== 'internal', `${name} answered "internal"`, { input, error })
  ensure(typeof error.message === 'string' && error.message.length > 0, 'a message', error)
  if (error.code === 'invalid_input' && error.issues) {
    ensure(typeof error.field === 'string' && error.field.length > 0, 'names a field', error)
    ensure(namesARealField(error.field, input, contract[name].input), 'the field is real', {
      input,
      error,
    })
    if (error.field !== '(input)')
      ensure(error.message.startsWith(`${error.field}: `), 'message names the field', error)
  }
}

describe('service contract fuzz', () => {
  it(
    'every op, any input: the schema result reaches the handler, or a validation error names the field',
    async () => {
      const f = await workflowFixture()
      const handlers = f.service.handlers as unknown as Record<string, (i: unknown) => unknown>
      let received: unknown = Symbol('none')
      for (const name of OP_NAMES) handlers[name] = (i: unknown) => ((received = i), { stub: true })
      const tried = new Set<string>()
      const accepted = new Set<string>()
      await fc.assert(
        fc.asyncProperty(call, async ([name, input]) => {
          received = Symbol('none')
          tried.add(name)
          const r = await f.service.dispatch(name, structuredClone(input), SYSTEM)
          if (r.ok) {
            const parsed = contract[name].input.safeParse(structuredClone(input))
            ensure(parsed.success, `${name} accepted what its schema refuses`, input)
            expect(received).toEqual(parsed.data)
            accepted.add(name)
          } else {
            ensure(
              r.error.code === 'invalid_input' || r.error.code === 'forbidden',
              `${name}: ${r.error.code}`,
              { input, r },
            )
            checkError(r.error, name, input)
          }
          ensure(
            f.logs.every((l) => !l.includes('failed')),
            'nothing logged as failed',
            f.logs,
          )
        }),
        params(),
      )
      if (params().numRuns! >= 1000) {
        expect(tried.size).toBe(OP_NAMES.length)
        // Valid inputs round-trip for most ops: the generator gets past the schemas, not only into them.
        expect(accepted.size).toBeGreaterThan(OP_NAMES.length * 0.7)
      }
    },
    testTimeout(60_000),
  )

  it(
    'read-only ops run for real on any input: a result or a clear error, never internal',
    async () => {
      const f = await workflowFixture()
      f.mention('The head is awful and the office never replies', {})
      f.mention("Lovely sports day at St Aldhelm's", {})
      const READS: OpName[] = [
        'app.status',
        'schools.list',
        'schools.get',
        'users.list',
        'today.summary',
        'sources.list',
        'sources.runs',
        'mentions.list',
        'mentions.get',
        'mentions.counts',
        'mentions.corrections',
        'inbox.list',
        'today.check',
        'workflow.settings',
        'approvals.list',
        'incidents.list',
        'incidents.get',
        'notifications.list',
        'notifications.settings',
        'digest.get',
        'trends.overview',
        'trends.themes',
        'trends.alerts',
        'trends.spikeSettings',
        'reports.snapshots',
        'capture.ofMention',
        'secrets.status',
        'audit.verify',
      ].filter((n): n is OpName => (OP_NAMES as string[]).includes(n))
      const readCall = fc
        .constantFrom(...READS)
        .chain((name) =>
          fc.tuple(
            fc.constant(name),
            fc.oneof({ weight: 5, arbitrary: inputFor(name) }, { weight: 1, arbitrary: wild }),
          ),
        )
      const ran = new Set<string>()
      await fc.assert(
        fc.asyncProperty(readCall, async ([name, input]) => {
          const r = await f.service.dispatch(name, structuredClone(input), SYSTEM)
          if (!r.ok) checkError(r.error, name, input)
          else ran.add(name)
        }),
        params({ numRuns: Math.max(1, Math.floor(params().numRuns! / 2)) }),
      )
      // The generator reaches the handlers, not just the validators: most ops ran for real.
      if (params().numRuns! >= 1000) expect(ran.size).toBeGreaterThan(READS.length * 0.7)
    },
    testTimeout(90_000),
  )

  it('an unknown op name is not_found, whatever the input', async () => {
    const f = await workflowFixture()
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), wild, async (name, input) => {
        fc.pre(!(OP_NAMES as string[]).includes(name))
        const r = await f.service.dispatch(name, input, SYSTEM)
        ensure(!r.ok && r.error.code === 'not_found', 'not_found', r)
      }),
      params({ numRuns: Math.max(1, Math.floor(params().numRuns! / 10)) }),
    )
  })
})
