// Runs in: CLI (Node). `footprint users add|list`.
import type { Command } from 'commander'
import { ROLES, ROLE_LABELS } from '../../contract'
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
    .option('--json', 'print the new user as JSON')
    .action(
      (
        opts: { name: string; email: string; role: string; school?: number[]; json?: boolean },
        cmd: Command,
      ) =>
        withService(cmd, async (o) => {
          const u = await call(o, 'users.create', {
            displayName: opts.name,
            email: opts.email,
            role: opts.role,
            schoolIds: opts.school ?? [],
          })
          if (opts.json) printJson(u)
          else
            process.stdout.write(`Added user ${u.id}: ${u.displayName} (${ROLE_LABELS[u.role]})\n`)
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
