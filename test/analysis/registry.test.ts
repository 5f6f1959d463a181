import { describe, expect, it } from 'vitest'
import { getEngine } from '../../src-main/analysis/registry'

describe('engine registry', () => {
  it('defaults to the built-in engine', async () => {
    const e = await getEngine()
    expect(e.id).toBe('builtin')
    expect(e.analyze('Lovely school').sentiment.label).toBe('positive')
  })
  it('explains what is missing for the local model engine, without downloading', async () => {
    await expect(getEngine({ engine: 'local-model' })).rejects.toThrow(/model folder/)
    await expect(
      getEngine({ engine: 'local-model', modelDir: '/nonexistent/model' }),
    ).rejects.toThrow(/not found/)
  })
  it('rejects an unknown engine id', async () => {
    await expect(getEngine({ engine: 'gpt' })).rejects.toThrow(/Unknown analysis engine/)
  })
})
