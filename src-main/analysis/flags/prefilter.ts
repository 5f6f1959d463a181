// Runs in: main process / CLI (Node). A cheap, exact pre-check that lets runRules skip a regex.
//
// Each rule regex is a long alternation tried at every position of the text, and most rules find
// nothing in most mentions. From the regex source we derive literals of which every match must
// contain one ("idiot", "moron", ... for the insult rule); literals.ts gives none when unsure, and
// such a rule always runs: the check may never hide a match.
//
// All rules' literals go into one Aho-Corasick automaton (a dense table: one lookup per UTF-16
// unit). A text is scanned once per view, however many rules read it, and the scan marks every
// rule the head of one of whose literals the text holds; a rule without a mark cannot match and is
// not run. This replaced per-rule trigram bitmaps, whose gates cost more to walk than the scan
// does (one threat rule alone had hundreds of literal groups).
import { requiredLiterals } from './literals'

export { requiredLiterals }

/** One rule's literals, registered in the shared automaton under a slot of their own. */
export interface Gate {
  readonly slot: number
  readonly literals: readonly string[]
}

/** The marks of the last text scanned with one index (one per view: lower, deob, cased). */
export interface Index {
  s: string | null
  /** The automaton the marks came from: a rebuild (new gates) invalidates them. */
  built: Automaton | null
  /** marks[slot] === epoch: the slot's literal occurs in `s`. */
  marks: Int32Array
  epoch: number
}

interface Automaton {
  /** UTF-16 unit -> symbol class; 0 for units in no literal (they lead back to the root). */
  classOf: Uint16Array
  classes: number
  /** Dense transitions: delta[state * classes + class], state 0 the root; 16-bit when it fits. */
  delta: Uint16Array | Int32Array
  /** The first state on the suffix chain (the state itself included) that ends a literal, or 0. */
  firstOut: Int32Array
  /** For a state that ends literals: the next such state on its suffix chain, or 0. */
  nextOut: Int32Array
  /** Slots of the literals ending at each state: outSlots[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array
  outSlots: Int32Array
  slots: number
}

// Only a literal's head goes into the automaton: if the text holds the literal it holds the head,
// so the check stays exact in the safe direction, and the table stays small enough to sit in the
// CPU's caches (the full literals made it 11 MB, and the scan stalled on memory).
const MAX_LITERAL = 12

const registered: Gate[] = []
let current: Automaton | null = null

/**
 * A rule's gate: its required literals, registered for the next scan (null: always run).
 * `minLength` as in requiredLiterals.
 */
export function gateOf(re: RegExp, minLength?: number): Gate | null {
  const literals = requiredLiterals(re, minLength)
  if (!literals) return null
  const g: Gate = { slot: registered.length, literals }
  registered.push(g)
  current = null
  return g
}

export function newIndex(): Index {
  return { s: null, built: null, marks: new Int32Array(0), epoch: 0 }
}

function build(): Automaton {
  const classOf = new Uint16Array(65536)
  let classes = 1
  for (const g of registered)
    for (const l of g.literals)
      for (let i = 0; i < l.length && i < MAX_LITERAL; i++) {
        const u = l.charCodeAt(i)
        if (classOf[u] === 0) classOf[u] = classes++
      }
  // The trie, in flat arrays (first child, next sibling, edge class, and a list of the slots that
  // end at each state): a Map per state cost tens of megabytes of peak memory at 35,000 states,
  // and the automaton is rebuilt as each detector registers its gates.
  let cap = 1
  for (const g of registered) for (const l of g.literals) cap += Math.min(l.length, MAX_LITERAL)
  const firstChild = new Int32Array(cap)
  const nextSibling = new Int32Array(cap)
  const edge = new Uint16Array(cap)
  const endHead = new Int32Array(cap).fill(-1)
  const endNext: number[] = []
  const endSlot: number[] = []
  let states = 1
  for (const g of registered)
    for (const lit of g.literals) {
      const len = Math.min(lit.length, MAX_LITERAL)
      let st = 0
      for (let i = 0; i < len; i++) {
        const c = classOf[lit.charCodeAt(i)]
        let next = firstChild[st]
        while (next !== 0 && edge[next] !== c) next = nextSibling[next]
        if (next === 0) {
          next = states++
          edge[next] = c
          nextSibling[next] = firstChild[st]
          firstChild[st] = next
        }
        st = next
      }
      endNext.push(endHead[st])
      endSlot.push(g.slot)
      endHead[st] = endSlot.length - 1
    }
  const n = states
  const delta = n <= 0xffff ? new Uint16Array(n * classes) : new Int32Array(n * classes)
  const fail = new Int32Array(n)
  const firstOut = new Int32Array(n)
  const nextOut = new Int32Array(n)
  // Breadth first, so a state's failure target is complete before the state is.
  const queue = new Int32Array(n)
  let head = 0
  let tail = 0
  // Siblings are linked newest first; the queue takes them in that order, which changes no
  // state's failure target (each depends only on shorter prefixes, all queued before it).
  for (let v = firstChild[0]; v !== 0; v = nextSibling[v]) {
    delta[edge[v]] = v
    queue[tail++] = v
  }
  while (head < tail) {
    const u = queue[head++]
    const f = fail[u]
    const ends = endHead[u] >= 0
    firstOut[u] = ends ? u : firstOut[f]
    if (ends) nextOut[u] = firstOut[f]
    const row = u * classes
    const frow = f * classes
    for (let c = 1; c < classes; c++) delta[row + c] = delta[frow + c]
    for (let v = firstChild[u]; v !== 0; v = nextSibling[v]) {
      fail[v] = delta[frow + edge[v]]
      delta[row + edge[v]] = v
      queue[tail++] = v
    }
  }
  const outStart = new Int32Array(n + 1)
  const outSlots = new Int32Array(endSlot.length)
  for (let s = 0; s < n; s++) {
    let k = outStart[s]
    for (let e = endHead[s]; e >= 0; e = endNext[e]) outSlots[k++] = endSlot[e]
    outStart[s + 1] = k
  }
  return {
    classOf,
    classes,
    delta,
    firstOut,
    nextOut,
    outStart,
    outSlots,
    slots: registered.length,
  }
}

function scan(ix: Index, s: string): void {
  const a = current ?? (current = build())
  if (ix.s === s && ix.built === a) return
  ix.s = s
  ix.built = a
  if (ix.marks.length < a.slots) {
    ix.marks = new Int32Array(a.slots)
    ix.epoch = 0
  }
  const epoch = (ix.epoch = ix.epoch >= 0x7ffffffe ? 1 : ix.epoch + 1)
  if (epoch === 1) ix.marks.fill(0)
  const { classOf, classes, delta, firstOut, nextOut, outStart, outSlots } = a
  const marks = ix.marks
  let st = 0
  for (let i = 0; i < s.length; i++) {
    st = delta[st * classes + classOf[s.charCodeAt(i)]]
    for (let o = firstOut[st]; o !== 0; o = nextOut[o])
      for (let k = outStart[o]; k < outStart[o + 1]; k++) marks[outSlots[k]] = epoch
  }
}

/** False only when `s` certainly holds none of the gate's literals. */
export function mayMatch(ix: Index, s: string, gate: Gate | null): boolean {
  if (!gate) return true
  scan(ix, s)
  return ix.marks[gate.slot] === ix.epoch
}
