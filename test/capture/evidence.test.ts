// The pieces of a capture that need no browser: evidence files written once and read-only, local
// time with its offset in winter and summer, and login-wall wording that must not over-trigger.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  evidenceDir,
  evidenceRoot,
  sha256,
  verifyEvidence,
  writeEvidence,
} from '../../src-main/capture/evidence'
import { loginWallReasons } from '../../src-main/capture/login-wall'
import { localIso } from '../../src-main/capture/time'
import { mentionText } from '../../src-main/capture/to-mention'
import { tempDir } from '../helpers/tmp'

describe('evidence files', () => {
  it('writes each file once, read-only, and answers its size and SHA-256', async () => {
    const dataDir = tempDir()
    const files = await writeEvidence(dataDir, 'u1', [
      { name: 'a.txt', data: 'hello', mime: 'text/plain' },
      { name: 'b.bin', data: Buffer.from([1, 2, 3]), mime: 'application/octet-stream' },
    ])
    expect(files).toEqual([
      { name: 'a.txt', bytes: 5, sha256: sha256('hello'), mime: 'text/plain' },
      {
        name: 'b.bin',
        bytes: 3,
        sha256: sha256(Buffer.from([1, 2, 3])),
        mime: 'application/octet-stream',
      },
    ])
    for (const f of files)
      expect(statSync(join(evidenceDir(dataDir, 'u1'), f.name)).mode & 0o222).toBe(0)
    expect(await verifyEvidence(dataDir, 'u1', files)).toEqual(
      files.map((f) => ({ name: f.name, status: 'ok', sha256: f.sha256 })),
    )
  })

  it('never overwrites an existing capture and leaves no half-written folder behind', async () => {
    const dataDir = tempDir()
    await writeEvidence(dataDir, 'same', [{ name: 'a.txt', data: 'first', mime: 'text/plain' }])
    await expect(
      writeEvidence(dataDir, 'same', [{ name: 'a.txt', data: 'second', mime: 'text/plain' }]),
    ).rejects.toMatchObject({ code: 'storage_failed' })
    // A file name that cannot be written fails the whole capture, with nothing staged left over.
    await expect(
      writeEvidence(dataDir, 'u2', [
        { name: 'ok.txt', data: 'x', mime: 'text/plain' },
        { name: 'no/such/dir.txt', data: 'x', mime: 'text/plain' },
      ]),
    ).rejects.toThrow(/The capture could not be saved: .*Nothing was kept\./)
    expect(readdirSync(evidenceRoot(dataDir))).toEqual(['same'])
    expect(existsSync(evidenceDir(dataDir, 'u2'))).toBe(false)
  })
})

describe('capture times', () => {
  it('gives Europe/London wall-clock time with its offset, winter and summer', () => {
    expect(localIso(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15T12:00:00+00:00')
    expect(localIso(new Date('2026-07-15T12:00:00Z'))).toBe('2026-07-15T13:00:00+01:00')
    // The autumn change: 01:30 UTC is 01:30 GMT after the clocks went back at 02:00 BST.
    expect(localIso(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T01:30:00+00:00')
  })
})

describe('login walls', () => {
  const page = { httpStatus: 200, requestedUrl: 'https://x.example/a', finalUrl: 'https://x.example/a', hasPasswordField: false, title: 'A post', text: '' } // prettier-ignore
  it('does not flag an ordinary article that mentions logging in far down', () => {
    const text = `${'Parents gathered at the gates. '.repeat(200)} Please log in to comment.`
    expect(loginWallReasons({ ...page, text })).toEqual([])
  })
  it('flags a 403, a sign-in redirect and "sign in to continue" wording', () => {
    expect(loginWallReasons({ ...page, httpStatus: 403 })[0]).toMatch(/HTTP 403/)
    expect(loginWallReasons({ ...page, finalUrl: 'https://x.example/login/?next=%2Fa' })).toEqual([
      'the site sent the browser to a sign-in address',
    ])
    expect(loginWallReasons({ ...page, text: 'Sign in to continue to TikTok' })).toEqual([
      'the page says "Sign in to continue"',
    ])
  })
})

describe('mention text', () => {
  it('tidies whitespace and keeps a long page to a sane length', () => {
    expect(mentionText('  a \t b\n\n\n\nc  ')).toBe('a b\n\nc')
    const long = mentionText('word '.repeat(10_000), 100)
    expect(long).toHaveLength(100)
    expect(long.endsWith('…')).toBe(true)
  })
})
