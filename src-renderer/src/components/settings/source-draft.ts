// Runs in: renderer. The editable shape of a source in the form, the fields each kind asks for,
// and the conversion to the contract's input (which validates it: the form shows its messages).
import {
  DEFAULT_BLUESKY_PDS,
  DEFAULT_BUSINESS_PROFILE_BASE_URL,
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_INTERVAL_MINUTES,
  DEFAULT_MUMSNET_URL,
  DEFAULT_PLACES_BASE_URL,
  DEFAULT_WIKI_API,
  DEFAULT_X_API,
  type Source,
  type SourceInput,
} from '@contract'

export type EditableKind = SourceInput['kind']

export type FieldSpec =
  | { key: string; type: 'text'; label: string; hint?: string; placeholder?: string }
  | {
      key: string
      type: 'tags'
      label: string
      addLabel: string
      inputLabel: string
      hint?: string
    }
  | { key: string; type: 'number'; label: string; min: number; max: number; step?: number }
  | { key: string; type: 'bool'; label: string }

interface KindForm {
  /** What the school fills in. */
  main: FieldSpec[]
  /** Rarely changed: API addresses (tests and proxies), caps. Shown folded. */
  advanced: FieldSpec[]
  defaults: Record<string, unknown>
}

const names = (what: string): FieldSpec => ({
  key: 'aliases',
  type: 'tags',
  label: `Names to search ${what} for`,
  addLabel: 'Add a name',
  inputLabel: 'Name to search for',
  hint: 'Leave empty to use the school’s name and other names from Settings → School profile.',
})
const exclusions: FieldSpec = {
  key: 'exclusions',
  type: 'tags',
  label: 'Leave out posts mentioning',
  addLabel: 'Add an exclusion',
  inputLabel: 'Phrase to leave out',
  hint: 'The school profile’s exclusions are always left out too.',
}
const apiAddress = (label: string): FieldSpec => ({ key: 'baseUrl', type: 'text', label })
const privateNetwork: FieldSpec = {
  key: 'allowPrivateNetwork',
  type: 'bool',
  label: 'Allow addresses on this computer or the school network',
}

export const KIND_FORMS: Record<EditableKind, KindForm> = {
  feed: {
    main: [
      {
        key: 'url',
        type: 'text',
        label: 'Feed address',
        placeholder: 'https://www.google.com/alerts/feeds/…',
        hint: 'An RSS or Atom address: a Google Alert delivered as a feed, a Talkwalker Alert, a news site or a Reddit search feed.',
      },
    ],
    advanced: [privateNetwork],
    defaults: { url: '', allowPrivateNetwork: false },
  },
  wikipedia: {
    main: [
      {
        key: 'pages',
        type: 'tags',
        label: 'Pages to watch',
        addLabel: 'Add a page',
        inputLabel: 'Page title',
        hint: "The school's article and its town or village. Talk pages are watched too.",
      },
      {
        key: 'searchTerms',
        type: 'tags',
        label: 'Search for new pages naming',
        addLabel: 'Add a search',
        inputLabel: 'Search term',
        hint: "Usually the school's name.",
      },
      { key: 'watchTalkPages', type: 'bool', label: 'Also watch talk pages' },
    ],
    advanced: [{ key: 'apiUrl', type: 'text', label: 'Wiki API address' }, privateNetwork],
    defaults: {
      pages: [],
      searchTerms: [],
      watchTalkPages: true,
      apiUrl: DEFAULT_WIKI_API,
      allowPrivateNetwork: false,
    },
  },
  google_business: {
    main: [
      {
        key: 'accountId',
        type: 'text',
        label: 'Account ID',
        hint: 'The number after accounts/ in your Business Profile (e.g. 112233445566).',
      },
      {
        key: 'locationId',
        type: 'text',
        label: 'Location ID',
        hint: 'The number after locations/ for the school’s listing.',
      },
    ],
    advanced: [
      apiAddress('Business Profile API address'),
      { key: 'oauthUrl', type: 'text', label: 'Google sign-in address' },
      privateNetwork,
    ],
    defaults: {
      accountId: '',
      locationId: '',
      baseUrl: DEFAULT_BUSINESS_PROFILE_BASE_URL,
      oauthUrl: 'https://oauth2.googleapis.com/token',
      allowPrivateNetwork: false,
    },
  },
  google_places: {
    main: [
      {
        key: 'placeId',
        type: 'text',
        label: 'Place ID',
        hint: 'Find it with Google’s Place ID finder (starts with ChIJ…).',
      },
    ],
    advanced: [apiAddress('Places API address'), privateNetwork],
    defaults: { placeId: '', baseUrl: DEFAULT_PLACES_BASE_URL, allowPrivateNetwork: false },
  },
  mumsnet: {
    main: [names('Mumsnet'), exclusions],
    advanced: [
      {
        key: 'browserPath',
        type: 'text',
        label: 'Browser to use (optional)',
        hint: 'Leave empty to find Chrome, Edge or Chromium on this computer.',
      },
      { key: 'maxThreadsPerRun', type: 'number', label: 'Threads read per check', min: 1, max: 50 },
      { key: 'maxPagesPerThread', type: 'number', label: 'Pages read per thread', min: 1, max: 20 },
      apiAddress('Mumsnet address'),
      privateNetwork,
    ],
    defaults: {
      aliases: [],
      exclusions: [],
      browserPath: '',
      maxThreadsPerRun: 10,
      maxPagesPerThread: 3,
      baseUrl: DEFAULT_MUMSNET_URL,
      allowPrivateNetwork: false,
    },
  },
  x: {
    main: [
      names('X'),
      exclusions,
      {
        key: 'pricePerPostUsd',
        type: 'number',
        label: 'Price per post read (US dollars, from your X plan)',
        min: 0,
        max: 10,
        step: 0.001,
      },
    ],
    advanced: [
      {
        key: 'maxPagesPerRun',
        type: 'number',
        label: 'Pages read per check (100 posts each)',
        min: 1,
        max: 20,
      },
      apiAddress('X API address'),
      privateNetwork,
    ],
    defaults: {
      aliases: [],
      exclusions: [],
      pricePerPostUsd: 0.005,
      maxPagesPerRun: 3,
      baseUrl: DEFAULT_X_API,
      allowPrivateNetwork: false,
    },
  },
  facebook: {
    main: [
      {
        key: 'pageId',
        type: 'text',
        label: 'Facebook Page ID',
        hint: 'Page → About → Page transparency, or the number in the Page’s address.',
      },
    ],
    advanced: [apiAddress('Graph API address'), privateNetwork],
    defaults: { pageId: '', baseUrl: DEFAULT_GRAPH_BASE_URL, allowPrivateNetwork: false },
  },
  instagram: {
    main: [
      {
        key: 'igUserId',
        type: 'text',
        label: 'Instagram account ID',
        hint: 'The professional account’s ID (digits), shown in Meta Business Suite.',
      },
    ],
    advanced: [apiAddress('Graph API address'), privateNetwork],
    defaults: { igUserId: '', baseUrl: DEFAULT_GRAPH_BASE_URL, allowPrivateNetwork: false },
  },
  bluesky: {
    main: [names('Bluesky'), exclusions],
    advanced: [apiAddress('Bluesky server address'), privateNetwork],
    defaults: {
      aliases: [],
      exclusions: [],
      baseUrl: DEFAULT_BLUESKY_PDS,
      allowPrivateNetwork: false,
    },
  },
}

export interface SourceDraft {
  kind: EditableKind
  name: string
  schoolId: number | null
  intervalMinutes: number | null
  config: Record<string, unknown>
}

const copy = (v: unknown): unknown => (Array.isArray(v) ? [...(v as unknown[])] : v)

function configFor(kind: EditableKind, from: Record<string, unknown> = {}) {
  const form = KIND_FORMS[kind]
  const config: Record<string, unknown> = {}
  for (const [key, fallback] of Object.entries(form.defaults)) {
    config[key] = copy(from[key] ?? fallback)
  }
  return config
}

export function emptySourceDraft(
  kind: EditableKind = 'feed',
  schoolId: number | null = null,
): SourceDraft {
  return {
    kind,
    name: '',
    schoolId,
    intervalMinutes: DEFAULT_INTERVAL_MINUTES[kind],
    config: configFor(kind),
  }
}

/** A new kind keeps what was typed in common, and starts its own fields afresh. */
export function switchKind(d: SourceDraft, kind: EditableKind): SourceDraft {
  return { ...d, kind, intervalMinutes: DEFAULT_INTERVAL_MINUTES[kind], config: configFor(kind) }
}

export function draftFromSource(s: Source): SourceDraft {
  const kind = (s.kind === 'manual' ? 'feed' : s.kind) as EditableKind
  return {
    kind,
    name: s.name,
    schoolId: s.schoolId,
    intervalMinutes: s.intervalMinutes,
    config: configFor(kind, s.config),
  }
}

/** Trims text, drops empty optional text and an unticked private-network box. */
export function inputFromDraft(d: SourceDraft): SourceInput {
  const config: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(d.config)) {
    if (typeof value === 'string') {
      const t = value.trim()
      if (t || key !== 'browserPath') config[key] = t
    } else if (key === 'allowPrivateNetwork') {
      if (value === true) config[key] = true
    } else if (value !== null && value !== undefined) {
      config[key] = value
    }
  }
  return {
    kind: d.kind,
    name: d.name,
    schoolId: d.schoolId,
    intervalMinutes: d.intervalMinutes ?? undefined,
    config,
  } as SourceInput
}
