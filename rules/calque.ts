import { join } from 'node:path'
import { packageRoot } from '../src/cli/version.js'
import { defineRule } from '../src/engine/define-rule.js'
import type { AnyRule } from '../src/engine/types.js'
import { type PackFile, readPackFolder } from '../src/packs/load.js'
import { packRule } from '../src/packs/rule.js'

/** The built-in calque pack: Vale-style substitution rules, one file per domain. */
export function calquePackDir(): string {
  return join(packageRoot(), 'rules', 'packs', 'Calques')
}

/** The built-in calque pack's files; a broken built-in pack is a bug, so it throws. */
export function calquePack(): PackFile[] {
  const files = readPackFolder(calquePackDir())
  if (!files.ok) throw new Error(`built-in calque pack: ${files.error}`)
  return files.value
}

const parts: AnyRule[] = calquePack().map((file) => packRule(file.spec, file.id))

// A cheap trigger for the pack: every match of an entry contains one of the entry's required
// literals, so a paragraph with none of them cannot match and is skipped before the re2js
// matcher runs. Literals are read from the RE2 source conservatively: anything not understood
// gives no literals for that entry, and then no trigger at all (every paragraph is checked).

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

// The index of the `]` closing the class opened at `at`, or -1.
function classEnd(source: string, at: number): number {
  let i = at + 1
  if (source[i] === '^') i++
  if (source[i] === ']') i++
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === ']') return i
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
 * Literals (lower case) one of which every match of an RE2 pattern contains, or undefined when
 * that cannot be told from the source. Picks, among the pattern's required parts, the one whose
 * shortest literal is longest.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const parts = alternatives(source)
  if (!parts) return undefined
  if (parts.length > 1) {
    const all: string[] = []
    for (const part of parts) {
      const literals = requiredLiterals(part)
      if (!literals) return undefined
      all.push(...literals)
    }
    return all
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
    const c = source[i]!
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
      } else if (/[A-Za-z0-9]/.test(escaped)) return undefined
      else next = atom([escaped.toLowerCase()], i + 2)
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
      if (plain?.every((a) => /^[\p{L}\p{N} ,'’-]*$/u.test(a))) {
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
      const small = members.length <= 6 && /^-?(?:[^\\\]^[-]|\\[^\p{L}\p{N}])+-?$/u.test(members)
      const choices = small
        ? [...members.replace(/\\/g, '')].map((m) => m.toLowerCase())
        : undefined
      next = atom(choices, close + 1)
    } else if (c === '^' || c === '$') {
      i++
      continue
    } else if (c === '.') next = atom(undefined, i + 1)
    else if ('|)*+?{}'.includes(c)) return undefined
    else next = atom([c.toLowerCase()], i + 1)
    if (next === undefined) return undefined
    i = next
  }
  endRun()
  let best: { literals: string[]; shortest: number } | undefined
  for (const set of sets) {
    const literals = [...new Set(set.map((s) => s.trim()).filter(Boolean))]
    const shortest = Math.min(...literals.map((s) => s.length))
    if (shortest >= 3 && (!best || shortest > best.shortest)) best = { literals, shortest }
  }
  return best?.literals
}

const foldsToAscii = /[\u212a\u017f]/u

/** A case-insensitive scan for ASCII literals that also lets through texts with K or ſ. */
class AsciiTrigger extends RegExp {
  override test(text: string): boolean {
    return super.test(text) || foldsToAscii.test(text)
  }
}

/** A trigger matching any text that contains one of the pack's required literals, if every entry has some. */
export function packTrigger(files: readonly PackFile[]): RegExp | undefined {
  const literals = new Set<string>()
  for (const file of files) {
    for (const entry of file.spec.entries) {
      const required = requiredLiterals(entry.source)
      if (!required) return undefined
      for (const literal of required) literals.add(literal)
    }
  }
  if (literals.size === 0) return undefined
  const quote = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
  const source = [...literals].sort().map(quote).join('|')
  // Without the u flag the scan is ten times faster; it folds the case of ASCII letters as RE2
  // does, but for K (U+212A) and ſ (U+017F), so a text with either always passes.
  if ([...literals].some((l) => /[^\x00-\x7f]/u.test(l.replace(/\P{L}/gu, '')))) {
    return new RegExp(source, 'iu')
  }
  return new AsciiTrigger(source, 'i')
}

const trigger = packTrigger(calquePack())

const minor = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to'])

/** `National Public Security Organs`: a Title Case match is most likely part of a name. */
function titleCase(text: string): boolean {
  const words = text.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w) && !minor.has(w.toLowerCase()))
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))
}

// Every file of rules/packs/Calques/ runs as one rule, `calque`; each entry's reason is in its
// message and each replacement is a suggestion. Title Case matches (names of bodies) are skipped.
export default defineRule({
  meta: {
    id: 'calque',
    category: 'wording',
    severity: 'warn',
    fixable: 'suggestion',
    description:
      'Literal translations of Chinese phrases (`the masses`, `combination boxing`): suggests idiomatic English',
    examples: [
      { bad: 'The clinic serves the masses.', fixed: 'The clinic serves the public.' },
      {
        bad: 'Public security organs solved 300 cases.',
        fixed: 'Police solved 300 cases.',
      },
      { bad: 'Sudden! A fire broke out downtown', fixed: 'Breaking: A fire broke out downtown' },
    ],
    good: ['The masses of the two stars differ.', 'Pilgrims attended two masses on Sunday.'],
  },
  ...(trigger ? { trigger } : {}),
  check(context) {
    const report = context.report
    context.report = (found) => {
      if (!titleCase(context.text.slice(found.start, found.end))) report(found)
    }
    try {
      for (const part of parts) part.check?.(context)
    } finally {
      context.report = report
    }
  },
})
