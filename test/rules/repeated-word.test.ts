import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import rule, { findDoubles } from '../../rules/repeated-word.js'
import { lintText } from '../../src/engine/lint.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'The best exhibition they had had in years opened on Friday.',
    'He said that that decision was final.',
    'What it is is a plan to rebuild the bridge.',
    'She waved bye bye, and the show was so so.',
    'It was a very very long night in Walla Walla and Bora Bora.',
    'The panda Mei Mei arrived with Bing Dwen Dwen.',
    'Chapter 11 11 pages long, in rooms 10 10 and 12.',
    'The housing\nhousing market',
    'Housing, housing and more housing were the topics.',
    'It rose 5% - 5% more than planned - at 10:30 on the the-day? No: on the day.',
    'See https://example.com/the/the or e-mail the.the@example.org.',
    'He said: "Go, go!" and ‘they’re they’ said nothing.',
    'The U.S. U.S.-China talks, D. D. Smith, and grades A A B.',
    'The Hague hosted the talks; the the-ness of it was noted.',
    'They do do their best, and gave her her book back.',
    'Mirror sites: example.com com.cn and the AT&T T-Mobile deal.',
  ],
  invalid: [
    {
      text: 'carry out the management of self-built housing housing management',
      output: 'carry out the management of self-built housing management',
      errors: [
        {
          column: 40,
          actual: 'housing housing',
          message: 'Unexpected `housing housing`, expected `housing`',
        },
      ],
    },
    { text: 'the the city', output: 'the city', errors: [{ column: 1, actual: 'the the' }] },
    {
      text: 'The the city will act.',
      output: 'The city will act.',
      errors: [{ message: 'Unexpected `The the`, expected `The`' }],
    },
    { text: 'The problem is is serious.', output: 'The problem is serious.', errors: 1 },
    { text: 'It was a a big success.', output: 'It was a big success.', errors: 1 },
    { text: 'in in the province', output: 'in the province', errors: 1 },
    {
      text: 'to to promote the the work',
      output: 'to promote the work',
      errors: [{ column: 1 }, { column: 15 }],
    },
    { text: 'the the the masses', output: 'the masses', errors: [{ actual: 'the the the' }] },
    { text: 'the well-being well-being of all', output: 'the well-being of all', errors: 1 },
    { text: 'they don’t don’t agree', output: 'they don’t agree', errors: 1 },
    { text: 'THE THE report', output: 'THE report', errors: 1 },
    { text: 'rescue rescue  teams', output: 'rescue  teams', errors: 1 },
    {
      text: 'the cafe\u0301 cafe\u0301 district',
      output: 'the cafe\u0301 district',
      errors: [{ actual: 'cafe\u0301 cafe\u0301' }],
    },
  ],
})

describe('repeated-word options', () => {
  it('allows more words through `allow`', () => {
    const findings = lintText('a murmur murmur of voices', {
      rules: [rule],
      settings: { 'repeated-word': ['error', { allow: ['Murmur'] }] },
    })
    expect(lintText('a murmur murmur of voices', { rules: [rule] })).toHaveLength(1)
    expect(findings).toEqual([])
  })
})

describe('findDoubles', () => {
  // The matches of the expression the scanner replaces, overlapping (`a a a` gives two).
  const doubled =
    /(?<![\p{L}\p{M}\p{N}'’-])(\p{L}[\p{L}\p{M}'’-]*)[ \t]+\1(?![\p{L}\p{M}\p{N}'’-])/giu
  function byExpression(text: string): string[] {
    const found: string[] = []
    doubled.lastIndex = 0
    for (let match = doubled.exec(text); match; match = doubled.exec(text)) {
      const word = match[1]!
      const second = match.index + match[0].length - word.length
      found.push(
        `${match.index}-${match.index + word.length}/${second}-${match.index + match[0].length}`,
      )
      doubled.lastIndex = second
    }
    return found
  }
  const pieces = [
    'the',
    'The',
    'THE',
    'a',
    'is',
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    '-',
    "'",
    '’',
    '.',
    ',',
    '1',
    'é',
    'e\u0301',
    'Σ',
    'σ',
    'ς',
    's',
    'ſ',
    'S',
    'ß',
    'ẞ',
    'K',
    'k',
    '\u212a',
    '𝒜',
    '𝟘',
    '😀',
    '中',
    '国',
  ]

  it('finds exactly the expression’s matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('')
        const scanned = findDoubles(text).map(
          ([first, second]) => `${first.start}-${first.end}/${second.start}-${second.end}`,
        )
        expect(scanned).toEqual(byExpression(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('reports overlapping doubles', () => {
    expect(findDoubles('the the the').map(([a, b]) => [a.start, b.start])).toEqual([
      [0, 4],
      [4, 8],
    ])
  })
})
