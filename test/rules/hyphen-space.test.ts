import rule from '../../rules/hyphen-space.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'The 100-day campaign ended on Friday.',
    'Temperatures fell to -5 degrees overnight.',
    'Read pages 10 - 20 before class.',
    'The ratio was 5 -10 at the worst point.',
    '- First item in the list',
    'Prices rose - sharply - in March.',
    'It happened at 10:30 - just after the meeting.',
    'The pre- and post-war figures differ.',
    'Both short- and long-term loans are covered.',
    'Run `ls -la` to see hidden files.',
    'Write to info@example-site.com or visit https://example.com/a-b.',
    'The U.S.-China talks resumed, e.g. on tariffs.',
    'He said: "It is a well-known fact."',
    'A 3.5-ton truck — not a car — hit the barrier.',
    'Growth was 4.5% year-on-year.',
    'The content type allows character escapes and -references.',
    'Words that end in -ing are gerunds; the suffix -ness makes nouns, and -ly adverbs.',
  ],
  invalid: [
    {
      text: 'a 100 -day action',
      output: 'a 100-day action',
      errors: [{ column: 6, actual: ' -' }],
    },
    { text: 'a year -on -year increase', output: 'a year-on-year increase', errors: 2 },
    { text: 'a well- known brand', output: 'a well-known brand', errors: [{ column: 7 }] },
    { text: 'high -incidence cases', output: 'high-incidence cases', errors: 1 },
    { text: 'self -built housing', output: 'self-built housing', errors: 1 },
    {
      text: 'In -depth promotion of the work',
      output: 'In-depth promotion of the work',
      errors: 1,
    },
    { text: 'a full -time patrol', output: 'a full-time patrol', errors: 1 },
    { text: 'the hundred -day action', output: 'the hundred-day action', errors: 1 },
    {
      text: 'a 5 -year plan and a 3 -Year Plan',
      output: 'a 5-year plan and a 3-Year Plan',
      errors: 2,
    },
    { text: 'a long- term goal', output: 'a long-term goal', errors: 1 },
    { text: 'the door -to -door visits', output: 'the door-to-door visits', errors: 2 },
    { text: 'an AI -based plan', output: 'an AI-based plan', errors: 1 },
  ],
})
