// Runs in: renderer. What is wrong with a pasted address or a chosen file, said before anything is
// sent (main checks both again). Pure: no window, no API, so it is unit-tested in Node.
import { CAPTURE_IMAGE_TYPES, MAX_CAPTURE_IMAGE_BYTES } from '@contract'

const EXTENSIONS: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
}

export const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`

/** Why this file cannot be imported, in words for the user; null when it can. */
export function imageFileProblem(file: {
  name: string
  type: string
  size: number
}): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''
  const type = file.type || EXTENSIONS[ext] || ''
  if (!(CAPTURE_IMAGE_TYPES as readonly string[]).includes(type)) {
    const what = /heic|heif/i.test(type + ext)
      ? 'an iPhone HEIC photo: take a screenshot instead, or export it as JPEG'
      : /pdf/i.test(type + ext)
        ? 'a PDF: take a screenshot of the page instead'
        : 'not an image Footprint can read'
    return `“${file.name}” is ${what}. Footprint imports PNG, JPEG, WebP, GIF, BMP and TIFF images.`
  }
  if (file.size === 0) return `“${file.name}” is empty.`
  if (file.size > MAX_CAPTURE_IMAGE_BYTES)
    return `“${file.name}” is ${megabytes(file.size)}; Footprint accepts images up to 50 MB. Crop it, or save it as JPEG, and try again.`
  return null
}

/** What is wrong with a pasted address before asking main (which checks it again). */
export function urlProblem(text: string): string | null {
  const t = text.trim()
  if (!t) return 'Paste the address of the page you want to keep.'
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https')
    return `Only web pages can be captured: the address should start with https://, not ${scheme}:.`
  if (/\s/.test(t)) return 'A web address has no spaces in it: check what was pasted.'
  if (!/[a-z0-9-]\.[a-z]{2,}|localhost|\d+\.\d+\.\d+\.\d+/i.test(t.replace(/^https?:\/\//i, '')))
    return 'That does not look like a web address (for example https://www.tiktok.com/@someone/video/…).'
  return null
}
