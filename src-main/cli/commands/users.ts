// Runs in: CLI (Node). `footprint users add|list`.
import type { Command } from 'commander'
import { PASSWORD_MIN, ROLES, ROLE_LABELS, ServiceError } from '../../contract'
import { call, printJson, printTable, withService } from '../context'

const collectInt = (value: string, previous: number[] = []) => [...previous, Number(value)]

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('People who use Footprint and their roles')

  users
    .command('add')
    .description('Add a user')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--school <id>', 'a school this user acts for (repeatable; none means all)', collectInt)
    .option('--password <password>', `their first password (at least ${PASSWORD_MIN} characters)`)
    .option('--password-stdin', 'read the password from standard input instead')
    .option('--json', 'print the new user as JSON')
    .action(
      (
        opts: {
          name: string
          email: string
          role: string
          school?: number[]
          password?: string
          passwordStdin?: boolean
          json?: boolean
        },
        cmd: Command,
      ) =>
        withService(cmd, async (o) => {
          const u = await call(o, 'users.create', {
            displayName: opts.name,
            email: opts.email,
            role: opts.role,
            schoolIds: opts.school ?? [],
            password: await passwordFrom(opts),
          })
          if (opts.json) printJson(u)
          else
            process.stdout.write(`Added user ${u.id}: ${u.displayName} (${ROLE_LABELS[u.role]})\n`)
        }),
    )

  users
    .command('set-password')
    .description('Set a user’s password (and unlock their account)')
    .requiredOption('--email <email>', 'whose password')
    .option('--password <password>', `the new password (at least ${PASSWORD_MIN} characters)`)
    .option('--password-stdin', 'read the password from standard input instead')
    .action((opts: { email: string; password?: string; passwordStdin?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const list = await call(o, 'users.list', undefined)
        const user = list.find((u) => u.email.toLowerCase() === opts.email.toLowerCase())
        if (!user)
          throw new ServiceError('not_found', `There is no user with email ${opts.email}`, 'email')
        await call(o, 'users.setPassword', { id: user.id, password: await passwordFrom(opts) })
        process.stdout.write(`Password set for ${user.displayName}; the account is unlocked.\n`)
      }),
    )

  users
    .command('remove')
    .description('Remove a user; items they were assigned become unassigned')
    .requiredOption('--email <email>', 'who')
    .action((opts: { email: string }, cmd: Command) =>
      withService(cmd, async (o) => {
        const list = await call(o, 'users.list', undefined)
        const user = list.find((u) => u.email.toLowerCase() === opts.email.toLowerCase())
        if (!user)
          throw new ServiceError('not_found', `There is no user with email ${opts.email}`, 'email')
        const r = await call(o, 'users.remove', { id: user.id })
        process.stdout.write(
          `Removed ${user.displayName}; ${r.unassigned} item(s) are now unassigned.\n`,
        )
      }),
    )

  users
    .command('list')
    .description('List users')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const list = await call(o, 'users.list', undefined)
        if (opts.json) return printJson(list)
        printTable(
          list.map((u) => ({
            id: u.id,
            name: u.displayName,
            email: u.email,
            role: ROLE_LABELS[u.role],
            schools: u.schoolIds.join(',') || 'all',
          })),
          'No users yet. Add one with: footprint users add --name … --email … --role orm_lead',
        )
      }),
    )
}

/** A password from --password or standard input (so it need not appear in the shell's history). */
async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (opts.passwordStdin) {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '')
  }
  if (opts.password !== undefined) return opts.password
  throw new ServiceError(
    'invalid_input',
    `Give a password with --password or --password-stdin (at least ${PASSWORD_MIN} characters)`,
    'password',
  )
}
