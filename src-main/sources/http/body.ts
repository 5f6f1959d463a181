/**
 * Runs in: main process and CLI (Node). Reads a response body without ever holding more than
 * the cap: the declared length is checked first, then bytes are counted as they stream, so a
 * 20 MiB page or a gzip bomb stops at the cap instead of filling memory.
 */
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Transform } from 'node:stream'
import { SourceError, hostOf } from '../errors'

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`
  return `${n} bytes`
}

export function tooLarge(url: string, maxBytes: number): SourceError {
  return new SourceError('too_large', `body over ${formatBytes(maxBytes)} from ${hostOf(url)}`, url)
}

/** Streams the body, cancelling the download as soon as it passes maxBytes. */
export async function readCapped(res: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined)
    throw tooLarge(url, maxBytes)
  }
  if (!res.body) return Buffer.alloc(0)
  const reader = res.body.getReader()
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(url, maxBytes)
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength))
  }
  return Buffer.concat(chunks, total)
}

/**
 * Node's fetch already decodes Content-Encoding as the body streams (and readCapped counts the
 * decoded bytes). An injected fetch may not: if the bytes still carry a compression header we
 * inflate them here, streaming, with the same cap on the output.
 */
export async function inflateIfStillEncoded(
  buf: Buffer,
  encoding: string | null,
  url: string,
  maxBytes: number,
): Promise<Buffer> {
  const enc = (encoding ?? '').toLowerCase().trim()
  let stream: Transform | null = null
  if (enc.includes('gzip') && buf[0] === 0x1f && buf[1] === 0x8b) stream = createGunzip()
  else if (enc === 'deflate' && buf[0] === 0x78) stream = createInflate()
  else if (enc === 'br' && !looksLikeText(buf)) stream = createBrotliDecompress()
  if (!stream) return buf
  const s = stream
  return new Promise<Buffer>((resolve, reject) => {
    const out: Buffer[] = []
    let total = 0
    s.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > maxBytes) {
        s.destroy()
        reject(tooLarge(url, maxBytes))
        return
      }
      out.push(chunk)
    })
    s.on('end', () => resolve(Buffer.concat(out, total)))
    s.on('error', (e) =>
      reject(
        new SourceError('parse', `corrupt ${enc} body from ${hostOf(url)}`, url, { cause: e }),
      ),
    )
    s.end(buf)
  })
}

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 64).toString('latin1')
  return /^[\s\ufeff]*[<{[]/.test(head)
}

/** Charset from Content-Type, else an XML declaration, else UTF-8. */
export function decodeBody(buf: Buffer, contentType: string | null): string {
  let label = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1]
  if (!label) {
    const head = buf.subarray(0, 200).toString('latin1')
    label = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]
  }
  try {
    return new TextDecoder(label ?? 'utf-8').decode(buf)
  } catch {
    // Unknown label: UTF-8 with replacement characters beats failing the source.
    return new TextDecoder('utf-8').decode(buf)
  }
}
