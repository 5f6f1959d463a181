// Runs in: a child process of the crash tests (Node, through tsx), killed with SIGKILL at random
// moments. Loads its modules, says "loaded" and waits for "go" on stdin (so the test can load the next
// life while it checks the last); then opens a data folder as the app would (createService: start-up recovery included), sets up
// what its operation needs once, prints "ready", then repeats the operation for ever, printing
// "progress" at each step so the test can kill it at a random point. In the "finish" phase it does
// the remaining work once, prints "done <json>" and exits: the proof that the next start resumes.
//
//   node --import tsx test/crash/worker.ts <poll|analysis|approval|capture> <dataDir> <baseUrl> <loop|finish|hold>
import { openDataDir, createStore } from '../../src-main/store'
import { createService, type Service } from '../../src-main/services'
import { createPoliteHttp } from '../../src-main/sources/http'
import { schoolAnalyzer } from '../../src-main/services/analysis'
import { getBuiltinEngine } from '../../src-main/analysis'
import type { AnalyzeFn } from '../../src-main/sources/ingest'
import type { Poster } from '../../src-main/workflow/posting'
import { createAnalysisPool } from '../../src-main/analysis/worker-pool'
import { approvalOp, captureOp, pollOp, type Op, type OpContext } from './worker-ops'

const [mode, dataDir, baseUrl, phase] = process.argv.slice(2)
const say = (line: string) => process.stdout.write(`${line}\n`)
let steps = 0
const progress = (what: string) => say(`progress ${++steps} ${what}`)

const analyzer = schoolAnalyzer(getBuiltinEngine())
// Every verdict is a step: a kill lands inside the poll's one transaction as often as not.
const analyze: AnalyzeFn = (text, school) => {
  const r = analyzer(text, school)
  progress('analysed')
  return r
}

// The "platform" is the fixture server: the post is a real HTTP request, so a kill can land while
// the reply is on its way, after the platform has it but before Footprint has recorded it.
const post: Poster = async ({ mention }) => {
  progress('posting')
  const res = await fetch(`${baseUrl}/crash/post`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ draftId: mention.id }),
  })
  const { url } = (await res.json()) as { url: string }
  progress('posted')
  return { url }
}

const OPS: Record<string, Op> = {
  poll: pollOp({ feeds: ['a', 'b', 'c'], items: 30, step: 6 }),
  analysis: pollOp({ feeds: ['z'], items: 300, step: 75, tick: true }),
  approval: approvalOp,
  capture: captureOp,
}

/** The test starts the next worker while the last one still runs: it loads, then waits for "go". */
function go(): Promise<void> {
  return new Promise((resolve) => {
    let got = ''
    process.stdin.on('data', (c: Buffer) => {
      got += c.toString()
      if (got.includes('go\n')) resolve()
    })
  })
}

async function main(): Promise<void> {
  const op = OPS[mode]
  if (!op || !dataDir || !baseUrl)
    throw new Error(`usage: worker.ts <op> <dataDir> <baseUrl> <phase>`)
  say('loaded')
  await go()
  const store = createStore(openDataDir(dataDir))
  // Capture recovery leaves folders younger than its grace period alone (another process may be
  // recording them); this worker is the only process, so its clock runs an hour ahead to see them.
  const skew = mode === 'capture' ? 3_600_000 : 0
  const now = () => new Date(Date.now() + skew)
  const service: Service = createService(
    {
      store,
      mode: 'browser',
      dataDir,
      version: '0.0.0-crash',
      now,
      polling: {
        http: createPoliteHttp({
          userAgent: 'Footprint/0.0.0-crash (crash test)',
          sleep: async () => undefined,
          random: () => 0.5,
          timeoutMs: 10_000,
        }),
        analyze,
        maxConcurrent: 3,
        // The analysis batch goes the app's way for a large run: verdicts from worker threads,
        // mentions written in bounded transactions (small here, so a kill finds many boundaries).
        ...(mode === 'analysis'
          ? {
              analysisPool: createAnalysisPool({ size: 1, log: (l) => say(`log ${l}`) }),
              turns: { batch: 40, offThreadFrom: 100 },
            }
          : {}),
      },
      // The undo window is 30 s of this clock: it runs ahead, so queued replies are due at once.
      posting: {
        post,
        clock: {
          now: () => Date.now() + skew + 120_000,
          setTimer: () => 0,
          clearTimer: () => undefined,
        },
      },
    },
    (line) => say(`log ${line.split('\n')[0]}`),
  )
  const ctx: OpContext = { store, service, dataDir, baseUrl, now, progress, analyze }
  await op.setup(ctx)
  say('ready')
  if (phase === 'finish') {
    const result = await op.finish(ctx)
    say(`done ${JSON.stringify(result)}`)
    store.db.close()
    process.exit(0)
  }
  for (;;) await op.cycle(ctx)
}

main().catch((e) => {
  say(`error ${(e as Error)?.stack?.replace(/\n/g, ' | ') ?? e}`)
  process.exit(2)
})
