import rule from '../../../rules/bilingual/quote-mismatch.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    { source: '开展“百日行动”', target: 'Carry out the "Hundred Days Action"' },
    { source: '开展“百日行动”', target: 'Carry out the" Hundred Days Action "' },
    { source: '开展“百日行动”', target: 'Carry out the 「Hundred Days Action」' },
    {
      source: '紧紧围绕“四个一批”“四个严防”“一个确保”',
      target: 'Focus on "four batches", "four strict preventions" and "one guarantee"',
    },
    { source: '「打虎」行动', target: 'the "tiger hunting" campaign' },
    { source: '观看《长津湖》', target: 'watched "The Battle at Lake Changjin"' },
    { source: '学习《安全生产法》', target: 'study the "Work Safety Law"' },
    { source: '他说：“要‘快’”', target: 'He said: "Be \'quick\'"' },
    { source: '他说：‘快’', target: 'He said "quick"' },
    {
      source: '群众的安全感明显提升',
      target: "The public's sense of security has clearly improved",
    },
    {
      source: '全省共破获刑事案件1.7万余起',
      target: 'More than 17,000 criminal cases were solved',
    },
    {
      source: '开展“打击整治”行动',
      target: 'Carry out the *crackdown and rectification* campaign',
    },
  ],
  invalid: [
    {
      source: '开展“百日行动”',
      target: 'Carry out the Hundred Days Action',
      output: null,
      errors: [
        { message: 'The source quotes `“百日行动”`, but the translation has no quotation marks' },
      ],
    },
    {
      source: '紧紧围绕“四个一批”“四个严防”“一个确保”',
      target: 'Focus on "four batches", four strict preventions and one guarantee',
      output: null,
      errors: [
        {
          message:
            'The source quotes `“四个一批”`, `“四个严防”`, `“一个确保”` (3), but the translation has only 1 pair of quotation marks',
        },
      ],
    },
    {
      source: '「打虎」行动',
      target: 'the tiger hunting campaign',
      output: null,
      errors: 1,
    },
    {
      source: '全面开展专项整治',
      target: 'Carry out "special" rectification in an all-round way',
      output: null,
      errors: [{ message: 'Unexpected quotation marks: the source has none', actual: '"special"' }],
    },
    {
      source: '全面开展专项整治',
      target: 'Carry out “special” rectification',
      output: null,
      errors: [{ actual: '“special”' }],
    },
    {
      source: '开展“百日行动”',
      target: 'Carry out the "Hundred Days" "Action" in "summer"',
      output: null,
      errors: [
        { message: 'Unexpected quotation marks: the translation has 3 pairs, the source 1' },
      ],
    },
    {
      source: '开展“夏季治安打击整治”和“百日行动”',
      target: 'Carry out the summer crackdown and the Hundred Days Action',
      output: null,
      errors: 1,
    },
    {
      source: '他说："一定要严厉打击"',
      target: 'He said that we must crack down severely',
      output: null,
      errors: 1,
    },
  ],
})
