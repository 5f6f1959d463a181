import { describe, expect, it } from 'vitest'
import {
  contract,
  fromZodError,
  isOpName,
  OP_NAMES,
  SchoolInput,
  SetupInput,
  UserInput,
} from '../src-main/contract'

describe('contract schemas', () => {
  it('accepts a full profile and normalises it', () => {
    const r = SchoolInput.parse({
      name: '  Hollinbury Infants  ',
      urn: '123456',
      postcode: 'hb4 2qt',
      staff: [{ name: 'Helen Okafor' }],
    })
    expect(r.name).toBe('Hollinbury Infants')
    expect(r.postcode).toBe('HB4 2QT')
    expect(r.staff[0]).toEqual({ name: 'Helen Okafor', title: '', role: '' })
    expect(r.aliases).toEqual([])
  })

  it.each([
    [{ name: 'X' }, 'name', 'School name must be at least 3 characters'],
    [{ name: 'Good name', urn: '12ab' }, 'urn', 'URN is the 6 or 7-digit'],
    [{ name: 'Good name', postcode: 'ZZZ 123' }, 'postcode', 'does not look like a UK postcode'],
    [{ name: 'Good name', email: 'nope' }, 'email', 'Email must be an address'],
    [{ name: 'Good name', website: 'ftp://x.example' }, 'website', 'http:// or https://'],
    [{ name: 'Good name', staff: [{ name: '' }] }, 'staff.0.name', 'Staff name must be at least 2'],
    [{ name: 42 }, 'name', 'School name must be text'],
  ])('rejects %j naming the field', (input, field, message) => {
    const r = SchoolInput.safeParse(input)
    expect(r.success).toBe(false)
    const e = fromZodError(r.error!)
    expect(e.code).toBe('invalid_input')
    expect(e.field).toBe(field)
    expect(e.message).toContain(message)
  })

  it('reports every field problem at once for forms', () => {
    const r = SetupInput.safeParse({
      school: { name: '' },
      user: { displayName: '', email: 'x', role: 'boss' },
    })
    const fields = fromZodError(r.error!).issues!.map((i) => i.field)
    expect(fields).toEqual(
      expect.arrayContaining(['school.name', 'user.displayName', 'user.email', 'user.role']),
    )
  })

  it('rejects unknown roles with the list of roles', () => {
    const r = UserInput.safeParse({ displayName: 'Jo', email: 'jo@example.org', role: 'admin' })
    expect(fromZodError(r.error!).message).toContain('ORM lead, head, DSL, viewer')
  })

  it('treats no input as no input, but refuses stray fields', () => {
    const input = contract['schools.list'].input
    expect(input.safeParse(undefined).success).toBe(true)
    expect(input.safeParse(null).success).toBe(true)
    expect(input.safeParse({}).success).toBe(true)
    expect(input.safeParse({ drop: 'table' }).success).toBe(false)
  })

  it('knows exactly its operations', () => {
    expect(isOpName('schools.list')).toBe(true)
    expect(isOpName('constructor')).toBe(false)
    expect(isOpName('__proto__')).toBe(false)
    expect(OP_NAMES).toContain('setup.complete')
  })
})
