// Runs in: main process / CLI (Node). Staff named: from the school's staff list, or "title + surname".
import type { SchoolContext } from '../types'
import type { Detection, DetectorInput } from './util'

const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Madam|Mister|Missus|Prof|Rev|Reverend|Father)'
const TITLE_LOWER = TITLE.toLowerCase()
// Capitalised words that follow a title without being a surname ("Mr Men", "Mrs Brown's Boys").
const NOT_SURNAME = new Set([
  'Men',
  'Motivator',
  'Tumble',
  'Bean',
  'Right',
  'Blobby',
  'Whippy',
  'Universe',
  'Nobody',
  'Happy',
  'Christmas',
  'Claus',
])

interface StaffMatcher {
  re: RegExp | null
  names: { key: string; label: string }[]
  surnames: Set<string>
  firstNames: Set<string>
}

const cache = new WeakMap<SchoolContext, StaffMatcher>()

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function staffMatcher(school?: SchoolContext): StaffMatcher {
  if (!school) return { re: null, names: [], surnames: new Set(), firstNames: new Set() }
  const hit = cache.get(school)
  if (hit) return hit
  const alts: string[] = []
  const surnames = new Set<string>()
  const firstNames = new Set<string>()
  for (const st of school.staff ?? []) {
    const parts = st.name.trim().split(/\s+/)
    if (parts.length === 0 || !parts[0]) continue
    const first = parts[0].toLowerCase()
    const last = parts[parts.length - 1].toLowerCase()
    surnames.add(last)
    firstNames.add(first)
    alts.push(esc(parts.join(' ').toLowerCase()))
    // "Mrs O", "Miss L": title plus initial is how parents name staff they half-hide.
    alts.push(`${TITLE_LOWER}\\.?\\s+(?:${esc(first)}\\s+)?${esc(last)}`)
    alts.push(`${TITLE_LOWER}\\.?\\s+${esc(last[0])}(?![a-z'])`)
    // A surname alone is specific enough when it is not a common English word.
    if (last.length >= 5) alts.push(esc(last))
    if (st.role) {
      const role = esc(st.role.toLowerCase())
      alts.push(`${esc(first)},?\\s+(?:the\\s+|our\\s+)?${role}`)
      alts.push(`${role},?\\s+${esc(first)}`)
    }
  }
  const m: StaffMatcher = {
    re: alts.length ? new RegExp(`\\b(?:${alts.join('|')})\\b`, 'g') : null,
    names: [],
    surnames,
    firstNames,
  }
  cache.set(school, m)
  return m
}

const GENERIC = new RegExp(
  `\\b${TITLE}\\.?\\s+(?:[A-Z]\\.?\\s+)?([A-Z][a-z'\\-]+|[A-Z](?![a-z]))`,
  'g',
)

export function detectStaff(input: DetectorInput, out: Detection[]): boolean {
  let any = false
  const sm = staffMatcher(input.school)
  if (sm.re) {
    sm.re.lastIndex = 0
    let m: RegExpExecArray | null
    let n = 0
    while ((m = sm.re.exec(input.f.lower)) !== null && n++ < 20) {
      const [start, end] = input.f.span(m.index, m.index + m[0].length)
      out.push({
        flag: 'staff_named',
        start,
        end,
        rule: 'staff.profile',
        explanation: 'Names a member of staff from the school profile.',
      })
      any = true
    }
  }
  GENERIC.lastIndex = 0
  let m: RegExpExecArray | null
  let n = 0
  while ((m = GENERIC.exec(input.f.cased)) !== null && n++ < 20) {
    if (NOT_SURNAME.has(m[1])) continue
    const [start, end] = input.f.span(m.index, m.index + m[0].length)
    if (out.some((d) => d.flag === 'staff_named' && d.start <= start && d.end >= end)) continue
    out.push({
      flag: 'staff_named',
      start,
      end,
      rule: 'staff.title-surname',
      explanation: 'Names a person by title and surname — likely a member of staff.',
    })
    any = true
  }
  return any
}
