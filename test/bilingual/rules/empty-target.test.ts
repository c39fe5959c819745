import rule from '../../../rules/bilingual/empty-target.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    { source: '欢迎', target: 'Welcome' },
    { source: '', target: 'Welcome' },
    { source: '新闻发布会', target: '新闻发布会' },
    { source: '。', target: '.' },
    { source: '5', target: '5' },
    { source: '请勿吸烟', target: 'No smoking' },
    { source: '关于我们', target: 'About us' },
    { source: '联系我们', target: 'Contact us' },
    { source: '首页', target: 'Home' },
    { source: '下一页', target: 'Next page' },
    { source: '  ', target: '' },
    { source: '返回', target: 'Back' },
  ],
  invalid: [
    {
      source: '欢迎',
      target: '',
      output: null,
      errors: [{ message: 'Missing translation of `欢迎`' }],
    },
    { source: '欢迎', target: '   ', output: null, errors: [{ actual: '   ' }] },
    { source: '新闻发布会', target: '\t', output: null, errors: 1 },
    {
      source: '全省公安机关共破获刑事案件1.7万余起，抓获违法犯罪嫌疑人4.6万余名。',
      target: '',
      output: null,
      errors: [
        { message: 'Missing translation of `全省公安机关共破获刑事案件1.7万余起，抓获违法…`' },
      ],
    },
    { source: 'OK', target: '', output: null, errors: 1 },
    { source: '5', target: '', output: null, errors: 1 },
    {
      pairs: [
        ['首页', 'Home'],
        ['关于我们', ''],
        ['联系我们', 'Contact us'],
      ],
      output: null,
      errors: [{ line: 2 }],
    },
    {
      pairs: [
        ['首页', ''],
        ['关于我们', ''],
      ],
      output: null,
      errors: [{ line: 1 }, { line: 2 }],
    },
  ],
})
