// Runs in: main process and CLI (Node). Manual and evidence capture: web pages through a system
// browser, images through offline OCR, kept as read-only hashed evidence.
export { captureUrl, type UrlCapture, type UrlCaptureOptions } from './url'
export {
  importImage,
  sniffImage,
  MAX_IMAGE_BYTES,
  type ImageCapture,
  type ImageSource,
} from './image'
export { createOcrEngine, sharedOcrEngine, shutdownOcr, type OcrEngine } from './ocr'
export { systemBrowserLauncher, type BrowserLauncher } from './launcher'
export { verifyEvidence, evidenceDir, writeEvidence, type FileCheck } from './evidence'
export { recordCapture, type Recorded } from './record'
export { captureMentionEvidence, mentionEvidenceText } from './mention'
export {
  checkCapture,
  verifyAllCaptures,
  verifyMentionsEvidence,
  type EvidenceReport,
  type MentionEvidenceState,
} from './verify'
export { createEvidenceJob, type EvidenceJob } from './auto'
export { CaptureError, type CaptureErrorCode } from './errors'
export type { CaptureExtras } from './files'

import type { Lookup } from './url-guard'
import type { BrowserLauncher } from './launcher'
import type { OcrEngine } from './ocr'

/** What the service's capture handlers use; tests inject a controlled browser and OCR engine. */
export interface CaptureDeps {
  launcher?: BrowserLauncher
  ocr?: OcrEngine
  lookup?: Lookup
  navigationTimeoutMs?: number
  settleMs?: number
  maxScreenshotHeight?: number
}
