import { describe, expect, it } from 'vitest'
import rule from '../../rules/casing.js'
import { lintText } from '../../src/engine/lint.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'She moved to The Hague in 2010-2020 and reads The Economist.',
    'Use a solvent, e.g. acetone, i.e. a ketone, at -5 degrees.',
    'Prices vs. wages: the gap grew, approx. ten per cent.',
    'Pupils of No. 5 Middle School met at 10:30 a.m. on Monday.',
    'He waited... then went on. She paused… then continued.',
    '"Really?" she asked. “Stop!” he shouted.',
    'The iPhone sold well. eBay listings rose. iOS updates followed.',
    'See www.example.com. Write to info@example.com for details.',
    'Vitamin A is found in carrots, and plan A failed; options B, A and C remain.',
    'The U.S. economy grew 2.5% in the third quarter.',
    '- the first item in a list',
    'He said: The plan works — and it’s the band’s ‘The Best Of’ album.',
    '1. the first step is to read the manual.',
    'The project was approved by the\ncommittee on Monday and the\nwork began.',
    'Run `ls -la`. then check the output.',
    'The tool is fast.\nnpm install is all you need.\nes-toolkit offers many helpers.',
    'See the paper. fast-check then shrinks the case.',
    'The Louvre is on the Rue de Rivoli, In Paris, near The Tuileries.',
  ],
  invalid: [
    {
      text: 'The pilot will be Some areas in the north first.',
      output: 'The pilot will be some areas in the north first.',
      errors: [
        { column: 19, message: 'Unexpected capitalised `Some` mid-sentence, expected `some`' },
      ],
    },
    {
      text: 'Crime fell by 30%; The number of cases also dropped.',
      output: 'Crime fell by 30%; the number of cases also dropped.',
      errors: 1,
    },
    {
      text: 'Prices rose, And the market cooled.',
      output: 'Prices rose, and the market cooled.',
      errors: 1,
    },
    {
      text: 'Officials met and The work plan was approved.',
      output: 'Officials met and the work plan was approved.',
      errors: 1,
    },
    {
      text: 'The fire was put out. the cause is under investigation.',
      output: 'The fire was put out. The cause is under investigation.',
      errors: [
        {
          column: 23,
          message: 'Unexpected lower-case `the` at the start of a sentence, expected `The`',
        },
      ],
    },
    {
      text: 'Is it safe? many residents asked.',
      output: 'Is it safe? Many residents asked.',
      errors: 1,
    },
    {
      text: 'What a result! the team celebrated.',
      output: 'What a result! The team celebrated.',
      errors: 1,
    },
    {
      text: 'The meeting ended.\nthe work will continue next week.',
      output: 'The meeting ended.\nThe work will continue next week.',
      errors: [{ line: 2, column: 1 }],
    },
    { text: 'the province held a meeting.', output: 'The province held a meeting.', errors: 1 },
    {
      text: 'Police said that Many suspects fled.',
      output: 'Police said that many suspects fled.',
      errors: 1,
    },
    {
      text: 'Several towns, e.g. Linxi, were hit. the damage was severe.',
      output: 'Several towns, e.g. Linxi, were hit. The damage was severe.',
      errors: 1,
    },
    {
      text: 'Roads were closed, The rain continued.',
      output: 'Roads were closed, the rain continued.',
      errors: 1,
    },
    {
      text: 'Two died; A fire broke out again.',
      output: 'Two died; a fire broke out again.',
      errors: 1,
    },
  ],
})

describe('casing on long words', () => {
  it('scans a 200,000-letter word once and skips it (not lower-case)', () => {
    const text = `${'X'.repeat(200_000)} The work and The plan`
    expect(lintText(text, { rules: [rule] }).map((f) => f.actual)).toEqual(['The'])
  })
})
