import rule from '../../../rules/bilingual/title-unmarked.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    { source: '观看电影《长津湖》', target: 'Watch the film "The Battle at Lake Changjin"' },
    { source: '观看电影《长津湖》', target: 'Watch the film “The Battle at Lake Changjin”' },
    { source: '观看电影《长津湖》', target: 'Watch the film _The Battle at Lake Changjin_' },
    {
      source: '学习《中华人民共和国反电信网络诈骗法》',
      target: 'Study the Anti-Telecom and Online Fraud Law of the PRC',
    },
    {
      source: '贯彻《治安管理处罚条例》',
      target: 'Implement the Regulations on Public Security Administration Punishments',
    },
    { source: '据《湖南日报》报道', target: 'According to Hunan Daily' },
    { source: '印发《工作方案》', target: 'Issued the Work Plan' },
    { source: '发布《白皮书》', target: 'Released the White Paper' },
    { source: '在《求是》杂志发表', target: 'Published in Qiushi Journal' },
    { source: '观看电影《长津湖》', target: 'Watch the film 《The Battle at Lake Changjin》' },
    { source: '没有书名', target: 'No title here' },
    { source: '阅读《平凡的世界》和《人世间》', target: 'Read "Ordinary World" and "A Lifetime"' },
  ],
  invalid: [
    {
      source: '观看电影《长津湖》',
      target: 'Watch the film The Battle at Lake Changjin',
      output: null,
      errors: [
        {
          message:
            "The source's title `《长津湖》` has no quotation marks or italics in the translation",
        },
      ],
    },
    { source: '阅读《平凡的世界》', target: 'Read Ordinary World', output: null, errors: 1 },
    {
      source: '阅读《平凡的世界》和《人世间》',
      target: 'Read "Ordinary World" and A Lifetime',
      output: null,
      errors: [
        {
          message:
            "1 of the source's titles `《平凡的世界》`, `《人世间》` have no quotation marks or italics in the translation",
        },
      ],
    },
    { source: '收看《新闻联播》', target: 'Watch Network News Broadcast', output: null, errors: 1 },
    {
      source: '演唱《我和我的祖国》',
      target: 'Sang My Motherland and Me',
      output: null,
      errors: 1,
    },
    {
      source: '开展“百日行动”，观看《长津湖》',
      target: 'Carry out the "Hundred Days Action" and watch The Battle at Lake Changjin',
      output: null,
      errors: 1,
    },
    { source: '话剧〈雷雨〉', target: 'the play Thunderstorm', output: null, errors: 1 },
    {
      source: '阅读《平凡的世界》和《人世间》',
      target: 'Read Ordinary World and A Lifetime',
      output: null,
      errors: [{ message: /titles `《平凡的世界》`, `《人世间》` have no/ }],
    },
  ],
})
