import { defineBilingualRule } from '../../src/bilingual/define.js'
import { bracketCount, bracketSpans } from '../../src/bilingual/marks.js'

// Brackets a translator adds on purpose: an abbreviation `(CPC)`, a list marker `(1)`.
const deliberate = /^[([](?:[A-Z][A-Z0-9&.\- ]{1,15}s?|[0-9A-Za-z]{1,3}|[ivx]{1,4})[)\]]$/u

export default defineBilingualRule({
  meta: {
    id: 'bracket-mismatch',
    category: 'punctuation',
    severity: 'warn',
    fixable: false,
    description:
      'The translation keeps the brackets of its source (`（…）`, `【…】` ↔ `(…)`, `[…]`) and adds none',
    examples: [
      {
        source: '本报讯（记者 张明）全省今年已完成造林面积200万亩。',
        bad: 'This newspaper reports that the province has completed 2 million mu of afforestation this year.',
        fixed:
          'This newspaper reports (reporter Zhang Ming) that the province has completed 2 million mu of afforestation this year.',
      },
      {
        source: '全省今年已完成造林面积200万亩。',
        bad: 'The province has completed 2 million mu (about 133,000 hectares) of afforestation (this year).',
        fixed: 'The province has completed 2 million mu of afforestation this year.',
      },
    ],
    good: [
      { source: '（一）加强组织领导', target: '(1) Strengthen organizational leadership' },
      { source: '中国共产党', target: 'the Communist Party of China (CPC)' },
      { source: '【新闻】今日要闻', target: "[News] Today's headlines" },
      {
        source: '报告显示，经济稳中向好。',
        target: 'The report shows the economy is stable and improving.',
      },
    ],
  },
  checkPair({ source, target, report }) {
    if (target.trim() === '') return
    const expected = bracketCount(source)
    const spans = bracketSpans(target)
    const found = bracketCount(target)
    const start = target.length - target.trimStart().length
    const end = target.trimEnd().length
    if (found < expected) {
      const shown = bracketSpans(source).map((s) => `\`${s.text}\``)
      report({
        start,
        end,
        message:
          found === 0
            ? `The source has ${shown.length > 0 ? shown.join(', ') : `${expected} bracketed parts`}, but the translation has no brackets`
            : `The source has ${expected} bracketed parts, but the translation has ${found}`,
      })
      return
    }
    const added = spans.filter((s) => !deliberate.test(s.text))
    const addedCount = found - (spans.length - added.length)
    if (addedCount <= expected) return
    const first = expected === 0 ? added[0] : undefined
    report({
      start: first?.start ?? start,
      end: first?.end ?? end,
      message:
        expected === 0
          ? 'Unexpected brackets: the source has none'
          : `Unexpected brackets: the translation has ${addedCount} bracketed parts, the source ${expected}`,
    })
  },
})
