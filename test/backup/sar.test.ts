// Runs in: Vitest (Node). Subject access request export: a ZIP with README.txt and data.json holding
// exactly the named author's mentions (any case, with or without @; all sources, or one), with their
// drafts, incidents and capture hashes; safeguarding details withheld from roles that may not read them;
// mentions of schools the user does not act for left out; the export audited without the posts' words.
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { auditRows, SYSTEM, workflowFixture } from '../helpers/workflow'
import type { SarFile } from '../../src-main/contract'

async function open(file: SarFile) {
  const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'))
  expect(Object.keys(zip.files).sort()).toEqual(['README.txt', 'data.json'])
  return {
    readme: await zip.file('README.txt')!.async('string'),
    data: JSON.parse(await zip.file('data.json')!.async('string')) as {
      author: string
      mentions: number
      withheld: number
      items: Record<string, unknown>[]
    },
  }
}

async function sarFixture() {
  const f = await workflowFixture()
  const feed = f.source('feed', 'Hollinbury Gazette')
  const fb = f.source('facebook', 'School Facebook')
  const setAuthor = f.db.prepare('UPDATE mentions SET author = ? WHERE id = ?')
  const by = (author: string, text: string, sourceId: number, verdict = {}) => {
    const id = f.mention(text, verdict, { sourceId })
    setAuthor.run(author, id)
    return id
  }
  const jo1 = by('@jo_parent', 'Why is the homework so hard?', feed.id, { flags: ['question'] })
  const jo2 = by('Jo_Parent', 'The play was wonderful', fb.id)
  const joSafeguarding = by('jo_parent', 'A boy in year 4 told me he is scared to go home', fb.id, {
    flags: ['safeguarding'],
    owner: 'dsl',
    priority: 'urgent',
  })
  const other = by('sam.smith', 'jo_parent is wrong about homework', feed.id)
  const notJo = by('jo_parent2', 'Lovely school', feed.id)
  // Another school's mention by the same handle.
  const school2 = await f.service.call(
    'schools.create',
    { name: 'Bramley Infants', urn: '123457', town: 'Hollinbury', localAuthority: 'Westshire' },
    SYSTEM,
  )
  const src2 = f.store.sources.create(
    {
      kind: 'feed',
      name: 'Bramley feed',
      schoolId: school2.id,
      intervalMinutes: 60,
      config: { url: 'https://b.example/rss' },
    },
    f.now().toISOString(),
  )
  const joElsewhere = f.store.mentions.insert(
    {
      sourceId: src2.id,
      schoolId: school2.id,
      externalId: 'b-1',
      url: null,
      canonicalUrl: null,
      title: null,
      author: 'jo_parent',
      authorUrl: null,
      publishedAt: null,
      text: 'Bramley post',
      raw: null,
      meta: {},
      matchedAlias: 'Bramley',
      contentHash: 'b-1',
      duplicateOf: null,
    },
    f.now().toISOString(),
  )!
  await f.service.call(
    'drafts.create',
    {
      mentionId: jo1,
      situation: 'question',
      body: 'Thank you for asking: please contact the office.',
    },
    SYSTEM,
  )
  await f.service.call(
    'incidents.create',
    { schoolId: f.school.id, title: 'Homework worries', mentionIds: [jo1] },
    SYSTEM,
  )
  return { f, feed, fb, jo1, jo2, joSafeguarding, other, notJo, joElsewhere, school2 }
}

describe('subject access request export', () => {
  it('holds exactly that author’s mentions with what the school wrote about them', async () => {
    const { f, jo1, jo2, joSafeguarding, joElsewhere } = await sarFixture()
    const head = await f.signIn('head')
    const file = await f.service.call('sar.export', { author: 'JO_PARENT' }, head)
    expect(file.mime).toBe('application/zip')
    expect(file.fileName).toMatch(/^subject-access-JO_PARENT-\d{4}-\d{2}-\d{2}\.zip$/)
    const { readme, data } = await open(file)
    expect(data.items.map((i) => i.id)).toEqual([jo1, jo2, joSafeguarding, joElsewhere])
    expect(data).toMatchObject({ mentions: 4, withheld: 0 })
    const first = data.items[0] as Record<string, unknown> & {
      drafts: { versions: { body: string }[] }[]
      incidents: { title: string }[]
    }
    expect(first.text).toBe('Why is the homework so hard?')
    expect(first.drafts[0].versions[0].body).toBe(
      'Thank you for asking: please contact the office.',
    )
    expect(first.incidents.map((i) => i.title)).toEqual(['Homework worries'])
    expect(data.items[2].text).toBe('A boy in year 4 told me he is scared to go home')
    expect(readme).toContain('Author handle: JO_PARENT')
    expect(readme).toContain('Items: 4')
  })

  it('filters by source', async () => {
    const { f, fb, jo2, joSafeguarding } = await sarFixture()
    const { data } = await open(
      await f.service.call('sar.export', { author: 'jo_parent', sourceId: fb.id }, SYSTEM),
    )
    expect(data.items.map((i) => i.id)).toEqual([jo2, joSafeguarding])
  })

  it('withholds safeguarding details from the ORM lead and leaves out schools they do not act for', async () => {
    const { f, jo1, jo2, joSafeguarding } = await sarFixture()
    const orm = await f.signIn('orm_lead', { schoolIds: [f.school.id] })
    const file = await f.service.call('sar.export', { author: 'jo_parent' }, orm)
    const { readme, data } = await open(file)
    expect(data.items.map((i) => i.id)).toEqual([jo1, jo2, joSafeguarding])
    expect(data).toMatchObject({ mentions: 3, withheld: 1 })
    const hidden = data.items[2]
    expect(hidden.text).toBeUndefined()
    expect(hidden.withheld).toMatch(/only the designated safeguarding lead and the head/)
    expect(JSON.stringify(data)).not.toContain('scared to go home')
    expect(readme).toContain('1 withheld')
    // Audited with counts and the handle asked for, never the posts.
    const event = auditRows(f).at(-1)!
    expect(event.action).toBe('export.sar')
    expect(JSON.parse(event.detail_json)).toMatchObject({
      author: 'jo_parent',
      mentions: 3,
      withheld: 1,
    })
    expect(event.detail_json).not.toContain('homework')
  })

  it('is refused to roles that do not manage the set-up, and needs a handle', async () => {
    const { f } = await sarFixture()
    const dsl = await f.signIn('dsl')
    const r = await f.service.dispatch('sar.export', { author: 'jo_parent' }, dsl)
    expect(r.ok ? null : r.error.code).toBe('forbidden')
    const blank = await f.service.dispatch('sar.export', { author: '  ' }, SYSTEM)
    expect(blank.ok ? null : blank.error).toMatchObject({ code: 'invalid_input', field: 'author' })
    expect(blank.ok ? [] : blank.error.issues).toEqual([
      { field: 'author', message: 'Enter the author’s handle' },
    ])
  })
})
