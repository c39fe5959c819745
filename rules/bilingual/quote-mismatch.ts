import { defineBilingualRule } from '../../src/bilingual/define.js'
import {
  allTitles,
  sourceQuoteSpans,
  sourceQuotes,
  sourceSingleQuotes,
  spansOf,
  targetItalics,
  targetQuotes,
} from '../../src/bilingual/marks.js'

const listed = (texts: string[]) => texts.map((t) => `\`${t}\``).join(', ')

export default defineBilingualRule({
  meta: {
    id: 'quote-mismatch',
    category: 'quotes',
    severity: 'warn',
    fixable: false,
    description:
      'The translation keeps the quotation marks of its source (`“百日行动”` ↔ `"Hundred Days Action"`) and adds none',
    examples: [
      {
        source: '开展“百日行动”。',
        bad: 'Carry out the Hundred Days Action.',
        fixed: 'Carry out the "Hundred Days Action".',
      },
      {
        source: '全面开展专项整治。',
        bad: 'Carry out "special" rectification in an all-round way.',
        fixed: 'Carry out special rectification in an all-round way.',
      },
    ],
    good: [
      { source: '开展“百日行动”。', target: 'Carry out the “Hundred Days Action”.' },
      { source: '开展“百日行动”。', target: 'Carry out the "Hundred Days Action".' },
      { source: '观看电影《长津湖》', target: 'watched the film "The Battle at Lake Changjin"' },
      { source: '他说：“要‘快’”', target: 'He said: "Be \'quick\'"' },
      {
        source: '群众的安全感明显提升。',
        target: "The public's sense of security has clearly improved.",
      },
      { source: '开展“四个一批”行动', target: 'carry out the *Four Batches* campaign' },
    ],
  },
  checkPair({ source, target, pair, report }) {
    if (target.trim() === '') return
    const expected = sourceQuotes(source)
    const { low, high } = targetQuotes(target)
    const italics = targetItalics(target, pair.targetMarkup)
    const start = target.length - target.trimStart().length
    const end = target.trimEnd().length
    if (high + italics + allTitles(target) < expected) {
      const spans = sourceQuoteSpans(source).map((s) => s.text)
      const what = spans.length > 0 ? `quotes ${listed(spans)}` : `has ${expected} quoted phrases`
      report({
        start,
        end,
        message:
          high === 0
            ? `The source ${what}, but the translation has no quotation marks`
            : `The source ${what} (${expected}), but the translation has only ${high} pair${high === 1 ? '' : 's'} of quotation marks`,
      })
      return
    }
    const allowed = expected + allTitles(source) + sourceSingleQuotes(source)
    if (low <= allowed) return
    if (allowed === 0) {
      const first = [...spansOf(target, '"', '"'), ...spansOf(target, '“', '”')].sort(
        (a, b) => a.start - b.start,
      )[0]
      report({
        start: first?.start ?? start,
        end: first?.end ?? end,
        message: 'Unexpected quotation marks: the source has none',
      })
      return
    }
    report({
      start,
      end,
      message: `Unexpected quotation marks: the translation has ${low} pairs, the source ${allowed}`,
    })
  },
})
