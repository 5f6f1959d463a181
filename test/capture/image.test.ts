// Image import: the type comes from the bytes, sizes are refused before decoding, and OCR runs
// entirely offline with the English model from node_modules.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { CaptureError } from '../../src-main/capture/errors'
import {
  importImage,
  MAX_IMAGE_BYTES,
  MAX_OCR_PIXELS,
  sniffImage,
} from '../../src-main/capture/image'
import { createOcrEngine, englishModelDir, offlineWorkerOptions } from '../../src-main/capture/ocr'
import { encodeBmp, encodeGif, encodeTiff } from '../helpers/raw-images'
import { tempDir } from '../helpers/tmp'

const IMAGES = resolve(__dirname, '../fixtures/images')
const image = (name: string) => readFileSync(join(IMAGES, name))
const ocr = createOcrEngine()
afterAll(() => ocr.terminate())

/** A PNG header claiming `width × height` pixels over a tiny, valid, all-white 1-bit body. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    // CRC is not checked by the sniffers; a real decoder would refuse it, which is the point.
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('OCR of a phone screenshot', () => {
  it('reads the words of a WhatsApp-style chat, offline, and keeps the original bytes', async () => {
    const data = image('whatsapp-chat.png')
    const progress: number[] = []
    const r = await importImage(
      { data, fileName: 'IMG_2041.PNG' },
      { ocr, onProgress: (f) => progress.push(f) },
    )
    expect(r.mime).toBe('image/png')
    expect(r).toMatchObject({ width: 780, height: 1688 })
    expect(r.data.equals(data)).toBe(true)
    expect(r.ocr.status).toBe('text')
    for (const words of [
      'Year 4 Parents',
      'trip',
      'cancellation',
      'refund',
      'disgraceful',
      'headteacher',
    ])
      expect(r.ocr.text).toContain(words)
    expect(r.ocr.text).toMatch(/St Aldhelm.s/)
    // Lines wrapped inside a bubble are joined back into their sentence.
    expect(r.ocr.text).toContain('Has anyone else heard about the trip cancellation')
    expect(r.ocr.text).toContain('The headteacher should resign')
    expect(r.ocr.confidence).toBeGreaterThan(70)
    expect(progress.at(-1)).toBe(1)
    expect(r.capturedAtLocal).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
  }, 120_000)

  it('says "no text found" for a blank screenshot, and still keeps it', async () => {
    const r = await importImage({ data: image('blank.png'), fileName: 'blank.png' }, { ocr })
    expect(r.ocr).toMatchObject({ status: 'no_text', text: '' })
    expect(r.ocr.note).toMatch(/No text was found/)
    expect(r.data.length).toBeGreaterThan(0)
  }, 60_000)

  it('reads every accepted type: JPEG, WebP, GIF, BMP and TIFF as well as PNG', async () => {
    // One line of text in each format; the canvas-made ones were drawn like the chat.
    const { chromium } = await import('playwright-core')
    const { findBrowser, BROWSER_ARGS } = await import('../../src-main/core/browser')
    const browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS })
    const page = await browser.newPage()
    const draw = `const c=document.createElement('canvas');c.width=640;c.height=120;const x=c.getContext('2d');
      x.fillStyle='#fff';x.fillRect(0,0,640,120);x.fillStyle='#000';x.font='36px sans-serif';
      x.fillText('Uniform meeting on Friday',20,75);`
    const encoded = (await page.evaluate(`(() => {${draw} return ['image/jpeg','image/webp']
      .map((t) => c.toDataURL(t, 0.95))})()`)) as string[]
    const pixels = (await page.evaluate(`(() => {${draw}
      return Array.from(x.getImageData(0,0,640,120).data)})()`)) as number[]
    await browser.close()
    const rgba = { width: 640, height: 120, data: Uint8Array.from(pixels) }
    const files: [string, Buffer][] = [
      ['image/jpeg', Buffer.from(encoded[0].split(',')[1], 'base64')],
      ['image/webp', Buffer.from(encoded[1].split(',')[1], 'base64')],
      ['image/gif', encodeGif(rgba)],
      ['image/bmp', encodeBmp(rgba)],
      ['image/tiff', encodeTiff(rgba)],
    ]
    for (const [mime, data] of files) {
      const r = await importImage({ data, fileName: 'x' }, { ocr })
      expect(r.mime, mime).toBe(mime)
      expect(r.ocr.text, mime).toContain('Uniform meeting on Friday')
    }
  }, 180_000)
})

describe('what is refused, and how', () => {
  it('refuses a PDF named .png by what it really is', async () => {
    const e = await importImage({ path: join(IMAGES, 'not-an-image.png') }, { ocr }).catch(
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(CaptureError)
    expect((e as CaptureError).code).toBe('unsupported_type')
    expect((e as CaptureError).message).toMatch(/not-an-image\.png is a PDF: take a screenshot/)
  })

  it('refuses text, an empty file and a damaged PNG with their own messages', async () => {
    await expect(sniffImage(Buffer.from('hello, not a picture'), 'notes.png')).rejects.toThrow(
      /notes\.png is not an image Footprint recognises\. Footprint imports PNG, JPEG, WebP, GIF, BMP and TIFF/,
    )
    await expect(sniffImage(Buffer.alloc(0), 'empty.png')).rejects.toThrow(/empty\.png is empty/)
    // A JPEG that stops after its first header: it says JPEG but has no picture to measure.
    const cut = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    ])
    await expect(sniffImage(cut, 'cut.jpg')).rejects.toThrow(
      /cut\.jpg looks like a JPG image but is damaged/,
    )
  })

  it('refuses an image over 50 MB before reading it, saying the limit', async () => {
    const dir = tempDir()
    const big = join(dir, 'huge.png')
    // A real PNG header followed by padding: 50 MB + 1 byte on disk, never read into memory.
    const head = image('whatsapp-chat.png')
    writeFileSync(big, Buffer.concat([head, Buffer.alloc(MAX_IMAGE_BYTES + 1 - head.length)]))
    const before = process.memoryUsage().rss
    const e = (await importImage({ path: big }, { ocr }).catch((x: unknown) => x)) as CaptureError
    expect(e.code).toBe('too_large')
    expect(e.message).toBe(
      'The image is 50 MB; Footprint accepts images up to 50 MB. Crop it, or save it as JPEG, and import it again.',
    )
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024)
    // The same from bytes already in memory (an upload).
    const fromBytes = await importImage(
      { data: Buffer.alloc(MAX_IMAGE_BYTES + 1024 * 1024), fileName: 'upload.png' },
      { ocr },
    ).catch((x: unknown) => x)
    expect((fromBytes as CaptureError).message).toMatch(/The image is 51 MB; .* up to 50 MB/)
  })

  it('keeps a 20,000 × 20,000 pixel image as evidence without feeding it to OCR', async () => {
    const bomb = pngClaiming(20_000, 20_000)
    expect(20_000 * 20_000).toBeGreaterThan(MAX_OCR_PIXELS)
    const never = {
      recognize: () => Promise.reject(new Error('OCR must not be asked')),
      terminate: async () => undefined,
    }
    const r = await importImage({ data: bomb, fileName: 'bomb.png' }, { ocr: never })
    expect(r.ocr.status).toBe('skipped')
    expect(r.ocr.note).toMatch(/20,000 × 20,000 pixels, too large to read its text automatically/)
  })
})

describe('offline by construction', () => {
  it('points tesseract.js at local files only: the model, the worker, the engine; no cache', () => {
    const o = offlineWorkerOptions()
    for (const p of [o.langPath!, o.workerPath!, o.corePath!]) {
      expect(p).not.toMatch(/^[a-z]+:\/\//i)
      expect(existsSync(p), p).toBe(true)
    }
    expect(existsSync(join(englishModelDir(), 'eng.traineddata.gz'))).toBe(true)
    expect(o.cacheMethod).toBe('none')
  })

  it('reads a screenshot in a worker whose network, DNS and fetch are all cut off', async () => {
    const offline = createOcrEngine({
      workerPath: resolve(__dirname, '../fixtures/offline-ocr-worker.cjs'),
    })
    try {
      const r = await offline.recognize(image('whatsapp-chat.png'))
      expect(r.text).toContain('disgraceful')
    } finally {
      await offline.terminate()
    }
    // Nothing was written next to us either (tesseract.js's default cache is the working folder).
    expect(existsSync(join(process.cwd(), 'eng.traineddata'))).toBe(false)
  }, 120_000)
})
