import rule from '../../../rules/bilingual/bracket-mismatch.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    { source: '本报讯（记者 张明）', target: 'Report (reporter Zhang Ming)' },
    { source: '（一）加强组织领导', target: '(1) Strengthen organizational leadership' },
    { source: '【新闻】今日要闻', target: "[News] Today's headlines" },
    { source: '【新闻】今日要闻', target: "【News】 Today's headlines" },
    { source: '中国共产党', target: 'the Communist Party of China (CPC)' },
    { source: '世界卫生组织', target: 'the World Health Organization (WHO)' },
    { source: '一、总体要求', target: '(i) General requirements' },
    { source: '第一条', target: 'Article 1 (a)' },
    { source: '〔2022〕5号', target: '[2022] No. 5' },
    { source: '全省经济稳中向好', target: 'The provincial economy is stable and improving' },
    { source: '（完）', target: '(End)' },
    { source: '张三（左）和李四', target: 'Zhang San (left) and Li Si' },
  ],
  invalid: [
    {
      source: '本报讯（记者 张明）全省今年已完成造林',
      target: 'This newspaper reports that the province has completed afforestation',
      output: null,
      errors: [{ message: 'The source has `（记者 张明）`, but the translation has no brackets' }],
    },
    { source: '【新闻】今日要闻', target: "News: Today's headlines", output: null, errors: 1 },
    {
      source: '（一）加强组织领导（二）强化责任落实',
      target: '(1) Strengthen leadership and responsibility',
      output: null,
      errors: [{ message: 'The source has 2 bracketed parts, but the translation has 1' }],
    },
    {
      source: '全省今年已完成造林面积200万亩',
      target: 'The province has completed 2 million mu (about 133,000 hectares) of afforestation',
      output: null,
      errors: [
        { message: 'Unexpected brackets: the source has none', actual: '(about 133,000 hectares)' },
      ],
    },
    {
      source: '全省已完成造林',
      target: 'The province has completed afforestation (this year)',
      output: null,
      errors: 1,
    },
    {
      source: '张三（左）',
      target: 'Zhang San (left) (pictured)',
      output: null,
      errors: [
        { message: 'Unexpected brackets: the translation has 2 bracketed parts, the source 1' },
      ],
    },
    { source: '〔2022〕5号文件', target: 'Document No. 5 of 2022', output: null, errors: 1 },
    {
      source: '（记者 张明 通讯员 李华）',
      target: 'Reporter Zhang Ming, correspondent Li Hua',
      output: null,
      errors: 1,
    },
  ],
})
