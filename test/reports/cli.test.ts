// `footprint report ofsted` and `footprint report posh`, run as a user runs them (a child process on
// the real bin): files written whole with safe names, warnings printed, errors naming the field.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { runFootprint } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

function seed(dataDir: string) {
  const run = (...a: string[]) => {
    const r = runFootprint(dataDir, ...a)
    if (r.code !== 0) throw new Error(`footprint ${a.join(' ')}: ${r.err}`)
    return r.out
  }
  run(
    'schools',
    'add',
    '--name',
    'Oak/Ash: Federation 🌳',
    '--urn',
    '100001',
    '--town',
    'Hollinbury',
    '--la',
    'Westmarch Council',
  )
  return run
}

// Each run compiles the CLI with tsx in a child process: seconds each on a busy machine.
const SLOW = 180_000

describe('footprint report', () => {
  it(
    'ofsted writes the PDF into a folder under a safe name and prints its SHA-256',
    () => {
      const dataDir = tempDir()
      seed(dataDir)
      const outDir = tempDir()
      const r = runFootprint(
        dataDir,
        'report',
        'ofsted',
        '--school',
        '1',
        '--from',
        '2026-09-01',
        '--to',
        '2026-11-30',
        '--out',
        outDir,
      )
      expect(r.err).toBe('')
      expect(r.code).toBe(0)
      console.log(r.out.trim())
      expect(readdirSync(outDir)).toEqual([
        'Oak-Ash-Federation reputation snapshot 2026-09-01 to 2026-11-30.pdf',
      ])
      const path = join(outDir, readdirSync(outDir)[0])
      expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
      expect(r.out).toMatch(/SHA-256 [0-9a-f]{64}/)
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
      expect(text).toContain('Oak/Ash: Federation')
    },
    SLOW,
  )

  it(
    'ofsted refuses a bad date, naming the option',
    () => {
      const dataDir = tempDir()
      seed(dataDir)
      const r = runFootprint(
        dataDir,
        'report',
        'ofsted',
        '--school',
        '1',
        '--from',
        '2026-13-01',
        '--to',
        '2026-11-30',
        '--out',
        join(tempDir(), 'x.pdf'),
      )
      expect(r.code).not.toBe(0)
      expect(r.err).toMatch(/from: Dates must look like 2026-11-21/)
    },
    SLOW,
  )

  it(
    'posh prints the 48-hour warning and builds only with --proceed',
    () => {
      const dataDir = tempDir()
      seed(dataDir)
      // An incident with no platform report yet, made through the same service the app uses.
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `const { openDataDir, createStore } = require('./src-main/store');
         const store = createStore(openDataDir(${JSON.stringify(dataDir)}));
         store.incidents.create({ schoolId: 1, title: 'Fake account', summary: '', createdBy: null }, new Date().toISOString());`,
        ],
        { cwd: join(__dirname, '../..') },
      )
      const out = join(tempDir(), 'pack.zip')
      const first = runFootprint(dataDir, 'report', 'posh', '--incident', '1', '--out', out)
      expect(first.code).toBe(1)
      expect(first.err).toContain('Warning: No report to the platform is recorded')
      expect(first.err).toContain('Run again with --proceed')
      const second = runFootprint(
        dataDir,
        'report',
        'posh',
        '--incident',
        '1',
        '--out',
        out,
        '--proceed',
      )
      expect(second.code).toBe(0)
      expect(second.out).toContain('manifest.json')
      return JSZip.loadAsync(readFileSync(out)).then((zip) => {
        expect(Object.keys(zip.files).sort()).toEqual([
          'email-to-posh.eml',
          'manifest.json',
          'summary.pdf',
        ])
      })
    },
    SLOW,
  )
})
