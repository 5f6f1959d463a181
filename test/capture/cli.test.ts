// Runs in: Vitest (Node). `footprint capture` as a user runs it: a real child process (spawned, so
// the fixture server in this process keeps answering), printing the mention id, files and hashes.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FOOTPRINT_BIN } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'

const IMAGES = resolve(__dirname, '../fixtures/images')
let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

function cli(dataDir: string, args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((done) => {
    const child = spawn(process.execPath, [FOOTPRINT_BIN, '--data-dir', dataDir, ...args], {
      env: { ...process.env, FOOTPRINT_DATA_DIR: '' },
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('close', (code) =>
      done({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }),
    )
  })
}

async function schoolIn(dir: string, name = "St Aldhelm's C of E Primary School") {
  const r = await cli(dir, ['schools', 'add', '--name', name, '--town', 'Hollinbury'])
  expect(r.code, r.err).toBe(0)
}

describe('footprint capture', { timeout: 120_000 }, () => {
  it('captures a page and prints the mention, the files and their hashes', async () => {
    const dir = tempDir()
    await schoolIn(dir)
    const r = await cli(dir, [
      'capture',
      `${server.url}/capture/redirect/1`,
      '--note',
      'From the CLI',
      '--allow-private-network',
    ])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain(
      `Captured ${server.url}/capture/page?from=redirect (“Hollinbury parents forum: uniform row”)`,
    )
    expect(r.out).toMatch(/Mention \d+ in “Manual captures”; capture 1/)
    expect(r.out).toContain(`Asked for ${server.url}/capture/redirect/1; redirected to`)
    const files = [...r.out.matchAll(/^ {2}(\S+)\s+(\d+) bytes {2}sha256 ([0-9a-f]{64})$/gm)]
    expect(files.map((m) => m[1])).toEqual([
      'capture.json',
      'page.html',
      'page.txt',
      'screenshot.png',
    ])
    const folder = /^Files in (.+) \(read-only\):$/m.exec(r.out)![1]
    for (const [, name, , hash] of files)
      expect(
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ).toBe(hash)
  })

  it('imports a screenshot, reads it offline, and exits (the OCR worker is shut down)', async () => {
    const dir = tempDir()
    await schoolIn(dir)
    const r = await cli(dir, [
      'capture',
      '--image',
      join(IMAGES, 'whatsapp-chat.png'),
      '--platform',
      'WhatsApp',
      '--json',
    ])
    expect(r.code, r.err).toBe(0)
    const out = JSON.parse(r.out)
    expect(out.capture.ocrStatus).toBe('text')
    expect(out.mention.text).toContain('disgraceful')
  })

  it('says exactly what is wrong, with exit code 1', async () => {
    const dir = tempDir()
    await schoolIn(dir)
    const both = await cli(dir, ['capture'])
    expect(both).toMatchObject({ code: 1 })
    expect(both.err).toContain('Give the URL of a page to capture, or --image FILE')
    const pdf = await cli(dir, ['capture', '--image', join(IMAGES, 'not-an-image.png')])
    expect(pdf.code).toBe(1)
    expect(pdf.err).toMatch(/not-an-image\.png is a PDF/)
    const local = await cli(dir, ['capture', `${server.url}/capture/page`])
    expect(local.code).toBe(1)
    expect(local.err).toMatch(/does not capture pages on this computer/)
    await schoolIn(dir, 'Hollinbury Academy')
    const which = await cli(dir, ['capture', 'https://example.org/'])
    expect(which.code).toBe(1)
    expect(which.err).toContain('There are 2 schools: say which with --school ID')
  })
})
