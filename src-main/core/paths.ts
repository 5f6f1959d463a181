// Runs in: main process and CLI (Node). Where Footprint keeps its data, the same for the app and the CLI.
import { homedir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { existsSync } from 'node:fs'

export const APP_NAME = 'Footprint'

/**
 * The folder Electron's app.getPath('userData') gives for an app named Footprint, computed without
 * Electron so the CLI and the app open the same database.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}

/** --data-dir beats FOOTPRINT_DATA_DIR beats the OS default. */
export function resolveDataDir(
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  fallback?: string,
): string {
  const chosen = flag || env.FOOTPRINT_DATA_DIR || fallback || defaultDataDir()
  return resolve(chosen)
}

/** The project root (where package.json and db/ live), found from this file in source or bundled form. */
export function projectRoot(start: string = __dirname): string {
  let dir = start
  for (;;) {
    if (existsSync(join(dir, 'db', 'migrations')) && existsSync(join(dir, 'package.json')))
      return dir
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error(`Cannot find Footprint's db/migrations folder above ${start}`)
    dir = parent
  }
}

export function migrationsDir(): string {
  return join(projectRoot(), 'db', 'migrations')
}
