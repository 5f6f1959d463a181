// Runs in: CLI (Node). `footprint capture <url>` and `footprint capture --image <file>`: the same
// capture as the app's Capture button, printed with the mention id and every file's SHA-256.
import type { Command } from 'commander'
import { stat, readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_CAPTURE_IMAGE_BYTES, type CaptureOutcome } from '../../contract'
import { evidenceDir, shutdownOcr } from '../../capture'
import { tooLarge } from '../../capture/image'
import { call, CliError, printJson, withService, type Opened } from '../context'
import { positiveInt } from './args'

interface CaptureFlags {
  image?: string
  school?: string
  note?: string
  author?: string
  platform?: string
  allowPrivateNetwork?: boolean
  json?: boolean
}

/** The school meant: --school, or the only one there is. */
async function schoolId(o: Opened, flag?: string): Promise<number> {
  if (flag) return positiveInt(flag, '--school')
  const schools = await call(o, 'schools.list', undefined)
  if (schools.length === 1) return schools[0].id
  if (schools.length === 0)
    throw new CliError('There is no school yet: add one first with `footprint schools add`.')
  throw new CliError(
    `There are ${schools.length} schools: say which with --school ID (see \`footprint schools list\`).`,
  )
}

async function imageBase64(path: string): Promise<string> {
  const info = await stat(path).catch(() => {
    throw new CliError(`Cannot read ${path}: no such file`)
  })
  if (!info.isFile()) throw new CliError(`${path} is not a file`)
  // Checked before reading, so a huge file is never loaded.
  if (info.size > MAX_CAPTURE_IMAGE_BYTES) throw new CliError(tooLarge(info.size).message)
  return (await readFile(path)).toString('base64')
}

function print(o: Opened, out: CaptureOutcome): void {
  const { capture: c, mention: m } = out
  const lines = [
    c.kind === 'url'
      ? `Captured ${c.finalUrl}${c.title ? ` (“${c.title}”)` : ''}`
      : `Imported ${c.title}`,
    `Mention ${m.id} in “${m.sourceName}”${m.duplicateOf ? `, a duplicate of mention ${m.duplicateOf}` : ''}; capture ${c.id}`,
    `Captured at ${c.capturedAtUtc} (UTC), ${c.capturedAtLocal} (Europe/London), by ${c.capturedBy}`,
  ]
  if (c.kind === 'url' && c.requestedUrl !== c.finalUrl)
    lines.push(`Asked for ${c.requestedUrl}; redirected to ${c.finalUrl}`)
  if (c.httpStatus !== null) lines.push(`HTTP status ${c.httpStatus}`)
  if (m.analysis)
    lines.push(
      `Analysis: ${m.analysis.sentiment.label}, priority ${m.analysis.priority}` +
        (m.analysis.flags.length ? `, flags ${m.analysis.flags.join(', ')}` : ''),
    )
  lines.push(`Files in ${evidenceDir(o.dataDir, c.uuid)} (read-only):`)
  const width = Math.max(...c.files.map((f) => f.name.length))
  for (const f of c.files)
    lines.push(
      `  ${f.name.padEnd(width)}  ${String(f.bytes).padStart(9)} bytes  sha256 ${f.sha256}`,
    )
  process.stdout.write(lines.join('\n') + '\n')
  const warnings = [
    ...(c.needsLogin
      ? [
          `Warning: the page needs a login: ${out.loginReasons.join('; ')}. What a visitor sees was kept.`,
        ]
      : []),
    ...(c.partialReason ? [`Warning: partial capture: ${c.partialReason}.`] : []),
    ...(out.ocrNote ? [`Note: ${out.ocrNote}`] : []),
  ]
  if (warnings.length) process.stderr.write(warnings.join('\n') + '\n')
}

export function registerCaptureCommand(program: Command): void {
  program
    .command('capture')
    .description(
      'Capture a web page (screenshot, HTML, text) or import a screenshot image (read by offline OCR) as evidence and a mention',
    )
    .argument('[url]', 'the page to capture (http:// or https://)')
    .option(
      '--image <file>',
      'import this image instead (PNG, JPEG, WebP, GIF, BMP or TIFF, up to 50 MB)',
    )
    .option('--school <id>', 'the school it is about (needed when there are several)')
    .option('--note <text>', 'your note: where and how it was seen')
    .option('--author <name>', 'who posted it, as shown')
    .option('--platform <name>', 'where it was seen, e.g. TikTok or WhatsApp')
    .option('--allow-private-network', 'allow a page on this computer or the school network')
    .option('--json', 'print the capture and the mention as JSON')
    .action(async (url: string | undefined, f: CaptureFlags, cmd: Command) => {
      if (!url === !f.image)
        throw new CliError(
          url
            ? 'Give a URL or --image FILE, not both.'
            : 'Give the URL of a page to capture, or --image FILE to import a screenshot.',
        )
      try {
        await withService(cmd, async (o) => {
          const common = {
            schoolId: await schoolId(o, f.school),
            ...(f.note ? { note: f.note } : {}),
            ...(f.author ? { author: f.author } : {}),
            ...(f.platform ? { platform: f.platform } : {}),
          }
          const out = f.image
            ? await call(o, 'capture.image', {
                ...common,
                fileName: basename(f.image),
                dataBase64: await imageBase64(f.image),
              })
            : await call(o, 'capture.url', {
                ...common,
                url,
                ...(f.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
              })
          if (f.json) printJson(out)
          else print(o, out)
        })
      } finally {
        // The OCR worker thread would keep the process alive.
        await shutdownOcr()
      }
    })
}
