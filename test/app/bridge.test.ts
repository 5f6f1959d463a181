import { describe, expect, it, vi } from 'vitest'
import { createBridge } from '../../src-main/preload/bridge'
import { OP_NAMES, ipcChannel } from '../../src-main/contract'

describe('preload bridge', () => {
  it('exposes exactly the contract operations, each on its own channel', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({
      ok: true,
      data: { channel, input },
    }))
    const bridge = createBridge(invoke, () => () => {})
    expect(Object.keys(bridge.ops).sort()).toEqual([...OP_NAMES].sort())
    expect(Object.isFrozen(bridge.ops)).toBe(true)
    const r = await bridge.ops['schools.get']({ id: 3 })
    expect(invoke).toHaveBeenCalledWith(ipcChannel('schools.get'), { id: 3 })
    expect(r).toEqual({ ok: true, data: { channel: 'footprint:schools.get', input: { id: 3 } } })
    expect(Object.keys(bridge)).toEqual(['ops', 'onEvent'])
  })
})
