// Required literals of RE2 patterns, and the literal prefilter built from them. Every match of
// a pattern contains one of its required literals, so a text without any of them cannot match.
// Literals are read from the RE2 source conservatively: anything not understood gives no
// literals (undefined), never a wrong one.
//
// Case: literals are lower case and scanned case-insensitively without JS's u flag. For ASCII
// letters that folds exactly as RE2's (?i) does but for K (U+212A, folds to k) and ſ (U+017F,
// folds to s), so a text holding either is not prefiltered. A non-ASCII letter with a case is
// never part of a literal (it ends the literal run like `.` does); caseless characters such as
// `’` or `！` are, since RE2 folds them to nothing else.

import { AnsweredTrigger, rememberLast } from '../engine/prefilter.js'

type Quantity = 'one' | 'optional' | 'repeated' | 'unknown'

// What a quantifier at `at` makes of the atom before it, and where the atom's text ends.
function quantifier(source: string, at: number): { kind: Quantity; end: number } {
  const c = source[at]
  const lazy = (end: number) => (source[end] === '?' ? end + 1 : end)
  if (c === '?' || c === '*') return { kind: 'optional', end: lazy(at + 1) }
  if (c === '+') return { kind: 'repeated', end: lazy(at + 1) }
  if (c !== '{') return { kind: 'one', end: at }
  const repeat = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(at, at + 24))
  if (!repeat) return { kind: 'unknown', end: at }
  return {
    kind: Number(repeat[1]) === 0 ? 'optional' : 'repeated',
    end: lazy(at + repeat[0].length),
  }
}

// The index of the `]` closing the class opened at `at`, or -1 (`[:alpha:]` inside is skipped).
function classEnd(source: string, at: number): number {
  let i = at + 1
  if (source[i] === '^') i++
  if (source[i] === ']') i++
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === '[' && source[i + 1] === ':') {
      const close = source.indexOf(':]', i + 2)
      if (close === -1) return -1
      i = close + 1
    } else if (source[i] === ']') return i
  }
  return -1
}

// The index of the `)` closing the group opened at `at`, or -1.
function groupEnd(source: string, at: number): number {
  let depth = 0
  for (let i = at; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') {
      i = classEnd(source, i)
      if (i === -1) return -1
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

// The top-level alternatives of a pattern (undefined when it does not parse).
function alternatives(source: string): string[] | undefined {
  const parts: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') {
      i = classEnd(source, i)
      if (i === -1) return undefined
    } else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i))
      from = i + 1
    }
  }
  parts.push(source.slice(from))
  return parts
}

/**
 * Whether a character folds under RE2's (?i) only as the literal scan folds it: ASCII, or a
 * character without case (a non-ASCII letter with a case may fold to others: `é`/`É`, `ß`/`ẞ`).
 */
export function foldsPlainly(char: string): boolean {
  return char.charCodeAt(0) < 0x80 || (char.toLowerCase() === char && char.toUpperCase() === char)
}

const plainText = (text: string) =>
  /^[\p{L}\p{N} ,'’-]*$/u.test(text) && [...text].every(foldsPlainly)

/**
 * Literals (lower case) one of which every match of an RE2 pattern contains, or undefined when
 * that cannot be told from the source. Picks, among the pattern's required parts, the one whose
 * shortest literal is longest; every literal has at least 3 characters.
 */
export function requiredLiterals(source: string): string[] | undefined {
  if (source.includes('\\Q')) return undefined
  const parts = alternatives(source)
  if (!parts) return undefined
  if (parts.length > 1) {
    const all: string[] = []
    for (const part of parts) {
      const literals = requiredLiterals(part)
      if (!literals) return undefined
      all.push(...literals)
    }
    return [...new Set(all)]
  }
  // Runs of text every match contains, as sets of alternatives (`dragon[- ]head` gives
  // `dragon head` and `dragon-head`); a part that may be missing ends a run.
  const sets: string[][] = []
  let run = ['']
  const endRun = () => {
    if (run.some((s) => s.trim() !== '')) sets.push(run)
    run = ['']
  }
  const append = (choices: readonly string[]) => {
    if (run.length * choices.length > 32) {
      endRun()
      run = [...choices]
    } else run = run.flatMap((s) => choices.map((c) => s + c))
  }
  // An atom's choices, then its quantifier: once, optional, or repeated (once, then a new run).
  const atom = (choices: readonly string[] | undefined, after: number): number | undefined => {
    const q = quantifier(source, after)
    if (q.kind === 'unknown') return undefined
    if (!choices || q.kind === 'optional') endRun()
    else {
      append(choices)
      if (q.kind === 'repeated') endRun()
    }
    return q.end
  }
  for (let i = 0; i < source.length; ) {
    const c = String.fromCodePoint(source.codePointAt(i)!)
    let next: number | undefined
    if (c === '\\') {
      const escaped = source[i + 1]
      if (escaped === undefined) return undefined
      if (/[bBAz]/.test(escaped)) {
        // Assertions match no text: the run goes on.
        i += 2
        continue
      }
      if (/[dDsSwW]/.test(escaped)) next = atom(undefined, i + 2)
      else if (escaped === 'p' || escaped === 'P') {
        const end = source[i + 2] === '{' ? source.indexOf('}', i + 2) + 1 : i + 3
        if (end === 0) return undefined
        next = atom(undefined, end)
      } else if (/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(escaped)) {
        next = atom([escaped.toLowerCase()], i + 2)
      } else return undefined
    } else if (c === '(') {
      const close = groupEnd(source, i)
      if (close === -1) return undefined
      let body = source.slice(i + 1, close)
      if (/^\?[A-Za-z-]*$/.test(body)) {
        // A flag group matches no text.
        i = close + 1
        continue
      }
      const named = /^\?P?<[A-Za-z_]\w*>/.exec(body)
      const flagged = /^\?[A-Za-z-]*:/.exec(body)
      if (named) body = body.slice(named[0].length)
      else if (flagged) body = body.slice(flagged[0].length)
      else if (body.startsWith('?')) return undefined
      const plain = alternatives(body)
      if (plain?.every(plainText)) {
        next = atom(
          plain.map((a) => a.toLowerCase()),
          close + 1,
        )
      } else {
        const q = quantifier(source, close + 1)
        if (q.kind === 'unknown') return undefined
        endRun()
        const literals = q.kind === 'optional' ? undefined : requiredLiterals(body)
        if (literals) sets.push(literals)
        next = q.end
      }
    } else if (c === '[') {
      const close = classEnd(source, i)
      if (close === -1) return undefined
      const members = source.slice(i + 1, close)
      // A few plain characters (a `-` only first or last: not a range).
      const small =
        members.length <= 6 &&
        /^-?(?:[^\\\]^[-]|\\[^\p{L}\p{N}])+-?$/u.test(members) &&
        [...members].every(foldsPlainly)
      const choices = small
        ? [...members.replace(/\\/g, '')].map((m) => m.toLowerCase())
        : undefined
      next = atom(choices, close + 1)
    } else if (c === '^' || c === '$') {
      i++
      continue
    } else if (c === '.' || !foldsPlainly(c)) next = atom(undefined, i + c.length)
    else if ('|)*+?{}'.includes(c)) return undefined
    else next = atom([c.toLowerCase()], i + c.length)
    if (next === undefined) return undefined
    i = next
  }
  endRun()
  let best: { literals: string[]; shortest: number } | undefined
  for (const set of sets) {
    const literals = [...new Set(set.map((s) => s.trim()))]
    const shortest = Math.min(...literals.map((s) => s.length))
    if (shortest >= 3 && (!best || shortest > best.shortest)) best = { literals, shortest }
  }
  return best?.literals
}

/** Characters RE2's (?i) folds into ASCII letters (K to k, ſ to s); a non-u scan does not. */
export const foldsToAscii = /[\u212a\u017f]/

/** Quote a literal for a JS regular expression. */
function quote(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}

/** The required literals of each source, or undefined when one source has none. */
export function literalsOf(sources: readonly string[]): string[][] | undefined {
  const all: string[][] = []
  for (const source of sources) {
    const literals = requiredLiterals(source)
    if (!literals) return undefined
    all.push(literals)
  }
  return all
}

/** Which entries of a set may match a text. */
export interface Prefilter {
  /**
   * The entries (ascending indexes) that may match `text`: one left out cannot match. Undefined
   * when the prefilter cannot tell, and always when the text holds K or ſ.
   */
  candidates(text: string): readonly number[] | undefined
}

/**
 * One scan of a text for the required literals of several patterns (a pack's entries) tells
 * which may match it. The last text's answer is kept, so a trigger and the rule's check (or
 * several rules sharing one prefilter through `slice`) scan a paragraph once.
 */
export class LiteralPrefilter implements Prefilter {
  /** The scan: every literal, longest first, case-insensitive, without the u flag. */
  readonly scan: RegExp
  /** Literal → entries (indexes) whose literals it holds as a prefix: it shows they may match. */
  readonly entries: ReadonlyMap<string, readonly number[]>
  /** {@inheritDoc Prefilter.candidates} */
  readonly candidates = rememberLast((text: string) => this.search(text))

  /**
   * Build from each entry's required literals (lower case, as `requiredLiterals` gives).
   * @param literals Per entry, its literals (kept, so prefilters can be joined).
   */
  constructor(readonly literals: readonly (readonly string[])[]) {
    if (literals.length === 0 || literals.some((l) => l.length === 0 || l.includes(''))) {
      throw new Error('a literal prefilter needs at least one non-empty literal for each entry')
    }
    const owners = new Map<string, Set<number>>()
    literals.forEach((list, index) => {
      for (const literal of list) {
        const set = owners.get(literal) ?? new Set<number>()
        set.add(index)
        owners.set(literal, set)
      }
    })
    // The scan reports the longest literal at a position; shorter ones found there are its
    // prefixes, so a literal stands for the entries of each of its prefixes too.
    const entries = new Map<string, number[]>()
    for (const literal of owners.keys()) {
      const union = new Set<number>()
      for (let length = 1; length <= literal.length; length++) {
        const set = owners.get(literal.slice(0, length))
        if (set) for (const index of set) union.add(index)
      }
      entries.set(
        literal,
        [...union].sort((a, b) => a - b),
      )
    }
    this.entries = entries
    const sorted = [...owners.keys()].sort(
      (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
    )
    this.scan = new RegExp(sorted.map(quote).join('|'), 'gi')
  }

  private search(text: string): readonly number[] | undefined {
    if (foldsToAscii.test(text)) return undefined
    const scan = this.scan
    scan.lastIndex = 0
    let found: Set<number> | undefined
    let first: readonly number[] | undefined
    for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
      const indexes = this.entries.get(match[0].toLowerCase())
      if (!indexes) return undefined
      if (first === undefined) first = indexes
      else if (indexes !== first) {
        found ??= new Set(first)
        for (const index of indexes) found.add(index)
      }
      // Literals may overlap: look again from the next character.
      scan.lastIndex = match.index + 1
    }
    if (first === undefined) return []
    return found ? [...found].sort((a, b) => a - b) : first
  }

  /** The entries `from` (inclusive) to `to` (exclusive), renumbered from 0, sharing this scan. */
  slice(from: number, to: number): Prefilter {
    return {
      candidates: (text) => {
        const all = this.candidates(text)
        if (all === undefined) return undefined
        const part: number[] = []
        for (const index of all) if (index >= from && index < to) part.push(index - from)
        return part
      },
    }
  }

  /**
   * A trigger for the engine: a non-global RegExp (its source is the scan's) whose `test` is
   * true when some entry may match, or when the prefilter cannot tell. Only `test` asks the
   * prefilter (the engine uses nothing else); the answer is kept for the rule's check.
   */
  trigger(): RegExp {
    return new AnsweredTrigger(new RegExp(this.scan.source, 'i'), (text) => {
      const candidates = this.candidates(text)
      return candidates === undefined || candidates.length > 0
    })
  }
}

/** A prefilter for RE2 sources (a pack's entries), or undefined when one has no literals. */
export function literalPrefilter(sources: readonly string[]): LiteralPrefilter | undefined {
  const literals = literalsOf(sources)
  if (!literals || literals.length === 0) return undefined
  return new LiteralPrefilter(literals)
}
