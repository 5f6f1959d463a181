// Browser mode's body cap: 1 MiB for every operation, except capture.image, which declares room for
// a 50 MB image in base64 beside it in the contract.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CAPTURE_IMAGE_MAX_BODY_BYTES, MAX_CAPTURE_IMAGE_BYTES } from '../../src-main/contract'
import {
  maxBodyBytesOf,
  MAX_BODY_BYTES,
  startBrowserServer,
  type BrowserServer,
} from '../../src-main/server/http'
import { freshService, SCHOOL } from '../helpers/service'
import { tempDir } from '../helpers/tmp'

let srv: BrowserServer | undefined
afterEach(async () => {
  await srv?.close()
  srv = undefined
})

async function start() {
  const { service } = freshService()
  const staticDir = join(tempDir(), 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Footprint</title>')
  srv = await startBrowserServer({ service, staticDir })
  const school = await service.call('schools.create', SCHOOL, { actor: 'test' })
  await service.call('users.create', ORM_LEAD, { actor: 'test' })
  const post = async (op: string, body: string) => {
    const res = await fetch(`http://127.0.0.1:${srv!.port}/api/op/${op}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${srv!.token}`,
        'x-footprint-session': TAB,
      },
      body,
    })
    return {
      status: res.status,
      json: (await res.json()) as { ok: boolean; error?: { message: string; field?: string } },
    }
  }
  // capture.image needs a signed-in user who may change mentions.
  const signIn = await post(
    'auth.signIn',
    JSON.stringify({ email: ORM_LEAD.email, password: ORM_LEAD.password }),
  )
  expect(signIn.status).toBe(200)
  return { post, schoolId: school.id }
}

const ORM_LEAD = {
  displayName: 'Jo Bloggs',
  email: 'jo@school.example',
  role: 'orm_lead',
  password: 'correct horse battery',
}
const TAB = 'tab-id-0123456789abcdef'

describe('per-operation body size', () => {
  it('declares the larger cap for capture.image only', () => {
    expect(maxBodyBytesOf('capture.image')).toBe(CAPTURE_IMAGE_MAX_BODY_BYTES)
    expect(CAPTURE_IMAGE_MAX_BODY_BYTES).toBeGreaterThan((MAX_CAPTURE_IMAGE_BYTES * 4) / 3)
    for (const op of ['schools.create', 'capture.url', 'capture.get', 'no.such.op'])
      expect(maxBodyBytesOf(op), op).toBe(MAX_BODY_BYTES)
  })

  it('keeps 1 MiB for every other operation', async () => {
    const { post } = await start()
    const r = await post('schools.create', JSON.stringify({ name: 'x'.repeat(2 * MAX_BODY_BYTES) }))
    expect(r.status).toBe(413)
    expect(r.json.error?.message).toBe(`Request body over ${MAX_BODY_BYTES} bytes`)
    const url = await post(
      'capture.url',
      JSON.stringify({ schoolId: 1, url: `https://a.example/${'x'.repeat(MAX_BODY_BYTES)}` }),
    )
    expect(url.status).toBe(413)
  })

  it('lets a 50 MB upload through to capture.image, which judges the bytes', async () => {
    const { post, schoolId } = await start()
    // Exactly 50 MB of not-an-image: past the HTTP layer and the schema, refused by what it is.
    const data = Buffer.alloc(MAX_CAPTURE_IMAGE_BYTES, 0x41).toString('base64')
    const r = await post(
      'capture.image',
      JSON.stringify({ schoolId, fileName: 'big.png', dataBase64: data }),
    )
    expect(r.status).toBe(400)
    expect(r.json.error).toMatchObject({ field: 'dataBase64' })
    expect(r.json.error?.message).toMatch(/big\.png is not an image Footprint recognises/)
  }, 60_000)

  it('refuses an image over 50 MB with the limit in words, and a body past the cap with 413', async () => {
    const { post, schoolId } = await start()
    const over = Buffer.alloc(MAX_CAPTURE_IMAGE_BYTES + 3).toString('base64')
    const r = await post(
      'capture.image',
      JSON.stringify({ schoolId, fileName: 'big.png', dataBase64: over }),
    )
    expect(r.status).toBe(400)
    expect(r.json.error?.message).toBe(
      'dataBase64: The image is over 50 MB; Footprint accepts images up to 50 MB',
    )
    const huge = await post('capture.image', 'x'.repeat(CAPTURE_IMAGE_MAX_BODY_BYTES + 1))
    expect(huge.status).toBe(413)
    expect(huge.json.error?.message).toBe(`Request body over ${CAPTURE_IMAGE_MAX_BODY_BYTES} bytes`)
  }, 60_000)
})
