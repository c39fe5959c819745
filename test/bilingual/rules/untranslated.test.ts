import rule from '../../../rules/bilingual/untranslated.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    { source: '湖南省公安厅', target: 'Hunan Provincial Public Security Department' },
    { source: '新闻发布会', target: 'Press conference' },
    { source: 'APP下载', target: 'App download' },
    { source: 'OK', target: 'OK' },
    { source: '2022', target: '2022' },
    { source: '习近平（Xi Jinping）', target: 'Xi Jinping (习近平)' },
    { source: '请填写姓名', target: 'Please fill in your name' },
    { source: '扫码关注', target: 'Scan the code to follow us' },
    { source: '百日行动', target: '"Hundred Days" action' },
    { source: '联系电话：12345', target: 'Tel: 12345' },
    { source: '', target: '' },
    { source: '欢迎', target: '' },
    { source: '太极拳', target: 'Tai chi (太极拳) is practised daily' },
  ],
  invalid: [
    {
      source: '新闻发布会',
      target: '新闻发布会',
      output: null,
      errors: [{ message: 'The translation is the untranslated source' }],
    },
    {
      source: '新闻发布会',
      target: '  新闻发布会 ',
      output: null,
      errors: [{ actual: '新闻发布会' }],
    },
    {
      source: '湖南省公安厅召开新闻发布会',
      target: '湖南省公安厅召开新闻发布会 today',
      output: null,
      errors: [{ message: 'The translation is mostly untranslated Chinese' }],
    },
    {
      source: '湖南省公安厅召开新闻发布会',
      target: '湖南省公安厅召开 press conference',
      output: null,
      errors: [{ actual: '湖南省公安厅召开' }],
    },
    {
      source: '湖南省公安厅召开新闻发布会',
      target: 'The 湖南省公安厅 held a press conference',
      output: null,
      errors: [
        { message: '`湖南省公安厅` is left untranslated from the source', actual: '湖南省公安厅' },
      ],
    },
    {
      source: '开展“百日行动”专项整治',
      target: 'Carry out the 百日行动 special rectification and 专项 work',
      output: null,
      errors: [{ actual: '百日行动' }, { actual: '专项' }],
    },
    {
      source: '请点击这里',
      target: 'Please 点击 here',
      output: null,
      errors: 1,
    },
    {
      source: '夏晓鸥，省公安厅治安总队总队长',
      target: 'Xia Xiaoou, 总队长 of the Public Security Corps',
      output: null,
      errors: [{ actual: '总队长' }],
    },
    {
      source: '感谢您的支持。',
      target: '感谢您的支持。',
      output: null,
      errors: 1,
    },
    {
      source: '省公安厅、市公安局',
      target: 'The 省公安厅、市公安局 jointly',
      output: null,
      errors: [{ actual: '省公安厅、市公安局' }],
    },
  ],
})
