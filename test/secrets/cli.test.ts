// Runs in: Vitest (Node). `footprint secrets` as a user runs it: a child process on the real bin, the
// value on standard input, the passphrase from the environment, and no value in any output.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { FOOTPRINT_BIN } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

const TOKEN = 'AAAAbearer-token-0123456789-3f9a'
const PASS = 'correct horse battery'

/** Like runFootprint, with standard input and extra environment (a passphrase, never a keychain). */
function footprint(
  dataDir: string,
  args: string[],
  opts: { input?: string; env?: Record<string, string> } = {},
) {
  const r = spawnSync(process.execPath, [FOOTPRINT_BIN, '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    input: opts.input ?? '',
    env: {
      ...process.env,
      FOOTPRINT_DATA_DIR: '',
      FOOTPRINT_SECRETS_BACKEND: 'passphrase',
      ...opts.env,
    },
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('footprint secrets', () => {
  it(
    'sets a passphrase, stores a value from stdin, lists it masked, and removes it',
    { timeout: 240_000 },
    () => {
      const dir = tempDir()
      const all: string[] = []
      const run = (args: string[], opts?: Parameters<typeof footprint>[2]) => {
        const r = footprint(dir, args, opts)
        all.push(r.out, r.err)
        return r
      }

      expect(run(['secrets', 'status']).out).toBe(
        'Secrets are protected by a passphrase: no passphrase set yet: footprint secrets passphrase\n',
      )
      expect(
        run(['secrets', 'passphrase'], { env: { FOOTPRINT_NEW_PASSPHRASE: PASS } }),
      ).toMatchObject({
        code: 0,
        out: 'Passphrase set\n',
      })

      // Each command is a new launch: locked until the passphrase comes from the environment.
      const locked = run(['secrets', 'set', 'x.bearerToken'], { input: TOKEN })
      expect(locked.code).toBe(1)
      expect(locked.err).toBe(
        'footprint: Secrets are locked: set FOOTPRINT_PASSPHRASE, or run this in a terminal to type it\n',
      )

      const env = { FOOTPRINT_PASSPHRASE: PASS }
      const set = run(['secrets', 'set', 'x.bearerToken:12'], { input: `${TOKEN}\n`, env })
      expect(set).toMatchObject({ code: 0, out: 'Saved x.bearerToken:12 (••••••••3f9a)\n' })

      // Each CLI run takes seconds on a busy machine, so this one test walks the whole path.
      const list = run(['secrets', 'list', '--json'], { env })
      expect(JSON.parse(list.out)).toEqual([
        { name: 'x.bearerToken:12', masked: '••••••••3f9a', updatedAt: expect.any(String) },
      ])

      // Removing needs no passphrase: nothing is read.
      expect(run(['secrets', 'remove', 'x.bearerToken:12'])).toMatchObject({
        code: 0,
        out: 'Removed x.bearerToken:12\n',
      })

      const joined = all.join('\n')
      expect(joined).not.toContain(TOKEN)
      expect(joined).not.toContain('bearer-token')
    },
  )
})
