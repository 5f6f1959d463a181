// Runs in: main process and CLI (Node). What goes in a capture's folder: the evidence itself (the
// screenshot, HTML and text of a page, or the original image and its OCR text) and capture.json,
// which describes it all and lists every other file's SHA-256, so the folder explains itself even
// without Footprint's database.
import type { School } from '../contract'
import { sha256, type EvidenceInput } from './evidence'
import type { ImageCapture } from './image'
import type { UrlCapture } from './url'

export interface CaptureExtras {
  note?: string
  author?: string
  platform?: string
}

export function evidenceFilesOf(c: UrlCapture | ImageCapture): EvidenceInput[] {
  if (c.kind === 'url')
    return [
      { name: 'screenshot.png', data: c.screenshot, mime: 'image/png' },
      { name: 'page.html', data: c.html, mime: 'text/html; charset=utf-8' },
      { name: 'page.txt', data: c.text, mime: 'text/plain; charset=utf-8' },
    ]
  return [
    { name: `original.${c.ext}`, data: c.data, mime: c.mime },
    { name: 'ocr.txt', data: c.ocr.text, mime: 'text/plain; charset=utf-8' },
  ]
}

export interface Manifest {
  uuid: string
  school: School
  capturedBy: string
  appVersion: string
  extras: CaptureExtras
}

/** capture.json: every fact of the capture (never the bytes) and the hash of each other file. */
export function captureJson(c: UrlCapture | ImageCapture, files: EvidenceInput[], m: Manifest) {
  const common = {
    format: 'footprint-capture/1',
    uuid: m.uuid,
    kind: c.kind,
    school: { id: m.school.id, name: m.school.name, urn: m.school.urn },
    capturedAtUtc: c.capturedAtUtc,
    capturedAtLocal: c.capturedAtLocal,
    capturedBy: m.capturedBy,
    footprintVersion: m.appVersion,
    note: m.extras.note ?? null,
    author: m.extras.author ?? null,
    platform: m.extras.platform ?? null,
    files: files.map((f) => ({
      name: f.name,
      bytes: Buffer.byteLength(f.data),
      sha256: sha256(f.data),
      mime: f.mime,
    })),
  }
  const detail =
    c.kind === 'url'
      ? {
          requestedUrl: c.requestedUrl,
          finalUrl: c.finalUrl,
          redirects: c.redirects,
          title: c.title,
          httpStatus: c.httpStatus,
          partial: c.partial,
          needsLogin: c.needsLogin,
          loginReasons: c.loginReasons,
          pageHeight: c.pageHeight,
          screenshotHeight: c.screenshotHeight,
          viewport: c.viewport,
          // The screenshot's top rows are Footprint's banner (address and time), not the page.
          bannerHeight: c.bannerHeight,
          browser: c.browserVersion,
          freshProfile: true,
        }
      : {
          originalFileName: c.fileName,
          mime: c.mime,
          width: c.width,
          height: c.height,
          ocr: {
            engine: 'tesseract.js (eng, offline)',
            status: c.ocr.status,
            confidence: c.ocr.confidence,
            note: c.ocr.note,
          },
        }
  return JSON.stringify({ ...common, ...detail }, null, 2) + '\n'
}
