// Runs in: CLI (Node), `npm run bench:capture`. How long manual capture takes on this machine:
//  - OCR of a typical phone screenshot (the committed WhatsApp-style chat, 780 × 1688 px): the first
//    run, which starts the worker and loads the English model, reported apart; then the median of 5;
//  - capturing a page end to end (browser start, load, screenshot, HTML, text, evidence files,
//    hashes, mention stored and analysed) against a local fixture page: median of 5.
// Not a test: timings depend on the machine.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createOcrEngine } from '../src-main/capture/ocr'
import { createService } from '../src-main/services'
import { createStore, openDataDir } from '../src-main/store'
import { startFixtureServer } from '../test/fixtures/server'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { median, ms1, printFigures } from './bench-lib/figures'

const RUNS = 5
const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`
const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now()
  const r = await fn()
  return [performance.now() - t0, r]
}

async function benchOcr(): Promise<{ firstMs: number; warmMedianMs: number }> {
  const image = readFileSync(join(__dirname, '../test/fixtures/images/whatsapp-chat.png'))
  const ocr = createOcrEngine()
  try {
    const [first, r] = await timed(() => ocr.recognize(image))
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) times.push((await timed(() => ocr.recognize(image)))[0])
    console.log(`OCR, phone screenshot 780 × 1688 px (${r.text.split(/\s+/).length} words read):`)
    console.log(`  first run (worker start + English model + OCR): ${ms(first)}`)
    console.log(`  warm worker: median ${ms(median(times))} (${RUNS} runs: ${range(times)})`)
    return { firstMs: ms1(first), warmMedianMs: ms1(median(times)) }
  } finally {
    await ocr.terminate()
  }
}

async function benchCapture(): Promise<{ medianMs: number }> {
  const server = await startFixtureServer()
  const dataDir = mkdtempSync(join(tmpdir(), 'footprint-bench-capture-'))
  const db = openDataDir(dataDir)
  try {
    const store = createStore(db)
    const service = createService({ store, mode: 'browser', dataDir, version: 'bench' }, () => {})
    const ctx = { actor: 'bench' }
    const school = await service.call(
      'schools.create',
      { name: "St Aldhelm's C of E Primary School", town: 'Hollinbury' },
      ctx,
    )
    const input = {
      schoolId: school.id,
      url: `${server.url}/capture/page`,
      allowPrivateNetwork: true,
    }
    const times: number[] = []
    for (let i = 0; i < RUNS; i++)
      times.push((await timed(() => service.call('capture.url', input, ctx)))[0])
    console.log('Page capture, local fixture page, end to end (browser start → mention stored):')
    console.log(`  median ${ms(median(times))} (${RUNS} runs: ${range(times)})`)
    return { medianMs: ms1(median(times)) }
  } finally {
    db.close()
    rmSync(dataDir, { recursive: true, force: true })
    await server.close()
  }
}

async function main(): Promise<void> {
  const ocr = await benchOcr()
  const capture = await benchCapture()
  printFigures('capture', { runs: RUNS, ocr, pageCapture: capture })
}

void main()
