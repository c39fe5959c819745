import { describe, expect, it } from 'vitest'
import rule from '../../rules/repeated-paragraph.js'
import { lintText } from '../../src/engine/lint.js'
import { ruleTester } from '../rule-tester.js'

const title = 'The city held a press conference on the summer safety campaign'
const body = 'On July 18, the bureau reported the progress of the campaign.'

ruleTester(rule, {
  valid: [
    `${title}\n${body}\nThe campaign runs from 1 to 31 August.`,
    '- END -\nFirst story text goes here today.\n- END -\nSecond story text goes here today.',
    'Photo: Xinhua\nSource: Xinhua\nPhoto: Xinhua\nSource: Xinhua',
    'Did the plan work?\nYes\nWas it on time?\nYes',
    'Team | Won | Lost | Drawn | Points\nEast | 3 | 1 | 1 | 10\nTeam | Won | Lost | Drawn | Points',
    'Name\tAge\tCity\tJob\tStatus\nLi Ming\t34\tChangsha\tdriver\tactive\nName\tAge\tCity\tJob\tStatus',
    'We will not stop until the work is done.\nThe team kept going.\nWe will not stop until the work is done.\nThe team kept going.\nWe will not stop until the work is done.',
    'Rainfall of 50-80 mm is expected in the hills.\nRainfall of 50-80 mm is expected in the valleys.',
    'Temperatures fall to -5 °C at night in January.\nTemperatures fall to -5 °C at night in February.',
    '- Check the fire exits every single week.\n- Check the fire alarms every single week.',
    'The market opens at 8:30 a.m. on Tuesdays.\nThe market opens at 8:30 a.m. on Thursdays.',
    'Growth was 4.5% in the U.S., e.g. in retail.\nGrowth was 4.5% in the EU, e.g. in retail.',
    'Details are at https://example.org/parks/riverside today.\nWrite to parks@example.org for more details.',
    '"We wanted a place for ‘families’ to meet," she said.\n“We wanted a place for families,” she said again.',
    'Output rose 5% and exports rose 5% in the year.\nThe residents’ committee met on Friday at noon.',
    // Hard-wrapped text repeats line fragments; lists repeat items.
    'Subject to the terms and conditions of\nthis licence, each member grants to you a\nfree, worldwide,\nSubject to the same terms and conditions of\nthis licence, each member grants to you a\nlimited right.',
    'Rules for drivers:\n(a) report any accident to the police at once.\nRules for riders:\n(a) report any accident to the police at once.',
    '1. Keep the doors of the store room locked.\n2. Keep the doors of the store room locked.',
    `${title}\nThe first body paragraph.\nThe second one.\nThe third one.\n${title}`,
    '* `remark-gfm`\n  — support all of GFM in the tree\n* `micromark-gfm`\n  — support all of GFM in the tree',
  ],
  invalid: [
    {
      text: `${title}\n${title}\n${body}`,
      output: `${title}\n${body}`,
      errors: [
        {
          line: 2,
          column: 1,
          actual: title,
          message: /^Unexpected repeated paragraph `The city held a press conference on the…`/,
        },
      ],
    },
    {
      text: `${title}\r\n${title}\r\n${body}\r\n`,
      output: `${title}\r\n${body}\r\n`,
      errors: [{ line: 2 }],
    },
    {
      text: `${title}\n\n${body}\n\n${body}\n\nMore text follows here.`,
      output: `${title}\n\n${body}\n\nMore text follows here.`,
      errors: [{ line: 5, actual: body }],
    },
    {
      text: `${body}\nThe second paragraph is different.\n${body}`,
      output: `${body}\nThe second paragraph is different.`,
      errors: [{ line: 3 }],
    },
    {
      text: `${body}\nThe second paragraph is different.\n${body}\n`,
      output: `${body}\nThe second paragraph is different.\n`,
      errors: 1,
    },
    {
      text: `${title}\n  ${title.replace(/ /g, '  ')}  \n${body}`,
      output: `${title}\n${body}`,
      errors: [{ line: 2, column: 3 }],
    },
    {
      text: `${title}\n${body}\n${title}\n${body}`,
      output: `${title}\n${body}`,
      errors: [
        {
          line: 3,
          actual: `${title}\n${body}`,
          message: /^Unexpected 2 repeated paragraphs from `The city held/,
        },
      ],
    },
    {
      text: 'Emergency drill held at the chemical plant in the zone\nText.\nEmergency drill held at the chemical plant in the zone\n',
      output: 'Emergency drill held at the chemical plant in the zone\nText.\n',
      errors: 1,
    },
    {
      text: `${title}\n${title}\n${body}\n${body}\n- END -`,
      output: `${title}\n${body}\n- END -`,
      errors: 2,
    },
  ],
})

describe('repeated-paragraph options', () => {
  const text = 'Stay safe near the water\nStay safe near the water\nStay safe near the water'
  it('leaves a paragraph repeated more than `maxCopies` times alone', () => {
    expect(lintText(text, { rules: [rule] })).toEqual([])
    const settings = {
      'repeated-paragraph': ['warn', { maxCopies: 3 }] as ['warn', { maxCopies: number }],
    }
    expect(lintText(text, { rules: [rule], settings }).map((f) => f.line)).toEqual([2])
  })
  it('looks at most `maxDistance` paragraphs back', () => {
    const far = `${title}\nFirst body paragraph goes here.\nSecond body paragraph goes here.\nA third.\n${title}`
    expect(lintText(far, { rules: [rule] })).toEqual([])
    const settings = {
      'repeated-paragraph': ['warn', { maxDistance: 4 }] as ['warn', { maxDistance: number }],
    }
    expect(lintText(far, { rules: [rule], settings })).toHaveLength(1)
  })
  it('ignores paragraphs shorter than `minWords`', () => {
    const short = 'Stay safe\nStay safe'
    expect(lintText(short, { rules: [rule] })).toEqual([])
    const settings = {
      'repeated-paragraph': ['warn', { minWords: 2 }] as ['warn', { minWords: number }],
    }
    expect(lintText(short, { rules: [rule], settings })).toHaveLength(1)
  })
})
