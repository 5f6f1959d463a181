import { describe, expect, it, vi } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { tempDir } from '../helpers/tmp'
import { runFootprint } from '../helpers/cli'

const footprint = runFootprint
// Each test starts the real CLI several times (tsx compiles on start): seconds each on a busy machine.
vi.setConfig({ testTimeout: 120_000 })

describe('footprint CLI', () => {
  it('adds, updates and lists schools, with JSON for scripts', () => {
    const dir = tempDir()
    const add = footprint(
      dir,
      'schools',
      'add',
      '--name',
      "St Aldhelm's C of E Primary School",
      '--urn',
      '990417',
      '--town',
      'Hollinbury',
      '--alias',
      "Aldhelm's",
      '--staff',
      'Mrs Helen Okafor; Headteacher',
      '--json',
    )
    expect(add.code).toBe(0)
    const school = JSON.parse(add.out)
    expect(school).toMatchObject({
      id: 1,
      aliases: ["Aldhelm's"],
      staff: [{ title: 'Mrs', name: 'Helen Okafor', role: 'Headteacher' }],
    })
    const upd = footprint(dir, 'schools', 'update', '1', '--town', 'Newtown', '--json')
    expect(JSON.parse(upd.out)).toMatchObject({
      town: 'Newtown',
      urn: '990417',
      aliases: ["Aldhelm's"],
    })
    const list = footprint(dir, 'schools', 'list', '--json')
    expect(JSON.parse(list.out)).toHaveLength(1)
    expect(footprint(dir, 'schools', 'list').out).toMatch(/^id\s+name\s+urn/m)
  })

  it('reads a profile from a JSON file and names bad fields', () => {
    const dir = tempDir()
    const file = join(dir, 'profile.json')
    writeFileSync(file, JSON.stringify({ name: 'Hollinbury Infants', urn: '12', email: 'office' }))
    const r = footprint(dir, 'schools', 'add', '--from-json', file)
    expect(r.code).toBe(1)
    expect(r.err).toContain('urn: URN is the 6 or 7-digit')
    expect(r.err).toContain('email: Email must be an address')
    writeFileSync(file, '{ nope')
    expect(footprint(dir, 'schools', 'add', '--from-json', file).err).toMatch(
      /is not a JSON profile/,
    )
  })

  it('adds and lists users', () => {
    const dir = tempDir()
    expect(
      footprint(
        dir,
        'users',
        'add',
        '--name',
        'Jo Bloggs',
        '--email',
        'jo@school.example',
        '--role',
        'dsl',
        '--password',
        'correct horse battery',
      ).code,
    ).toBe(0)
    expect(JSON.parse(footprint(dir, 'users', 'list', '--json').out)).toMatchObject([
      { displayName: 'Jo Bloggs', role: 'dsl', hasPassword: true },
    ])
    // Every user can sign in: no password, or a short one, is refused and names the field.
    const add = (...extra: string[]) =>
      footprint(
        dir,
        'users',
        'add',
        '--name',
        'Sam Lee',
        '--email',
        's@y.example',
        '--role',
        'viewer',
        ...extra,
      )
    const noPassword = add()
    expect(noPassword.code).toBe(1)
    expect(noPassword.err).toContain('--password')
    const short = add('--password', 'short')
    expect(short.code).toBe(1)
    expect(short.err).toContain('password: Password must be at least 10 characters')
    expect(JSON.parse(footprint(dir, 'users', 'list', '--json').out)).toHaveLength(1)
    const bad = footprint(
      dir,
      'users',
      'add',
      '--name',
      'X Y',
      '--email',
      'x@y.example',
      '--role',
      'admin',
      '--password',
      'correct horse battery',
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('role')
  })

  it('backs up online and checks the database', () => {
    const dir = tempDir()
    footprint(dir, 'schools', 'add', '--name', 'Backup Primary')
    const target = join(tempDir(), 'backup.sqlite')
    expect(footprint(dir, 'db', 'backup', target).code).toBe(0)
    const copy = new Database(target, { readonly: true })
    expect(copy.prepare('SELECT name FROM schools').all()).toEqual([{ name: 'Backup Primary' }])
    copy.close()
    expect(footprint(dir, 'db', 'backup', target).err).toMatch(/already exists; use --force/)
    const check = JSON.parse(footprint(dir, 'db', 'check', '--json').out)
    expect(check).toMatchObject({
      ok: true,
      integrity: ['ok'],
      foreignKeyProblems: 0,
      migrations: { pending: [] },
    })
  })

  it('refuses a data folder whose database is not SQLite, and leaves it alone', () => {
    const dir = tempDir()
    const file = join(dir, 'footprint.sqlite')
    writeFileSync(file, 'not a database')
    const r = footprint(dir, 'schools', 'list')
    expect(r.code).toBe(1)
    expect(r.err).toContain(`${file} is not a Footprint database`)
    expect(readFileSync(file, 'utf8')).toBe('not a database')
  })

  it('has help on every command', () => {
    const dir = tempDir()
    for (const cmd of [
      [],
      ['serve'],
      ['db', 'backup'],
      ['db', 'check'],
      ['schools', 'add'],
      ['schools', 'update'],
      ['schools', 'list'],
      ['users', 'add'],
      ['users', 'list'],
    ]) {
      const r = footprint(dir, ...cmd, '--help')
      expect(r.code, cmd.join(' ')).toBe(0)
      expect(r.out).toMatch(/Usage: footprint/)
    }
    expect(existsSync(join(dir, 'footprint.sqlite'))).toBe(false)
  })
})
