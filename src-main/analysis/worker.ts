// Runs in: a worker thread (node:worker_threads) of the main process, `footprint serve` or the CLI. The
// analysis of a large poll, off the main thread so the screens stay responsive while it runs: the
// same built-in engine and the same school context as in-process analysis (services/analysis.ts),
// one batch per message. Started by worker-pool.ts, never on its own.
import { parentPort } from 'node:worker_threads'
import type { School } from '../contract'
import { schoolAnalyzer } from '../services/analysis'
import { BUILTIN_ENGINE_ID, BUILTIN_ENGINE_VERSION } from './engine'
import type { WorkerReply, WorkerRequest } from './worker-protocol'

if (!parentPort) throw new Error('analysis/worker.ts runs only as a worker thread')
const port = parentPort
const analyze = schoolAnalyzer()

port.on('message', (req: WorkerRequest) => {
  const schools = new Map<number, School>(req.schools.map((s) => [s.id, s]))
  const results = req.items.map(({ text, schoolId }) => {
    try {
      return { ok: true as const, verdict: analyze(text, schools.get(schoolId)!) }
    } catch (e) {
      // One text the engine cannot read must not cost the batch: the mention is stored unanalysed.
      return { ok: false as const, error: (e as Error)?.message ?? String(e) }
    }
  })
  port.postMessage({ type: 'done', id: req.id, results } satisfies WorkerReply)
})

// The pool checks this against its own copy: a worker from another build must not analyse.
port.postMessage({
  type: 'ready',
  engine: BUILTIN_ENGINE_ID,
  engineVersion: BUILTIN_ENGINE_VERSION,
} satisfies WorkerReply)
