import { applyPatch, parsePatch } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Edit } from '../src/engine/types.js'
import { colorize, composeRegions, unifiedDiff } from '../src/report/diff.js'

function apply(text: string, edits: readonly Edit[]): string {
  let output = ''
  let cursor = 0
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    output += text.slice(cursor, edit.start) + edit.text
    cursor = edit.end
  }
  return output + text.slice(cursor)
}

// Lines of a few words, LF or CRLF, sometimes without a final newline.
const textArbitrary = fc
  .tuple(
    fc.array(fc.array(fc.constantFrom('a', 'b', ' ', '-', 'x'), { maxLength: 12 }), {
      maxLength: 30,
    }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(
    ([lines, eol, final]) =>
      lines.map((l) => l.join('')).join(eol) + (final && lines.length ? eol : ''),
  )

// Disjoint edits (sometimes touching, sometimes inserting or deleting newlines) of a text.
function editsOf(text: string) {
  return fc
    .array(
      fc.tuple(
        fc.nat({ max: text.length }),
        fc.nat({ max: 4 }),
        fc.constantFrom('', '-', 'Z', 'ZZ', '\n', ' y '),
      ),
      { maxLength: 6 },
    )
    .map((raw) => {
      const edits: Edit[] = []
      let last = -1
      for (const [start, length, replacement] of [...raw].sort((a, b) => a[0] - b[0])) {
        if (start <= last) continue
        const end = Math.min(text.length, start + length)
        edits.push({ start, end, text: replacement })
        last = end
      }
      return edits
    })
}

// A text and up to four passes of edits, each pass on the text the previous one produced.
const passesArbitrary = textArbitrary.chain((text) => {
  const step = (current: string, left: number): fc.Arbitrary<Edit[][]> =>
    left === 0
      ? fc.constant([])
      : editsOf(current).chain((edits) =>
          step(apply(current, edits), left - 1).map((rest) => [edits, ...rest]),
        )
  return fc.nat({ max: 4 }).chain((count) => step(text, count).map((steps) => ({ text, steps })))
})

describe('composeRegions', () => {
  it('describes exactly where the last text differs from the first', () => {
    fc.assert(
      fc.property(passesArbitrary, ({ text, steps }) => {
        const after = steps.reduce(apply, text)
        const regions = composeRegions(steps)
        // Regions are ordered and disjoint in both texts, and replaying them rebuilds the result.
        let rebuilt = ''
        let cursor = 0
        for (const r of regions) {
          expect(r.oldStart).toBeGreaterThanOrEqual(cursor)
          rebuilt += text.slice(cursor, r.oldStart) + after.slice(r.newStart, r.newEnd)
          cursor = r.oldEnd
        }
        rebuilt += text.slice(cursor)
        expect(rebuilt).toBe(after)
      }),
      { numRuns: 400 },
    )
  })
})

describe('unifiedDiff', () => {
  it('gives a patch that turns the old text into the new, with or without regions', () => {
    fc.assert(
      fc.property(passesArbitrary, fc.integer({ min: 1, max: 4 }), ({ text, steps }, context) => {
        const after = steps.reduce(apply, text)
        const fast = unifiedDiff('f.txt', text, after, {
          color: false,
          context,
          regions: composeRegions(steps),
        })
        const full = unifiedDiff('f.txt', text, after, { color: false, context })
        if (text === after) {
          expect(fast).toBe('')
          return
        }
        expect(applyPatch(text, fast)).toBe(after)
        expect(applyPatch(text, full)).toBe(after)
        // Hunks carry at most `context` unchanged lines before and after their changes.
        for (const hunk of parsePatch(fast)[0]!.hunks) {
          const lines = hunk.lines.filter((l) => !l.startsWith('\\'))
          const lead = lines.findIndex((l) => l[0] !== ' ')
          const trail = [...lines].reverse().findIndex((l) => l[0] !== ' ')
          expect(lead).toBeGreaterThanOrEqual(0)
          expect(lead).toBeLessThanOrEqual(context)
          expect(trail).toBeLessThanOrEqual(context)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('prints git-style headers, hunks, CRLF kept in the lines, and the no-newline marker', () => {
    const before = 'one\r\ntwo -day\r\nthree'
    const after = 'one\r\ntwo-day\r\nthree'
    expect(unifiedDiff('docs/a.txt', before, after, { color: false })).toBe(
      [
        '--- a/docs/a.txt',
        '+++ b/docs/a.txt',
        '@@ -1,3 +1,3 @@',
        ' one\r',
        '-two -day\r',
        '+two-day\r',
        ' three',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    )
  })

  it('keeps far-apart changes in separate hunks with three lines of context', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`)
    const before = `${lines.join('\n')}\n`
    const after = before.replace('line 2\n', 'LINE 2\n').replace('line 17\n', 'LINE 17\n')
    const at = (s: string) => before.indexOf(s)
    const regions = composeRegions([
      [
        { start: at('line 2\n'), end: at('line 2\n') + 4, text: 'LINE' },
        { start: at('line 17\n'), end: at('line 17\n') + 4, text: 'LINE' },
      ],
    ])
    const patch = unifiedDiff('a.txt', before, after, { color: false, regions })
    expect(patch.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,6 +1,6 @@', '@@ -15,6 +15,6 @@'])
    expect(patch).toBe(unifiedDiff('a.txt', before, after, { color: false }))
  })

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.txt', 'same', 'same', { color: true })).toBe('')
  })
})

describe('colorize', () => {
  it('colours headers, hunk ranges, removals and additions, and nothing else', () => {
    const plain = unifiedDiff('a.txt', 'x\n--y\nz', 'x\n--Y\nz', { color: false })
    const colored = colorize(plain)
    expect(colored).toContain('\u001B[1m--- a/a.txt\u001B[22m')
    expect(colored).toContain('\u001B[1m+++ b/a.txt\u001B[22m')
    expect(colored).toContain('\u001B[36m@@ -1,3 +1,3 @@\u001B[39m')
    // A removed line that itself starts with dashes is a removal, not a header.
    expect(colored).toContain('\u001B[31m---y\u001B[39m')
    expect(colored).toContain('\u001B[32m+--Y\u001B[39m')
    expect(colored).toContain('\n x\n')
    expect(colored.replace(/\u001B\[\d+m/g, '')).toBe(plain)
    expect(unifiedDiff('a.txt', 'x\n--y\nz', 'x\n--Y\nz', { color: true })).toBe(colored)
  })

  it('keeps a CR outside the colour codes', () => {
    expect(colorize('--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\r\n+b\r\n')).toContain(
      '\u001B[31m-a\u001B[39m\r\n',
    )
  })
})
