// Runs in: main process and CLI (Node). All SQL about users: who they are, which schools they act for,
// their password hash and the lockout counter. Removed users are disabled, never deleted: the audit
// trail and old drafts still name them.
import type { Db } from '../db'
import type { Role, User } from '../../contract'

interface Row {
  id: number
  display_name: string
  email: string
  role: Role
  created_at: string
  school_ids: string | null
  has_password: number
  locked_until: string | null
}

const SELECT = `SELECT u.id, u.display_name, u.email, u.role, u.created_at, u.locked_until,
  u.password_hash IS NOT NULL AS has_password,
  (SELECT group_concat(school_id) FROM user_schools s WHERE s.user_id = u.id) AS school_ids
  FROM users u WHERE u.disabled_at IS NULL`

function toUser(r: Row): User {
  return {
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    role: r.role,
    schoolIds: r.school_ids
      ? r.school_ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    createdAt: r.created_at,
    hasPassword: r.has_password === 1,
    lockedUntil: r.locked_until,
  }
}

export interface LoginRow {
  id: number
  password_hash: string | null
  failed_logins: number
  locked_until: string | null
}

export function usersRepo(db: Db) {
  const list = db.prepare<[], Row>(`${SELECT} ORDER BY u.display_name COLLATE NOCASE, u.id`)
  const get = db.prepare<[number], Row>(`${SELECT} AND u.id = ?`)
  const count = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM users WHERE disabled_at IS NULL',
  )
  const byEmail = db.prepare<[string], { id: number }>('SELECT id FROM users WHERE email = ?')
  const insert = db.prepare(
    'INSERT INTO users (display_name, email, role, password_hash, created_at) VALUES (@displayName, @email, @role, @hash, @now)',
  )
  const link = db.prepare('INSERT INTO user_schools (user_id, school_id) VALUES (?, ?)')
  const unlinkAll = db.prepare('DELETE FROM user_schools WHERE user_id = ?')
  const login = db.prepare<[string], LoginRow>(
    'SELECT id, password_hash, failed_logins, locked_until FROM users WHERE email = ? AND disabled_at IS NULL',
  )
  const loginById = db.prepare<[number], LoginRow>(
    'SELECT id, password_hash, failed_logins, locked_until FROM users WHERE id = ? AND disabled_at IS NULL',
  )
  const setLogin = db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?')
  const setHash = db.prepare(
    'UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?',
  )
  const setRole = db.prepare('UPDATE users SET role = ? WHERE id = ?')
  // The address stays unique among everyone ever created; a removed user's is released by renaming.
  const disable = db.prepare(
    "UPDATE users SET disabled_at = ?, email = email || '#removed-' || id, password_hash = NULL WHERE id = ? AND disabled_at IS NULL",
  )
  const countRole = db.prepare<[Role], { n: number }>(
    'SELECT count(*) AS n FROM users WHERE role = ? AND disabled_at IS NULL',
  )

  return {
    list: (): User[] => list.all().map(toUser),
    get: (id: number): User | undefined => {
      const r = get.get(id)
      return r ? toUser(r) : undefined
    },
    count: (): number => count.get()!.n,
    countWithRole: (role: Role): number => countRole.get(role)!.n,
    idByEmail: (email: string): number | undefined => byEmail.get(email)?.id,
    create: (
      u: { displayName: string; email: string; role: Role; schoolIds: number[] },
      passwordHash: string | null,
      now: string,
    ): User => {
      const id = Number(
        insert.run({
          displayName: u.displayName,
          email: u.email,
          role: u.role,
          hash: passwordHash,
          now,
        }).lastInsertRowid,
      )
      for (const s of u.schoolIds) link.run(id, s)
      return toUser(get.get(id)!)
    },
    update(id: number, role: Role, schoolIds: number[]): User | undefined {
      setRole.run(role, id)
      unlinkAll.run(id)
      for (const s of schoolIds) link.run(id, s)
      const r = get.get(id)
      return r ? toUser(r) : undefined
    },
    loginByEmail: (email: string): LoginRow | undefined => login.get(email),
    loginById: (id: number): LoginRow | undefined => loginById.get(id),
    recordLogin(id: number, failedLogins: number, lockedUntil: string | null): void {
      setLogin.run(failedLogins, lockedUntil, id)
    },
    setPasswordHash(id: number, hash: string): void {
      setHash.run(hash, id)
    },
    disable: (id: number, now: string): boolean => disable.run(now, id).changes > 0,
  }
}
export type UsersRepo = ReturnType<typeof usersRepo>
