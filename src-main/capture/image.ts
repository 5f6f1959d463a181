// Runs in: main process and CLI (Node). Imports a screenshot or photo as evidence and reads its text.
// The real type comes from the bytes, never the name (a .png that is really a PDF is refused), the
// size is checked before anything is read or decoded, and an image whose pixel count would exhaust
// the OCR engine's memory is still kept as evidence, only without its text read automatically.
import { stat, readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import { imageSize } from 'image-size'
import { CaptureError } from './errors'
import type { OcrEngine } from './ocr'
import { captureTimes } from './time'

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024
/** About 25 megapixels (a 1290 × 19,000 scrolling screenshot); beyond it OCR would need gigabytes. */
export const MAX_OCR_PIXELS = 25_000_000

export const ACCEPTED_IMAGE_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/apng': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
}

/** Things people try to import, with what to do instead. */
const OTHER_TYPES: [RegExp, string][] = [
  [/^image\/hei[cf]/, 'an iPhone HEIC photo: take a screenshot instead, or export it as JPEG'],
  [/^application\/pdf/, 'a PDF: take a screenshot of the page instead'],
  [/^video\//, 'a video: take a screenshot of the moment that matters'],
  [/^image\/svg/, 'a drawing (SVG), not a screenshot'],
  [
    /^application\/(zip|x-rar|x-7z)/,
    'a compressed folder: unzip it and import the images one by one',
  ],
]

export type ImageSource = { path: string } | { data: Buffer; fileName: string }

export interface ImageOcr {
  status: 'text' | 'no_text' | 'skipped'
  text: string
  confidence: number | null
  /** Why OCR found nothing or was skipped, in words for the user. */
  note: string | null
}

export interface ImageCapture {
  kind: 'image'
  fileName: string
  mime: string
  ext: string
  data: Buffer
  width: number
  height: number
  capturedAtUtc: string
  capturedAtLocal: string
  ocr: ImageOcr
}

export interface ImageImportOptions {
  ocr: OcrEngine
  onProgress?: (fraction: number) => void
  now?: () => Date
}

export const formatMegabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`

export function tooLarge(bytes: number): CaptureError {
  return new CaptureError(
    'too_large',
    `The image is ${formatMegabytes(bytes)}; Footprint accepts images up to ${formatMegabytes(MAX_IMAGE_BYTES)}. ` +
      'Crop it, or save it as JPEG, and import it again.',
  )
}

async function load(source: ImageSource): Promise<{ data: Buffer; fileName: string }> {
  if ('data' in source) {
    if (source.data.length > MAX_IMAGE_BYTES) throw tooLarge(source.data.length)
    return source
  }
  const info = await stat(source.path).catch((e: NodeJS.ErrnoException) => {
    throw new CaptureError('unsupported_type', `Cannot read ${source.path}: ${e.code ?? e.message}`)
  })
  if (!info.isFile()) throw new CaptureError('unsupported_type', `${source.path} is not a file.`)
  // Checked before reading, so a 2 GB file is never loaded into memory.
  if (info.size > MAX_IMAGE_BYTES) throw tooLarge(info.size)
  return { data: await readFile(source.path), fileName: basename(source.path) }
}

/** The real type and size of an image from its bytes; throws unsupported_type saying what it is. */
export async function sniffImage(
  data: Buffer,
  fileName: string,
): Promise<{ mime: string; ext: string; width: number; height: number }> {
  if (data.length === 0) throw new CaptureError('unsupported_type', `${fileName} is empty.`)
  const type = await fileTypeFromBuffer(data)
  const ext = type ? ACCEPTED_IMAGE_TYPES[type.mime] : undefined
  if (!type || !ext) {
    const what = type
      ? (OTHER_TYPES.find(([re]) => re.test(type.mime))?.[1] ?? `a ${type.ext.toUpperCase()} file`)
      : 'not an image Footprint recognises'
    throw new CaptureError(
      'unsupported_type',
      `${fileName} is ${what}. Footprint imports PNG, JPEG, WebP, GIF, BMP and TIFF images.`,
    )
  }
  let size: { width?: number; height?: number }
  try {
    size = imageSize(data)
  } catch {
    size = {}
  }
  if (!size.width || !size.height)
    throw new CaptureError(
      'unsupported_type',
      `${fileName} looks like a ${ext.toUpperCase()} image but is damaged: its size cannot be read.`,
    )
  return { mime: type.mime === 'image/apng' ? 'image/png' : type.mime, ext, ...size } as {
    mime: string
    ext: string
    width: number
    height: number
  }
}

/**
 * OCR output tidied for reading and matching: no trailing spaces, no runs of blank lines, and a
 * sentence that wrapped inside a chat bubble (the next line starts in lower case) joined up again,
 * so "trip / cancellation" reads, and matches, as "trip cancellation".
 */
export function tidyOcrText(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/([^\n])\n+(?=\p{Ll})/gu, '$1 ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export async function importImage(
  source: ImageSource,
  opts: ImageImportOptions,
): Promise<ImageCapture> {
  const { data, fileName } = await load(source)
  const type = await sniffImage(data, fileName)
  const times = captureTimes((opts.now ?? (() => new Date()))())
  const pixels = type.width * type.height
  let ocr: ImageOcr
  if (pixels > MAX_OCR_PIXELS) {
    ocr = {
      status: 'skipped',
      text: '',
      confidence: null,
      note:
        `The image is ${type.width.toLocaleString('en-GB')} × ${type.height.toLocaleString('en-GB')} pixels, ` +
        'too large to read its text automatically. It is kept as evidence; add what it says in the note, ' +
        'or crop it and import the part that matters.',
    }
  } else {
    let result
    try {
      result = await opts.ocr.recognize(data, opts.onProgress)
    } catch (e) {
      throw new CaptureError(
        'ocr_failed',
        `The text in ${fileName} could not be read: ${(e as Error)?.message ?? String(e)}`,
        { cause: e },
      )
    }
    const text = tidyOcrText(result.text)
    const readable = (text.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2
    ocr = readable
      ? { status: 'text', text, confidence: result.confidence, note: null }
      : {
          status: 'no_text',
          text: '',
          confidence: result.confidence,
          note: 'No text was found in this image. It is kept as evidence; add what it shows in the note.',
        }
  }
  return {
    kind: 'image',
    fileName,
    mime: type.mime,
    ext: type.ext,
    data,
    width: type.width,
    height: type.height,
    capturedAtUtc: times.utc,
    capturedAtLocal: times.local,
    ocr,
  }
}
