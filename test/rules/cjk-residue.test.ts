import rule from '../../rules/cjk-residue.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Rainfall of 50-80 mm is expected from 20 to 22 July.',
    'Temperatures fell to -5 °C; pages 10 - 20 cover the details.',
    '- First item in the list',
    'Prices rose — sharply — in March, and the rest is history…',
    'The market opens at 8:30 a.m., e.g. on Tuesdays in the U.S.',
    'See https://example.com/news or write to info@example.org.',
    'He said: "She told me, ‘It’s the “best” result,’ and left."',
    'The residents’ committee met in the Mayor’s office.',
    'Hukou（户口）is the household registration system.',
    'The "Fengqiao Experience" (枫桥经验) began in Zhejiang.',
    'The slogan 安全第一 (safety first) was painted on the wall.',
    'Chinese uses full-width commas (，) and full stops (。).',
    'Area: 120 ㎡, price ¥5,000 per month.',
    // A bracketed run after a Latin word reads as a gloss, even when it is not one.
    'A fire broke out (据报道) in the night.',
  ],
  invalid: [
    {
      text: 'The bureau reminded residents to keep away from rivers 注意安全.',
      output: null,
      errors: [
        { column: 56, message: 'Unexpected untranslated text `注意安全`', actual: '注意安全' },
      ],
    },
    {
      text: 'carry out 扫黑除恶 special struggle and 打击犯罪 work',
      output: null,
      errors: [{ actual: '扫黑除恶' }, { actual: '打击犯罪' }],
    },
    {
      text: 'the slogan 安全第一，预防为主 was posted',
      output: null,
      errors: [{ actual: '安全第一，预防为主' }],
    },
    {
      text: '共１２３人 were rescued',
      output: null,
      errors: [{ actual: '共１２３人' }],
    },
    {
      text: 'Source: 新华社 Time: 2023.07.18',
      output: null,
      errors: [{ column: 9 }],
    },
    {
      text: '（记者 王海）The reporter visited the site.',
      output: null,
      errors: [{ actual: '记者 王海' }],
    },
    {
      text: 'It was 〇 cases, the 々 mark and ひらがな text',
      output: null,
      errors: 3,
    },
    {
      text: 'Residents said "好" and left',
      output: null,
      errors: [{ actual: '好' }],
    },
    {
      text: '(据报道) A fire broke out in the night',
      output: null,
      errors: [{ actual: '据报道' }],
    },
    {
      text: `${'长'.repeat(30)} ends here`,
      output: null,
      errors: [{ message: `Unexpected untranslated text \`${'长'.repeat(20)}…\`` }],
    },
  ],
})
