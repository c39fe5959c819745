import { describe, expect, it } from 'vitest'
import { applyChanges, fixText } from '../../src/engine/fix.js'
import type { Finding } from '../../src/engine/types.js'

const finding = (start: number, end: number, text: string, safe = true): Finding => ({
  ruleId: 'r',
  category: 'c',
  severity: 'error',
  message: 'm',
  line: 1,
  column: start + 1,
  endLine: 1,
  endColumn: end + 1,
  start,
  end,
  actual: '',
  fix: safe ? { start, end, text } : null,
  suggestions: safe ? [] : [{ label: 'l', edits: [{ start, end, text }] }],
})

describe('applyChanges', () => {
  it('applies sorted, non-overlapping changes and leaves touching ones for the next pass', () => {
    const result = applyChanges('abcdef', [
      { ruleId: 'b', edits: [{ start: 4, end: 5, text: 'E' }] },
      { ruleId: 'a', edits: [{ start: 0, end: 2, text: 'AB' }] },
      { ruleId: 'c', edits: [{ start: 1, end: 3, text: '??' }] },
      { ruleId: 'd', edits: [{ start: 5, end: 5, text: '+' }] },
    ])
    expect(result.output).toBe('ABcdEf')
    expect(result.left.map((c) => c.ruleId)).toEqual(['c', 'd'])
  })

  it('takes a change with several edits whole', () => {
    const { output } = applyChanges('(a)', [
      {
        ruleId: 'r',
        edits: [
          { start: 0, end: 1, text: '[' },
          { start: 2, end: 3, text: ']' },
        ],
      },
    ])
    expect(output).toBe('[a]')
  })
})

describe('fixText', () => {
  it('repeats passes until nothing fixable is left', () => {
    // Each pass removes one of a run of doubled spaces; overlapping edits wait for the next pass.
    const lint = (text: string) =>
      [...text.matchAll(/ {2}/g)].map((m) => finding(m.index, m.index + 2, ' '))
    const result = fixText('a      b', lint)
    expect(result.output).toBe('a b')
    expect(result.passes).toBeGreaterThan(1)
    expect(result.remaining).toEqual([])
  })

  it('stops on a cycle and after maxPasses', () => {
    const flip = (text: string) => [finding(0, 1, text[0] === 'a' ? 'b' : 'a')]
    expect(fixText('a', flip).output).toBe('b')
    const grow = (text: string) => [finding(text.length, text.length, 'x')]
    expect(fixText('', grow, { maxPasses: 3 }).output).toBe('xxx')
  })

  it('takes suggestions only when unsafe', () => {
    const lint = (text: string) => (text === 'a' ? [finding(0, 1, 'b', false)] : [])
    expect(fixText('a', lint).output).toBe('a')
    expect(fixText('a', lint, { unsafe: true }).output).toBe('b')
  })
})
