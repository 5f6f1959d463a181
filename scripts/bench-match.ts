// Runs in: CLI (Node), `npx tsx scripts/bench-match.ts`. Matching throughput for a 5-school federation.
//
// Not a test: timings depend on the machine. The target is ≥ 50 000 items/s for 5 schools, so
// matching never dominates a poll. Items are built to look like feed items: mostly misses (most of
// what a Google Alert returns is not about us), some hits, some ambiguous names without co-terms.

import { buildMatcher, type MatchItem, type MatchProfile } from '../src-main/matching/matcher'
import { printFigures } from './bench-lib/figures'

const schools: MatchProfile[] = [
  { id: 1, name: "St Aldhelm's C of E Primary School", aliases: ["Aldhelm's"], town: 'Hollinbury', localAuthority: 'Westmarch Council', urn: '990417', postcode: 'HB4 2QT', exclusions: ["Aldhelm's Way"] },
  { id: 2, name: "St Mary's Catholic Primary School", aliases: [], town: 'Hollinbury', localAuthority: 'Westmarch Council', urn: '990418', postcode: 'HB4 3AA', exclusions: ["St Mary's Hospital"] },
  { id: 3, name: 'Hollinbury Park Junior and Infant School', aliases: ['HPJIS'], town: 'Hollinbury', localAuthority: 'Westmarch Council', urn: '990419', postcode: 'HB5 1XY', exclusions: [] },
  { id: 4, name: 'Oakwood Academy', aliases: [], town: 'Dunmere', localAuthority: 'Westmarch Council', urn: '990420', postcode: 'HB7 9ZZ', exclusions: [] },
  { id: 5, name: 'Holy Trinity CE Infant School', aliases: [], town: 'Dunmere', localAuthority: 'Westmarch Council', urn: '990421', postcode: 'HB7 2BB', exclusions: [] },
] // prettier-ignore

const filler =
  'Residents gathered on Saturday to discuss the new traffic scheme, which the council says will ' +
  'reduce congestion near the high street. Several parents raised concerns about safety at drop-off, ' +
  'and the consultation closes at the end of the month. More details are available online.'
const hits = [
  'Lovely nativity at St Aldhelm’s in Hollinbury today!',
  'Hollinbury Park Primary School has a new head teacher.',
  "Visiting times at St Mary's Hospital have changed.",
  'Oakwood Academy, Dunmere, rated Good by Ofsted.',
  "St. Mary's RC Primary (HB4) fete raised £2,000.",
]
const items: MatchItem[] = []
for (let i = 0; i < 20_000; i++) {
  const hit = i % 10 === 0 ? hits[(i / 10) % hits.length] : ''
  items.push({
    title: `Local news item ${i}`,
    text: `${filler} ${hit} ${i}`,
    url: `https://news.example/${i}`,
  })
}

const matcher = buildMatcher(schools)
const rates: number[] = []
let matched = 0
for (let round = 0; round < 5; round++) {
  matched = 0
  const t0 = performance.now()
  for (const item of items) if (matcher.match(item)) matched++
  const seconds = (performance.now() - t0) / 1000
  rates.push(items.length / seconds)
}
rates.sort((a, b) => a - b)
const avgChars = Math.round(items.reduce((n, it) => n + it.text.length, 0) / items.length)
console.log(
  `schools: ${schools.length}, items: ${items.length} (~${avgChars} chars), matched: ${matched}`,
)
console.log(`items/s (median of 5): ${Math.round(rates[2]).toLocaleString('en-GB')}`)
printFigures('match', {
  schools: schools.length,
  items: items.length,
  avgChars,
  itemsPerSecondMedian: Math.round(rates[2]),
})
