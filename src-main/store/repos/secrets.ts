// Runs in: main process and CLI (Node). Rows of the secrets store: ciphertexts and the wrapped data key.
// Nothing here ever sees a plaintext: encryption happens in src-main/secrets before a row is written.
import type { Db } from '../db'
import { parseJson } from './json'

export type WrapBackend = 'safe_storage' | 'keychain' | 'passphrase'

export interface SecretRow {
  name: string
  iv: Buffer
  ciphertext: Buffer
  tag: Buffer
  updatedAt: string
}

export interface KeyWrapRow {
  backend: WrapBackend
  wrapped: Buffer
  params: Record<string, unknown>
  keyCheck: Buffer
  updatedAt: string
}

interface RawWrap {
  backend: WrapBackend
  wrapped: Buffer
  params_json: string
  key_check: Buffer
  updated_at: string
}

export function secretsRepo(db: Db) {
  const getOne = db.prepare<[string], SecretRow>(
    'SELECT name, iv, ciphertext, tag, updated_at AS updatedAt FROM secrets WHERE name = ?',
  )
  const all = db.prepare<[], SecretRow>(
    'SELECT name, iv, ciphertext, tag, updated_at AS updatedAt FROM secrets ORDER BY name',
  )
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM secrets')
  const put = db.prepare<[string, Buffer, Buffer, Buffer, string, string]>(
    `INSERT INTO secrets (name, iv, ciphertext, tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET iv = excluded.iv, ciphertext = excluded.ciphertext,
       tag = excluded.tag, updated_at = excluded.updated_at`,
  )
  const del = db.prepare<[string]>('DELETE FROM secrets WHERE name = ?')
  const wraps = db.prepare<[], RawWrap>('SELECT * FROM secret_key_wraps ORDER BY backend')
  const putWrap = db.prepare<[string, Buffer, string, Buffer, string]>(
    `INSERT INTO secret_key_wraps (backend, wrapped, params_json, key_check, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (backend) DO UPDATE SET wrapped = excluded.wrapped, params_json = excluded.params_json,
       key_check = excluded.key_check, updated_at = excluded.updated_at`,
  )

  return {
    get: (name: string): SecretRow | undefined => getOne.get(name),
    list: (): SecretRow[] => all.all(),
    count: (): number => count.get()?.n ?? 0,
    put(row: Omit<SecretRow, 'updatedAt'>, at: string): void {
      put.run(row.name, row.iv, row.ciphertext, row.tag, at, at)
    },
    remove: (name: string): boolean => del.run(name).changes > 0,
    wraps(): KeyWrapRow[] {
      return wraps.all().map((r) => ({
        backend: r.backend,
        wrapped: r.wrapped,
        params: parseJson<Record<string, unknown>>(r.params_json, `secret_key_wraps.${r.backend}`),
        keyCheck: r.key_check,
        updatedAt: r.updated_at,
      }))
    },
    putWrap(w: Omit<KeyWrapRow, 'updatedAt'>, at: string): void {
      putWrap.run(w.backend, w.wrapped, JSON.stringify(w.params), w.keyCheck, at)
    },
  }
}
export type SecretsRepo = ReturnType<typeof secretsRepo>
