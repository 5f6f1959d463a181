// Runs in: main process / CLI (Node). British English spelling for drafts: nspell (Hunspell-compatible)
// with the en-GB dictionary from `dictionary-en-gb`. That package is ESM with top-level await, which a
// CommonJS main process cannot require, so we read its two files ourselves — the one piece of I/O in
// the drafts module, done once on first use and injectable for tests.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import nspell from 'nspell'

export interface Speller {
  correct(word: string): boolean
  suggest(word: string): string[]
}

let shared: Speller | null = null

/** The en-GB speller, loaded on first use (about half a second) and shared. */
export function britishSpeller(): Speller {
  if (shared) return shared
  const dir = dirname(createRequire(__filename).resolve('dictionary-en-gb'))
  shared = nspell(readFileSync(join(dir, 'index.aff')), readFileSync(join(dir, 'index.dic')))
  return shared
}

/**
 * School words the general dictionary lacks. The policies use them, and so will replies: SENCO and
 * EHCP (special needs), Ofsted, INSET days, DSL and LADO (safeguarding), POSH (the helpline).
 */
export const SCHOOL_WORDS: readonly string[] = [
  'SENCO',
  'SENCo',
  'SENDCo',
  'EHCP',
  'EHCPs',
  'Ofsted',
  'INSET',
  'DSL',
  'LADO',
  'POSH',
  'PTA',
  'PTFA',
  'SATs',
  'EYFS',
  'KS1',
  'KS2',
  'PSHE',
  'GDPR',
  'DfE',
  'URN',
  'headteacher',
  'headteachers',
  'wraparound',
  'wellbeing',
  'SEND',
  'COI',
  'TextDiff',
]

export interface SpellingHit {
  word: string
  start: number
  end: number
  suggestions: string[]
}

// Not prose, so never spell-checked: links, addresses, handles, hashtags, wiki templates and the
// four-tilde signature, and the [gap] markers the check reports on its own.
const NOT_PROSE =
  /https?:\/\/\S+|\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|\s)[@#]\w+|\{\{[^}]*\}\}|~{3,5}|\[[^\]\n]{1,80}\]|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|io)\b\S*/gi
const MAX_WORD = 45
const WORD = /[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)*/g

/** Words the school uses that a dictionary cannot know: its own names, the town, staff surnames. */
export function allowedWords(names: readonly (string | undefined)[]): Set<string> {
  const out = new Set<string>(SCHOOL_WORDS.map((w) => w.toLowerCase()))
  for (const n of names) for (const w of (n ?? '').match(WORD) ?? []) out.add(w.toLowerCase())
  return out
}

/** Misspelt words with offsets and up to three suggestions (suggesting is slow: the first three, up to 20 letters). */
export function findMisspellings(
  text: string,
  allowed: ReadonlySet<string>,
  speller: Speller = britishSpeller(),
): SpellingHit[] {
  const masked = text.replace(NOT_PROSE, (m) => ' '.repeat(m.length))
  const out: SpellingHit[] = []
  for (const m of masked.matchAll(WORD)) {
    const word = m[0].replace(/’/g, "'")
    if (word.length < 2 || allowed.has(word.toLowerCase())) continue
    // Short all-capital words are acronyms (URN, SEN, KS2), which no dictionary lists.
    if (word.length <= 6 && word === word.toUpperCase()) continue
    // No English word is longer than 45 letters, and the speller's suggestions grow with length.
    const long = word.length > MAX_WORD
    const base = word.replace(/'s$/i, '')
    if (
      !long &&
      (speller.correct(word) || speller.correct(base) || allowed.has(base.toLowerCase()))
    )
      continue
    const suggestions = out.length < 3 && word.length <= 20 ? speller.suggest(word).slice(0, 3) : []
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length, suggestions })
  }
  return out
}
