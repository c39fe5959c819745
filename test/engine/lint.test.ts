import fc from 'fast-check'
import { location } from 'vfile-location'
import { describe, expect, it } from 'vitest'
import { defineRule } from '../../src/engine/define-rule.js'
import { lintSegments, lintText } from '../../src/engine/lint.js'
import { splitParagraphs } from '../../src/engine/paragraphs.js'

const flagX = defineRule({
  meta: {
    id: 'flag-x',
    category: 'test',
    severity: 'warn',
    fixable: 'safe',
    description: 'x becomes y',
    examples: [],
    good: [],
  },
  trigger: /x/,
  check({ text, report }) {
    for (const m of text.matchAll(/x/g)) {
      report({
        start: m.index,
        end: m.index + 1,
        message: 'x',
        fix: { start: m.index, end: m.index + 1, text: 'y' },
      })
    }
  },
})

describe('splitParagraphs', () => {
  it('makes one paragraph per non-blank line, without the \\r of CRLF', () => {
    expect(splitParagraphs('a b\r\n\r\ncd\nef')).toEqual([
      { text: 'a b', offset: 0 },
      { text: 'cd', offset: 7 },
      { text: 'ef', offset: 10 },
    ])
  })
})

describe('lintText', () => {
  it('maps paragraph offsets to 1-based lines and columns of the whole text', () => {
    const [finding] = lintText('first line\r\nsecond x', { rules: [flagX] })
    expect(finding).toMatchObject({
      line: 2,
      column: 8,
      endLine: 2,
      endColumn: 9,
      start: 19,
      end: 20,
      actual: 'x',
    })
    expect(finding?.fix).toEqual({ start: 19, end: 20, text: 'y' })
  })

  it('counts UTF-16 code units, so astral characters take two', () => {
    const [finding] = lintText('😀 x', { rules: [flagX] })
    expect(finding).toMatchObject({ start: 3, column: 4 })
  })

  it('applies configured severity, options and selection', () => {
    expect(lintText('x', { rules: [flagX], settings: { 'flag-x': 'error' } })[0]?.severity).toBe(
      'error',
    )
    expect(lintText('x', { rules: [flagX], settings: { 'flag-x': 'off' } })).toEqual([])
    expect(lintText('x', { rules: [flagX], disable: ['flag-x'] })).toEqual([])
    expect(lintText('x', { rules: [flagX], only: ['other'] })).toEqual([])
  })

  it('does not call check when the trigger does not match, nor parse a tree unless asked', () => {
    let calls = 0
    let parsed = 0
    const rule = defineRule({
      meta: { ...flagX.meta, id: 'count', fixable: false },
      trigger: /needle/,
      check(context) {
        calls++
        if (context.text.includes('tree')) parsed += context.tree.children.length
      },
    })
    lintText('hay\nneedle\nneedle tree', { rules: [rule] })
    expect(calls).toBe(2)
    expect(parsed).toBe(1)
  })

  it('rejects a rule that reports a fix its declaration does not allow', () => {
    const liar = defineRule({
      meta: { ...flagX.meta, id: 'liar', fixable: 'suggestion' },
      check({ report }) {
        report({ start: 0, end: 1, message: 'm', fix: { start: 0, end: 1, text: '' } })
      },
    })
    expect(() => lintText('a', { rules: [liar] })).toThrow(/liar reported a fix/)
    const flagger = defineRule({
      meta: { ...flagX.meta, id: 'flagger', fixable: false },
      check({ report }) {
        report({ start: 0, end: 1, message: 'm', suggestions: [{ label: 'l', edits: [] }] })
      },
    })
    expect(() => lintText('a', { rules: [flagger] })).toThrow(/suggestions/)
  })

  it('rejects ranges outside the paragraph', () => {
    const wild = defineRule({
      meta: { ...flagX.meta, id: 'wild', fixable: false },
      check({ text, report }) {
        report({ start: 0, end: text.length + 1, message: 'm' })
      },
    })
    expect(() => lintText('abc', { rules: [wild] })).toThrow(/invalid range/)
  })
})

describe('lintSegments', () => {
  it('maps findings and fixes through toSource and encodes replacement text', () => {
    // Source `say "x&amp;x"`: the prose is `x&x`, starting at 5; `&amp;` decodes to one char.
    const source = 'say "x&amp;x"'
    const toSource = (i: number) => [5, 6, 11, 12][i] ?? 12
    const findings = lintSegments(
      source,
      [{ text: 'x&x', offset: 5, toSource, encode: (t) => t.replaceAll('&', '&amp;') }],
      {
        rules: [flagX],
      },
    )
    expect(findings.map((f) => [f.start, f.end, f.actual, f.fix?.start])).toEqual([
      [5, 6, 'x', 5],
      [11, 12, 'x', 11],
    ])
  })

  it('gives document rules all segments and maps their reports back', () => {
    const twice = defineRule({
      meta: { ...flagX.meta, id: 'twice', fixable: false },
      checkDocument({ paragraphs, report }) {
        const last = paragraphs.at(-1)!
        report({ start: last.offset, end: last.offset + last.text.length, message: 'last' })
      },
    })
    const findings = lintSegments(
      '<a>one</a><b>two</b>',
      [
        { text: 'one', offset: 3, toSource: (i) => 3 + i },
        { text: 'two', offset: 13, toSource: (i) => 13 + i },
      ],
      { rules: [twice] },
    )
    expect(findings.map((f) => f.actual)).toEqual(['two'])
  })
})

describe('finding positions', () => {
  it('are the points vfile-location gives, whatever the line breaks', () => {
    const piece = fc.constantFrom('x', 'ab', ' ', '\n', '\r\n', '\r', '\t', '😀', 'é', 'xx\rx')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        const place = location(text)
        for (const f of lintText(text, { rules: [flagX] })) {
          const from = place.toPoint(f.start)!
          const to = place.toPoint(f.end)!
          expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([
            from.line,
            from.column,
            to.line,
            to.column,
          ])
        }
      }),
      { numRuns: 500 },
    )
  })
})
