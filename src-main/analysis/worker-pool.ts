// Runs in: main process, `footprint serve` and the CLI (Node). A small pool of worker threads that run
// the analysis engine (worker.ts), so a poll of 100,000 mentions does not hold the main thread — and
// with it every IPC and HTTP call from the screens — for the minutes the engine needs.
//
// Workers start on the first batch, not at start-up (each loads the engine and its weights), and stop
// after a quiet minute; they never keep the process alive. The worker's engine version must equal
// this build's: a worker that says otherwise is stopped and the pool refuses to analyse (the caller
// then analyses in-process, never with the wrong engine).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { School } from '../contract'
import { BUILTIN_ENGINE_ID, BUILTIN_ENGINE_VERSION } from './engine'
import type { WorkerReply, WorkerRequest, WorkerResult } from './worker-protocol'

export type { WorkerResult } from './worker-protocol'

export interface AnalysisPool {
  /** The verdicts, in the items' order. Rejects only when no worker can analyse (the caller falls back). */
  analyze(items: readonly { text: string; school: School }[]): Promise<WorkerResult[]>
  /** Workers running now. */
  readonly running: number
  /** Stops every worker; batches still out are rejected. The pool can start workers again later. */
  dispose(): Promise<void>
}

export interface AnalysisPoolOptions {
  /** At most this many workers (default: one per spare core, at least 1, at most 4). */
  size?: number
  /** Stop a worker idle this long (default 60 s). */
  idleMs?: number
  log?: (msg: string) => void
  /** How to start a worker (tests); default: the built worker, else worker.ts through tsx. */
  spawn?: () => Worker
}

/** The built worker beside the main bundle (electron-vite), else the TypeScript source via tsx. */
export function spawnAnalysisWorker(): Worker {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))
  // electron-vite emits the worker as its own entry next to index.js (the pool may sit in a chunk).
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, 'analysis-worker.js')
    // A packaged app may unpack it from the asar archive: the real file is the one a thread can load.
    const unpacked = built.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
    if (unpacked !== built && existsSync(unpacked)) return new Worker(unpacked)
    if (existsSync(built)) return new Worker(built)
  }
  const source = join(here, 'worker.ts')
  if (!existsSync(source)) throw new Error(`The analysis worker is missing (looked in ${here}).`)
  // The CLI and `serve` run the TypeScript sources through tsx: the worker registers it too.
  const tsx = createRequire(join(here, 'worker-pool.ts')).resolve('tsx/cjs/api')
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)})`,
    {
      eval: true,
    },
  )
}

interface Slot {
  worker: Worker
  ready: Promise<void>
  pending: Map<number, { resolve: (r: WorkerResult[]) => void; reject: (e: Error) => void }>
  idle?: ReturnType<typeof setTimeout>
}

export function createAnalysisPool(opts: AnalysisPoolOptions = {}): AnalysisPool {
  const size = Math.max(1, opts.size ?? Math.min(4, availableParallelism() - 1))
  const idleMs = opts.idleMs ?? 60_000
  const spawn = opts.spawn ?? spawnAnalysisWorker
  const slots = new Set<Slot>()
  let nextId = 1
  /** Why the pool will not analyse (a worker from another build); null while all is well. */
  let refused: Error | null = null

  const drop = (slot: Slot, why: Error) => {
    if (!slots.delete(slot)) return
    if (slot.idle) clearTimeout(slot.idle)
    for (const p of slot.pending.values()) p.reject(why)
    slot.pending.clear()
    void slot.worker.terminate()
  }

  function start(): Slot {
    const worker = spawn()
    worker.unref() // a pool never keeps the app, `serve` or a CLI command alive
    const slot: Slot = { worker, ready: Promise.resolve(), pending: new Map() }
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') {
          if (m.engine !== BUILTIN_ENGINE_ID || m.engineVersion !== BUILTIN_ENGINE_VERSION) {
            refused = new Error(
              `The analysis worker runs engine ${m.engine} ${m.engineVersion}, but this build is ` +
                `${BUILTIN_ENGINE_ID} ${BUILTIN_ENGINE_VERSION}: analysing in-process instead.`,
            )
            opts.log?.(`[analysis] ${refused.message}`)
            reject(refused)
            drop(slot, refused)
          } else resolve()
          return
        }
        const p = slot.pending.get(m.id)
        slot.pending.delete(m.id)
        p?.resolve(m.results)
        if (slot.pending.size === 0) armIdle(slot)
      })
      const fail = (e: Error) => {
        if (!slots.has(slot)) return // stopped by us: idle, refused or disposed
        opts.log?.(`[analysis] worker stopped: ${e.message}`)
        reject(e)
        drop(slot, e)
      }
      worker.on('error', fail)
      worker.on('exit', (code) => fail(new Error(`the analysis worker exited (code ${code})`)))
    })
    slot.ready.catch(() => {}) // a failed start is reported through the batch that waits on it
    slots.add(slot)
    return slot
  }

  function armIdle(slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = setTimeout(() => {
      if (slot.pending.size === 0) drop(slot, new Error('idle'))
    }, idleMs)
    slot.idle.unref()
  }

  /** The least busy worker, or a new one while the pool has room and every worker is busy. */
  function pick(): Slot {
    let best: Slot | undefined
    for (const s of slots) if (!best || s.pending.size < best.pending.size) best = s
    if (!best || (best.pending.size > 0 && slots.size < size)) return start()
    return best
  }

  return {
    async analyze(items) {
      if (refused) throw refused
      if (items.length === 0) return []
      const schools = new Map<number, School>()
      for (const { school } of items) schools.set(school.id, school)
      const req: WorkerRequest = {
        id: nextId++,
        schools: [...schools.values()],
        items: items.map((i) => ({ text: i.text, schoolId: i.school.id })),
      }
      const slot = pick()
      if (slot.idle) clearTimeout(slot.idle)
      const done = new Promise<WorkerResult[]>((resolve, reject) =>
        slot.pending.set(req.id, { resolve, reject }),
      )
      try {
        await slot.ready
      } catch (e) {
        done.catch(() => {}) // rejected with the same error, answered here
        throw e
      }
      slot.worker.postMessage(req)
      return done
    },
    get running() {
      return slots.size
    },
    async dispose() {
      const all = [...slots]
      for (const s of all) drop(s, new Error('The analysis pool was stopped'))
    },
  }
}
