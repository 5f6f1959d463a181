// Test helper: uncompressed BMP, TIFF and GIF written from raw RGBA pixels, so each accepted image
// type can be checked end to end without an image library (the browser's canvas only writes PNG,
// JPEG and WebP).

export interface Rgba {
  width: number
  height: number
  /** width × height × 4 bytes, row by row from the top. */
  data: Uint8Array
}

/** 24-bit BMP, bottom-up rows padded to 4 bytes. */
export function encodeBmp({ width, height, data }: Rgba): Buffer {
  const rowSize = Math.ceil((width * 3) / 4) * 4
  const size = 54 + rowSize * height
  const b = Buffer.alloc(size)
  b.write('BM', 0, 'ascii')
  b.writeUInt32LE(size, 2)
  b.writeUInt32LE(54, 10)
  b.writeUInt32LE(40, 14)
  b.writeInt32LE(width, 18)
  b.writeInt32LE(height, 22)
  b.writeUInt16LE(1, 26)
  b.writeUInt16LE(24, 28)
  b.writeUInt32LE(rowSize * height, 34)
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * rowSize
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      b[row + x * 3] = data[i + 2]
      b[row + x * 3 + 1] = data[i + 1]
      b[row + x * 3 + 2] = data[i]
    }
  }
  return b
}

/** Baseline little-endian TIFF, one uncompressed RGB strip. */
export function encodeTiff({ width, height, data }: Rgba): Buffer {
  const pixels = width * height * 3
  const entries: [number, number, number, number][] = [
    [256, 3, 1, width],
    [257, 3, 1, height],
    [258, 3, 3, 0], // bits per sample: offset filled below
    [259, 3, 1, 1], // no compression
    [262, 3, 1, 2], // RGB
    [273, 4, 1, 0], // strip offset: filled below
    [277, 3, 1, 3],
    [278, 3, 1, height],
    [279, 4, 1, pixels],
  ]
  const ifdSize = 2 + entries.length * 12 + 4
  const bitsAt = 8 + ifdSize
  const stripAt = bitsAt + 6
  entries[2][3] = bitsAt
  entries[5][3] = stripAt
  const b = Buffer.alloc(stripAt + pixels)
  b.write('II', 0, 'ascii')
  b.writeUInt16LE(42, 2)
  b.writeUInt32LE(8, 4)
  b.writeUInt16LE(entries.length, 8)
  entries.forEach(([tag, type, count, value], k) => {
    const at = 10 + k * 12
    b.writeUInt16LE(tag, at)
    b.writeUInt16LE(type, at + 2)
    b.writeUInt32LE(count, at + 4)
    if (type === 3 && count === 1) b.writeUInt16LE(value, at + 8)
    else b.writeUInt32LE(value, at + 8)
  })
  for (let k = 0; k < 3; k++) b.writeUInt16LE(8, bitsAt + k * 2)
  for (let i = 0, o = stripAt; i < width * height; i++, o += 3) {
    b[o] = data[i * 4]
    b[o + 1] = data[i * 4 + 1]
    b[o + 2] = data[i * 4 + 2]
  }
  return b
}

/**
 * Black-and-white GIF. LZW is kept trivial: a clear code before every 254 pixels keeps every
 * code 9 bits wide, which any decoder reads (it is just larger than a real encoder's output).
 */
export function encodeGif({ width, height, data }: Rgba): Buffer {
  const codes: number[] = []
  const CLEAR = 256
  const END = 257
  let run = 0
  for (let i = 0; i < width * height; i++) {
    if (run === 0) codes.push(CLEAR)
    const lum = (data[i * 4] + data[i * 4 + 1] + data[i * 4 + 2]) / 3
    codes.push(lum < 128 ? 0 : 1)
    run = (run + 1) % 254
  }
  codes.push(END)
  const bytes: number[] = []
  let acc = 0
  let bits = 0
  for (const c of codes) {
    acc |= c << bits
    bits += 9
    while (bits >= 8) {
      bytes.push(acc & 255)
      acc >>= 8
      bits -= 8
    }
  }
  if (bits > 0) bytes.push(acc & 255)
  const blocks: number[] = []
  for (let i = 0; i < bytes.length; i += 255) {
    const chunk = bytes.slice(i, i + 255)
    blocks.push(chunk.length, ...chunk)
  }
  // A 256-entry palette (8-bit codes): index 0 black, 1 white, the rest unused.
  const palette = Buffer.alloc(256 * 3)
  palette.fill(255, 3, 6)
  const head = Buffer.alloc(13)
  head.write('GIF89a', 0, 'ascii')
  head.writeUInt16LE(width, 6)
  head.writeUInt16LE(height, 8)
  head[10] = 0xf7 // global palette, 8 bits
  const desc = Buffer.alloc(10)
  desc[0] = 0x2c
  desc.writeUInt16LE(width, 5)
  desc.writeUInt16LE(height, 7)
  return Buffer.concat([head, palette, desc, Buffer.from([8, ...blocks, 0, 0x3b])])
}
