// Runs in: CLI (Node). `footprint analyze`: JSONL mentions on stdin, one JSON result per line out.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { Command } from 'commander'
import { getBuiltinEngine } from '../../analysis/registry'
import { loadSchoolProfile } from '../../analysis/profile'
import type { AnalysisEngine, SchoolContext } from '../../analysis/types'

export interface AnalyzeStreamOptions {
  school?: SchoolContext
  engine?: AnalysisEngine
}

export interface AnalyzeStreamStats {
  lines: number
  errors: number
}

function write(out: Writable, obj: unknown): Promise<void> {
  const line = JSON.stringify(obj) + '\n'
  return out.write(line) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r()))
}

/** The pure stream function: testable with in-memory streams. One output line per input line. */
export async function analyzeStream(
  input: Readable,
  output: Writable,
  opts: AnalyzeStreamOptions = {},
): Promise<AnalyzeStreamStats> {
  const engine = opts.engine ?? getBuiltinEngine()
  const rl = createInterface({ input, crlfDelay: Infinity })
  const stats: AnalyzeStreamStats = { lines: 0, errors: 0 }
  for await (const raw of rl) {
    stats.lines++
    const n = stats.lines
    if (!raw.trim()) continue
    let obj: unknown
    try {
      obj = JSON.parse(raw)
    } catch {
      stats.errors++
      await write(output, { id: null, error: `line ${n}: not JSON` })
      continue
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      stats.errors++
      await write(output, { id: null, error: `line ${n}: expected an object {"id","text"}` })
      continue
    }
    const o = obj as { id?: unknown; text?: unknown; source?: unknown }
    const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null
    if (typeof o.text !== 'string') {
      stats.errors++
      await write(output, { id, error: `line ${n}: "text" must be a string` })
      continue
    }
    const r = engine.analyze(o.text, {
      school: opts.school,
      source: typeof o.source === 'string' ? o.source : undefined,
    })
    await write(output, {
      id,
      sentiment: r.sentiment,
      flags: r.flags,
      priority: r.priority,
      owner: r.owner,
      evidence: r.evidence,
      engine: r.engine,
      engineVersion: r.engineVersion,
    })
  }
  return stats
}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description(
      'Analyse mentions: JSONL {"id","text","source"?} on stdin, one JSON result per line on stdout',
    )
    .option(
      '--school-profile <file>',
      'school profile JSON (name, aliases, staff) for staff names and exclusions',
    )
    .action(async (options: { schoolProfile?: string }) => {
      let school: SchoolContext | undefined
      if (options.schoolProfile) {
        try {
          school = loadSchoolProfile(options.schoolProfile)
        } catch (e) {
          process.stderr.write(
            `footprint analyze: cannot read school profile: ${(e as Error).message}\n`,
          )
          process.exitCode = 2
          return
        }
      }
      const stats = await analyzeStream(process.stdin, process.stdout, { school })
      if (stats.errors)
        process.stderr.write(
          `footprint analyze: ${stats.errors} of ${stats.lines} lines could not be read\n`,
        )
    })
}
