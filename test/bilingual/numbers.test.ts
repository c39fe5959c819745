import { describe, expect, it } from 'vitest'
import {
  chineseFigures,
  describeFigure,
  englishFigures,
  type Figure,
  formatEnglish,
  parseChineseNumber,
  sameValue,
} from '../../src/bilingual/numbers.js'

const values = (figures: Figure[]) => figures.map((f) => f.value)
const required = (figures: Figure[]) => figures.filter((f) => f.required).map((f) => f.value)

describe('parseChineseNumber', () => {
  it.each([
    ['1.7万', 17_000],
    ['3亿5千万', 350_000_000],
    ['一千二百', 1200],
    ['十五', 15],
    ['两万', 20_000],
    ['１２３', 123],
    ['三点五', 3.5],
    ['1.5', 1.5],
    ['二〇二二', 2022],
    ['一九九八', 1998],
    ['8803亿', 880_300_000_000],
    ['2.77亿', 277_000_000],
    ['一千零五', 1005],
    ['一百零三', 103],
    ['二十', 20],
    ['三百', 300],
    ['一万二', 12_000],
    ['三百五', 350],
    ['1万亿', 1_000_000_000_000],
    ['1亿2000万', 120_000_000],
    ['五千万', 50_000_000],
    ['十二点五', 12.5],
    ['一点七万', 17_000],
    ['17,000', 17_000],
    ['4.6万', 46_000],
    ['壹佰贰拾', 120],
    ['九十九', 99],
    ['百', 100],
    ['万', 10_000],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)?.value).toBe(value)
  })

  it.each(['万一', '千千', '十百', '1万.5', '一二三十四五'])('%s is not one numeral', (text) => {
    expect(parseChineseNumber(text)).toBeUndefined()
  })

  it('gives a rounding slack to scaled decimals', () => {
    expect(parseChineseNumber('1.7万')?.tolerance).toBe(500)
    expect(parseChineseNumber('17000')?.tolerance).toBe(0)
  })
})

describe('chineseFigures', () => {
  it.each([
    ['全省共破获刑事案件1.7万余起', [17_000]],
    ['抓获违法犯罪嫌疑人4.6万余名', [46_000]],
    ['总投资3亿5千万元', [350_000_000]],
    ['共有一千二百名志愿者参加', [1200]],
    ['连续十五天', [15]],
    ['补助两万元', [20_000]],
    ['全年共计１２３场', [123]],
    ['增长百分之五', [5]],
    ['同比上升5%', [5]],
    ['同比上升５％', [5]],
    ['降低百分之三点五', [3.5]],
    ['平均降雨量为1.5毫米', [1.5]],
    ['预计5至8天', [5, 8]],
    ['气温5-8度', [5, 8]],
    ['风力5~8级', [5, 8]],
    ['需要五到八个月', [5, 8]],
    ['2022年8月10日', [2022, 8, 10]],
    ['8月10日上午', [8, 10]],
    ['第三次会议', [3]],
    ['第20届运动会', [20]],
    ['二〇二二年', [2022]],
    ['投资5至8万元', [50_000, 80_000]],
    ['三成以上的企业', [30]],
    ['上午10点30分', [10, 30]],
    ['提高0.5个百分点', [0.5]],
    ['时间：2022.08.10', [2022, 8, 10]],
    ['三四个人', [3, 4]],
    ['五六十岁', [50, 60]],
    ['十四五规划', [14, 5]],
    ['３、４月份', [3, 4]],
    ['5千米长跑', [5000]],
  ])('%s → %j', (text, expected) => {
    expect(values(chineseFigures(text))).toEqual(expected)
  })

  it.each([
    ['全省破获案件1.7万余起', [17_000]],
    ['抓获两名嫌疑人', [2]],
    ['一个人', []],
    ['统一部署，进一步加强', []],
    ['四川省和三亚市', []],
    ['周三召开会议', []],
    ['星期五下午', []],
    ['几十个', []],
    ['数百人', []],
    ['十分重要', []],
    ['千万不要', []],
    ['两会期间', []],
    ['二十大报告', [20]],
    ['第三', [3]],
    ['百分之五十', [50]],
    ['三个代表', [3]],
    ['九二共识', []],
    ['上千名群众', []],
    ['十三五期间', []],
    ['召开第1次会议', []],
    ['处200元以上3000元以下罚款', [200, 3000]],
    ['完成3000个', [3000]],
  ])('required in %s: %j', (text, expected) => {
    expect(required(chineseFigures(text))).toEqual(expected)
  })

  it('reads 22年 as 22, 2022 or 1922', () => {
    const [year] = chineseFigures('22年')
    expect(year?.values).toEqual([22, 2022, 1922])
  })

  it('marks kinds and offsets', () => {
    const figures = chineseFigures('2022年8月10日，增长５％')
    expect(figures.map((f) => [f.text, f.kind, f.start, f.end])).toEqual([
      ['2022', 'year', 0, 4],
      ['8', 'month', 5, 6],
      ['10', 'day', 7, 9],
      ['５', 'percent', 13, 14],
    ])
  })

  it('skips codes and keeps runs bounded', () => {
    expect(values(chineseFigures('5G基站和G20峰会，C919客机'))).toEqual([])
    expect(values(chineseFigures('一'.repeat(200)))).toEqual([])
  })
})

describe('englishFigures', () => {
  it.each([
    ['more than 17,000 criminal cases', [17_000]],
    ['about 1.7 million people', [1_700_000]],
    ['ten thousand volunteers', [10_000]],
    ['up 3.5%', [3.5]],
    ['up 5 percent', [5]],
    ['down 5 per cent', [5]],
    ['on August 10, 2022', [8, 10, 2022]],
    ['on 10 August', [10, 8]],
    ['on Aug. 10', [8, 10]],
    ['the third meeting', [3]],
    ['the 20th National Congress', [20]],
    ['one, two and twenty', [1, 2, 20]],
    ['twenty-five cases', [25]],
    ['three hundred and fifty thousand', [350_000]],
    ['a hundred days', [100]],
    ['5 ten thousand yuan', [50_000]],
    ['880 billion 300 million yuan', [880_300_000_000]],
    ['3 hundred million yuan', [300_000_000]],
    ['1 billion 200 million', [1_200_000_000]],
    ['1 thousand 200 rangers', [1200]],
    ['5 to 8 million tons', [5_000_000, 8_000_000]],
    ['at 10:30 a.m.', [10, 30]],
    ['time: 2022.08.10', [2022, 8, 10]],
    ['in the 1990s', [1990]],
    ['RMB5.2 billion', [5_200_000_000]],
    ['US$5.2bn', [5_200_000_000]],
    ['a 100-day campaign', [100]],
    ['a 10km race', [10]],
    ['the 2021-22 season', [2021, 22]],
    ['both sides', [2]],
    ['over the past decade', [10]],
  ])('%s → %j', (text, expected) => {
    expect(values(englishFigures(text))).toEqual(expected)
  })

  it.each([
    '5G base stations',
    'the G20 summit',
    'COVID-19 cases',
    'the C919 airliner',
    'version 1.2.3',
    'dozens of cases',
    'hundreds of people',
    'tens of thousands of people',
    'thousands of volunteers',
    'you may apply',
    'nobody and no one',
  ])('finds no required figure in %s', (text) => {
    expect(required(englishFigures(text))).toEqual([])
  })

  it('marks calques and gives scales a rounding slack', () => {
    const [calque] = englishFigures('5 ten thousand yuan')
    expect(calque).toMatchObject({
      text: '5 ten thousand',
      calque: true,
      required: true,
      value: 50_000,
    })
    const [chain] = englishFigures('880 billion 300 million yuan')
    expect(chain).toMatchObject({ text: '880 billion 300 million', calque: true })
    const [scaled] = englishFigures('12.35 million')
    expect(scaled).toMatchObject({ calque: false, tolerance: 5000 })
  })

  it('keeps only figures in digits required', () => {
    expect(required(englishFigures('three cases on August 10, 2022 and 17,000 more'))).toEqual([
      10, 2022, 17_000,
    ])
  })

  it('reads the second year of 2021-22 as 2022 too', () => {
    const figures = englishFigures('the 2021-22 season')
    expect(figures[1]?.values).toEqual([22, 2022])
  })
})

describe('matching and writing', () => {
  const one = (text: string, zh: boolean) => (zh ? chineseFigures(text) : englishFigures(text))[0]!
  it.each([
    ['1.7万', '17,000'],
    ['1.7万', '17 thousand'],
    ['2.77亿元', '277 million yuan'],
    ['1234.56万元', '12.35 million yuan'],
    ['百分之五', '5%'],
    ['两个', 'two'],
    ['5万', '5 ten thousand'],
    ['8803亿', '880 billion 300 million'],
    ['22年', '2022'],
    ['十年', 'a decade'],
  ])('%s matches %s', (zh, en) => {
    expect(sameValue(one(zh, true), one(en, false))).toBe(true)
  })

  it.each([
    ['1.7万', '1,700'],
    ['5万', '5,000'],
    ['3亿', '30 million'],
    ['百分之五', '50%'],
  ])('%s does not match %s', (zh, en) => {
    expect(sameValue(one(zh, true), one(en, false))).toBe(false)
  })

  it.each([
    [50_000, '50,000'],
    [880_300_000_000, '880.3 billion'],
    [350_000_000, '350 million'],
    [1_234_567, '1,234,567'],
    [17_000, '17,000'],
    [3.5, '3.5'],
    [1_500_000_000_000, '1.5 trillion'],
  ])('formats %d as %s', (value, text) => {
    expect(formatEnglish(value)).toBe(text)
  })

  it('describes years plainly and percentages with a sign', () => {
    expect(describeFigure(one('2022年', true))).toBe('2022')
    expect(describeFigure(one('百分之五', true))).toBe('5%')
    expect(describeFigure(one('1.7万', true))).toBe('17,000')
  })
})
