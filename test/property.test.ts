import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/engine/types.js'
import { fixText, lintText } from '../src/index.js'
import { composeRegions } from '../src/report/diff.js'

// Property tests over hostile and realistic text: no crash, offsets inside the text, lines and
// columns as vfile counts them, fixes idempotent, nothing changed outside what was flagged.
// Heavier runs: MTCLEAN_PROPERTY_RUNS=5000.
const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 150)

const samplesDir = new URL('../samples/', import.meta.url)
const fragments = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(new URL(name, samplesDir), 'utf8').split(/(?<=[.,;!?])\s+|\n/))
  .filter((s) => s.length > 0)

const codePoint = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c))

// Characters that break naive text code: astral, combining marks, RTL, controls, lone
// surrogates, CJK and full-width punctuation, quotes, hyphens and spaces of every kind.
const hostile = fc.oneof(
  fc.constantFrom(
    '😀',
    '👩🏽‍🚀',
    '𝐀𝐁',
    '𠀀',
    '\u0301',
    'e\u0301\u0302\u0303',
    '\u05d0\u05d1 \u05d2',
    '\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
    '\u202e',
    '\u202d\u2066\u2069',
    '\u200b',
    '\u200d',
    '\ufeff',
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\u0085',
    '\u2028',
    '\r',
    '\ud800',
    '\udc00',
    '\udbff\udfff',
    '中文',
    '，',
    '。',
    '“',
    '”',
    '"',
    "'",
    '’',
    '-',
    ' -',
    '- ',
    '—',
    '\t',
    '\r\n',
    '\n',
    '\n\n',
    '\u3000',
    '１２',
    '%',
    '.',
    ',',
    ' ',
    '  ',
    '...',
    '…',
    '<!--',
    '-->',
    '<!-- mtclean-disable -->',
    'the the',
    '5 ten thousand',
    '100 -day',
  ),
  codePoint(0x0300, 0x036f).chain((mark) =>
    fc.integer({ min: 1, max: 12 }).map((n) => `a${mark.repeat(n)}`),
  ),
  codePoint(0x0590, 0x06ff),
  codePoint(0x0000, 0x001f),
  codePoint(0x007f, 0x009f),
  codePoint(0x1f300, 0x1faff),
  codePoint(0x10000, 0x10ffff),
)
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...fragments) },
  { weight: 3, arbitrary: hostile },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 6 }) },
)
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''))

/** Line starts as vfile-location counts them: after `\r\n`, `\r` or `\n`. */
function lineStarts(input: string): number[] {
  const starts = [0]
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i)
    if (code === 10 || (code === 13 && input.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return starts
}

const editsOf = (f: Finding) => [
  ...(f.fix ? [f.fix] : []),
  ...f.suggestions.flatMap((s) => s.edits),
]

describe('properties over arbitrary text', () => {
  it('findings lie inside the text, with consistent lines, columns and edits', () => {
    fc.assert(
      fc.property(text, (input) => {
        const starts = lineStarts(input)
        for (const f of lintText(input)) {
          expect(0 <= f.start && f.start <= f.end && f.end <= input.length).toBe(true)
          expect(f.actual).toBe(input.slice(f.start, f.end))
          expect(starts[f.line - 1]! + f.column - 1).toBe(f.start)
          expect(starts[f.endLine - 1]! + f.endColumn - 1).toBe(f.end)
          for (const e of editsOf(f))
            expect(0 <= e.start && e.start <= e.end && e.end <= input.length).toBe(true)
        }
      }),
      { numRuns },
    )
  })

  it('a safe fix changes only the flagged span; a suggestion stays within its lines', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const f of lintText(input)) {
          if (f.fix) {
            expect(f.fix.start).toBeGreaterThanOrEqual(f.start)
            expect(f.fix.end).toBeLessThanOrEqual(f.end)
          }
          // Deleting a line takes one line break with it, before or after.
          const from = Math.max(0, input.lastIndexOf('\n', f.start - 1))
          let to = input.indexOf('\n', f.end)
          to = to === -1 ? input.length : to + 1
          for (const e of f.suggestions.flatMap((s) => s.edits)) {
            expect(e.start).toBeGreaterThanOrEqual(from)
            expect(e.end).toBeLessThanOrEqual(to)
          }
        }
      }),
      { numRuns },
    )
  })

  it('fixing changes nothing outside the spans its edits replaced', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, unsafe) => {
        const result = fixText(input, unsafe ? { unsafe } : {})
        const regions = composeRegions(result.steps.map((step) => step.flatMap((c) => c.edits)))
        let old = 0
        let now = 0
        for (const r of regions) {
          expect(result.output.slice(now, r.newStart)).toBe(input.slice(old, r.oldStart))
          old = r.oldEnd
          now = r.newEnd
        }
        expect(result.output.slice(now)).toBe(input.slice(old))
        // Each change of the first pass was proposed by a finding on the input.
        const proposed = new Set(
          lintText(input)
            .flatMap(editsOf)
            .map((e) => JSON.stringify(e)),
        )
        for (const change of result.steps[0] ?? [])
          for (const e of change.edits) expect(proposed.has(JSON.stringify(e))).toBe(true)
      }),
      { numRuns },
    )
  })

  it('fixing is idempotent: fixing fixed text changes nothing', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = fixText(input).output
        expect(fixText(once).output).toBe(once)
      }),
      { numRuns },
    )
  })

  it('very long lines and paragraphs of hostile text are handled', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 500, max: 3000 }),
        (parts, times) => {
          const line = parts
            .join('')
            .replace(/[\r\n\u2028\u0085]/g, ' ')
            .repeat(times)
          const findings = lintText(line)
          for (const f of findings) expect(f.end).toBeLessThanOrEqual(line.length)
          const once = fixText(line).output
          expect(fixText(once).output).toBe(once)
        },
      ),
      { numRuns: Math.max(5, numRuns / 15) },
    )
  })

  it('a very long line and a very long paragraph of defects are all found and fixed', () => {
    const long = `${'The 100 -day campaign ended, and the the work went on. '.repeat(20_000)}\n`
    const findings = lintText(long)
    expect(findings.filter((f) => f.ruleId === 'hyphen-space')).toHaveLength(20_000)
    expect(fixText(long).output).not.toContain(' -day')
  })
})
