import { hanShare } from '../../src/bilingual/cjk.js'
import { defineBilingualRule } from '../../src/bilingual/define.js'
import {
  chineseFigures,
  describeFigure,
  englishFigures,
  type Figure,
  formatEnglish,
  sameValue,
} from '../../src/bilingual/numbers.js'

const plainDigits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false })

/** The source's value written the way the target wrote its own figure. */
function writeLike(target: Figure, value: number): string {
  if (
    target.kind === 'year' ||
    target.kind === 'time' ||
    target.kind === 'day' ||
    target.kind === 'month'
  ) {
    return plainDigits.format(value)
  }
  if (target.scale > 1 || value >= 1e6) return formatEnglish(value)
  if (target.text.includes(',') || value >= 10_000) return formatEnglish(value)
  return plainDigits.format(value)
}

const quoted = (figure: Figure) => {
  const value = describeFigure(figure)
  return value === figure.text ? `\`${figure.text}\`` : `\`${figure.text}\` (${value})`
}

export default defineBilingualRule({
  meta: {
    id: 'number-mismatch',
    category: 'numbers',
    severity: 'error',
    fixable: 'safe',
    description:
      'Every figure of the Chinese source has its value in the translation and vice versa (`1.7万` ↔ `17,000`); calqued scales (`5 ten thousand`) are rewritten',
    supersedes: ['number-calque'],
    examples: [
      {
        source: '补助资金5万元。',
        bad: 'A subsidy of 5 ten thousand yuan.',
        fixed: 'A subsidy of 50,000 yuan.',
      },
      {
        source: '全年生产总值达8803亿元。',
        bad: 'The GDP for the year reached 880 billion 300 million yuan.',
        fixed: 'The GDP for the year reached 880.3 billion yuan.',
      },
      {
        source: '共破获刑事案件1.7万余起。',
        bad: 'More than 1,700 criminal cases were solved.',
        fixed: 'More than 17,000 criminal cases were solved.',
      },
      {
        source: '同比上升59%和35%。',
        bad: 'A year-on-year increase of 59%.',
        fixed: 'A year-on-year increase of 59% and 35% respectively.',
      },
    ],
    good: [
      { source: '2022年8月10日上午', target: 'On the morning of August 10, 2022' },
      { source: '抓获犯罪嫌疑人4.6万余名', target: 'More than 46,000 suspects were arrested' },
      { source: '投资3亿5千万元', target: 'an investment of 350 million yuan' },
      { source: '增长百分之五', target: 'up 5 percent' },
      { source: '召开第三次会议', target: 'held the third meeting' },
      { source: '两名民警', target: 'two police officers' },
      { source: '周三下午', target: 'On Wednesday afternoon' },
    ],
  },
  checkPair({ source, target, report }) {
    if (target.trim() === '' || hanShare(target) > 0.3) return
    const sourceFigures = chineseFigures(source)
    const targetFigures = englishFigures(target)
    const missing = sourceFigures.filter(
      (s) => s.required && !targetFigures.some((t) => sameValue(s, t)),
    )
    const unexpected: Figure[] = []
    for (const t of targetFigures) {
      const match = sourceFigures.find((s) => sameValue(s, t))
      if (t.calque && match) {
        const text = formatEnglish(t.value)
        report({
          start: t.start,
          end: t.end,
          message: `Unexpected \`${t.text}\`, expected \`${text}\` (the source has \`${match.text}\`)`,
          expected: [text],
          fix: { start: t.start, end: t.end, text },
        })
      } else if (t.required && !match) unexpected.push(t)
    }
    const paired = Math.min(missing.length, unexpected.length)
    for (let i = 0; i < unexpected.length; i++) {
      const t = unexpected[i]!
      const s = i < paired ? missing[i] : undefined
      if (!s) {
        report({
          start: t.start,
          end: t.end,
          message: `Unexpected figure ${quoted(t)}: the source has no such figure`,
        })
        continue
      }
      const text = writeLike(t, s.value)
      const one = missing.length === 1 && unexpected.length === 1
      report({
        start: t.start,
        end: t.end,
        message: `Unexpected figure ${quoted(t)}: the source has ${quoted(s)}`,
        expected: [text],
        ...(one
          ? {
              suggestions: [
                {
                  label: `Use the source's figure: ${text}`,
                  edits: [{ start: t.start, end: t.end, text }],
                },
              ],
            }
          : {}),
      })
    }
    const left = missing.slice(paired)
    if (left.length > 0) {
      const start = target.length - target.trimStart().length
      const end = target.trimEnd().length
      const names = left.map(quoted)
      const list =
        names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
      report({
        start,
        end,
        message: `The source's ${left.length === 1 ? 'figure' : 'figures'} ${list} ${left.length === 1 ? 'is' : 'are'} missing from the translation`,
      })
    }
  },
})
