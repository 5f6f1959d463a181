// Runs in: CLI (Node). `footprint serve`: browser mode on 127.0.0.1.
import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../../core/paths'
import { startBrowserServer } from '../../server/http'
import { CliError, openService } from '../context'

export function rendererDir(): string {
  return join(projectRoot(), 'out', 'renderer')
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run Footprint in your browser: a local server on 127.0.0.1 only, with a one-time token',
    )
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '0')
    .action(async (opts: { port: string }, cmd: Command) => {
      const port = Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be 0–65535, not "${opts.port}"`)
      const staticDir = rendererDir()
      if (!existsSync(join(staticDir, 'index.html'))) {
        throw new CliError(
          `The screens are not built yet (${staticDir} is missing). Run: npm run build (or npm run serve, which does both).`,
        )
      }
      const o = openService(cmd, 'browser')
      const srv = await startBrowserServer({
        service: o.service,
        staticDir,
        port,
        log: (l) => console.error(l),
      })
      // The e2e tests and scripts wait for this exact line: it is the "ready" signal.
      process.stdout.write(`Footprint is ready (browser mode). Open: ${srv.url}\n`)
      process.stdout.write(`Data folder: ${o.dataDir}\n`)
      // Browser mode watches sources like the desktop app does.
      o.service.poller.start()
      o.service.jobs.start()
      o.service.backups.scheduler.start()
      const stop = async () => {
        await o.service.jobs.dispose()
        await o.service.backups.scheduler.dispose()
        await o.service.poller.dispose()
        await srv.close()
        o.close()
        process.exit(0)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
