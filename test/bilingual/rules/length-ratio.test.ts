import rule from '../../../rules/bilingual/length-ratio.js'
import { bilingualRuleTester } from '../tester.js'

const long = '全省公安机关共破获刑事案件1.7万余起，抓获违法犯罪嫌疑人4.6万余名。'

bilingualRuleTester(rule, {
  valid: [
    {
      source: long,
      target:
        'Public security organs across the province cracked more than 17,000 criminal cases and arrested more than 46,000 suspects.',
    },
    { source: '谢谢', target: 'Thank you very much indeed for all of your help' },
    { source: '新闻发布会', target: 'PC' },
    {
      source: '各级公安机关要切实提高政治站位。',
      target: 'Public security organs at all levels must effectively raise their political stance.',
    },
    {
      source: '严厉打击各类违法犯罪活动。',
      target: 'Crack down hard on all kinds of illegal and criminal activities.',
    },
    {
      source: '确保全省社会大局持续安全稳定。',
      target: 'Ensure the overall social situation in the province remains safe and stable.',
    },
    {
      source: '扎实推进夏季治安打击整治行动。',
      target: 'Solidly advance the summer public security crackdown and rectification campaign.',
    },
    {
      source: '坚持打防管控一体推进。',
      target: 'Insist on integrating crackdown, prevention, management and control.',
    },
    {
      source: '湖南省公安厅召开新闻发布会',
      target: 'Hunan Public Security Department held a press conference',
    },
    { source: '全省公安机关主动出击。', target: 'Police took the initiative.' },
    { source: long, target: '', options: { min: 1, max: 9, minSource: 12 } },
    {
      source: long,
      target: 'Police solved 17,000 cases, arrested 46,000.',
      options: { min: 0.5, max: 9, minSource: 12 },
    },
  ],
  invalid: [
    {
      source: long,
      target: 'Cases were solved.',
      output: null,
      errors: [
        { message: /much shorter than its source \(18 characters for 28 Chinese characters\)/ },
      ],
    },
    { source: long, target: 'The province solved cases.', output: null, errors: 1 },
    { source: '各级公安机关要切实提高政治站位。', target: 'Police must.', output: null, errors: 1 },
    {
      source: '严厉打击各类违法犯罪活动，维护人民群众合法权益。',
      target: 'Strike hard.',
      output: null,
      errors: 1,
    },
    {
      source: '会议由省公安厅新闻发言人主持。',
      target: `${'The meeting was chaired by the spokesman of the Provincial Public Security Department. '.repeat(2)}The meeting was chaired by him.`,
      output: null,
      errors: [{ message: /much longer than its source/ }],
    },
    {
      source: '扎实推进夏季治安打击整治行动。',
      target: 'Solidly advance the summer public security crackdown and rectification campaign. '
        .repeat(2)
        .trim(),
      output: null,
      errors: 1,
    },
    {
      source: long,
      target: 'Police solved 17,000 cases, arrested 46,000.',
      output: null,
      errors: 1,
      options: { min: 2, max: 9, minSource: 12 },
    },
    {
      source: '谢谢大家',
      target: 'T',
      output: null,
      errors: 1,
      options: { min: 1, max: 9, minSource: 2 },
    },
  ],
})
