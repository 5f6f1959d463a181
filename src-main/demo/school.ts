// Runs in: CLI (Node). The demo school: entirely made up. The name, the town, the council, the staff,
// the URN and the contact details belong to no real school; the phone numbers are in Ofcom's range
// kept for drama (01632 960xxx) and the web addresses use the reserved .example domain.
import type { Role, SchoolInput } from '../contract'

export const DEMO_SCHOOL_NAME = 'Hollowmere Church of England Primary School'
/** Fictional: no school has this URN. Shown with "(fictional)" wherever the demo prints it. */
export const DEMO_URN = '999042'
export const DEMO_TOWN = 'Marrowby'

export const DEMO_SCHOOL: SchoolInput = {
  name: DEMO_SCHOOL_NAME,
  urn: DEMO_URN,
  town: DEMO_TOWN,
  localAuthority: 'Wessex Downs Council (fictional)',
  postcode: 'ZZ9 4QX',
  phone: '01632 960417',
  email: 'office@hollowmere-primary.example',
  website: 'https://hollowmere-primary.example',
  headName: 'Mrs Eleanor Brightwater',
  aliases: [
    'Hollowmere Primary',
    'Hollowmere C of E',
    'Hollowmere CE Primary',
    'Hollowmere School',
  ],
  exclusions: [],
  staff: [
    { name: 'Eleanor Brightwater', title: 'Mrs', role: 'Headteacher' },
    { name: 'Daniel Okoro-Finch', title: 'Mr', role: 'Deputy Headteacher and DSL' },
    { name: 'Priya Lanyard', title: 'Miss', role: 'SENCo' },
    { name: 'Joanna Pellow', title: 'Mrs', role: 'School Business Manager' },
    { name: 'Tom Hazeldene', title: 'Mr', role: 'Year 6 teacher' },
    { name: 'Ruth Calloway', title: 'Mrs', role: 'Reception teacher' },
  ],
  coTermRule: 'never',
}

export const DEMO_COMPLAINTS_URL = 'https://hollowmere-primary.example/complaints'

export interface DemoUser {
  displayName: string
  email: string
  role: Role
  /** A documented demo password, printed at the end of the run: this is a sandbox, not a real install. */
  password: string
}

export const DEMO_USERS: DemoUser[] = [
  {
    displayName: 'Joanna Pellow',
    email: 'orm@hollowmere-primary.example',
    role: 'orm_lead',
    password: 'demo-orm-lead-pass',
  },
  {
    displayName: 'Eleanor Brightwater',
    email: 'head@hollowmere-primary.example',
    role: 'head',
    password: 'demo-head-pass-1',
  },
  {
    displayName: 'Daniel Okoro-Finch',
    email: 'dsl@hollowmere-primary.example',
    role: 'dsl',
    password: 'demo-dsl-pass-12',
  },
  {
    displayName: 'Martin Sayle (governor)',
    email: 'viewer@hollowmere-primary.example',
    role: 'viewer',
    password: 'demo-viewer-pass',
  },
]

/** The school's own accounts on the demo platforms (made up, like everything else here). */
export const DEMO_ACCOUNTS = {
  googleAccountId: '700000000042',
  googleLocationId: '800000000042',
  placeId: 'ChIJDemoHollowmerePrimary',
  facebookPageId: '990000000000042',
  instagramUserId: '17841499900000042',
  blueskyHandle: 'hollowmere.bsky.social',
  wikiArticle: DEMO_SCHOOL_NAME,
}

/** Everyday names, the way parents write them (the full name is rare outside the press). */
export const EVERYDAY_NAMES = [
  'Hollowmere Primary',
  'Hollowmere Primary',
  'Hollowmere C of E',
  'Hollowmere CE Primary',
  'Hollowmere School',
] as const
