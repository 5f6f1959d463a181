// Runs in: Node (`npm run rebuild:electron`, and `npm start` when Electron is present). Builds a second copy of
// better-sqlite3 for Electron's ABI into build/native/electron, leaving node_modules (used by tests) on Node's ABI.
// Needs Electron's headers, which node-gyp downloads: run it on a machine with internet access.
import { cpSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const work = mkdtempSync(join(tmpdir(), 'footprint-sqlite-'))
try {
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
  })
  const gyp = require.resolve('node-gyp/bin/node-gyp.js', {
    paths: [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')],
  })
  const r = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  )
  if (r.status !== 0) {
    console.error(
      `Could not build better-sqlite3 for Electron ${electronVersion} (node-gyp exited ${r.status}).`,
    )
    process.exit(1)
  }
  const out = join(root, 'build', 'native', 'electron')
  mkdirSync(out, { recursive: true })
  copyFileSync(
    join(work, 'build', 'Release', 'better_sqlite3.node'),
    join(out, 'better_sqlite3.node'),
  )
  console.log(
    `Built better-sqlite3 for Electron ${electronVersion}: ${join(out, 'better_sqlite3.node')}`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
