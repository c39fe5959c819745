import rule from '../../rules/spaced-number.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'In chapter 6. 10 people died.',
    'Press steps 1 2 3 in order.',
    'There were 2 3-year-olds in the group.',
    'Article 2 022 of the code applies.',
    'The population is 1 000 000 in SI style.',
    'Growth was 3.5% in 2022, up from 2.1% in 2021.',
    'The meeting starts at 10:30 on 6.10, e.g. in the U.S. office.',
    'He retired in 2019. 5 players were injured that year.',
    'Table 1 7,000 respondents answered.',
    'Prices fell by -5 to -10 percent, a range of 5-10.',
    'Call 138 0000 1234 or write to a@b.org.',
    'The "4.29" accident and the "6.10" incident were studied.',
    'In 12 025 cases the test passed.',
    'In 2 022 units the flaw was found.',
    'Version 1. 2 was released.',
  ],
  invalid: [
    {
      text: 'The rate rose by 3. 5% this year.',
      output: 'The rate rose by 3.5% this year.',
      errors: [{ column: 18, actual: '3. 5', message: 'Unexpected `3. 5`, expected `3.5`' }],
    },
    {
      text: 'Sales reached 12. 75 billion yuan.',
      output: 'Sales reached 12.75 billion yuan.',
      errors: 1,
    },
    { text: 'a 2 .5 kg bag of rice', output: 'a 2.5 kg bag of rice', errors: [{ actual: '2 .5' }] },
    { text: 'the "6. 10" fraud case', output: 'the "6.10" fraud case', errors: [{ column: 6 }] },
    {
      text: 'The plan was made in 2 022, and it worked.',
      output: 'The plan was made in 2022, and it worked.',
      errors: [{ column: 22, message: 'Unexpected `2 022`, expected `2022`' }],
    },
    {
      text: 'On August 10, 2 022 the office opened.',
      output: 'On August 10, 2022 the office opened.',
      errors: 1,
    },
    {
      text: 'More than 1 7,000 cases were solved.',
      output: 'More than 17,000 cases were solved.',
      errors: [{ column: 11, actual: '1 7,000' }],
    },
    { text: 'It has grown since 1 998.', output: 'It has grown since 1998.', errors: 1 },
    {
      text: 'a total of 12 3,456,000 yuan',
      output: 'a total of 123,456,000 yuan',
      errors: 1,
    },
    {
      text: 'The share rose 4. 2 percentage points.',
      output: 'The share rose 4.2 percentage points.',
      errors: 1,
    },
    {
      text: 'He won in 2 minutes 08. 36 seconds.',
      output: 'He won in 2 minutes 08.36 seconds.',
      errors: [{ actual: '08. 36' }],
    },
  ],
})
