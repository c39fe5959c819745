import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../../rules/index.js'
import { defineRule } from '../../src/engine/define-rule.js'
import { applyChanges, type FixResult, fixText } from '../../src/engine/fix.js'
import type { AnyRule, Finding } from '../../src/engine/types.js'
import { formatFor, type ProseSegment, type Run } from '../../src/formats/index.js'
import { lintSource } from '../../src/pipeline.js'

/** The segments of a source in the format chosen by `path`; throws on an extract error. */
export function segmentsOf(path: string, source: string): ProseSegment[] {
  const result = formatFor(path)!.extract(source)
  if (!result.ok) throw new Error(result.error)
  return result.value as ProseSegment[]
}

/** The texts the rules see. */
export function textsOf(path: string, source: string): string[] {
  return segmentsOf(path, source).map((s) => s.text)
}

/** The extract error of a source, or undefined. */
export function errorOf(path: string, source: string): string | undefined {
  const result = formatFor(path)!.extract(source)
  return result.ok ? undefined : result.error
}

/** Lint a source as the CLI does (format by path, findings confined to prose). */
export function lintFile(
  path: string,
  source: string,
  rules: readonly AnyRule[] = builtinRules,
): Finding[] {
  const result = lintSource(path, source, { lint: { rules } })
  if (!result.ok) throw new Error(result.error)
  return result.value
}

/** Fix a source as `mtclean fix` does: safe fixes, pass after pass. */
export function fixFile(
  path: string,
  source: string,
  rules: readonly AnyRule[] = builtinRules,
): FixResult {
  return fixText(source, (text) => lintFile(path, text, rules))
}

/** The built-in rules with these ids (unit tests name the rules they rely on). */
export function rulesNamed(...ids: string[]): AnyRule[] {
  const rules = builtinRules.filter((r) => ids.includes(r.meta.id))
  if (rules.length !== ids.length) throw new Error(`unknown rule among ${ids.join(', ')}`)
  return rules
}

/** The mechanical rules the format unit tests rely on. */
export const mechanical = (): AnyRule[] =>
  rulesNamed(
    'hyphen-space',
    'quote-spacing',
    'space-before-punctuation',
    'cjk-punctuation',
    'missing-space',
  )

/** Source ranges of every run, sorted. */
export function runsOf(path: string, source: string): Run[] {
  const runs: Run[] = []
  for (const segment of segmentsOf(path, source)) {
    for (const run of segment.runs ?? [
      { start: segment.offset, end: segment.offset + segment.text.length },
    ]) {
      runs.push(run as Run)
    }
  }
  return runs.sort((a, b) => a.start - b.start)
}

/**
 * Everything that is not prose: the source with each run cut out, white space removed (it
 * moves in and out of trimmed segments as prose around it changes).
 */
export function skeletonOf(path: string, source: string): string {
  let skeleton = ''
  let cursor = 0
  for (const run of runsOf(path, source)) {
    skeleton += source.slice(cursor, run.start)
    cursor = run.end
  }
  skeleton += source.slice(cursor)
  return skeleton.replace(/\s+/g, '')
}

/** Prose and opaque ranges of different segments never overlap, nor do runs of one segment. */
export function expectDisjoint(path: string, source: string) {
  const ranges: [number, number][] = []
  for (const segment of segmentsOf(path, source)) {
    for (const run of segment.runs ?? []) ranges.push([run.start, run.end])
    for (const range of segment.opaque ?? []) ranges.push([range[0], range[1]])
  }
  ranges.sort((a, b) => a[0] - b[0])
  for (let i = 1; i < ranges.length; i++)
    expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1])
}

/** A rule that reports one edit at the given place of the `index`-th segment it sees. */
function editRule(index: number, start: number, end: number, text: string): AnyRule {
  let seen = -1
  return defineRule({
    meta: {
      id: 'test-edit',
      category: 'spacing',
      severity: 'error',
      fixable: 'safe',
      description: 'test',
      examples: [],
      good: [],
    },
    check(context) {
      seen++
      if (seen !== index) return
      const s = Math.min(start, context.text.length)
      const e = Math.min(Math.max(end, s), context.text.length)
      context.report({ start: s, end: e, message: 'edit', fix: { start: s, end: e, text } })
    },
  })
}

/** Replacement texts a rule might produce, including ones that need escaping in some format. */
export const replacements = [
  '',
  ' ',
  '-',
  '"',
  "'",
  ',',
  '.',
  'x',
  'é',
  '&',
  '<',
  '>',
  '\\',
  '*',
  '_',
  '`',
  '|',
  '{',
  '}',
  '%',
  '，',
  '“',
  'a b',
]

/** How to test one format's sample. */
export interface SampleOptions {
  runs?: number
  /** How segment texts compare after an edit (default: white space at the edges ignored). */
  normalize?: (text: string) => string
  /** Characters that are syntax the format cannot escape (placeholders), left out of edits. */
  avoid?: string
}

const space = /^[ \t\n\r\f\v\u00a0]+|[ \t\n\r\f\v\u00a0]+$/g

/**
 * Property: a random edit anywhere in any segment, made by a rule and applied as a fix, never
 * changes a byte outside the prose; the file stays well-formed; and the segment then reads
 * exactly as the edit says (when the edit was not dropped for touching markup).
 */
export function expectEditsStayInProse(path: string, source: string, options: SampleOptions = {}) {
  const segments = segmentsOf(path, source)
  expect(segments.length).toBeGreaterThan(0)
  const skeleton = skeletonOf(path, source)
  const runs = runsOf(path, source)
  const normalize = options.normalize ?? ((t: string) => t.replace(space, ''))
  fc.assert(
    fc.property(
      fc.nat({ max: segments.length - 1 }),
      fc.nat(),
      fc.nat({ max: 6 }),
      fc.constantFrom(
        ...replacements.filter((r) => ![...r].some((c) => options.avoid?.includes(c))),
      ),
      (index, at, length, text) => {
        const segment = segments[index]!
        const start = at % (segment.text.length + 1)
        const end = Math.min(start + length, segment.text.length)
        const findings = lintFile(path, source, [editRule(index, start, end, text)])
        for (const finding of findings) {
          const fix = finding.fix
          if (!fix) continue
          expect(runs.some((r) => r.start <= fix.start && fix.end <= r.end)).toBe(true)
          const output = applyChanges(source, [{ ruleId: 'test-edit', edits: [fix] }]).output
          expect(errorOf(path, output)).toBeUndefined()
          expect(skeletonOf(path, output)).toEqual(skeleton)
          const after = segmentsOf(path, output)
          if (after.length === segments.length) {
            const expected = segment.text.slice(0, start) + text + segment.text.slice(end)
            expect(normalize(after[index]!.text)).toBe(normalize(expected))
          }
        }
      },
    ),
    { numRuns: options.runs ?? 300 },
  )
}

/** Round trip: no fixes leave the bytes as they were; fixing only changes prose. */
export function expectRoundTrip(path: string, source: string) {
  const none = fixText(source, () => [])
  expect(none.output).toBe(source)
  const fixed = fixFile(path, source)
  expect(errorOf(path, fixed.output)).toBeUndefined()
  expect(skeletonOf(path, fixed.output)).toEqual(skeletonOf(path, source))
  // Fixing the fixed text changes nothing more.
  expect(fixFile(path, fixed.output).output).toBe(fixed.output)
}

/** Read a sample as text. */
export function readSample(name: string): string {
  return readFileSync(new URL(`../../samples/${name}`, import.meta.url), 'utf8')
}

/**
 * The tests every format sample gets: byte-exact round trip, random edits confined to the
 * prose, CRLF line endings, and prose never overlapping kept source.
 */
export function describeSample(name: string, options: SampleOptions = {}) {
  describe(`samples/${name}`, () => {
    const source = readSample(name)

    it('round-trips byte for byte, and fixes change only prose', () => {
      expectRoundTrip(name, source)
      expect(fixFile(name, source).output).not.toBe(source)
    })

    it('keeps random edits to the prose', () => {
      expectEditsStayInProse(name, source, options)
    })

    it('keeps prose and kept source apart', () => {
      expectDisjoint(name, source)
    })

    it('reads and fixes the same with CRLF line endings', () => {
      const crlf = source.replace(/\n/g, '\r\n')
      expect(textsOf(name, crlf)).toEqual(textsOf(name, source))
      const where = (text: string) =>
        lintFile(name, text).map((f) => `${f.line}:${f.column} ${f.ruleId}`)
      expect(where(crlf)).toEqual(where(source))
      expect(fixFile(name, crlf).output).toBe(fixFile(name, source).output.replace(/\n/g, '\r\n'))
      expectRoundTrip(name, crlf)
    })
  })
}

/** A safe-fix rule that replaces every occurrence of each key by its value (tests escaping). */
export function swapRule(pairs: Record<string, string>): AnyRule {
  return defineRule({
    meta: {
      id: 'test-swap',
      category: 'punctuation',
      severity: 'error',
      fixable: 'safe',
      description: 'test',
      examples: [],
      good: [],
    },
    check({ text, report }) {
      for (const [find, replacement] of Object.entries(pairs)) {
        for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) {
          const end = at + find.length
          report({ start: at, end, message: 'swap', fix: { start: at, end, text: replacement } })
        }
      }
    },
  })
}
