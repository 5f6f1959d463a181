// Runs in: renderer. The editable shape of a school profile in a form.
import type { School } from '@contract'

export interface SchoolDraft {
  name: string
  urn: string
  town: string
  localAuthority: string
  postcode: string
  phone: string
  email: string
  website: string
  headName: string
  aliases: string[]
  exclusions: string[]
  staff: { title: string; name: string; role: string }[]
  coTermRule: 'auto' | 'always' | 'never'
}

export function emptySchoolDraft(): SchoolDraft {
  return {
    name: '',
    urn: '',
    town: '',
    localAuthority: '',
    postcode: '',
    phone: '',
    email: '',
    website: '',
    headName: '',
    aliases: [],
    exclusions: [],
    staff: [],
    coTermRule: 'auto',
  }
}

export function draftFromSchool(s: School): SchoolDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = s
  return {
    ...profile,
    aliases: [...s.aliases],
    exclusions: [...s.exclusions],
    staff: s.staff.map((m) => ({ ...m })),
  }
}
