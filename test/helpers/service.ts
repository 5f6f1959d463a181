// An in-memory-ish service over a fresh data folder, as main would build it.
import { openDataDir, createStore } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { tempDir } from './tmp'

export function freshService(now?: () => Date) {
  const dataDir = tempDir()
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const logs: string[] = []
  const service = createService(
    { store, mode: 'browser', dataDir, version: '0.0.0-test', now },
    (l) => logs.push(l),
  )
  return { dataDir, db, store, service, logs }
}

export { SCHOOL } from './school'
