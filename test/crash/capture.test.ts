// Runs in: Vitest (Node). Crash safety of evidence capture: pages kept as evidence and mentions, and
// evidence for mentions already held, the worker killed with SIGKILL at random points (most often
// while it writes the files). On the next start no evidence folder is orphaned and no capture is
// half-stored: a capture whose mention was stored is finished from its capture.json; files no row
// owns are moved to evidence-quarantine/ (never deleted) and the audit trail says so.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KILLS, startWorker } from './harness'
import { tempDir } from '../helpers/tmp'
import { openRaw } from './invariants'
import { crashServer, expectSettled, killRepeatedly, landed, SCENARIO_TIMEOUT_MS } from './scenario'

const fixture = crashServer()

describe(`crash safety: evidence capture (${KILLS} SIGKILLs)`, () => {
  it(
    'an evidence capture killed while writing leaves no orphaned file and no capture half-stored',
    async () => {
      const { dataDir, kills, finish } = await killRepeatedly(
        { op: 'capture', maxSteps: 24, maxJitterMs: 4, salt: 4 },
        fixture.server().url,
      )
      const done = await finish()
      expect(done.code).toBe(0)
      await expectSettled(dataDir)
      // Everything set aside is still on disk, and accounted for in the audit trail.
      const quarantine = join(dataDir, 'evidence-quarantine')
      expect(existsSync(quarantine) ? readdirSync(quarantine).length : 0).toBe(
        done.result.quarantined,
      )
      console.log(
        landed(
          'capture',
          kills,
          `, ${String(done.result.recovered)} captures finished on restart, ${String(done.result.quarantined)} folders quarantined`,
        ),
      )
    },
    SCENARIO_TIMEOUT_MS,
  )

  it(
    'a capture killed between its files and its rows is finished on the next start, audited',
    async () => {
      // Aimed, not random: the worker holds once a held mention's evidence folder is sealed.
      const dataDir = tempDir('footprint-crash-')
      const life = startWorker('capture', dataDir, fixture.server().url, 'hold')
      await life.waitFor('loaded')
      life.go()
      const ready = (await life.waitFor('ready'), life.lines.length)
      for (let n = 1; ; n++) {
        const line = await life.waitFor('progress', n)
        const since = life.lines.slice(ready)
        if (line.endsWith('sealed') && since.some((l) => l.endsWith('writing mention.txt'))) break
      }
      life.child.kill('SIGKILL')
      await life.exited
      const next = startWorker('capture', dataDir, fixture.server().url, 'finish')
      await next.waitFor('loaded')
      next.go()
      const done = JSON.parse((await next.waitFor('done ')).slice(5)) as Record<string, number>
      expect(await next.exited).toBe(0)
      expect(done).toMatchObject({ recovered: 1, quarantined: 0 })
      await expectSettled(dataDir)
      const db = openRaw(dataDir)
      try {
        const event = db
          .prepare("SELECT actor, detail_json FROM audit_events WHERE action = 'capture.recovered'")
          .get() as { actor: string; detail_json: string }
        expect(event.actor).toBe('system:recovery')
        expect(JSON.parse(event.detail_json).files.map((f: { name: string }) => f.name)).toEqual([
          'mention.txt',
          'capture.json',
        ])
      } finally {
        db.close()
      }
    },
    SCENARIO_TIMEOUT_MS,
  )
})
