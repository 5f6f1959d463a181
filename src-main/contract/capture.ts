// Runs in: both processes (common). Manual capture: a web page (screenshot, HTML, text) or an image
// (read by offline OCR) kept as evidence and turned into a mention like any other.
import { z } from 'zod'
import { op, NoInput } from './op'
import { Mention } from './sources'

/** The largest image accepted (bytes); checked before upload in the renderer and again in main. */
export const MAX_CAPTURE_IMAGE_BYTES = 50 * 1024 * 1024
export const CAPTURE_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/tiff',
] as const
/** Base64 of the largest image, plus room for the other fields: the HTTP body cap for capture.image. */
export const CAPTURE_IMAGE_MAX_BODY_BYTES = Math.ceil(MAX_CAPTURE_IMAGE_BYTES / 3) * 4 + 64 * 1024

const schoolId = z
  .number('Choose the school this is about')
  .int()
  .positive('Choose the school this is about')
const note = z
  .string('The note must be text')
  .trim()
  .max(2000, 'The note must be at most 2,000 characters')
  .optional()
const extras = {
  note,
  /** Who posted it, as shown on the page or screenshot (a handle, a group member's name). */
  author: z.string().trim().max(200, 'The author must be at most 200 characters').optional(),
  /** Where it was seen: TikTok, a parents' Facebook group, WhatsApp… */
  platform: z.string().trim().max(100, 'The platform must be at most 100 characters').optional(),
}

export const CaptureUrlInput = z.object({
  schoolId,
  url: z
    .string('Paste the address of the page')
    .trim()
    .min(1, 'Paste the address of the page')
    .max(4096, 'That address is too long'),
  ...extras,
  /** Allows a page on this computer or the school's network (an intranet page, or tests). */
  allowPrivateNetwork: z.boolean().optional(),
})
export type CaptureUrlInput = z.input<typeof CaptureUrlInput>

/** Lets the window that asked follow its own capture's progress (OCR takes seconds). */
const progressId = z.string().max(64).optional()

/** How far OCR of an image has got, pushed to the renderer while capture.image runs. */
export const CaptureProgressEvent = z.object({
  type: z.literal('capture.progress'),
  progressId: z.string(),
  /** 0–1 of the text recognised so far. */
  fraction: z.number().min(0).max(1),
})

export const CaptureImageInput = z.object({
  schoolId,
  fileName: z
    .string('Give the file name')
    .trim()
    .min(1, 'Give the file name')
    .max(255, 'The file name must be at most 255 characters'),
  /** What the browser said the file is; the bytes decide. */
  mime: z.string().max(100).optional(),
  dataBase64: z
    .string('The image must be sent as base64 text')
    .min(1, 'The image is empty')
    .max(
      Math.ceil(MAX_CAPTURE_IMAGE_BYTES / 3) * 4,
      'The image is over 50 MB; Footprint accepts images up to 50 MB',
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image is not valid base64'),
  ...extras,
  progressId,
})
export type CaptureImageInput = z.input<typeof CaptureImageInput>

export const CaptureFile = z.object({
  name: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  mime: z.string(),
})
export type CaptureFile = z.output<typeof CaptureFile>

export const Capture = z.object({
  id: z.number().int(),
  uuid: z.string(),
  schoolId: z.number().int(),
  mentionId: z.number().int().nullable(),
  kind: z.enum(['url', 'image']),
  requestedUrl: z.string().nullable(),
  finalUrl: z.string().nullable(),
  title: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  capturedAtUtc: z.string(),
  capturedAtLocal: z.string(),
  capturedBy: z.string(),
  /** Why the capture is incomplete (the page was still loading, the screenshot was cut), or null. */
  partialReason: z.string().nullable(),
  /** The page showed a sign-in wall: what was kept is what a stranger sees. */
  needsLogin: z.boolean(),
  error: z.string().nullable(),
  ocrStatus: z.enum(['text', 'no_text', 'skipped']).nullable(),
  note: z.string(),
  files: z.array(CaptureFile),
})
export type Capture = z.output<typeof Capture>

export const CaptureOutcome = z.object({
  capture: Capture,
  mention: Mention,
  /** Why it looks like a login wall, in plain words (empty when it does not). */
  loginReasons: z.array(z.string()),
  /** OCR's words for "no text found" or "too large to read", or null. */
  ocrNote: z.string().nullable(),
})
export type CaptureOutcome = z.output<typeof CaptureOutcome>

export const CaptureCheck = z.object({
  id: z.number().int(),
  ok: z.boolean(),
  checkedAt: z.string(),
  files: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['ok', 'changed', 'missing', 'unexpected']),
      expected: z.string().nullable(),
      actual: z.string().nullable(),
    }),
  ),
})
export type CaptureCheck = z.output<typeof CaptureCheck>

const CaptureId = z.object({ id: z.number('id must be a number').int().positive() })

export const CaptureMentionInput = z.object({
  mentionId: z.number('mentionId must be a number').int().positive(),
  /** Allows a page on this computer or the school's network (an intranet page, or tests). */
  allowPrivateNetwork: z.boolean().optional(),
})
export type CaptureMentionInput = z.input<typeof CaptureMentionInput>

/** How a capture turned out, in one word for the screens. */
export const CAPTURE_STATES = ['complete', 'partial', 'login_wall', 'failed'] as const
export type CaptureState = (typeof CAPTURE_STATES)[number]

export const EvidenceItem = z.object({
  capture: Capture,
  state: z.enum(CAPTURE_STATES),
  /** Re-hashed just now: every file as recorded, or which changed or went missing. */
  check: CaptureCheck,
})
export type EvidenceItem = z.output<typeof EvidenceItem>

export const MentionEvidence = z.object({
  mentionId: z.number().int(),
  /** Newest first. */
  items: z.array(EvidenceItem),
})
export type MentionEvidence = z.output<typeof MentionEvidence>

export const EvidenceVerifyResult = z.object({
  checked: z.number().int(),
  ok: z.boolean(),
  problems: z.array(
    z.object({
      captureId: z.number().int(),
      uuid: z.string(),
      mentionId: z.number().int().nullable(),
      file: z.string(),
      status: z.enum(['changed', 'missing', 'unexpected']),
    }),
  ),
})
export type EvidenceVerifyResult = z.output<typeof EvidenceVerifyResult>

export const captureOps = {
  'capture.url': op(
    CaptureUrlInput,
    CaptureOutcome,
    'Capture a web page (screenshot, HTML, text) as evidence and store it as a mention',
  ),
  'capture.image': {
    ...op(
      CaptureImageInput,
      CaptureOutcome,
      'Import a screenshot or photo, read its text offline, keep it as evidence and store it as a mention',
    ),
    /** Browser mode's HTTP body cap for this operation (every other operation keeps 1 MiB). */
    maxBodyBytes: CAPTURE_IMAGE_MAX_BODY_BYTES,
  },
  'capture.get': op(
    CaptureId,
    Capture,
    'A capture: what, when, by whom, and each file with its SHA-256',
  ),
  'capture.verify': op(
    CaptureId,
    CaptureCheck,
    'Re-hash every file of a capture and report any that changed, went missing or appeared',
  ),
  'capture.mention': op(
    CaptureMentionInput,
    EvidenceItem,
    'Capture the page of a mention as evidence, linked to it (a failed capture keeps the mention’s text and says why)',
  ),
  'capture.ofMention': op(
    z.object({ mentionId: CaptureMentionInput.shape.mentionId }),
    MentionEvidence,
    'The evidence captures of a mention, each re-hashed now',
  ),
  'evidence.verify': op(
    NoInput,
    EvidenceVerifyResult,
    'Re-hash every evidence file of every capture and name each one changed, missing or added',
  ),
} as const
