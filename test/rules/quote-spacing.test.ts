import rule from '../../rules/quote-spacing.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'The "Hundred Days" campaign ended in August.',
    'He said, "We will finish the work," and left.',
    'She bought a 27" monitor and a 32" one.',
    'He is 6\'2" tall, she said "hi".',
    'Tuesday   "   "   "',
    'Send {"name": "Li", "age": 30} to the server.',
    'Use the attribute name="value" in the tag.',
    'He said, "I heard her call it \'the plan\' twice."',
    'The “Hundred Days” campaign and the "safe summer" push.',
    'He said “yes“ twice and “no” once.',
    '发现火情请立即拨打“12119”森林火警电话。',
    '“Yes,” he said. “No,” she said—“maybe.”',
    'The “4.29” accident and (“safe summer”) campaign; the workers’ union.',
    'The workers\' union called it "a fair deal".',
    'He said: "The first part ends here.\n"And the second part ends here."',
    'The word "the" is the most common word, and "a" is next.',
    'The "4.29" accident was reviewed at 10:30, e.g. by the U.S. team.',
    '"Go," she said. "Now."',
    'The plan ("Safe Summer") starts today.',
    'Write to "info@example.com" or see "https://example.com/a-b".',
    'The slogan — "one guarantee" — was repeated 3.5 times.',
    'He opened with "what crimes are prominent and never closed it.',
    'the end of the plan," he said. Then she replied: "Yes',
    'The sign read "Warning:" and nothing else.',
    '"Plan A" was chosen, and then "what next?',
    'We don"t know and it isn"t clear.',
    '"He said "no" to me," she recalled.',
    'Both "no resolution"/"unexpected resolution" errors were fixed.',
  ],
  invalid: [
    {
      text: 'to combat the" Hundred Days "and report the results',
      output: 'to combat the "Hundred Days" and report the results',
      errors: [
        {
          column: 14,
          actual: '" Hundred Days "',
          message: 'Unexpected `the" Hundred Days "and`, expected `the "Hundred Days" and`',
        },
      ],
    },
    {
      text: '"Combining punches quickly launched the" Hundred Days "and achieved results.',
      output: '"Combining punches quickly launched the "Hundred Days" and achieved results.',
      errors: [{ column: 40 }],
    },
    {
      text: 'the campaign on a" safe summer "basis',
      output: 'the campaign on a "safe summer" basis',
      errors: 1,
    },
    {
      text: 'The spokesman said:" we will act" on Monday.',
      output: 'The spokesman said: "we will act" on Monday.',
      errors: [{ column: 20, message: 'Unexpected `said:" we`, expected `said: "we`' }],
    },
    {
      text: 'He said,"we will act" on Monday.',
      output: 'He said, "we will act" on Monday.',
      errors: [{ column: 9 }],
    },
    {
      text: 'The "safe summer"campaign began.',
      output: 'The "safe summer" campaign began.',
      errors: [{ column: 17 }],
    },
    {
      text: 'They launched the "100-day action "in July.',
      output: 'They launched the "100-day action" in July.',
      errors: [{ column: 34, actual: ' "' }],
    },
    {
      text: 'the" four batches" goal',
      output: 'the "four batches" goal',
      errors: [{ column: 4, actual: '" ' }],
    },
    {
      text: 'a" quoted "phrase and another" odd one "here',
      output: 'a "quoted" phrase and another "odd one" here',
      errors: 2,
    },
    {
      text: 'the "Hundred Days" and the" safe summer "push',
      output: 'the "Hundred Days" and the "safe summer" push',
      errors: 1,
    },
    {
      text: 'He said"yes"and left.',
      output: 'He said "yes" and left.',
      errors: [{ message: 'Unexpected `said"yes"and`, expected `said "yes" and`' }],
    },
    {
      text: 'the"  Hundred Days  "and',
      output: 'the  "Hundred Days"  and',
      errors: 1,
    },
    {
      text: 'to combat the“ Hundred Days ”and report',
      output: 'to combat the “Hundred Days” and report',
      errors: [
        {
          column: 14,
          message: 'Unexpected `the“ Hundred Days ”and`, expected `the “Hundred Days” and`',
        },
      ],
    },
    {
      text: 'He said“we will act”at once, in “four batches ”today.',
      output: 'He said “we will act” at once, in “four batches” today.',
      errors: 2,
    },
    {
      text: 'The stall owners call it the" lucky street ".',
      output: 'The stall owners call it the "lucky street".',
      errors: 1,
    },
    {
      text: 'Press conference on the "Hundred Days Action "',
      output: 'Press conference on the "Hundred Days Action"',
      errors: [{ actual: ' "' }],
    },
  ],
})
