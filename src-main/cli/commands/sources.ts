// Runs in: CLI (Node). `footprint sources add|list|test|remove|runs`: what Footprint watches.
import type { Command } from 'commander'
import {
  CONNECTOR_GUIDES,
  POLLED_KINDS,
  SOURCE_KIND_LABELS,
  type Source,
  type SourceTestResult,
} from '../../contract'
import { call, CliError, printJson, printTable, withService } from '../context'
import { positiveInt } from './args'

const collect = (value: string, previous: string[] = []) => [...previous, value]

interface AddFlags {
  kind: string
  name?: string
  url?: string
  page?: string[]
  search?: string[]
  api?: string
  talk: boolean
  school?: string
  interval?: string
  allowPrivateNetwork?: boolean
  config?: string
  json?: boolean
}

function hostName(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined
  } catch {
    return undefined
  }
}

/** Flags → the contract's SourceInput; the service validates it and names any bad field. */
export function sourceInputFrom(f: AddFlags): Record<string, unknown> {
  const common = {
    schoolId: f.school === undefined ? null : positiveInt(f.school, 'School id'),
    ...(f.interval === undefined ? {} : { intervalMinutes: Number(f.interval) }),
  }
  const privateNet = f.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}
  if (f.kind === 'feed') {
    if (!f.url) throw new CliError('A feed needs --url <address of the RSS or Atom feed>')
    return {
      kind: 'feed',
      name: f.name ?? hostName(f.url) ?? f.url,
      ...common,
      config: { url: f.url, ...privateNet },
    }
  }
  if (f.kind === 'wikipedia') {
    if (!f.page?.length && !f.search?.length)
      throw new CliError('A Wikipedia source needs at least one --page TITLE or --search TERM')
    return {
      kind: 'wikipedia',
      name: f.name ?? `Wikipedia: ${f.page?.[0] ?? f.search?.[0]}`,
      ...common,
      config: {
        ...(f.api ? { apiUrl: f.api } : {}),
        pages: f.page ?? [],
        searchTerms: f.search ?? [],
        watchTalkPages: f.talk,
        ...privateNet,
      },
    }
  }
  if ((POLLED_KINDS as readonly string[]).includes(f.kind)) {
    const kind = f.kind as (typeof POLLED_KINDS)[number]
    let config: unknown
    try {
      config = f.config === undefined ? {} : JSON.parse(f.config)
    } catch {
      throw new CliError('--config must be JSON, e.g. --config \'{"placeId":"ChIJ…"}\'')
    }
    if (!config || typeof config !== 'object' || Array.isArray(config))
      throw new CliError('--config must be a JSON object of the source’s settings')
    return {
      kind,
      name: f.name ?? SOURCE_KIND_LABELS[kind],
      ...common,
      config: { ...config, ...privateNet },
    }
  }
  throw new CliError(`--kind must be one of ${POLLED_KINDS.join(', ')}, not "${f.kind}"`)
}

/** What a connector still needs once added: the secrets to save, by name. */
export function secretsHint(kind: string): string {
  const guide = (
    CONNECTOR_GUIDES as Record<string, { secrets: { name: string; label: string }[] }>
  )[kind]
  if (!guide?.secrets.length) return ''
  const lines = guide.secrets.map((x) => `  footprint secrets set ${x.name}   (${x.label})`)
  return `It needs these saved (the value is read from stdin):\n${lines.join('\n')}\n`
}

function where(s: Source): string {
  const c = s.config
  if (typeof c.url === 'string') return c.url
  const pages = Array.isArray(c.pages) ? c.pages.length : 0
  const terms = Array.isArray(c.searchTerms) ? c.searchTerms.length : 0
  return `${pages} page(s), ${terms} search term(s)`
}

function printTest(r: SourceTestResult): void {
  if (!r.ok) {
    process.stdout.write(`Test failed: ${r.error}\n`)
    process.exitCode = 1
    return
  }
  const count = (o: string) => r.items.filter((i) => i.outcome === o).length
  process.stdout.write(
    `Found ${r.itemsFound} item(s): ${count('new')} would be stored, ${count('duplicate')} duplicate(s), ` +
      `${count('already_stored')} already stored, ${count('not_about_us')} not about your schools. Nothing was stored.\n`,
  )
  printTable(
    r.items.map((i) => ({
      outcome: i.outcome,
      school: i.schoolName ?? '',
      alias: i.matchedAlias ?? '',
      title: (i.title ?? '').slice(0, 70),
    })),
    '',
  )
}

export function registerSourceCommands(program: Command): void {
  const sources = program.command('sources').description('What Footprint watches: feeds and wikis')

  sources
    .command('add')
    .description('Add a source (a feed URL, or Wikipedia pages and search terms)')
    .requiredOption('--kind <kind>', POLLED_KINDS.join(', '))
    .option('--name <name>', 'a name to show (default: the feed host or first page)')
    .option('--url <url>', 'feed: the RSS or Atom address (Google Alerts, news, Reddit search)')
    .option('--page <title>', 'wikipedia: a page to watch (repeatable)', collect)
    .option(
      '--search <term>',
      'wikipedia: a search for new pages naming the school (repeatable)',
      collect,
    )
    .option('--api <url>', 'wikipedia: the Action API address (default English Wikipedia)')
    .option('--no-talk', 'wikipedia: do not watch the pages’ talk pages')
    .option(
      '--config <json>',
      'other kinds: their settings as JSON, e.g. --kind google_places --config \'{"placeId":"ChIJ…"}\'',
    )
    .option('--school <id>', 'the school this source is about (default: every school)')
    .option('--interval <minutes>', 'minutes between polls (default: feeds 30, Wikipedia 60)')
    .option('--allow-private-network', 'let it reach local or intranet addresses')
    .option('--json', 'print the new source as JSON')
    .action((flags: AddFlags, cmd: Command) =>
      withService(cmd, async (o) => {
        const s = await call(o, 'sources.create', sourceInputFrom(flags))
        if (flags.json) return printJson(s)
        process.stdout.write(
          `Added source ${s.id}: ${s.name} (${s.kind}, every ${s.intervalMinutes} min)\n` +
            secretsHint(s.kind),
        )
      }),
    )

  sources
    .command('list')
    .description('List sources with their health')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const list = await call(o, 'sources.list', undefined)
        if (opts.json) return printJson(list)
        printTable(
          list.map((s) => ({
            id: s.id,
            name: s.name,
            kind: s.kind,
            status: s.health.status,
            every: `${s.intervalMinutes}m`,
            mentions: s.mentionCount,
            failures: s.health.consecutiveFailures,
            'last success': s.health.lastSuccessAt ?? '-',
            'last error': s.health.lastError ?? '',
            where: where(s),
          })),
          'No sources yet. Add one with: footprint sources add --kind feed --url …',
        )
      }),
    )

  sources
    .command('test')
    .description('Fetch a source now and show what would be stored; stores nothing')
    .argument('[id]', 'an existing source')
    .option('--url <url>', 'or: test a feed address that is not a source yet')
    .option('--school <id>', 'with --url: match only this school')
    .option('--allow-private-network', 'with --url: let it reach local addresses')
    .option('--json', 'print as JSON')
    .action(
      (
        idText: string | undefined,
        opts: { url?: string; school?: string; allowPrivateNetwork?: boolean; json?: boolean },
        cmd: Command,
      ) =>
        withService(cmd, async (o) => {
          let input: Record<string, unknown>
          if (idText !== undefined) {
            const id = positiveInt(idText, 'Source id')
            const s = (await call(o, 'sources.list', undefined)).find((x) => x.id === id)
            if (!s) throw new CliError(`There is no source with id ${id}`)
            const source = { kind: s.kind, name: s.name, schoolId: s.schoolId, config: s.config }
            input = { source, id }
          } else if (opts.url) {
            input = { source: sourceInputFrom({ ...opts, kind: 'feed', talk: true }) }
          } else throw new CliError('Give a source id, or --url <feed address>')
          const r = await call(o, 'sources.test', input)
          if (opts.json) return printJson(r)
          printTest(r)
        }),
    )

  sources
    .command('remove')
    .description('Remove a source; its mentions stay, as evidence')
    .argument('<id>', 'source id')
    .action((idText: string, _opts: unknown, cmd: Command) =>
      withService(cmd, async (o) => {
        const { id } = await call(o, 'sources.remove', { id: positiveInt(idText, 'Source id') })
        process.stdout.write(`Removed source ${id}; its mentions are kept.\n`)
      }),
    )

  sources
    .command('runs')
    .description('Recent runs of a source')
    .argument('<id>', 'source id')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print as JSON')
    .action((idText: string, opts: { limit: string; json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const runs = await call(o, 'sources.runs', {
          id: positiveInt(idText, 'Source id'),
          limit: positiveInt(opts.limit, '--limit'),
        })
        if (opts.json) return printJson(runs)
        printTable(
          runs.map((r) => ({
            started: r.startedAt,
            status: r.status,
            found: r.itemsFound,
            new: r.itemsNew,
            error: r.error ?? '',
          })),
          'No runs yet.',
        )
      }),
    )
}
