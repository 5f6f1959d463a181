// Runs in: Vitest (Node). Starts the crash worker as a child process and kills it with SIGKILL at a
// random point: after a random number of its "progress" lines (counted from its "ready" line), plus a
// random few milliseconds, so a kill lands anywhere from the first write to the last. The random
// choices come from a seeded PRNG: a failure names its seed and replays exactly.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { resolve } from 'node:path'
import { createRng } from '../../src-main/demo/prng'

export const WORKER = resolve(__dirname, 'worker.ts')
export const ROOT = resolve(__dirname, '../..')

/** Kills per operation: CRASH_KILLS overrides (CI keeps the default, a soak test raises it). */
export const KILLS = Math.max(1, Number(process.env.CRASH_KILLS) || 10)
export const SEED = Number(process.env.CRASH_SEED) || 20261121

export interface Life {
  child: ChildProcess
  /** Lets a loaded worker open the data folder and start. */
  go(): void
  lines: string[]
  /** Resolves with the nth line starting with `prefix` (seen already or to come); rejects if the worker exits first. */
  waitFor(prefix: string, nth?: number): Promise<string>
  exited: Promise<number | null>
}

export function startWorker(op: string, dataDir: string, baseUrl: string, phase: string): Life {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, op, dataDir, baseUrl, phase], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, FOOTPRINT_DATA_DIR: '', FOOTPRINT_SECRETS_BACKEND: 'passphrase' },
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const waiters: { prefix: string; nth: number; seen: number; resolve: (l: string) => void }[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const w of [...waiters]) {
      if (!line.startsWith(w.prefix) || ++w.seen < w.nth) continue
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(line)
    }
  })
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
  return {
    child,
    go: () => child.stdin!.write('go\n'),
    lines,
    exited,
    waitFor(prefix, nth = 1) {
      return new Promise((resolveLine, reject) => {
        // Lines that came before the wait count too (a life loads while the last one works).
        const before = lines.filter((l) => l.startsWith(prefix))
        if (before.length >= nth) {
          resolveLine(before[nth - 1])
          return
        }
        waiters.push({ prefix, nth, seen: before.length, resolve: resolveLine })
        void exited.then((code) =>
          reject(
            new Error(
              `the ${op} worker exited (${code}) before "${prefix}" #${nth}\n` +
                `${lines.slice(-15).join('\n')}\n${stderr.slice(-2000)}`,
            ),
          ),
        )
      })
    },
  }
}

export interface KillRecord {
  afterSteps: number
  /** The last step the worker reported before it died. */
  lastStep: string
}

/**
 * The lives of one operation's worker. Loading the app's modules is most of a start, so the next life
 * is always loading while the current one works and is killed; it waits for "go" before it touches
 * the data folder, so only one life ever has it open.
 */
export function lives(op: string, dataDir: string, baseUrl: string) {
  let next: Life | null = null
  const take = (): Life => {
    const life = next ?? startWorker(op, dataDir, baseUrl, 'loop')
    next = startWorker(op, dataDir, baseUrl, 'loop')
    return life
  }
  return {
    /** One life: go, wait for ready, let it make `steps` steps (+ jitter), SIGKILL, wait for the exit. */
    async killOnce(steps: number, jitterMs: number): Promise<KillRecord & { lines: string[] }> {
      const life = take()
      await life.waitFor('loaded')
      life.go()
      await life.waitFor('ready')
      await life.waitFor('progress', steps)
      if (jitterMs > 0) await new Promise((r) => setTimeout(r, jitterMs))
      life.child.kill('SIGKILL')
      await life.exited
      const last = life.lines.filter((l) => l.startsWith('progress')).at(-1) ?? ''
      return { afterSteps: steps, lastStep: last.split(' ').slice(2).join(' '), lines: life.lines }
    },
    /** The finishing life: it must complete the left-over work and exit cleanly. */
    async finish() {
      next?.child.kill('SIGKILL')
      await next?.exited
      next = null
      const life = startWorker(op, dataDir, baseUrl, 'finish')
      await life.waitFor('loaded')
      life.go()
      const done = await life.waitFor('done ')
      const code = await life.exited
      return {
        code,
        result: JSON.parse(done.slice(5)) as Record<string, unknown>,
        lines: life.lines,
      }
    },
    /** Kills a life still loading (a failed test must not leave it behind). */
    async dispose() {
      next?.child.kill('SIGKILL')
      await next?.exited
    },
  }
}

export const rng = (salt: number) => createRng(SEED + salt)
