// Report files: names every file system accepts, and writes that land whole or leave nothing behind.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import { safeFileName, writeFileAtomic, type FileWriter } from '../../src-main/reports'
import { tempDir } from '../helpers/tmp'

describe('safeFileName', () => {
  it('keeps an ordinary name readable', () => {
    expect(safeFileName("St Aldhelm's C of E Primary School snapshot", 'pdf')).toBe(
      "St Aldhelm's C of E Primary School snapshot.pdf",
    )
  })

  it.each([
    ['St Mary/St John: Federation*?', 'St Mary-St John-Federation.pdf'],
    ['"Quoted" <Academy> | Trust\\', 'Quoted-Academy-Trust.pdf'],
    ['🏫 Sunny 🌞 Days Nursery', 'Sunny Days Nursery.pdf'],
    ['Ysgol Gymraeg Bro Morgannwg – Ŵyn', 'Ysgol Gymraeg Bro Morgannwg-Wyn.pdf'],
    ['...', 'report.pdf'],
    ['CON', 'report-CON.pdf'],
    ['🙂🙂🙂', 'report.pdf'],
  ])('%s → %s', (name, expected) => {
    expect(safeFileName(name, 'pdf')).toBe(expected)
  })

  it('cuts a very long name at a word, under 90 characters with its extension', () => {
    const name =
      'The Very Long Named Church of England Voluntary Aided Primary School and Nursery of Saint Aldhelm and All Angels in the Parish of Hollinbury'
    const out = safeFileName(name, 'pdf')
    expect(out.length).toBeLessThanOrEqual(84)
    expect(out).toMatch(/^The Very Long Named .* [A-Za-z]+\.pdf$/)
  })

  it('never produces a character Windows, macOS or Linux refuse', () => {
    const nasty = 'a/b\\c:d*e?f"g<h>i|j\u0000k\u001fl'
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is checked
    expect(safeFileName(nasty, 'zip')).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/)
  })
})

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file', async () => {
    const dir = tempDir()
    await writeFileAtomic(join(dir, 'out.pdf'), Buffer.from('%PDF-1.7 whole'))
    expect(readdirSync(dir)).toEqual(['out.pdf'])
    expect(readFileSync(join(dir, 'out.pdf'), 'utf8')).toBe('%PDF-1.7 whole')
  })

  it('a full disk: a clear error, and nothing half-written left behind', async () => {
    const dir = tempDir()
    // Writes half the bytes, then fails as a full disk does.
    const full: FileWriter = async (path, data) => {
      await writeFile(path, data.subarray(0, data.length >> 1))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    await expect(
      writeFileAtomic(join(dir, 'out.pdf'), Buffer.alloc(1000, 1), full),
    ).rejects.toThrow(/out\.pdf could not be written: the disk is full\. Nothing was left behind\./)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a folder that does not exist is named in the error', async () => {
    const dir = tempDir()
    await expect(
      writeFileAtomic(join(dir, 'missing', 'out.pdf'), Buffer.from('x')),
    ).rejects.toThrow(/the folder does not exist/)
  })
})
