// Runs in: CLI (Node). The `footprint` command: the same service layer as the app, for scripts and admins.
import { Command, CommanderError } from 'commander'
import { ServiceError } from '../contract'
import { StoreError } from '../store'
import { appVersion, CliError } from './context'
import { registerServeCommand } from './commands/serve'
import { registerDbCommands } from './commands/db'
import { registerSchoolCommands } from './commands/schools'
import { registerUserCommands } from './commands/users'
import { registerSourceCommands } from './commands/sources'
import { registerPollCommand } from './commands/poll'
import { registerMentionCommands } from './commands/mentions'
import { registerAnalyzeCommand } from './commands/analyze'
import { registerCaptureCommand } from './commands/capture'
import { registerSecretCommands } from './commands/secrets'
import { registerAuditCommands } from './commands/audit'
import { registerDemoCommand } from './commands/demo'
import { registerEvidenceCommands } from './commands/evidence'
import { registerExportCommands } from './commands/export'
import { registerReportCommands } from './commands/report'
import { registerBackupCommands } from './commands/backup'
import { registerRetentionCommands } from './commands/retention'

export function buildProgram(): Command {
  const program = new Command()
    .name('footprint')
    .description(
      'Footprint: know what is said about your school online, and answer it the way your policy says.',
    )
    .version(appVersion())
    .option(
      '--data-dir <dir>',
      'data folder (default: FOOTPRINT_DATA_DIR, else the per-user app data folder)',
    )
    .showHelpAfterError()
  registerServeCommand(program)
  registerDbCommands(program)
  registerSchoolCommands(program)
  registerUserCommands(program)
  registerSourceCommands(program)
  registerPollCommand(program)
  registerMentionCommands(program)
  registerAnalyzeCommand(program)
  registerCaptureCommand(program)
  registerSecretCommands(program)
  registerAuditCommands(program)
  registerDemoCommand(program)
  registerEvidenceCommands(program)
  registerExportCommands(program)
  registerReportCommands(program)
  registerBackupCommands(program)
  registerRetentionCommands(program)
  return program
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride()
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode
    if (e instanceof CliError || e instanceof ServiceError || e instanceof StoreError) {
      process.stderr.write(`footprint: ${e.message}\n`)
      return 1
    }
    process.stderr.write(`footprint: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`)
    return 70
  }
}

if (require.main === module || process.argv[1]?.endsWith('footprint.cjs')) {
  runCli(process.argv).then((code) => {
    // serve keeps running; every other command ends here.
    if (code !== 0) process.exit(code)
  })
}
