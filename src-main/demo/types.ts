// Runs in: CLI (Node). The demo school's year of content as the demo server serves it: one list per
// platform, in plain shapes that the routes turn into each real API's answer.

export interface DemoReview {
  id: string
  at: string
  author: string
  anonymous: boolean
  stars: 1 | 2 | 3 | 4 | 5
  text: string
  reply?: { comment: string; at: string }
}

export interface DemoXPost {
  id: string
  at: string
  username: string
  name: string
  text: string
}

export interface DemoSkeet {
  rkey: string
  at: string
  handle: string
  displayName: string
  text: string
}

export interface DemoFbPost {
  id: string
  at: string
  message: string
}
export interface DemoFbComment {
  id: string
  postId: string
  at: string
  message: string
  from: { id: string; name: string } | null
  parentId?: string
  hidden: boolean
}

export interface DemoIgMedia {
  id: string
  at: string
  caption: string
}
export interface DemoIgComment {
  id: string
  mediaId: string
  at: string
  text: string
  username: string
  parentId?: string
  hidden: boolean
}

export interface DemoThreadPost {
  id: number
  author: string
  at: string
  body: string
}
export interface DemoThread {
  id: number
  topic: string
  topicName: string
  slug: string
  title: string
  posts: DemoThreadPost[]
}

export interface DemoFeedItem {
  id: string
  at: string
  title: string
  link: string
  text: string
  author?: string
}

export interface DemoWikiRevision {
  revid: number
  parentid: number
  at: string
  user: string
  anon: boolean
  comment: string
  tags: string[]
  content: string
}
export interface DemoWikiPage {
  pageid: number
  ns: number
  title: string
  revisions: DemoWikiRevision[]
}

/** Where the walk finds the story's items again (by their words), once the pollers stored them. */
export interface DemoStory {
  ofstedAt: string
  trollingFrom: string
  /** Texts of the trolling campaign's posts, reviews and comments. */
  trolling: string[]
  safeguarding: string
  namesake: string
  /** The page that is captured as evidence for the incident (a path on the demo server). */
  evidencePath: string
}

export interface DemoContent {
  seed: number
  scale: number
  start: string
  now: string
  reviews: DemoReview[]
  x: DemoXPost[]
  bluesky: DemoSkeet[]
  facebook: { posts: DemoFbPost[]; comments: DemoFbComment[] }
  instagram: { media: DemoIgMedia[]; comments: DemoIgComment[] }
  mumsnet: DemoThread[]
  news: DemoFeedItem[]
  reddit: DemoFeedItem[]
  alerts: DemoFeedItem[]
  wiki: DemoWikiPage[]
  evidence: { title: string; author: string; text: string }
  story: DemoStory
}
