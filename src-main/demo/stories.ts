// Runs in: CLI (Node). The demo year's stories, told on every platform at once: the spring Ofsted
// inspection (a spike of talk), the autumn trolling campaign (it becomes the incident), one
// safeguarding item (routed to the DSL), a namesake school far away ("not about us"), and a post
// cross-posted word for word (a duplicate the dedup links).
import { DAY_MS, snowflake, soonAfter, type DemoYear } from './calendar'
import { fill, handle, personName } from './phrases'
import { alertLink, newsItem } from './press'
import type { Rng } from './prng'
import { DEMO_ACCOUNTS, DEMO_TOWN, EVERYDAY_NAMES } from './school'
import type { DemoContent } from './types'

const OFSTED_TALK = [
  'Ofsted are in at {s} today, fingers crossed for them.',
  'Heard {s} got the call from Ofsted yesterday. Staff looked calm at the gate this morning.',
  'Has anyone read the new Ofsted report for {s}? Good overall, which matches what we see.',
  'Really pleased for {s}, the Ofsted report says what parents have been saying for years.',
  'The Ofsted report for {s} says reading is a strength but maths needs work. Fair, I think.',
  'Not sure the Ofsted report for {s} mentions the SEN waiting times at all.',
  'Well deserved Ofsted result for {s}. The staff work so hard.',
]

const OFSTED_OPEN = ['', '', 'Big week.', 'So,', 'Interesting.', 'Finally!']
const OFSTED_CLOSE = ['', '', 'Thoughts?', 'Well done all.', 'We shall see.', 'Good news for {t}.']

const TROLL_X = [
  '{s} is run by clowns. Brightwater out!',
  'Parents of {s}, ask why Mrs Brightwater hides what really happens in that school #BrightwaterOut',
  'Another week, another cover-up at {s}. Disgraceful. #BrightwaterOut',
  'Anyone who sends their kids to {s} needs their head examined. Useless liars.',
  '{s} staff are a pathetic joke and everyone in {t} knows it',
]
const TROLL_REVIEWS = [
  'Avoid {s}. Useless head, rude staff, total joke of a school.',
  'Worst school in {t}. {s} lies to parents. Zero stars if I could.',
  '{s} is a shambles from top to bottom. Brightwater should be sacked.',
]
const TROLL_COMMENTS = [
  '{s} should be shut down. The head is a disgrace.',
  'Stop posting fake happy photos, {s}. Everyone knows the truth.',
]

export function addStories(c: DemoContent, rng: Rng, year: DemoYear, end: number): void {
  const names = EVERYDAY_NAMES
  const t = (text: string) => fill(text, rng, names, DEMO_TOWN)
  const ofstedLine = (lines: string[]) =>
    t([rng.pick(OFSTED_OPEN), rng.pick(lines), rng.pick(OFSTED_CLOSE)].filter(Boolean).join(' '))
  let seq = 3000

  // ---- Spring: Ofsted. A visit, a report three weeks later, and talk on every platform.
  c.story.ofstedAt = new Date(year.ofsted).toISOString()
  const visit = newsItem(
    rng,
    soonAfter(rng, year.ofsted, 8, end),
    'Ofsted inspectors visit Hollowmere Primary',
    `Inspectors spent two days at Hollowmere C of E Primary School in ${DEMO_TOWN} this week.`,
  )
  const report = newsItem(
    rng,
    new Date(year.ofsted + 24 * DAY_MS).toISOString(),
    `Hollowmere CE Primary rated good by Ofsted`,
    `Ofsted has judged Hollowmere CE Primary in ${DEMO_TOWN} to be good, praising its reading and its care for pupils.`,
  )
  c.news.push(visit, report)
  // The report story arrives three ways: the paper's feed, the school's Google Alert, and Reddit.
  c.alerts.push({
    ...report,
    id: 'tag:google.com,2013:googlealerts/feed:ofsted',
    at: soonAfter(rng, report.at, 2, end),
    link: alertLink(report.link),
    author: undefined,
  })
  c.reddit.push({
    id: 't3_ofstd1',
    at: soonAfter(rng, report.at, 6, end),
    title: report.title,
    link: report.link,
    text: report.text,
    author: '/u/vale_walker',
  })
  for (let i = 0; i < Math.max(4, Math.round(14 * Math.min(1, c.scale * 3))); i++) {
    const at = soonAfter(rng, year.ofsted, 24 * 30, end)
    const text = ofstedLine(OFSTED_TALK)
    if (i % 3 === 2)
      c.bluesky.push({
        rkey: `3ofs${i}`,
        at,
        handle: `${handle(rng).replace(/_/g, '')}.bsky.social`,
        displayName: personName(rng),
        text,
      })
    else
      c.x.push({ id: snowflake(at, seq++), at, username: handle(rng), name: personName(rng), text })
  }
  const fbReport = {
    id: `${DEMO_ACCOUNTS.facebookPageId}_7900`,
    at: report.at,
    message:
      'Hollowmere Primary: we are delighted to share our Ofsted report. Thank you, families!',
  }
  c.facebook.posts.push(fbReport)
  for (let k = 0; k < 6; k++) {
    c.facebook.comments.push({
      id: `7900_${200 + k}`,
      postId: fbReport.id,
      at: soonAfter(rng, report.at, 30, end),
      message: ofstedLine(OFSTED_TALK.slice(2)),
      from: { id: `52000${k}`, name: personName(rng) },
      hidden: false,
    })
  }
  // On the school's Google listing: a grumble before the visit, delight after the report.
  c.reviews.push(
    {
      id: 'DemoSpring1',
      at: new Date(year.ofsted - 20 * DAY_MS).toISOString(),
      author: personName(rng),
      anonymous: false,
      stars: 2,
      text: t(
        'Disappointed with communication at {s}. Emails to the office go unanswered for a week and we hear about changes at the last minute.',
      ),
    },
    {
      id: 'DemoSpring2',
      at: soonAfter(rng, report.at, 72, end),
      author: personName(rng),
      anonymous: false,
      stars: 5,
      text: t(
        'Delighted the inspectors saw what we see every day at {s}. The teachers know every child and mine love going in each morning.',
      ),
    },
  )
  const thread = c.mumsnet.length
  c.mumsnet.push({
    id: 5390000 + thread,
    topic: 'primary',
    topicName: 'Primary education',
    slug: 'hollowmere-primary-ofsted-report-is-out',
    title: 'Hollowmere Primary Ofsted report is out',
    posts: OFSTED_TALK.slice(2).map((text, k) => ({
      id: 99000 + k,
      author: `${handle(rng)}`,
      at: new Date(Date.parse(report.at) + (k + 1) * 3 * 3_600_000).toISOString(),
      body: t(text),
    })),
  })

  // ---- Autumn: a trolling campaign from a handful of accounts, and a fake "official" account.
  const from = year.trolling
  c.story.trollingFrom = new Date(from).toISOString()
  const within = () => soonAfter(rng, from, 24 * 12, end)
  for (const text of TROLL_X) {
    const at = within()
    const body = t(text)
    c.story.trolling.push(body)
    c.x.push({
      id: snowflake(at, seq++),
      at,
      username: rng.pick(['hollowmere_truth', 'marrowby_watch']),
      name: 'Hollowmere Truth',
      text: body,
    })
  }
  const fake = t(
    'Official: {s} will close at 1pm every Friday from now on. No more after-school clubs.',
  )
  c.story.trolling.push(fake)
  const fakeAt = within()
  c.x.push({
    id: snowflake(fakeAt, seq++),
    at: fakeAt,
    username: 'hollowmereprimary_official',
    name: 'Hollowmere Primary School (Official)',
    text: fake,
  })
  TROLL_REVIEWS.forEach((text, k) => {
    const body = t(text)
    c.story.trolling.push(body)
    c.reviews.push({
      id: `DemoTroll${k}`,
      at: within(),
      author: ['H Truth', 'Marrowby Watcher', 'Concerned Local'][k],
      anonymous: false,
      stars: 1,
      text: body,
    })
  })
  const lastPost =
    [...c.facebook.posts]
      .sort((a, b) => a.at.localeCompare(b.at))
      .filter((p) => Date.parse(p.at) < from)
      .at(-1) ?? c.facebook.posts[0]
  TROLL_COMMENTS.forEach((text, k) => {
    const body = t(text)
    c.story.trolling.push(body)
    c.facebook.comments.push({
      id: `${lastPost.id.split('_')[1]}_${900 + k}`,
      postId: lastPost.id,
      at: within(),
      message: body,
      from: { id: `66600${k}`, name: 'Hollowmere Truth' },
      hidden: false,
    })
  })
  c.story.evidencePath = '/evidence/tiktok-hollowmere-truth.html'
  c.evidence = {
    title: 'Hollowmere Truth (@hollowmere.truth) on TikTok',
    author: '@hollowmere.truth',
    text: t(
      'POV: you send your kids to {s} and the head still will not answer a single question. Share before they delete it. #BrightwaterOut',
    ),
  }

  // ---- One safeguarding item, on the school's own Facebook page (it must reach the DSL).
  const sgPost = c.facebook.posts[Math.floor(c.facebook.posts.length / 2)]
  const sg = t(
    'Please could someone at {s} check on the little boy in Year 3 who walks home alone after club. He told my son he is scared to go home because he gets hit there.',
  )
  c.story.safeguarding = sg
  c.facebook.comments.push({
    id: `${sgPost.id.split('_')[1]}_777`,
    postId: sgPost.id,
    at: soonAfter(rng, sgPost.at, 20, end),
    message: sg,
    from: { id: '5299901', name: personName(rng) },
    hidden: false,
  })

  // ---- A namesake school on the other side of the world, caught by the Google Alert.
  const namesake = 'Hollowmere Primary School in Tasmania marks fifty years with a bush dance'
  c.story.namesake = namesake
  c.alerts.push({
    id: 'tag:google.com,2013:googlealerts/feed:namesake',
    at: soonAfter(rng, year.start + 200 * DAY_MS, 48, end),
    title: namesake,
    link: alertLink('https://tasmania-news.example/hollowmere-fifty-years'),
    text: 'Families in the Tasmanian town gathered to celebrate the school’s anniversary.',
  })

  // ---- A parent cross-posts the same words to X and Bluesky: one mention, one linked duplicate.
  const crossAt = soonAfter(rng, year.start + 120 * DAY_MS, 48, end)
  const cross = t(
    'Huge thanks to the staff at {s} for the Year 5 science week. My daughter wants to be an astronaut now.',
  )
  c.x.push({
    id: snowflake(crossAt, seq),
    at: crossAt,
    username: 'gemma_reads',
    name: 'Gemma Ashdown',
    text: cross,
  })
  c.bluesky.push({
    rkey: '3crosspost1',
    at: soonAfter(rng, crossAt, 1, end),
    handle: 'gemmareads.bsky.social',
    displayName: 'Gemma Ashdown',
    text: cross,
  })
}
