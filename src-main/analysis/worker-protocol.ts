// Runs in: main process and the analysis worker thread (types only). The messages between
// worker-pool.ts and worker.ts: plain data, copied by structured clone.
import type { School } from '../contract'
import type { AnalysisRow } from '../store/repos/analyses'

export interface WorkerRequest {
  id: number
  /** Each school the batch's items belong to, once: its names and staff are the engine's context. */
  schools: School[]
  items: { text: string; schoolId: number }[]
}

/** One item's verdict, or why the engine could not give one. */
export type WorkerResult = { ok: true; verdict: AnalysisRow } | { ok: false; error: string }

export type WorkerReply =
  | { type: 'ready'; engine: string; engineVersion: string }
  | { type: 'done'; id: number; results: WorkerResult[] }
