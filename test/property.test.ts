import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixText, lintText } from '../src/index.js'

// Property tests over hostile and realistic text. Heavier runs: MTCLEAN_PROPERTY_RUNS=5000.
const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 150)

const samplesDir = new URL('../samples/', import.meta.url)
const fragments = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(new URL(name, samplesDir), 'utf8').split(/(?<=[.,;!?])\s+|\n/))
  .filter((s) => s.length > 0)

// Characters that break naive text code: astral, combining marks, RTL, controls, lone
// surrogates, CJK and full-width punctuation, quotes, hyphens and spaces of every kind.
const hostile = fc.constantFrom(
  '😀',
  '\u0301',
  '\u05d0\u05d1',
  '\u202e',
  '\u0000',
  '\u0007',
  '\ud800',
  '\udc00',
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
  'the the',
  '5 ten thousand',
  '100 -day',
)
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
)
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''))

describe('properties over arbitrary text', () => {
  it('findings lie inside the text, with consistent lines, columns and edits', () => {
    fc.assert(
      fc.property(text, (input) => {
        const lines = input.split('\n')
        for (const f of lintText(input)) {
          expect(0 <= f.start && f.start <= f.end && f.end <= input.length).toBe(true)
          expect(f.actual).toBe(input.slice(f.start, f.end))
          const lineStart = lines.slice(0, f.line - 1).reduce((n, l) => n + l.length + 1, 0)
          expect(lineStart + f.column - 1).toBe(f.start)
          const edits = [...(f.fix ? [f.fix] : []), ...f.suggestions.flatMap((s) => s.edits)]
          for (const e of edits)
            expect(0 <= e.start && e.start <= e.end && e.end <= input.length).toBe(true)
        }
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

  it('a very long line and a very long paragraph are handled', () => {
    const long = `${'The 100 -day campaign ended, and the the work went on. '.repeat(20_000)}\n`
    const findings = lintText(long)
    expect(findings.length).toBeGreaterThanOrEqual(20_000)
    expect(fixText(long).output).not.toContain(' -day')
  })
})
