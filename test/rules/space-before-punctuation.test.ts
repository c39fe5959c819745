import rule from '../../rules/space-before-punctuation.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Read pages 10 - 20 before class.',
    'Wait ... then it came.',
    'He waited . . . and then left.',
    'The drill bit is .5 inch wide.',
    'Arsenal won 2 : 1 on Sunday.',
    'Great work : ) see you ; -) soon.',
    'Files ending in .txt and .md are plain text.',
    '- First item\n- Second item\n• Third item',
    'The slogan — "one guarantee" — was repeated.',
    'Prices rose 3.5% at 10:30, e.g. in the U.S. and (mostly) in Europe.',
    'Write to info@example.com or see https://example.com/a?b=c.',
    'Check the box: [ ] when done.\n- [ x ] Buy milk',
    'Il a dit\u00a0: oui\u00a0!',
    "The workers' union (founded in 1920) met; f( x ) is code.",
    'Run `npm install .` in the folder.',
    'Temperatures fell to -5 °C; rain fell in 2021-2022 (twice).',
    'The ratio of 1 ,000 is odd.',
    '中文 ,文字 ( 中文 ) 好 .',
    'Bounds are separated with + instead of : now, and a , or a ; works too.',
    'Run [[ -d $HOME/bin ]] and if ( a == b ) in the shell.',
  ],
  invalid: [
    {
      text: 'In 720 cases , the police acted.',
      output: 'In 720 cases, the police acted.',
      errors: [{ column: 13, actual: ' ,', message: 'Unexpected `cases ,`, expected `cases,`' }],
    },
    { text: 'This is the end .', output: 'This is the end.', errors: [{ column: 16 }] },
    {
      text: 'The plan ( draft ) was approved.',
      output: 'The plan (draft) was approved.',
      errors: [
        { column: 10, actual: '( ', message: 'Unexpected space after `(`' },
        { column: 17, actual: ' )', message: 'Unexpected space before `)`' },
      ],
    },
    { text: 'See item [ 3 ] below.', output: 'See item [3] below.', errors: 2 },
    {
      text: 'What happened ? Nobody knows .',
      output: 'What happened? Nobody knows.',
      errors: 2,
    },
    {
      text: 'Key points : speed and safety ; cost.',
      output: 'Key points: speed and safety; cost.',
      errors: 2,
    },
    { text: 'It was great !', output: 'It was great!', errors: 1 },
    {
      text: 'In 720 cases ,the police acted.',
      output: 'In 720 cases,the police acted.',
      errors: 1,
    },
    { text: 'The (mostly rural ) counties', output: 'The (mostly rural) counties', errors: 1 },
    { text: 'He said “yes” , then left.', output: 'He said “yes”, then left.', errors: 1 },
    { text: 'Really ?!', output: 'Really?!', errors: [{ actual: ' ?!' }] },
    { text: 'Extra spaces   , here.', output: 'Extra spaces, here.', errors: 1 },
    { text: 'The total rose 5% .', output: 'The total rose 5%.', errors: 1 },
  ],
})
