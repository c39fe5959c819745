import rule from '../../../rules/bilingual/number-mismatch.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    {
      source: '全省共破获刑事案件1.7万余起',
      target: 'More than 17,000 criminal cases were cracked in the province',
    },
    { source: '同比分别上升59%和35%', target: 'up 59% and 35% year on year respectively' },
    {
      source: '8月10日，省公安厅召开新闻发布会',
      target: 'On August 10, the Provincial Public Security Department held a press conference',
    },
    { source: '时间：2022.08.10', target: 'Time: 2022.08.10' },
    {
      source: '全省交通事故死亡人数下降30%',
      target: 'Traffic deaths in the province fell by 30 percent',
    },
    { source: '共投入资金2.77亿元', target: 'A total of 277 million yuan was invested' },
    {
      source: '查处醉驾1万余起',
      target: 'More than ten thousand drunk driving cases were handled',
    },
    {
      source: '为党的二十大胜利召开营造安全稳定的环境',
      target: 'Create a safe and stable environment for the 20th National Congress of the Party',
    },
    {
      source: '统一部署，进一步加强一线力量',
      target: 'Unified deployment to further strengthen front-line forces',
    },
    { source: '5至8万元', target: '50,000 to 80,000 yuan' },
    { source: '约5万人参加', target: 'About 50,000 people took part' },
    { source: '三成以上企业实现盈利', target: 'More than 30% of enterprises made a profit' },
    { source: '“十四五”规划', target: 'the 14th Five-Year Plan' },
    { source: '抓获5G诈骗团伙', target: 'A 5G fraud gang was caught' },
    { source: '下午3点30分', target: 'At 3:30 p.m.' },
    { source: '两会期间', target: 'During the two sessions' },
    { source: '近十年来', target: 'Over the past decade' },
    { source: '第一次会议', target: 'The first meeting' },
    { source: '一个人', target: 'A person' },
    { source: '百分之五', target: 'five percent' },
    { source: '共有干部职工１２０名', target: 'There are 120 cadres and workers' },
    { source: '营业收入1234.56万元', target: 'Operating revenue of 12.35 million yuan' },
    { source: '湖南省公安厅', target: '湖南省公安厅 5' },
    { source: '', target: '' },
  ],
  invalid: [
    {
      source: '补助资金5万元',
      target: 'A subsidy of 5 ten thousand yuan',
      output: 'A subsidy of 50,000 yuan',
      errors: [
        {
          message: 'Unexpected `5 ten thousand`, expected `50,000` (the source has `5万`)',
          actual: '5 ten thousand',
        },
      ],
    },
    {
      source: '实现生产总值8803亿元',
      target: 'GDP reached 880 billion 300 million yuan',
      output: 'GDP reached 880.3 billion yuan',
      errors: [{ actual: '880 billion 300 million' }],
    },
    {
      source: '投资3亿元',
      target: 'An investment of 3 hundred million yuan',
      output: 'An investment of 300 million yuan',
      errors: 1,
    },
    {
      source: '共破获刑事案件1.7万余起',
      target: 'More than 1,700 criminal cases were cracked',
      output: null,
      errors: [
        { message: 'Unexpected figure `1,700`: the source has `1.7万` (17,000)', actual: '1,700' },
      ],
    },
    {
      source: '同比上升59%和35%',
      target: 'A year-on-year increase of 59%',
      output: null,
      errors: [{ message: "The source's figure `35` (35%) is missing from the translation" }],
    },
    {
      source: '破获毒品案件720起',
      target: 'Cracked 702 drug criminal cases',
      output: null,
      errors: [{ message: 'Unexpected figure `702`: the source has `720`' }],
    },
    {
      source: '2022年8月10日',
      target: 'August 11, 2022',
      output: null,
      errors: [{ message: 'Unexpected figure `11`: the source has `10`' }],
    },
    {
      source: '抓获犯罪嫌疑人4.6万余名',
      target: 'More than 46,000 suspects and 300 gangs were caught',
      output: null,
      errors: [{ message: 'Unexpected figure `300`: the source has no such figure' }],
    },
    {
      source: '查处违法行为两万余起，增长百分之五',
      target: 'More than 20,000 violations were handled',
      output: null,
      errors: [{ message: "The source's figure `五` (5%) is missing from the translation" }],
    },
    {
      source: '全省134起、2.77亿元',
      target: 'the province, 277 million yuan',
      output: null,
      errors: [{ message: "The source's figure `134` is missing from the translation" }],
    },
    {
      source: '第20届运动会',
      target: 'The 21st Games',
      output: null,
      errors: [{ message: 'Unexpected figure `21st` (21): the source has `20`' }],
    },
    {
      source: '补助1.5万元和2万元',
      target: 'Subsidies of 1.5 ten thousand yuan and 2 ten thousand yuan',
      output: 'Subsidies of 15,000 yuan and 20,000 yuan',
      errors: 2,
    },
  ],
})
