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

export const SCHOOL = {
  name: "St Aldhelm's C of E Primary School",
  urn: '990417',
  town: 'Hollinbury',
  localAuthority: 'Westmarch Council',
  postcode: 'hb4 2qt',
  aliases: ["Aldhelm's"],
  staff: [{ title: 'Mrs', name: 'Helen Okafor', role: 'Headteacher' }],
}
