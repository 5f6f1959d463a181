// Runs in: main process and CLI (Node). All SQL about school profiles.
import type { Db } from '../db'
import type { School, StaffMember } from '../../contract'
import { parseJson } from './json'

type Profile = Omit<School, 'id' | 'createdAt' | 'updatedAt'>

interface Row {
  id: number
  name: string
  urn: string | null
  town: string
  local_authority: string
  postcode: string
  phone: string
  email: string
  website: string
  head_name: string
  aliases_json: string
  exclusions_json: string
  staff_json: string
  co_term_rule: School['coTermRule']
  created_at: string
  updated_at: string
}

function toSchool(r: Row): School {
  return {
    id: r.id,
    name: r.name,
    urn: r.urn ?? '',
    town: r.town,
    localAuthority: r.local_authority,
    postcode: r.postcode,
    phone: r.phone,
    email: r.email,
    website: r.website,
    headName: r.head_name,
    aliases: parseJson<string[]>(r.aliases_json, 'schools.aliases_json'),
    exclusions: parseJson<string[]>(r.exclusions_json, 'schools.exclusions_json'),
    staff: parseJson<StaffMember[]>(r.staff_json, 'schools.staff_json'),
    coTermRule: r.co_term_rule,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function params(p: Profile) {
  return {
    name: p.name,
    urn: p.urn === '' ? null : p.urn,
    town: p.town,
    local_authority: p.localAuthority,
    postcode: p.postcode,
    phone: p.phone,
    email: p.email,
    website: p.website,
    head_name: p.headName,
    aliases_json: JSON.stringify(p.aliases),
    exclusions_json: JSON.stringify(p.exclusions),
    staff_json: JSON.stringify(p.staff),
    co_term_rule: p.coTermRule,
  }
}

export function schoolsRepo(db: Db) {
  const list = db.prepare<[], Row>('SELECT * FROM schools ORDER BY name COLLATE NOCASE, id')
  const get = db.prepare<[number], Row>('SELECT * FROM schools WHERE id = ?')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM schools')
  const insert = db.prepare(`INSERT INTO schools
    (name, urn, town, local_authority, postcode, phone, email, website, head_name, aliases_json, exclusions_json, staff_json, co_term_rule, created_at, updated_at)
    VALUES (@name, @urn, @town, @local_authority, @postcode, @phone, @email, @website, @head_name, @aliases_json, @exclusions_json, @staff_json, @co_term_rule, @now, @now)`)
  const update = db.prepare(`UPDATE schools SET name = @name, urn = @urn, town = @town,
    local_authority = @local_authority, postcode = @postcode, phone = @phone, email = @email, website = @website,
    head_name = @head_name, aliases_json = @aliases_json, exclusions_json = @exclusions_json, staff_json = @staff_json, co_term_rule = @co_term_rule,
    updated_at = @now WHERE id = @id`)
  const byUrn = db.prepare<[string], { id: number }>('SELECT id FROM schools WHERE urn = ?')
  const workflowGet = db.prepare<[number], { complaints_url: string; calendar_json: string }>(
    'SELECT complaints_url, calendar_json FROM schools WHERE id = ?',
  )
  const workflowPut = db.prepare(
    'UPDATE schools SET complaints_url = ?, calendar_json = ?, updated_at = ? WHERE id = ?',
  )

  return {
    list: (): School[] => list.all().map(toSchool),
    get: (id: number): School | undefined => {
      const r = get.get(id)
      return r ? toSchool(r) : undefined
    },
    count: (): number => count.get()!.n,
    idByUrn: (urn: string): number | undefined => byUrn.get(urn)?.id,
    create: (p: Profile, now: string): School => {
      const id = Number(insert.run({ ...params(p), now }).lastInsertRowid)
      return toSchool(get.get(id)!)
    },
    /** The complaints link and working calendar; the calendar as stored (the service fills defaults). */
    workflow(id: number): { complaintsUrl: string; calendar: unknown } | undefined {
      const r = workflowGet.get(id)
      return r
        ? {
            complaintsUrl: r.complaints_url,
            calendar: parseJson<unknown>(r.calendar_json, 'schools.calendar_json'),
          }
        : undefined
    },
    setWorkflow(id: number, complaintsUrl: string, calendar: unknown, now: string): boolean {
      return workflowPut.run(complaintsUrl, JSON.stringify(calendar), now, id).changes > 0
    },
    update: (id: number, p: Profile, now: string): School | undefined => {
      const changes = update.run({ ...params(p), now, id }).changes
      return changes ? toSchool(get.get(id)!) : undefined
    },
  }
}
export type SchoolsRepo = ReturnType<typeof schoolsRepo>
