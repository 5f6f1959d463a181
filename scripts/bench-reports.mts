// Runs in: CLI (Node), via `npm run bench:reports`. Time to build each report on the demo school:
// `footprint demo` makes a year of talk in a scratch folder (the real pollers against the demo
// server), then the pre-Ofsted snapshot for that year and the POSH pack for its incident are each
// built five times through the service, as the CLI builds them. Prints medians and one JSON line.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDemo } from '../src-main/demo/run'

const RUNS = 5
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const day = (d: Date) => d.toISOString().slice(0, 10)

const dir = mkdtempSync(join(tmpdir(), 'footprint-bench-reports-'))
try {
  const started = Date.now()
  const demo = await runDemo({ dataDir: dir, version: 'bench' })
  const demoMs = Date.now() - started
  const { service, summary } = demo
  const ctx = { actor: 'bench' }
  const [incident] = await service.call(
    'incidents.list',
    { schoolId: summary.schoolId, status: 'all' },
    ctx,
  )
  if (!incident) throw new Error('the demo made no incident')
  const to = new Date()
  const from = new Date(to.getTime() - 364 * 86_400_000)
  const ofsted: number[] = []
  const posh: number[] = []
  let pdfBytes = 0
  let zipBytes = 0
  for (let i = 0; i < RUNS; i++) {
    const s = await service.call(
      'reports.ofsted',
      { schoolId: summary.schoolId, from: day(from), to: day(to) },
      ctx,
    )
    ofsted.push(s.buildMs)
    pdfBytes = s.file.bytes
    const p = await service.call('reports.posh', { incidentId: incident.id, proceed: true }, ctx)
    posh.push(p.buildMs)
    zipBytes = p.file?.bytes ?? zipBytes
  }
  await demo.close()
  const mentions = summary.sources.reduce((n, s) => n + s.mentions, 0)
  console.log(`demo school: ${mentions} counted mentions, made in ${demoMs} ms`)
  console.log(
    `pre-Ofsted snapshot, a year: median ${median(ofsted)} ms of ${RUNS} [${ofsted.join(', ')}], ${pdfBytes} bytes`,
  )
  console.log(
    `POSH pack, "${incident.title}": median ${median(posh)} ms of ${RUNS} [${posh.join(', ')}], ${zipBytes} bytes`,
  )
  console.log(
    JSON.stringify({
      bench: 'reports',
      mentions,
      ofstedMedianMs: median(ofsted),
      poshMedianMs: median(posh),
      ofstedRunsMs: ofsted,
      poshRunsMs: posh,
    }),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
