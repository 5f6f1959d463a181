// Runs in: CLI (Node). Shared plumbing for commands: open the data folder, call the service, print.
import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveDataDir, projectRoot } from '../core/paths'
import { openDataDir, createStore, type Store } from '../store'
import { createService, type Service } from '../services'
import { ServiceError, type OpName, type OpOutput } from '../contract'

export class CliError extends Error {
  override name = 'CliError'
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/** The global --data-dir option, wherever the command sits in the tree. */
export function dataDirOf(cmd: Command): string {
  return resolveDataDir(cmd.optsWithGlobals<{ dataDir?: string }>().dataDir)
}

export interface Opened {
  dataDir: string
  store: Store
  service: Service
  close(): void
}

export function openService(cmd: Command, mode: 'browser' | 'electron' = 'browser'): Opened {
  const dataDir = dataDirOf(cmd)
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({ store, mode, dataDir, version: appVersion() })
  return { dataDir, store, service, close: () => db.close() }
}

/** Calls an operation as the CLI user; validation errors name the field. */
export async function call<K extends OpName>(
  o: Opened,
  name: K,
  input: unknown,
): Promise<OpOutput<K>> {
  const r = await o.service.dispatch(name, input, { actor: 'cli' })
  if (!r.ok) {
    const where = r.error.issues?.length
      ? r.error.issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')
      : ''
    throw new ServiceError(
      r.error.code,
      where ? `${r.error.message}\n${where}` : r.error.message,
      r.error.field,
    )
  }
  return r.data as OpOutput<K>
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n')
}

/** A plain aligned table for people; --json is for scripts. */
export function printTable(rows: Record<string, string | number>[], empty: string): void {
  if (!rows.length) {
    process.stdout.write(empty + '\n')
    return
  }
  const cols = Object.keys(rows[0])
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)))
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(width[i]))
      .join('  ')
      .trimEnd()
  process.stdout.write(
    [line(cols), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join('\n') + '\n',
  )
}

/** Runs a command body with the data folder open, closing it whatever happens. */
export async function withService(
  cmd: Command,
  fn: (o: Opened) => Promise<void> | void,
): Promise<void> {
  const o = openService(cmd)
  try {
    await fn(o)
  } finally {
    o.close()
  }
}
