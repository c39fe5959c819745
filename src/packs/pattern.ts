import { RE2JS, RE2Set } from 're2js'
import { err, ok, type Result } from '../result.js'
import type { Prefilter } from './literals.js'
import { nativeUnsafe } from './native.js'

/** A linear-time pattern (RE2 syntax, run by re2js): what the pack matchers use of one. */
export type Pattern = Pick<RE2JS, 'matcher' | 'test' | 'pattern' | 'groupCount'>

/**
 * A pattern compiled on first use, for trusted packs (the built-in ones, whose patterns the test
 * suite compiles and validates): most of their matching runs natively and never needs it.
 */
export function lazyPattern(source: string, ignoreCase: boolean): Pattern {
  let compiled: RE2JS | undefined
  const get = () => {
    compiled ??= RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)
    return compiled
  }
  return {
    matcher: (input) => get().matcher(input),
    test: (input) => get().test(input),
    pattern: () => source,
    groupCount: () => get().groupCount(),
  }
}

/**
 * Compile a user pattern with re2js (RE2 syntax: matching is linear in the input length).
 * Lookaround and backreferences cannot run in linear time: RE2 rejects them, and the message
 * says why.
 *
 * @param source The pattern as written.
 * @param ignoreCase Match case-insensitively.
 * @returns The pattern, or a one-line reason it cannot be used.
 */
export function compilePattern(source: string, ignoreCase: boolean): Result<Pattern> {
  try {
    return ok(RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0))
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^error parsing regexp: /,
      '',
    )
    if (/`\(\?(?:<?[=!])/.test(message)) {
      return err(
        'lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not supported: patterns must run in linear time (RE2 syntax)',
      )
    }
    if (/invalid escape sequence: `\\(?:[1-9]|k)/.test(message)) {
      return err(
        'backreferences (\\1, \\k<name>) are not supported: patterns must run in linear time (RE2 syntax)',
      )
    }
    return err(`invalid RE2 pattern: ${message}`)
  }
}

/** Whether a pattern matches the whole of `text`. */
export function matchesWhole(pattern: Pattern, text: string): boolean {
  return pattern.matcher(text).matches()
}

/** One match of a pattern: UTF-16 offsets into the searched text. */
export interface PatternMatch {
  start: number
  end: number
  text: string
}

/** Every non-empty, non-overlapping match of `pattern` in `text`, left to right. */
export function findAll(pattern: Pattern, text: string): PatternMatch[] {
  const found: PatternMatch[] = []
  if (!pattern.test(text)) return found
  const matcher = pattern.matcher(text)
  while (matcher.find()) {
    const start = matcher.start()
    const end = matcher.end()
    if (end > start) found.push({ start, end, text: text.slice(start, end) })
  }
  return found
}

/**
 * The groups of `pattern` matched against the whole of `text` (index 0 is the whole text;
 * an unmatched group is ''), or undefined when it does not match the whole text.
 */
export function wholeGroups(pattern: Pattern, text: string): string[] | undefined {
  const matcher = pattern.matcher(text)
  if (!matcher.matches()) return undefined
  const groups: string[] = []
  for (let index = 0; index <= pattern.groupCount(); index++) {
    groups.push(matcher.group(index) ?? '')
  }
  return groups
}

/**
 * Several patterns run together. Without a prefilter one DFA pass tells which of them match a
 * text; with one, a literal scan tells which may. Trusted patterns may also run natively.
 */
export interface PatternSet {
  /** The members as one RE2 set (built on first use: a prefilter usually makes it unneeded). */
  readonly set: RE2Set
  members: Pattern[]
  /** Which members may match a text, from their required literals (when all have some). */
  prefilter?: Prefilter
  /** Per member, the same pattern as a global JS RegExp (trusted packs only; else undefined). */
  native?: readonly (RegExp | undefined)[]
}

/** Build a set from compiled patterns (their sources and the same case flag). */
export function patternSet(
  members: Pattern[],
  ignoreCase: boolean,
  prefilter?: Prefilter,
): PatternSet {
  let built: RE2Set | undefined
  const patterns: PatternSet = {
    members,
    get set() {
      if (!built) {
        built = new RE2Set(RE2Set.UNANCHORED, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)
        for (const member of members) built.add(member.pattern())
        built.compile()
      }
      return built
    },
  }
  if (prefilter) patterns.prefilter = prefilter
  return patterns
}

/**
 * The same set with another prefilter or native RegExps (trusted packs only). The set's getter
 * stays on the prototype (a spread would call it), so the RE2 set is still built only when needed.
 */
export function extendSet(
  patterns: PatternSet,
  extra: Pick<PatternSet, 'prefilter'> | Pick<PatternSet, 'native'>,
): PatternSet {
  const properties: PropertyDescriptorMap = {}
  for (const [key, value] of Object.entries(extra)) {
    properties[key] = { value, enumerable: true }
  }
  return Object.create(patterns, properties)
}

/** A match of one member of a set: `index` is the member. */
export interface SetMatch extends PatternMatch {
  index: number
  /** The member's groups in this match (index 0 is the match; unmatched is ''), when known. */
  groups?: string[]
}

/**
 * Matches of a set's members in `text`, as one alternation of them would find them: left to
 * right, the earlier member winning at the same start, and a match overlapping one already taken
 * dropped. Only the members the prefilter (or else the set's DFA pass) names are searched, each
 * with its native RegExp where it has one and the text allows (see `nativeUnsafe`).
 */
export function findAllOf(patterns: PatternSet, text: string): SetMatch[] {
  const found: SetMatch[] = []
  const indexes = patterns.prefilter?.candidates(text) ?? patterns.set.match(text)
  if (indexes.length === 0) return found
  const native = patterns.native && !nativeUnsafe.test(text) ? patterns.native : undefined
  for (const index of indexes) {
    const regexp = native?.[index]
    if (regexp) {
      regexp.lastIndex = 0
      for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
        const start = match.index
        const end = start + match[0].length
        if (end > start) {
          found.push({ start, end, text: match[0], index, groups: [...match].map((g) => g ?? '') })
        } else regexp.lastIndex = end + 1
      }
      continue
    }
    const matcher = patterns.members[index]!.matcher(text)
    while (matcher.find()) {
      const start = matcher.start()
      const end = matcher.end()
      if (end > start) found.push({ start, end, text: text.slice(start, end), index })
    }
  }
  if (found.length > 1) found.sort((a, b) => a.start - b.start || a.index - b.index)
  const taken: SetMatch[] = []
  let last = 0
  for (const match of found) {
    if (match.start < last) continue
    taken.push(match)
    last = match.end
  }
  return taken
}
