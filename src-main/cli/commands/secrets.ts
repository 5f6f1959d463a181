// Runs in: CLI (Node). `footprint secrets status|list|set|remove|passphrase`. A value is read from standard
// input, never from the command line (shells keep history); passphrases come from FOOTPRINT_PASSPHRASE
// (and FOOTPRINT_NEW_PASSPHRASE) or a prompt that does not echo. No command ever prints a value.
import type { Command } from 'commander'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import type { SecretsStatus } from '../../contract'
import { call, CliError, printJson, printTable, withService, type Opened } from '../context'

const WHERE: Record<SecretsStatus['backend'], string> = {
  safe_storage: 'protected by the desktop app with this computer’s password manager',
  keychain: 'protected by your system’s password manager',
  passphrase: 'protected by a passphrase',
}

/** Reads one line from the terminal without showing it. */
function promptHidden(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve, reject) => {
    rl.on('SIGINT', () => {
      rl.close()
      reject(new CliError('Cancelled'))
    })
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

/** From the environment, else typed at a terminal; a script without either gets a clear error. */
async function passphraseFrom(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName]
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY)
    throw new CliError(`Secrets are locked: set ${envName}, or run this in a terminal to type it`)
  return promptHidden(question)
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    return promptHidden('Paste the value (it will not be shown), then press Enter: ')
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Unlocks with the passphrase when the store is locked and one is set (each command is a new launch). */
async function unlocked(o: Opened): Promise<SecretsStatus> {
  const status = await call(o, 'secrets.status', undefined)
  if (!status.locked || !status.passphraseSet) return status
  const passphrase = await passphraseFrom(
    'FOOTPRINT_PASSPHRASE',
    'Passphrase for Footprint secrets: ',
  )
  return call(o, 'secrets.unlock', { passphrase })
}

export function registerSecretCommands(program: Command): void {
  const secrets = program
    .command('secrets')
    .description('API keys, tokens and app passwords, encrypted; values are never printed')

  secrets
    .command('status')
    .description('where secrets are kept and whether they are locked')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const s = await call(o, 'secrets.status', undefined)
        if (opts.json) return printJson(s)
        const lock = s.locked
          ? s.passphraseSet
            ? 'locked (FOOTPRINT_PASSPHRASE or a prompt unlocks it for one command)'
            : 'no passphrase set yet: footprint secrets passphrase'
          : 'open'
        process.stdout.write(`Secrets are ${WHERE[s.backend]}: ${lock}\n`)
      }),
    )

  secrets
    .command('list')
    .description('stored secrets, masked')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        await unlocked(o)
        const list = await call(o, 'secrets.list', undefined)
        if (opts.json) return printJson(list)
        printTable(
          list.map((e) => ({ name: e.name, value: e.masked, updated: e.updatedAt })),
          'No secrets stored.',
        )
      }),
    )

  secrets
    .command('set <name>')
    .description('store or replace a secret: the value is read from standard input')
    .addHelpText('after', '\nExample: footprint secrets set x.bearerToken < token.txt')
    .action((name: string, _opts: unknown, cmd: Command) =>
      withService(cmd, async (o) => {
        await unlocked(o)
        const value = await readStdin()
        const entry = await call(o, 'secrets.set', { name, value })
        process.stdout.write(`Saved ${entry.name} (${entry.masked})\n`)
      }),
    )

  secrets
    .command('remove <name>')
    .description('delete a secret')
    .action((name: string, _opts: unknown, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'secrets.remove', { name })
        if (!r.removed) throw new CliError(`No secret named ${name}`)
        process.stdout.write(`Removed ${name}\n`)
      }),
    )

  secrets
    .command('passphrase')
    .description(
      'set the passphrase, or change it (the new one from FOOTPRINT_NEW_PASSPHRASE or a prompt)',
    )
    .action((_opts: unknown, cmd: Command) =>
      withService(cmd, async (o) => {
        const status = await call(o, 'secrets.status', undefined)
        const current = status.passphraseSet
          ? await passphraseFrom('FOOTPRINT_PASSPHRASE', 'Current passphrase: ')
          : undefined
        let passphrase = process.env.FOOTPRINT_NEW_PASSPHRASE
        if (!passphrase) {
          passphrase = await passphraseFrom(
            'FOOTPRINT_NEW_PASSPHRASE',
            'New passphrase (10 characters or more): ',
          )
          if ((await promptHidden('The new passphrase again: ')) !== passphrase)
            throw new CliError('The two passphrases are not the same: nothing was changed')
        }
        await call(o, 'secrets.setPassphrase', { current, passphrase })
        process.stdout.write(status.passphraseSet ? 'Passphrase changed\n' : 'Passphrase set\n')
      }),
    )
}
