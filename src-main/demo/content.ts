// Runs in: CLI (Node). The demo school's year: everyday talk on every platform, composed from phrase
// parts with a seeded PRNG, then the year's stories (stories.ts) laid over it. The same seed, scale
// and day give the same content; `scale` shrinks the year for tests (0.1 is a tenth of the talk,
// every story still told).
import { byTime, demoYear, momentIn, snowflake, soonAfter, type DemoYear } from './calendar'
import { composePost, fill, handle, personName, THEMES, toneFor, type Tone } from './phrases'
import { createRng, type Rng } from './prng'
import { DEMO_ACCOUNTS, DEMO_SCHOOL, DEMO_TOWN, EVERYDAY_NAMES } from './school'
import { addNews, addWiki } from './press'
import { addStories } from './stories'
import type { DemoContent, DemoReview } from './types'

export interface ContentOptions {
  seed: number
  scale: number
  now: Date
}

const SCHOOL_LINES = [
  'Year 4 had a brilliant trip to the Roman villa today',
  'harvest festival at St Giles’ church this morning, thank you for the donations',
  'reminder: INSET day on Friday, school closed to pupils',
  'our reading garden is finally open',
  'well done to the football team, county finalists!',
  'parents’ evening bookings are now open',
  'Christmas jumper day raised £412 for the hospice',
  'welcome back everyone, term starts on Tuesday',
  'our Eco Council planted thirty trees on the field',
  'World Book Day costumes were amazing this year',
  'Year 6 are off on their residential, wish them luck',
  'the choir sang beautifully at the town carol service',
]
// Instagram captions are the school's own too, but shorter and different from its Facebook posts.
const IG_LINES = [
  'autumn leaves art in Year 1 🍂 #artweek',
  'first day smiles in Reception #newstarters',
  'science week rockets 🚀 #STEM',
  'our school dog Biscuit says hello 🐶',
  'reading den makeover complete 📚',
  'cross-country champions! #proud',
  'Year 2 baking bread for harvest 🍞',
  'forest school in the rain ☔ #outdoorlearning',
]

// Short reactions, different on each platform (people write differently on Facebook and Instagram).
const FB_REPLIES = [
  'Lovely!',
  'Brilliant, well done all.',
  'So proud of them.',
  'Great photos, thank you.',
  'What a team.',
  'Fab!',
  'Well done everyone involved.',
]
const IG_REPLIES = [
  'Love this 😍',
  'Amazing 👏',
  'So cute!!',
  'Gorgeous pics',
  'Proud mum moment',
  'Superstars ⭐',
]

export const scaled = (scale: number, full: number, min: number) =>
  Math.max(min, Math.round(full * scale))

/** A parent's tone for a date: a little warmer after a good inspection. */
function toneAt(rng: Rng, year: DemoYear, at: string): Tone {
  const after = Date.parse(at) > year.ofsted
  return toneFor(rng, { praise: after ? 0.5 : 0.42, complaint: 0.28, question: 0.15 })
}

function post(rng: Rng, tone: Tone): string {
  return fill(composePost(rng, tone, rng.pick(THEMES)), rng, EVERYDAY_NAMES, DEMO_TOWN)
}

const STARS: Record<Tone, DemoReview['stars'][]> = {
  praise: [5, 5, 5, 4],
  complaint: [1, 2, 2, 3],
  question: [3, 4],
  neutral: [3, 4, 4],
}

export function generateContent(opts: ContentOptions): DemoContent {
  const root = createRng(opts.seed)
  const year = demoYear(opts.now)
  const end = year.now - 3_600_000
  const s = opts.scale
  const c: DemoContent = {
    seed: opts.seed,
    scale: opts.scale,
    start: new Date(year.start).toISOString(),
    now: opts.now.toISOString(),
    reviews: [],
    x: [],
    bluesky: [],
    facebook: { posts: [], comments: [] },
    instagram: { media: [], comments: [] },
    mumsnet: [],
    news: [],
    reddit: [],
    alerts: [],
    wiki: [],
    evidence: { title: '', author: '', text: '' },
    story: {
      ofstedAt: '',
      trollingFrom: '',
      trolling: [],
      safeguarding: '',
      namesake: '',
      evidencePath: '',
    },
  }

  let rng = root.fork('reviews')
  for (let i = 0; i < scaled(s, 48, 4); i++) {
    const at = momentIn(rng, year.start, end)
    const tone = toneAt(rng, year, at)
    const review: DemoReview = {
      id: `DemoRev${String(i).padStart(4, '0')}`,
      at,
      author: personName(rng),
      anonymous: rng.chance(0.08),
      stars: rng.pick(STARS[tone]),
      text: post(rng, tone),
    }
    if (rng.chance(0.3)) {
      const replyAt = soonAfter(rng, at, 48, end)
      review.reply = {
        comment: 'Thank you for taking the time to leave a review. Mrs Brightwater, Headteacher',
        at: replyAt,
      }
    }
    c.reviews.push(review)
  }

  rng = root.fork('x')
  for (let i = 0; i < scaled(s, 110, 6); i++) {
    const at = momentIn(rng, year.start, end)
    const h = handle(rng)
    c.x.push({
      id: snowflake(at, i),
      at,
      username: h,
      name: personName(rng),
      text: post(rng, toneAt(rng, year, at)),
    })
  }

  rng = root.fork('bluesky')
  for (let i = 0; i < scaled(s, 40, 4); i++) {
    const at = momentIn(rng, year.start, end)
    const h = `${handle(rng).replace(/_/g, '')}.bsky.social`
    c.bluesky.push({
      rkey: `3demo${i.toString(36).padStart(6, '0')}`,
      at,
      handle: h,
      displayName: personName(rng),
      text: post(rng, toneAt(rng, year, at)),
    })
  }

  rng = root.fork('facebook')
  for (let i = 0; i < scaled(s, 30, 3); i++) {
    const at = momentIn(rng, year.start, end)
    const id = `${DEMO_ACCOUNTS.facebookPageId}_${7000 + i}`
    c.facebook.posts.push({
      id,
      at,
      message: `${rng.pick(EVERYDAY_NAMES)}: ${rng.pick(SCHOOL_LINES)}`,
    })
    for (let k = 0; k < rng.int(1, 7); k++) {
      const cat = soonAfter(rng, at, 72, end)
      const text = rng.chance(0.4) ? rng.pick(FB_REPLIES) : post(rng, toneAt(rng, year, cat))
      c.facebook.comments.push({
        id: `${7000 + i}_${100 + k}`,
        postId: id,
        at: cat,
        message: text,
        from: { id: `5100${i}${k}`, name: personName(rng) },
        hidden: false,
      })
    }
  }

  rng = root.fork('instagram')
  for (let i = 0; i < scaled(s, 24, 3); i++) {
    const at = momentIn(rng, year.start, end)
    const id = `1800000000${String(4200 + i).padStart(6, '0')}`
    c.instagram.media.push({
      id,
      at,
      caption: `${rng.pick(EVERYDAY_NAMES)}: ${rng.pick(IG_LINES)}`,
    })
    let last: string | undefined
    for (let k = 0; k < rng.int(1, 5); k++) {
      const cat = soonAfter(rng, at, 48, end)
      const cid = `1790000${String(4200 + i).padStart(6, '0')}${k}`
      const reply = last !== undefined && rng.chance(0.3)
      c.instagram.comments.push({
        id: cid,
        mediaId: id,
        at: cat,
        text: rng.chance(0.5) ? rng.pick(IG_REPLIES) : post(rng, toneAt(rng, year, cat)),
        username: handle(rng),
        hidden: false,
        ...(reply ? { parentId: last } : {}),
      })
      if (!reply) last = cid
    }
  }

  rng = root.fork('mumsnet')
  for (let i = 0; i < scaled(s, 7, 2); i++) {
    const at = momentIn(rng, year.start, end)
    const tone = toneAt(rng, year, at)
    const opener = post(rng, tone === 'neutral' ? 'question' : tone)
    const name = rng.pick(EVERYDAY_NAMES)
    const title =
      tone === 'praise'
        ? `${name}: anyone else really happy there?`
        : tone === 'complaint'
          ? `${name}: is it just us?`
          : `${name}: questions before we apply`
    const posts = [
      {
        id: 90000 + i * 100,
        author: personName(rng).split(' ')[0] + rng.int(10, 99),
        at,
        body: opener,
      },
    ]
    for (let k = 1; k < rng.int(3, 9); k++) {
      posts.push({
        id: 90000 + i * 100 + k,
        author: `${handle(rng)}`,
        at: soonAfter(rng, posts[k - 1].at, 20, end),
        body: post(rng, toneAt(rng, year, at)),
      })
    }
    c.mumsnet.push({
      id: 5300000 + i,
      topic: 'primary',
      topicName: 'Primary education',
      slug: title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      title,
      posts,
    })
  }

  addNews(c, root.fork('news'), year, end)
  addWiki(c, root.fork('wiki'), year, end)
  addStories(c, root.fork('stories'), year, end)

  c.reviews.sort(byTime)
  c.x.sort(byTime)
  c.bluesky.sort(byTime)
  c.facebook.posts.sort(byTime)
  c.facebook.comments.sort(byTime)
  c.instagram.media.sort(byTime)
  c.instagram.comments.sort(byTime)
  for (const list of [c.news, c.reddit, c.alerts]) list.sort(byTime)
  return c
}

export const DEMO_SCHOOL_NAMES = [DEMO_SCHOOL.name, ...(DEMO_SCHOOL.aliases ?? [])]
