// Draws Footprint's icons (app, tray, favicon) as PNGs with no image tooling: a rounded square with
// two footprints. Run: node scripts/make-icons.mjs (outputs are committed under build/ and the renderer).
import { deflateSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'

function crc32(buf) {
  let c,
    crc = 0xffffffff
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size)
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
function footprint(x, y) {
  // Two prints, left lower and right higher: walking forward.
  return (
    inEllipse(x, y, 0.38, 0.62, 0.09, 0.15) ||
    inEllipse(x, y, 0.38, 0.8, 0.065, 0.06) ||
    inEllipse(x, y, 0.62, 0.36, 0.09, 0.15) ||
    inEllipse(x, y, 0.62, 0.54, 0.065, 0.06)
  )
}
function roundedSquare(x, y, r = 0.2) {
  const dx = Math.max(r - x, 0, x - (1 - r))
  const dy = Math.max(r - y, 0, y - (1 - r))
  return dx * dx + dy * dy <= r * r
}
const NAVY = [23, 50, 77, 255]
const WHITE = [255, 255, 255, 255]
const CLEAR = [0, 0, 0, 0]
const icon = (x, y) => (!roundedSquare(x, y) ? CLEAR : footprint(x, y) ? WHITE : NAVY)
mkdirSync('build', { recursive: true })
mkdirSync('src-renderer/public', { recursive: true })
writeFileSync('build/icon.png', png(512, icon))
writeFileSync('build/tray.png', png(32, icon))
writeFileSync('src-renderer/public/favicon.png', png(64, icon))
console.log('wrote build/icon.png, build/tray.png, src-renderer/public/favicon.png')
