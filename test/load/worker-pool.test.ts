// Runs in: Vitest (Node). The analysis worker pool: the worker gives the in-process engine's verdicts
// for each item's own school; a worker from another build (another engine version) is refused; a
// worker that dies fails only its batch; and ingest then analyses in-process, losing nothing.
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILTIN_ENGINE_VERSION } from '../../src-main/analysis'
import { createAnalysisPool, type AnalysisPool } from '../../src-main/analysis/worker-pool'
import { schoolAnalyzer } from '../../src-main/services/analysis'
import type { School } from '../../src-main/contract'
import { bulkItem } from './bulk-source'
import { loadInstall } from './harness'

const pools: AnalysisPool[] = []
afterEach(async () => {
  for (const p of pools.splice(0)) await p.dispose()
})
const pool = (...a: Parameters<typeof createAnalysisPool>) => {
  const p = createAnalysisPool(...a)
  pools.push(p)
  return p
}

/** A stand-in worker: `onMessage` is the body of its message handler (`m` is the request). */
const fakeWorker = (ready: object, onMessage: string) => () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads')
     parentPort.on('message', (m) => { ${onMessage} })
     parentPort.postMessage(${JSON.stringify({ type: 'ready', ...ready })})`,
    { eval: true },
  )

const school = (id: number, name: string, staff: School['staff'] = []): School =>
  ({ id, name, aliases: [], town: 'Hollinbury', postcode: null, staff }) as unknown as School

describe('the analysis worker pool', () => {
  it("gives the in-process engine's verdicts, each with its own school's names and staff", async () => {
    const a = school(1, "St Aldhelm's C of E Primary School", [
      { title: 'Mrs', name: 'Helen Okafor', role: 'Headteacher' },
    ] as School['staff'])
    const b = school(2, 'Westmarch Academy')
    const items = [0, 1, 3, 4, 5, 8, 13, 21].map((i, k) => ({
      text: `${bulkItem(i).text} Mrs Okafor`,
      school: k % 2 ? b : a,
    }))
    const results = await pool({ size: 1 }).analyze(items)
    const inProcess = schoolAnalyzer()
    expect(results).toEqual(items.map((i) => ({ ok: true, verdict: inProcess(i.text, i.school) })))
    expect(results.every((r) => r.ok && r.verdict.engineVersion === BUILTIN_ENGINE_VERSION)).toBe(
      true,
    )
  }, 60_000)

  it('refuses a worker that runs another engine version, and says which', async () => {
    let spawned = 0
    const fake = fakeWorker({ engine: 'builtin', engineVersion: '0.0.1-other' }, '')
    const p = pool({
      spawn: () => {
        spawned++
        return fake()
      },
    })
    const item = [{ text: 'hello', school: school(1, 'X') }]
    await expect(p.analyze(item)).rejects.toThrow(
      `The analysis worker runs engine builtin 0.0.1-other, but this build is builtin ${BUILTIN_ENGINE_VERSION}`,
    )
    await expect(p.analyze(item)).rejects.toThrow(/0\.0\.1-other/)
    expect(spawned).toBe(1) // refused for good: no worker started again and again
    expect(p.running).toBe(0)
  })

  it('fails only the batch of a worker that dies, and starts a fresh one for the next', async () => {
    let spawned = 0
    const p = pool({
      size: 1,
      spawn: () =>
        ++spawned === 1
          ? fakeWorker(
              { engine: 'builtin', engineVersion: BUILTIN_ENGINE_VERSION },
              'process.exit(3)',
            )()
          : fakeWorker(
              { engine: 'builtin', engineVersion: BUILTIN_ENGINE_VERSION },
              `parentPort.postMessage({ type: 'done', id: m.id, results: m.items.map(() => ({ ok: false, error: 'unreadable' })) })`,
            )(),
    })
    const item = [{ text: 'hello', school: school(1, 'X') }]
    await expect(p.analyze(item)).rejects.toThrow('the analysis worker exited (code 3)')
    await expect(p.analyze(item)).resolves.toEqual([{ ok: false, error: 'unreadable' }])
    expect(spawned).toBe(2)
  })
})

describe('ingest when the workers cannot analyse', () => {
  it('analyses in-process instead and stores every mention with its verdict', async () => {
    const n = 250 // above the off-thread threshold (200)
    const refused = pool({
      spawn: fakeWorker({ engine: 'builtin', engineVersion: '0.0.1-other' }, ''),
    })
    const h = await loadInstall({ count: n, polling: { analysisPool: refused } })
    try {
      const [run] = await h.service.poller.pollNow(h.source.id)
      expect(run).toMatchObject({ status: 'ok', itemsNew: n })
      expect(
        h.count1(
          'SELECT count(*) AS n FROM analyses WHERE engine_version = ?',
          BUILTIN_ENGINE_VERSION,
        ),
      ).toBe(n)
      expect(h.logs.join('\n')).toMatch(
        /analysis workers unavailable, analysing in-process: The analysis worker runs engine builtin 0\.0\.1-other/,
      )
    } finally {
      await h.close()
    }
  }, 60_000)
})
