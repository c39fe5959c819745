import { describe, expect, it } from 'vitest'
import rule from '../../rules/repeated-figure.js'
import { lintText } from '../../src/engine/lint.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Output held steady, from 5% to 5%, while prices rose 3% to 3.3%.',
    'There were 5 cases, 5 deaths and 12 injuries in 2021 and 2021 alone.',
    'The match ended 2-2, then 1 to 1 in the replay, on 5 May, 5 June and 7 July.',
    'The ticket costs 50 yuan for adults, 50 yuan for students and 20 yuan for children.',
    'Sizes of 10 mm, 10 mm and 12 mm are in stock.',
    'Temperatures fell to -5 °C at night, -5 °C again the next day.',
    'The fund grew by 1,277 million yuan in the year, 277 million yuan more than planned.',
    'It costs $5 per person, $5 for a guided tour.',
    'Prices rose 4.5% in the city. 4.5% is the highest rate in a decade.',
    'Visit https://example.com/a,5 or write to 5people@example.org, 5 days a week.',
    'He said: "We caught 12 suspects in May," 12 suspects in total.',
    '- 3 teams, 3 coaches and 30 players took part at 10:30, e.g. in Hunan.',
    'It collected 5 tons of waste from the banks of the river and the lakes nearby, 5 tons.',
    'The plan covers 300 households in the east; 300 households in the west follow next year.',
  ],
  invalid: [
    {
      text: 'Found 134 cases of pension fraud, recovered 277 million yuan for the masses, 277 million yuan, and 40 cases of trafficking.',
      output:
        'Found 134 cases of pension fraud, recovered 277 million yuan for the masses, and 40 cases of trafficking.',
      errors: [
        {
          column: 78,
          actual: '277 million yuan',
          message: 'Unexpected repeated `277 million yuan`, expected it once',
        },
      ],
    },
    {
      text: 'fines of 5.6 million yuan were imposed on enterprises, 5.6 million yuan.',
      output: 'fines of 5.6 million yuan were imposed on enterprises.',
      errors: [{ actual: '5.6 million yuan' }],
    },
    {
      text: 'The rate rose 18% over last year, 18%; the target was met.',
      output: 'The rate rose 18% over last year; the target was met.',
      errors: 1,
    },
    {
      text: 'a total of 3,416 enterprises were inspected, 3,416 enterprises, and 12 were closed',
      output: 'a total of 3,416 enterprises were inspected, and 12 were closed',
      errors: 1,
    },
    {
      text: 'It paid $1.2 million to the victims, $1.2 million.',
      output: 'It paid $1.2 million to the victims.',
      errors: 1,
    },
    {
      text: 'rescued 54 women and children, 54 women',
      output: 'rescued 54 women and children',
      errors: 1,
    },
    {
      text: 'seized 443 kilograms of explosives，443 kilograms。',
      output: 'seized 443 kilograms of explosives。',
      errors: 1,
    },
    {
      text: 'The city invested RMB 30 million in drainage, RMB 30 million, up 12% on the year, 12%.',
      output: 'The city invested RMB 30 million in drainage, up 12% on the year.',
      errors: 2,
    },
    {
      text: 'More than 2,700 people were recruited to patrol, 2,700 people (about a third).',
      output: 'More than 2,700 people were recruited to patrol (about a third).',
      errors: 1,
    },
  ],
})

describe('repeated-figure options', () => {
  const text = 'collected 5 tons of waste from the river banks, 5 tons.'
  it('looks at most `maxWords` words back', () => {
    expect(lintText(text, { rules: [rule] })).toHaveLength(1)
    const settings = {
      'repeated-figure': ['warn', { maxWords: 4 }] as ['warn', { maxWords: number }],
    }
    expect(lintText(text, { rules: [rule], settings })).toHaveLength(0)
  })
})
