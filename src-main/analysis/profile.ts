// Runs in: main process / CLI (Node). Reads a school profile JSON file into a SchoolContext.
import { readFileSync } from 'node:fs'
import type { SchoolContext } from './types'

/** Accepts the corpus' school-profile.json shape; unknown fields are ignored. */
export function parseSchoolProfile(json: unknown): SchoolContext {
  if (!json || typeof json !== 'object') throw new Error('school profile: expected a JSON object')
  const o = json as Record<string, unknown>
  if (typeof o.name !== 'string' || !o.name.trim())
    throw new Error('school profile: "name" is required')
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined
  const staff = Array.isArray(o.staff)
    ? o.staff
        .filter(
          (s): s is Record<string, unknown> =>
            !!s && typeof s === 'object' && typeof (s as { name?: unknown }).name === 'string',
        )
        .map((s) => ({
          name: String(s.name),
          title: typeof s.title === 'string' ? s.title : undefined,
          role: typeof s.role === 'string' ? s.role : undefined,
        }))
    : undefined
  return {
    name: o.name,
    aliases: strings(o.aliases),
    town: typeof o.town === 'string' ? o.town : undefined,
    postcode: typeof o.postcode === 'string' ? o.postcode : undefined,
    staff,
  }
}

export function loadSchoolProfile(path: string): SchoolContext {
  return parseSchoolProfile(JSON.parse(readFileSync(path, 'utf8')))
}
