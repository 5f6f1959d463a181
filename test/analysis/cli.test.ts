import { PassThrough, Readable } from 'node:stream'
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { analyzeStream, registerAnalyzeCommand } from '../../src-main/cli/commands/analyze'
import { school } from './helpers'

async function run(lines: string[]): Promise<Record<string, unknown>[]> {
  const out = new PassThrough()
  const chunks: string[] = []
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')))
  await analyzeStream(Readable.from([lines.join('\n') + '\n']), out, { school })
  out.end()
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

describe('footprint analyze stream', () => {
  it('writes one result per input line and survives a malformed line', async () => {
    const res = await run([
      JSON.stringify({ id: 'a', text: 'Mrs Okafor is brilliant', source: 'facebook' }),
      '{not json',
      JSON.stringify({ id: 'c', text: 'we know which car is yours' }),
      JSON.stringify({ id: 'd' }),
    ])
    expect(res).toHaveLength(4)
    expect(res[0]).toMatchObject({ id: 'a', sentiment: { label: 'positive' }, owner: 'orm_lead' })
    expect(res[0].flags).toEqual(expect.arrayContaining(['praise', 'staff_named']))
    expect(res[1]).toEqual({ id: null, error: 'line 2: not JSON' })
    expect(res[2]).toMatchObject({ id: 'c', priority: 'urgent', owner: 'head' })
    expect(Array.isArray(res[2].evidence)).toBe(true)
    expect(res[3]).toMatchObject({ id: 'd', error: 'line 4: "text" must be a string' })
  })

  it('registers the analyze command with its --school-profile option', () => {
    const program = new Command()
    registerAnalyzeCommand(program)
    const cmd = program.commands.find((c) => c.name() === 'analyze')
    expect(cmd).toBeDefined()
    expect(cmd!.options.map((o) => o.long)).toContain('--school-profile')
  })
})
