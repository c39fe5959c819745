import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/number-calque.js'
import { lintText } from '../../src/engine/lint.js'
import type { ParagraphContext, Report } from '../../src/engine/types.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Ten thousand people attended the fair.',
    'About 5 thousand runners took part; 10 thousand watched.',
    'Hundreds of millions of users log in every day.',
    'The city has 3 million residents and two hundred parks.',
    'Debt reached 1,000 billion yen in 2010-2020.',
    'Temperatures fell to -5 degrees and 2.5 million homes lost power at 10:30.',
    '- 10,000 yuan for the first prize',
    'Two 10,000-metre races — both won by Kenyans — were run.',
    'The three ten-thousand-seat stadiums are full.',
    'See https://example.com/5-ten-thousand or write to info@example.com.',
    'The U.S. spent $3 billion, e.g. on roads.',
    '“5 million,” she said, ‘not 6’, and the 1990s’ records run to 3 hundred pages.',
    'Tens of thousands of fans cheered; hundreds of thousands watched.',
    'A crowd of 20 thousand 500 metres away heard it.',
  ],
  invalid: [
    {
      text: 'The fine is 5 ten thousand yuan.',
      output: 'The fine is 50,000 yuan.',
      errors: [
        {
          column: 13,
          actual: '5 ten thousand',
          message: 'Unexpected `5 ten thousand`, expected `50,000`',
        },
      ],
    },
    {
      text: 'Sales reached 3 hundred million yuan.',
      output: 'Sales reached 300 million yuan.',
      errors: [{ message: 'Unexpected `3 hundred million`, expected `300 million`' }],
    },
    { text: 'It cost 1.2 ten thousand yuan.', output: 'It cost 12,000 yuan.', errors: 1 },
    {
      text: 'The budget is 880 billion 300 million yuan.',
      output: 'The budget is 880.3 billion yuan.',
      errors: [{ actual: '880 billion 300 million' }],
    },
    {
      text: 'About 2 thousand 5 hundred people came.',
      output: 'About 2,500 people came.',
      errors: 1,
    },
    {
      text: 'Revenue hit 12 hundred million yuan.',
      output: 'Revenue hit 1.2 billion yuan.',
      errors: 1,
    },
    {
      text: 'A total of 1,200 ten thousand visitors came.',
      output: 'A total of 12 million visitors came.',
      errors: 1,
    },
    {
      text: 'Flats cost 3-5 ten thousand yuan.',
      output: 'Flats cost 30,000-50,000 yuan.',
      errors: 1,
    },
    { text: 'from 3 to 5 hundred million yuan', output: 'from 300 to 500 million yuan', errors: 1 },
    {
      text: 'Ten thousands of fans cheered.',
      output: 'Tens of thousands of fans cheered.',
      errors: 1,
    },
    {
      text: 'It drew hundred millions of viewers.',
      output: 'It drew hundreds of millions of viewers.',
      errors: 1,
    },
    {
      text: 'There are 3 million 500 thousand households.',
      output: 'There are 3.5 million households.',
      errors: 1,
    },
    {
      text: 'A grant of 4 ten-thousand yuan and 0.5 ten thousand mu',
      output: 'A grant of 40,000 yuan and 5,000 mu',
      errors: 2,
    },
    { text: 'About 5 hundred thousand tonnes', output: 'About 500,000 tonnes', errors: 1 },
    {
      text: 'It raised 3 hundred million 5 ten thousand yuan.',
      output: 'It raised 300.05 million yuan.',
      errors: 1,
    },
    { text: 'It cost 1.23456 ten thousand yuan.', output: 'It cost 12,345.6 yuan.', errors: 1 },
  ],
})

describe('number-calque on long digit runs', () => {
  it('does not take a run of thousands of digits for an amount', () => {
    const text = `${'1'.repeat(200_000)} ten thousand and 1,000,000,000,000,000 ten thousand`
    expect(lintText(text, { rules: [rule] })).toEqual([])
  })
})

describe('number-calque trigger', () => {
  // Runs of `figure unit` groups mixed with joints and words, so that defects come up often.
  const figures = ['5', '880', '1,200', '3.5', '12']
  const units = [
    'ten thousand',
    'ten-thousand',
    'ten thousands',
    'hundred',
    'thousand',
    'million',
    'billion',
    'hundred million',
    'hundred thousand',
    'thousands',
    'millions',
  ]
  const joints = ['', ' ', ' ', '-', ' to ', ' of ', ', ', '. ', 'Ten ', 'hundred ', ' yuan ']
  const group = fc
    .tuple(fc.constantFrom(...figures), fc.constantFrom(' ', '', '-'), fc.constantFrom(...units))
    .map((parts) => parts.join(''))
  const paragraph = fc
    .array(fc.tuple(group, fc.constantFrom(...joints)), { maxLength: 6 })
    .map((parts) => parts.map(([piece, joint]) => piece + joint).join(''))

  it('never hides a finding', () => {
    let reported = 0
    fc.assert(
      fc.property(paragraph, (text) => {
        const reports: Report[] = []
        rule.check?.({
          text,
          previous: '',
          next: '',
          options: {},
          report: (r: Report) => reports.push(r),
        } as unknown as ParagraphContext<Record<string, unknown>>)
        if (reports.length === 0) return
        reported++
        expect(rule.trigger!.test(text), text).toBe(true)
      }),
      { numRuns: 3000 },
    )
    expect(reported).toBeGreaterThan(50)
  })

  it('lets plain figures through unchecked', () => {
    expect(rule.trigger!.test('Sales rose to 5 million yuan, up 3 billion.')).toBe(false)
  })
})
