import { countHan } from '../../src/bilingual/cjk.js'
import { defineBilingualRule } from '../../src/bilingual/define.js'

/** Options: the band outside which a translation is flagged, and the shortest source checked. */
interface Options {
  /** Flag below this many target characters per Chinese character (expected: about 1.5–4). */
  min: number
  /** Flag above this many. */
  max: number
  /** Only sources with at least this many Chinese characters are measured. */
  minSource: number
}

const carried = /[A-Za-z0-9]/gu

export default defineBilingualRule<Options>({
  meta: {
    id: 'length-ratio',
    category: 'translation',
    severity: 'warn',
    fixable: false,
    description:
      'The translation is not far shorter or longer than its source (English runs about 1.5–4 characters per Chinese character)',
    examples: [
      {
        source: '全省公安机关共破获刑事案件1.7万余起，抓获违法犯罪嫌疑人4.6万余名。',
        bad: 'The province solved cases.',
        fixed:
          'Public security organs across the province solved more than 17,000 criminal cases and arrested more than 46,000 suspects.',
      },
      {
        source: '会议由省公安厅新闻发言人主持。',
        bad: 'The meeting was chaired by the spokesman of the Provincial Public Security Department. The meeting was chaired by the spokesman of the Provincial Public Security Department. The meeting was chaired by the spokesman.',
        fixed:
          'The meeting was chaired by the spokesman of the Provincial Public Security Department.',
      },
    ],
    good: [
      {
        source: '湖南省公安厅召开新闻发布会',
        target: 'The Hunan Provincial Public Security Department held a press conference',
      },
      { source: '谢谢', target: 'Thanks' },
      { source: '全力以赴，确保安全。', target: 'Go all out to ensure safety.' },
    ],
  },
  defaults: { min: 1, max: 9, minSource: 12 },
  checkPair({ source, target, options, report }) {
    const han = countHan(source)
    const trimmed = target.trim()
    if (han < options.minSource || trimmed === '') return
    const length = trimmed.length - (source.match(carried)?.length ?? 0)
    const ratio = length / han
    if (ratio >= options.min && ratio <= options.max) return
    const start = target.length - target.trimStart().length
    const end = target.trimEnd().length
    const measured = `${trimmed.length} characters for ${han} Chinese characters`
    report({
      start,
      end,
      message:
        ratio < options.min
          ? `The translation is much shorter than its source (${measured}): is part of it missing?`
          : `The translation is much longer than its source (${measured}): is something repeated or added?`,
    })
  },
})
