// Runs in: main process and CLI (Node). Reads the text in a screenshot, entirely on this computer:
// tesseract.js with the English model installed from npm (@tesseract.js-data/eng), its engine from
// node_modules and no cache written anywhere. Nothing is fetched at run time: a school's WhatsApp
// screenshot never leaves the machine. One worker is started on first use, reused (jobs queue),
// and terminated on shutdown.
import { dirname, join } from 'node:path'
import { createWorker, OEM, PSM, type Worker, type WorkerOptions } from 'tesseract.js'

export interface OcrResult {
  text: string
  /** Tesseract's mean confidence, 0–100. */
  confidence: number
}

export interface OcrEngine {
  recognize(image: Buffer, onProgress?: (fraction: number) => void): Promise<OcrResult>
  terminate(): Promise<void>
}

/** The English model shipped by @tesseract.js-data/eng; best_int is the LSTM model the engine uses. */
export function englishModelDir(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
}

/** Every path is local; no langPath URL, so tesseract.js never falls back to its CDN. */
export function offlineWorkerOptions(extra: Partial<WorkerOptions> = {}): Partial<WorkerOptions> {
  return {
    langPath: englishModelDir(),
    gzip: true,
    // 'none': never read or write a cached model in the working folder (tesseract.js's default).
    cacheMethod: 'none',
    workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    ...extra,
  }
}

export interface OcrEngineOptions {
  /** A replacement worker script (tests wrap the real one to prove nothing reaches the network). */
  workerPath?: string
}

export function createOcrEngine(opts: OcrEngineOptions = {}): OcrEngine {
  let worker: Promise<Worker> | null = null
  let queue: Promise<unknown> = Promise.resolve()
  let progress: ((fraction: number) => void) | undefined

  const start = () =>
    createWorker(
      'eng',
      OEM.LSTM_ONLY,
      offlineWorkerOptions({
        ...(opts.workerPath ? { workerPath: opts.workerPath } : {}),
        logger: (m) => {
          if (m.status === 'recognizing text') progress?.(m.progress)
        },
        errorHandler: () => undefined,
      }),
    ).then(async (w) => {
      // Screenshots are blocks of chat bubbles and captions, not one column of prose.
      await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO })
      return w
    })

  async function run(image: Buffer, onProgress?: (f: number) => void): Promise<OcrResult> {
    if (!worker) {
      worker = start()
      worker.catch(() => (worker = null))
    }
    const w = await worker
    progress = onProgress
    try {
      const { data } = await w.recognize(image)
      return { text: data.text, confidence: data.confidence }
    } finally {
      progress = undefined
    }
  }

  return {
    recognize(image, onProgress) {
      const job = queue.then(() => run(image, onProgress))
      queue = job.catch(() => undefined)
      return job
    },
    async terminate() {
      const w = worker
      worker = null
      if (w) await (await w.catch(() => null))?.terminate()
    },
  }
}

let shared: OcrEngine | null = null

/** The process's one OCR engine (the worker starts on first use). */
export function sharedOcrEngine(): OcrEngine {
  shared ??= createOcrEngine()
  return shared
}

/** On shutdown: ends the worker thread, so the CLI can exit. */
export async function shutdownOcr(): Promise<void> {
  const s = shared
  shared = null
  await s?.terminate()
}
