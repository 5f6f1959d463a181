import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lastJsonLine } from '../../scripts/bench-lib/figures'

describe('npm run bench', () => {
  it("takes a benchmark's figures from its last JSON line, past tables and stray braces", () => {
    const out = [
      'what   median',
      '{"bench":"early","x":1}',
      'Today  45 ms',
      '{ not json, just a brace',
      '{"bench":"scale","todayMs":45.5}',
      '',
    ].join('\n')
    expect(lastJsonLine(out)).toEqual({ bench: 'scale', todayMs: 45.5 })
    expect(lastJsonLine('no figures here\n[1,2]\n')).toBeUndefined()
  })

  it('every bench:* script prints a JSON line of figures for the collector', () => {
    const root = join(__dirname, '../..')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const benches = Object.entries(pkg.scripts).filter(([k]) => k.startsWith('bench:'))
    expect(benches.length).toBeGreaterThanOrEqual(8)
    for (const [name, cmd] of benches) {
      const file = /scripts\/\S+\.m?ts/.exec(cmd)?.[0]
      expect(file, `${name} runs a script file`).toBeDefined()
      const src = readFileSync(join(root, file!), 'utf8')
      expect(
        /printFigures\(|console\.log\(\s*JSON\.stringify\(/.test(src),
        `${name} (${file}) ends with a JSON line`,
      ).toBe(true)
    }
  })
})
