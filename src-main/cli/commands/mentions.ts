// Runs in: CLI (Node). `footprint mentions list|not-about-us|correct|corrections`.
import type { Command } from 'commander'
import { call, printJson, printTable, withService } from '../context'
import { positiveInt } from './args'
import { registerCorrectionCommands, verdictText } from './corrections'

interface ListFlags {
  since?: string
  school?: string
  source?: string
  limit: string
  all?: boolean
  sentiment?: string
  flag?: string
  priority?: string
  json?: boolean
}

export function registerMentionCommands(program: Command): void {
  const mentions = program.command('mentions').description('What has been found about your schools')

  mentions
    .command('list')
    .description('Mentions, newest first (duplicates and "not about us" left out unless --all)')
    .option('--since <iso>', 'only those first seen at or after, e.g. 2026-11-01T00:00:00Z')
    .option('--school <id>', 'only this school')
    .option('--source <id>', 'only this source')
    .option('--limit <n>', 'at most this many (1–500)', '50')
    .option('--all', 'include linked duplicates and hidden mentions')
    .option('--sentiment <label>', 'only negative, neutral or positive (as corrected)')
    .option('--flag <flag>', 'only those with this policy flag (as corrected), e.g. complaint')
    .option('--priority <p>', 'only urgent, high, normal or low (as corrected)')
    .option('--json', 'print as JSON')
    .action((f: ListFlags, cmd: Command) =>
      withService(cmd, async (o) => {
        const page = await call(o, 'mentions.list', {
          ...(f.since ? { since: f.since } : {}),
          ...(f.school ? { schoolId: positiveInt(f.school, 'School id') } : {}),
          ...(f.source ? { sourceId: positiveInt(f.source, 'Source id') } : {}),
          includeHidden: !!f.all,
          limit: positiveInt(f.limit, '--limit'),
          // Unchecked here: the contract names the field and the allowed values.
          ...(f.sentiment ? { sentiment: f.sentiment } : {}),
          ...(f.flag ? { flag: f.flag } : {}),
          ...(f.priority ? { priority: f.priority } : {}),
        })
        if (f.json) return printJson(page)
        printTable(
          page.items.map((m) => ({
            id: m.id,
            seen: m.firstSeenAt.slice(0, 16).replace('T', ' '),
            source: m.sourceName,
            alias: m.matchedAlias ?? '',
            title: (m.title ?? m.text).replace(/\s+/g, ' ').slice(0, 70),
            verdict: verdictText(m.analysis),
            note: m.hiddenReason ?? (m.duplicateOf ? `duplicate of ${m.duplicateOf}` : ''),
          })),
          'No mentions yet.',
        )
      }),
    )

  mentions
    .command('not-about-us')
    .description('Mark a mention as not about the school: records an exclusion and hides it')
    .argument('<id>', 'mention id')
    .option('--term <text>', 'the words that make it about something else (default: proposed)')
    .option('--json', 'print the result as JSON')
    .action((idText: string, opts: { term?: string; json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'mentions.notAboutUs', {
          id: positiveInt(idText, 'Mention id'),
          ...(opts.term ? { term: opts.term } : {}),
        })
        if (opts.json) return printJson(r)
        process.stdout.write(
          `Recorded exclusion "${r.exclusion}"; ${r.hidden} mention(s) hidden.\n`,
        )
      }),
    )

  registerCorrectionCommands(mentions)
}
