import { defineBilingualRule } from '../../src/bilingual/define.js'
import {
  allTitles,
  markedTitles,
  sourceQuotes,
  targetItalics,
  targetQuotes,
} from '../../src/bilingual/marks.js'

export default defineBilingualRule({
  meta: {
    id: 'title-unmarked',
    category: 'quotes',
    severity: 'warn',
    fixable: false,
    description:
      'A book, film or programme title (`《…》`) keeps a marking in the translation: quotation marks or italics (laws and newspapers excepted)',
    examples: [
      {
        source: '组织观看电影《长津湖》。',
        bad: 'Organize the viewing of the film The Battle at Lake Changjin.',
        fixed: 'Organize the viewing of the film "The Battle at Lake Changjin".',
      },
      {
        source: '推荐阅读《平凡的世界》和《人世间》。',
        bad: 'Recommended reading: "Ordinary World" and A Lifetime.',
        fixed: 'Recommended reading: "Ordinary World" and "A Lifetime".',
      },
    ],
    good: [
      {
        source: '组织观看电影《长津湖》。',
        target: 'Organize the viewing of the film *The Battle at Lake Changjin*.',
      },
      {
        source: '组织观看电影《长津湖》。',
        target: 'Organize the viewing of the film 《The Battle at Lake Changjin》.',
      },
      {
        source: '学习《中华人民共和国安全生产法》',
        target: 'Study the Work Safety Law of the People’s Republic of China',
      },
      { source: '据《人民日报》报道', target: "According to the People's Daily" },
      { source: '印发《实施方案》的通知', target: 'Notice on issuing the Implementation Plan' },
    ],
  },
  checkPair({ source, target, pair, report }) {
    if (target.trim() === '') return
    const titles = markedTitles(source)
    if (titles.length === 0) return
    const marks =
      targetQuotes(target).high + targetItalics(target, pair.targetMarkup) + allTitles(target)
    const missing = sourceQuotes(source) + titles.length - marks
    if (missing <= 0) return
    const start = target.length - target.trimStart().length
    const end = target.trimEnd().length
    const shown = titles.map((t) => `\`${t.text}\``).join(', ')
    report({
      start,
      end,
      message:
        missing >= titles.length
          ? `The source's ${titles.length === 1 ? 'title' : 'titles'} ${shown} ${titles.length === 1 ? 'has' : 'have'} no quotation marks or italics in the translation`
          : `${missing} of the source's titles ${shown} have no quotation marks or italics in the translation`,
    })
  },
})
