// Runs in: CLI (Node). The demo year in the local press, on Reddit, in Google Alerts and on the
// school's Wikipedia article. A few stories are cross-posted (the same link in the news feed, an
// alert and a Reddit post) so the dedup links them instead of counting them three times.
import { DAY_MS, momentIn, soonAfter, type DemoYear } from './calendar'
import { fill } from './phrases'
import type { Rng } from './prng'
import { DEMO_SCHOOL_NAME, DEMO_TOWN } from './school'
import type { DemoContent, DemoFeedItem, DemoWikiRevision } from './types'

const PAPER = 'https://marrowby-chronicle.example'

const HEADLINES = [
  [
    '{s} pupils plant a hedge along {t} common',
    'Children from {s} spent the morning planting hawthorn and hazel with volunteers.',
  ],
  [
    'New crossing promised outside {s} after parents’ petition',
    'The council says a zebra crossing will be in place by spring, following a petition signed by 300 parents at {s}.',
  ],
  [
    '{s} choir wins county music festival',
    'The junior choir from {s} took first place in the primary section.',
  ],
  [
    'Plans for extra classroom at {s} go on show',
    'Drawings for a single-storey extension at {s} can be seen at the {t} library.',
  ],
  [
    '{s} raises £2,000 for the library roof',
    'A sponsored read at {s} has paid for repairs to the {t} library roof.',
  ],
  [
    'Parents raise concerns over {s} drop-off traffic',
    'Residents near {s} say morning traffic has become dangerous; the school says it is working with the council.',
  ],
  [
    '{s} celebrates 150 years',
    'Former pupils and staff gathered at {s} to mark the anniversary with an exhibition of old photographs.',
  ],
  [
    'Summer reading challenge: {s} tops the table',
    'Pupils at {s} read more books over the holidays than any other school in {t}.',
  ],
] as const

const REDDIT_TITLES = [
  'Anyone have kids at {s} in {t}?',
  'Moving to {t}, thoughts on {s}?',
  '{s} vs the academy in the next town?',
  'Traffic outside {s} is getting silly',
  'Shout out to the lollipop lady at {s}',
]

const NAMES = ['Hollowmere Primary', 'Hollowmere C of E', 'Hollowmere CE Primary']

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}

/** A Google Alert links through google.com/url; the feed connector unwraps it. */
export function alertLink(target: string): string {
  return `https://www.google.com/url?rct=j&sa=t&url=${encodeURIComponent(target)}&ct=ga&cd=demo`
}

export function newsItem(rng: Rng, at: string, title: string, text: string): DemoFeedItem {
  const link = `${PAPER}/news/${slug(title)}`
  return { id: link, at, title, link, text, author: 'Chronicle reporter' }
}

export function addNews(c: DemoContent, rng: Rng, year: DemoYear, end: number): void {
  const stories = rng.sample(
    HEADLINES,
    Math.max(3, Math.round(HEADLINES.length * Math.min(1, c.scale * 4))),
  )
  for (const [head, body] of stories) {
    const at = momentIn(rng, year.start, end)
    const item = newsItem(
      rng,
      at,
      fill(head, rng, NAMES, DEMO_TOWN),
      fill(body, rng, NAMES, DEMO_TOWN),
    )
    c.news.push(item)
    // Every other story also arrives through the school's Google Alert, an hour or two later.
    if (c.news.length % 2 === 1) {
      c.alerts.push({
        ...item,
        id: `tag:google.com,2013:googlealerts/feed:${c.alerts.length + 1000}`,
        at: soonAfter(rng, at, 3, end),
        link: alertLink(item.link),
        author: undefined,
      })
    }
  }
  const reddit = Math.max(2, Math.round(REDDIT_TITLES.length * Math.min(1, c.scale * 4)))
  for (const t of rng.sample(REDDIT_TITLES, reddit)) {
    const at = momentIn(rng, year.start, end)
    const title = fill(t, rng, NAMES, DEMO_TOWN)
    const id = `t3_${Math.floor(rng.next() * 36 ** 6).toString(36)}`
    c.reddit.push({
      id,
      at,
      title,
      link: `https://www.reddit.com/r/Marrowby/comments/${id.slice(3)}/${slug(title)}/`,
      text: `${title} We are thinking about it for September and would love to hear from parents.`,
      author: `/u/${['quietlane', 'vale_walker', 'teatime_dad', 'newtomarrowby'][rng.int(0, 3)]}`,
    })
  }
}

/** The school's article and its talk page: routine edits, the Ofsted line, one vandal edit reverted. */
export function addWiki(c: DemoContent, rng: Rng, year: DemoYear, end: number): void {
  const article: DemoWikiRevision[] = []
  let content = `'''${DEMO_SCHOOL_NAME}''' is a voluntary controlled Church of England primary school in ${DEMO_TOWN}.`
  let revid = 880_000_000
  const push = (
    list: DemoWikiRevision[],
    at: string,
    user: string,
    comment: string,
    next: string,
    tags: string[] = [],
    anon = false,
  ) => {
    revid += rng.int(1000, 90000)
    list.push({
      revid,
      parentid: list.at(-1)?.revid ?? 0,
      at,
      user,
      anon,
      comment,
      tags,
      content: next,
    })
  }
  const routine = [
    ['Updated pupil numbers in the infobox', 'The school has about 210 pupils on roll.'],
    ['Added history section', `The school opened in 1875 as ${DEMO_TOWN} National School.`],
    ['Copyedit', 'It serves the village and the surrounding farms.'],
    ['Added headteacher', 'The headteacher is Eleanor Brightwater.'],
    ['Added notable event', 'In 2024 the school opened a reading garden.'],
    ['Ref fix', 'Pupils take part in the county music festival each year.'],
  ] as const
  const edits = Math.max(3, Math.round(routine.length * Math.min(1, c.scale * 3)))
  // The year's edits in time order, so revision ids and parents follow one another as on a wiki.
  type Edit = { at: string; apply: (at: string) => void }
  const timeline: Edit[] = Array.from({ length: edits }, (_, i) => ({
    at: momentIn(rng, year.start, end),
    apply: (at: string) => {
      const [comment, line] = routine[i % routine.length]
      content = `${content}\n${line}`
      push(
        article,
        at,
        rng.pick(['Wendlebury Fox', 'PrimaryBot', 'Marrowby historian']),
        comment,
        content,
        rng.chance(0.3) ? ['mobile edit'] : [],
      )
    },
  }))
  // Spring: the inspection outcome, with its source.
  timeline.push({
    at: new Date(year.ofsted + 26 * DAY_MS).toISOString(),
    apply: (at) => {
      content = `${content}\nIn spring ${new Date(year.ofsted).getUTCFullYear()} Ofsted judged the school to be good.`
      push(article, at, 'Marrowby historian', 'Ofsted outcome with reference', content)
    },
  })
  // Autumn: an anonymous editor adds an attack line during the trolling campaign; rolled back in minutes.
  const vandal = year.trolling + 3 * DAY_MS + 5 * 3_600_000
  timeline.push({
    at: new Date(vandal).toISOString(),
    apply: (at) => {
      push(
        article,
        at,
        '203.0.113.77',
        '',
        `${content}\nThe head is a liar and Hollowmere Primary covers up bullying.`,
        ['mw-reverted', 'mobile edit'],
        true,
      )
      push(
        article,
        new Date(vandal + 9 * 60_000).toISOString(),
        'PrimaryBot',
        'Reverted edits by 203.0.113.77',
        content,
        ['mw-rollback'],
      )
    },
  })
  timeline.sort((a, b) => a.at.localeCompare(b.at)).forEach((e) => e.apply(e.at))

  const talk: DemoWikiRevision[] = []
  const talkAt = new Date(year.trolling + 5 * DAY_MS).toISOString()
  push(
    talk,
    new Date(year.start + 40 * DAY_MS).toISOString(),
    'Wendlebury Fox',
    'New section: infobox',
    '== Infobox ==\nShould the infobox show the diocese? ~~~~',
  )
  push(
    talk,
    talkAt,
    '203.0.113.77',
    'New section: cover-up',
    `${talk[0].content}\n== Cover-up ==\nWhy is nobody allowed to say what really goes on at Hollowmere Primary? ~~~~`,
    [],
    true,
  )
  c.wiki.push(
    { pageid: 71_000_042, ns: 0, title: DEMO_SCHOOL_NAME, revisions: article },
    { pageid: 71_000_043, ns: 1, title: `Talk:${DEMO_SCHOOL_NAME}`, revisions: talk },
  )
}
