// Runs in: CLI (Node). `footprint schools add|list|update`: a profile from flags or from a JSON file.
import { Command } from 'commander'
import { readFileSync } from 'node:fs'
import type { School, SchoolInput } from '../../contract'
import { call, CliError, printJson, printTable, withService } from '../context'

const collect = (value: string, previous: string[] = []) => [...previous, value]

/** "Mrs Helen Okafor; Headteacher" → { title, name, role }: the form people already write staff lists in. */
export function parseStaff(spec: string): { name: string; title: string; role: string } {
  const [who, role = ''] = spec.split(';').map((s) => s.trim())
  const m = /^(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+(.+)$/i.exec(who)
  return m ? { title: m[1], name: m[2], role } : { title: '', name: who, role }
}

interface ProfileFlags {
  fromJson?: string
  name?: string
  urn?: string
  town?: string
  la?: string
  postcode?: string
  phone?: string
  email?: string
  website?: string
  head?: string
  alias?: string[]
  exclude?: string[]
  staff?: string[]
  coTerm?: string
  json?: boolean
}

function profileOptions(cmd: Command): Command {
  return cmd
    .option(
      '--from-json <file>',
      'read the profile from a JSON file (flags given as well override it)',
    )
    .option('--name <name>', 'school name, e.g. "St Aldhelm\'s C of E Primary School"')
    .option('--urn <urn>', 'Unique Reference Number (6 or 7 digits)')
    .option('--town <town>', 'town or village')
    .option('--la <authority>', 'local authority')
    .option('--postcode <postcode>', 'postcode')
    .option('--phone <phone>', 'office phone')
    .option('--email <email>', 'office email')
    .option('--website <url>', 'school website')
    .option('--head <name>', "headteacher's name as replies should sign it")
    .option('--alias <alias>', 'another name people use (repeatable)', collect)
    .option(
      '--exclude <term>',
      'a phrase that means it is NOT about this school (repeatable)',
      collect,
    )
    .option('--staff <"Title Name; role">', 'a member of staff (repeatable)', collect)
    .option(
      '--co-term <rule>',
      'when the town must appear next to the name: auto (ambiguous names only), always, never',
    )
    .option('--json', 'print the saved profile as JSON')
}

function readJsonFile(file: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new CliError(
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    )
  }
  try {
    const v = JSON.parse(text) as unknown
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected an object')
    return v as Record<string, unknown>
  } catch (e) {
    throw new CliError(`${file} is not a JSON profile: ${(e as Error).message}`)
  }
}

function profileFrom(
  flags: ProfileFlags,
  base: Partial<SchoolInput> = {},
): Record<string, unknown> {
  const fromFile = flags.fromJson ? readJsonFile(flags.fromJson) : {}
  const set: Record<string, unknown> = {
    name: flags.name,
    urn: flags.urn,
    town: flags.town,
    localAuthority: flags.la,
    postcode: flags.postcode,
    phone: flags.phone,
    email: flags.email,
    website: flags.website,
    headName: flags.head,
    aliases: flags.alias,
    exclusions: flags.exclude,
    staff: flags.staff?.map(parseStaff),
    coTermRule: flags.coTerm,
  }
  const given = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined))
  return { ...base, ...fromFile, ...given }
}

function show(s: School, json?: boolean): void {
  if (json) printJson(s)
  else process.stdout.write(`Saved school ${s.id}: ${s.name}${s.urn ? ` (URN ${s.urn})` : ''}\n`)
}

export function registerSchoolCommands(program: Command): void {
  const schools = program
    .command('schools')
    .description('School profiles: names, aliases, staff list')

  profileOptions(schools.command('add').description('Add a school profile')).action(
    (flags: ProfileFlags, cmd: Command) =>
      withService(cmd, async (o) =>
        show(await call(o, 'schools.create', profileFrom(flags)), flags.json),
      ),
  )

  profileOptions(
    schools
      .command('update')
      .description('Change a school profile; fields you do not give keep their value')
      .argument('<id>', 'school id (see footprint schools list)'),
  ).action((idText: string, flags: ProfileFlags, cmd: Command) =>
    withService(cmd, async (o) => {
      const id = Number(idText)
      if (!Number.isInteger(id) || id <= 0)
        throw new CliError(`School id must be a positive whole number, not "${idText}"`)
      const current = await call(o, 'schools.get', { id })
      const { id: _id, createdAt: _c, updatedAt: _u, ...base } = current
      show(await call(o, 'schools.update', { id, profile: profileFrom(flags, base) }), flags.json)
    }),
  )

  schools
    .command('list')
    .description('List the schools of this install')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const list = await call(o, 'schools.list', undefined)
        if (opts.json) return printJson(list)
        printTable(
          list.map((s) => ({
            id: s.id,
            name: s.name,
            urn: s.urn,
            town: s.town,
            aliases: s.aliases.length,
            staff: s.staff.length,
          })),
          'No schools yet. Add one with: footprint schools add --name "…"',
        )
      }),
    )
}
