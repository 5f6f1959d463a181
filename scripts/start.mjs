// Runs in: Node (`npm start`). Starts the desktop app when Electron's runtime is installed; otherwise says
// so plainly and starts browser mode, which serves the same screens and service on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const args = process.argv.slice(2)
const bin = (name) => join(root, 'node_modules', '.bin', name)

function electronRuntime() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path)
      ? { path }
      : { reason: `the file ${path} is missing` }
  } catch (e) {
    return { reason: e.message.split('\n')[0] }
  }
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const electron = electronRuntime()
if (electron.path) {
  // The app needs better-sqlite3 built for Electron's ABI; tests keep Node's build untouched.
  if (!existsSync(join(root, 'build', 'native', 'electron', 'better_sqlite3.node'))) {
    run(process.execPath, [join(root, 'scripts', 'rebuild-electron-sqlite.mjs')])
  }
  const child = spawn(bin('electron-vite'), ['preview', '--', ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    "Electron's desktop runtime is not installed on this machine, so Footprint cannot open its own window.\n" +
      '(Installs made with ELECTRON_SKIP_BINARY_DOWNLOAD=1 leave it out; `npm rebuild electron` with internet access adds it.)\n' +
      'Starting Footprint in browser mode instead: the same app, in your web browser, on this computer only.\n',
  )
  if (process.env.FOOTPRINT_DEBUG) console.log(`Electron said: ${electron.reason}`)
  run(bin('electron-vite'), ['build'])
  const child = spawn(process.execPath, [join(root, 'bin', 'footprint.cjs'), ...args, 'serve'], {
    cwd: root,
    stdio: 'inherit',
  })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
}
