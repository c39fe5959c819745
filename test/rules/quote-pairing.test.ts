import rule from '../../rules/quote-pairing.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'The "Hundred Days" campaign ended in August.',
    'She bought a 27" monitor.',
    'He is 6\'2" tall and said "hi".',
    'The workers’ union said “no” to the plan.',
    'Don’t say ‘never’, said the boss’s assistant.',
    'The campaign, he said, was “a ‘tough battle’ for all”.',
    'He said: "The first part ends here.\n"And the second part ends here."',
    'Send {"name": "Li"} to the server.',
    'The ‘90s style and rock ‘n’ roll are back.',
    'The ditto mark " is used in lists.',
    'The "4.29" accident was reviewed at 10:30, e.g. by the U.S. team; see https://example.com.',
    'Empty strings "" are ignored here.',
    'He chose "Plan A" and "Plan B".',
    'to combat the“ Hundred Days ”and report the “results”.',
    'Both "no resolution"/"unexpected resolution" errors were fixed.',
    "\"He told me 'stay' twice,\" she said of the workers' union.",
    'According to the principle of "what crimes are prominent", the police acted.',
    'She wrote: ‘We start at 8 a.m.\n‘And we end at 6 p.m.’',
    'He said the "safe summer" drive — which ran from 5-10 July — worked.',
  ],
  invalid: [
    {
      text: 'He said "😀😀😀😀😀😀😀😀😀😀😀😀😀😀 and left.',
      output: null,
      errors: [{ message: /^Unexpected `"(?:😀){12}…` with no closing quote/u }],
    },
    {
      text: 'He said “yes“ and left.',
      output: 'He said “yes” and left.',
      errors: [{ column: 13, message: 'Unexpected `“` closing a quote, expected `”`' }],
    },
    {
      text: 'According to the principle of "what crimes are prominent, the police acted. They fought the "tough battle" of the year.',
      output: null,
      errors: [
        {
          column: 31,
          actual: '"',
          message: 'Unexpected `"what crimes are…` with no closing quote in this paragraph',
        },
      ],
    },
    {
      text: 'The campaign of "safe summer ended in August.',
      output: null,
      errors: [{ column: 17 }],
    },
    {
      text: 'the ""safe summer"" campaign',
      output: 'the "safe summer" campaign',
      errors: [
        { column: 5, message: 'Unexpected doubled `""`, expected `"`' },
        { column: 18, actual: '""' },
      ],
    },
    {
      text: 'the “safe summer" campaign',
      output: 'the “safe summer” campaign',
      errors: [{ column: 17, message: 'Unexpected `"` closing `“`, expected `”`' }],
    },
    {
      text: 'the "safe summer” campaign',
      output: 'the “safe summer” campaign',
      errors: [{ column: 5 }],
    },
    {
      text: 'the ”safe summer” campaign',
      output: 'the “safe summer” campaign',
      errors: [{ column: 5, message: 'Unexpected `”` opening a quote, expected `“`' }],
    },
    { text: 'He called it “a tough battle and left.', output: null, errors: [{ column: 14 }] },
    {
      text: 'He called it a tough battle” and left.',
      output: null,
      errors: [{ column: 28, message: /^Unexpected closing `”`/ }],
    },
    {
      text: 'He called it ‘a tough battle and left.',
      output: null,
      errors: [{ column: 14, message: /no closing `’`/ }],
    },
    {
      text: '"Combining punches quickly launched the" Hundred Days "and achieved results.',
      output: null,
      errors: [{ column: 1 }],
    },
    {
      text: 'He said: "The first part ends here.\nAnd the second part is plain.',
      output: null,
      errors: [{ line: 1, column: 10 }],
    },
    {
      text: 'The police said the cases were solved" and left.',
      output: null,
      errors: [{ column: 38 }],
    },
  ],
})
