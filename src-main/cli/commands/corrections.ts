// Runs in: CLI (Node). `footprint mentions correct|clear-correction|corrections`: a person's correction
// of the analysis engine's verdict, undoing it, and its history.
import type { Command } from 'commander'
import type { CorrectionEntry, MentionAnalysis } from '../../contract'
import { call, printJson, printTable, withService } from '../context'
import { positiveInt } from './args'

/** One line for a verdict: sentiment; flags; priority → owner, and whether a person corrected it. */
export function verdictText(a: MentionAnalysis | null): string {
  if (!a) return 'not analysed'
  const flags = a.flags.length ? a.flags.join(', ') : 'no flags'
  return `${a.sentiment.label}; ${flags}; ${a.priority} → ${a.owner}${a.correction ? ' (corrected)' : ''}`
}

/** "a,b" → ["a","b"]; "none" → [] (an empty argument is easy to lose in a shell). */
function flagList(text: string): string[] {
  if (text.trim().toLowerCase() === 'none') return []
  return text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
}

function entryText(e: CorrectionEntry): string {
  if (e.kind === 'cleared') return "back to the machine's verdict"
  const flags = e.flags?.length ? e.flags.join(', ') : 'no flags'
  return `${e.sentiment}; ${flags}; ${e.priority} → ${e.owner}`
}

interface CorrectFlags {
  sentiment?: string
  flags?: string
  note?: string
  json?: boolean
}

export function registerCorrectionCommands(mentions: Command): void {
  byId(
    mentions,
    'correct',
    "Correct the verdict on a mention; priority and owner follow from the policy's table",
  )
    .option('--sentiment <label>', 'negative, neutral or positive')
    .option('--flags <list>', 'every flag that applies, comma-separated (or "none")')
    .option('--note <text>', 'why (at most 500 characters)')
    .action((idText: string, f: CorrectFlags, cmd: Command) =>
      withService(cmd, async (o) => {
        const a = await call(o, 'mentions.correct', {
          id: positiveInt(idText, 'Mention id'),
          ...(f.sentiment ? { sentiment: f.sentiment } : {}),
          ...(f.flags !== undefined ? { flags: flagList(f.flags) } : {}),
          ...(f.note ? { note: f.note } : {}),
        })
        if (f.json) return printJson(a)
        process.stdout.write(`Mention ${idText} is now: ${verdictText(a)}\n`)
      }),
    )

  byId(
    mentions,
    'clear-correction',
    "Go back to the machine's verdict (the history keeps the correction)",
  ).action((idText: string, f: { json?: boolean }, cmd: Command) =>
    withService(cmd, async (o) => {
      const a = await call(o, 'mentions.clearCorrection', { id: positiveInt(idText, 'Mention id') })
      if (f.json) return printJson(a)
      process.stdout.write(
        `Mention ${idText} is back to the machine's verdict: ${verdictText(a)}\n`,
      )
    }),
  )

  byId(
    mentions,
    'corrections',
    'Every correction of a mention, newest first: when, by whom, what and why',
  ).action((idText: string, f: { json?: boolean }, cmd: Command) =>
    withService(cmd, async (o) => {
      const list = await call(o, 'mentions.corrections', { id: positiveInt(idText, 'Mention id') })
      if (f.json) return printJson(list)
      const rows = list.map((e) => ({
        at: e.at.slice(0, 16).replace('T', ' '),
        by: e.by,
        verdict: entryText(e),
        note: e.note,
      }))
      printTable(rows, 'No corrections: the machine’s verdict stands.')
    }),
  )
}

/** A subcommand that takes one mention id and can answer in JSON. */
function byId(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .argument('<id>', 'mention id')
    .option('--json', 'print as JSON')
}
