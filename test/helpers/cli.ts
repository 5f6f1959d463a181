// Runs `footprint` as a user would (a child process on the real bin) against one data folder.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

export const FOOTPRINT_BIN = resolve(__dirname, '../../bin/footprint.cjs')

export function runFootprint(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [FOOTPRINT_BIN, '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    // The folder under test, never one from the developer's environment.
    env: { ...process.env, FOOTPRINT_DATA_DIR: '' },
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
