// Runs in: main process and CLI (Node). All SQL about users and which schools they act for.
import type { Db } from '../db'
import type { Role, User } from '../../contract'

interface Row {
  id: number
  display_name: string
  email: string
  role: Role
  created_at: string
  school_ids: string | null
}

const SELECT = `SELECT u.id, u.display_name, u.email, u.role, u.created_at,
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
  }
}

export function usersRepo(db: Db) {
  const list = db.prepare<[], Row>(`${SELECT} ORDER BY u.display_name COLLATE NOCASE, u.id`)
  const get = db.prepare<[number], Row>(`${SELECT} AND u.id = ?`)
  const count = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM users WHERE disabled_at IS NULL',
  )
  const byEmail = db.prepare<[string], { id: number }>('SELECT id FROM users WHERE email = ?')
  const insert = db.prepare(
    'INSERT INTO users (display_name, email, role, created_at) VALUES (@displayName, @email, @role, @now)',
  )
  const link = db.prepare('INSERT INTO user_schools (user_id, school_id) VALUES (?, ?)')

  return {
    list: (): User[] => list.all().map(toUser),
    get: (id: number): User | undefined => {
      const r = get.get(id)
      return r ? toUser(r) : undefined
    },
    count: (): number => count.get()!.n,
    idByEmail: (email: string): number | undefined => byEmail.get(email)?.id,
    create: (
      u: { displayName: string; email: string; role: Role; schoolIds: number[] },
      now: string,
    ): User => {
      const id = Number(
        insert.run({ displayName: u.displayName, email: u.email, role: u.role, now })
          .lastInsertRowid,
      )
      for (const s of u.schoolIds) link.run(id, s)
      return toUser(get.get(id)!)
    },
  }
}
export type UsersRepo = ReturnType<typeof usersRepo>
