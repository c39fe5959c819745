import { defineRule } from '../src/engine/define-rule.js'

/** Options for `repeated-figure`. */
export interface RepeatedFigureOptions {
  /** Most words between the end of the first figure and the repeat (one clause). */
  maxWords: number
}

// A comma (not one inside a number) that may open a repeated figure.
const separator = /(?<!\d)[,;，；、] ?(?=[$¥€£]|US\$|RMB|\d)/gu
// The repeat: an amount with an optional unit of up to three words, standing alone as a clause
// (`, 277 million yuan,`). Anchored at the separator's end; never starts inside a number.
const bareFigure =
  /(?<!\d|\d[.,])(?:US\$|RMB ?|[$¥€£])?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?: \p{L}+){0,3}(?=[,;.!?，。；！？)]| \(|$)/uy
const hasUnit = /[\p{L}%$¥€£]/u
const clauseBreak = /[,;:!?，；：！？()]|\.(?!\d)/u

// How far back to look for the first figure, in characters.
const reach = 200

/** Where the window for the first figure starts: its sentence start, at most `reach` back. */
function sentenceStart(text: string, end: number): number {
  const stop = Math.max(0, end - reach)
  for (let i = end - 1; i > stop; i--) {
    if (text[i] === ' ' && '.!?;'.includes(text[i - 1]!)) return i + 1
  }
  return stop
}

// The figure must start on its own: not inside a number (`1,277`) or a word.
function startsClean(text: string, index: number): boolean {
  const before = text[index - 1]
  if (before === undefined) return true
  if (/[\p{L}\p{N}$¥€£]/u.test(before)) return false
  return !((before === ',' || before === '.') && /\d/.test(text[index - 2] ?? ''))
}

/**
 * An amount repeated as a clause of its own within one clause of the first
 * (`277 million yuan for the masses, 277 million yuan`): suggest deleting the repeat. Needs a
 * unit (word, `%` or currency) and a first figure that goes on with more words, so lists
 * (`10 mm, 10 mm and 12 mm`), comparisons (`from 5% to 5%`) and bare numbers pass.
 */
export default defineRule<RepeatedFigureOptions>({
  meta: {
    id: 'repeated-figure',
    category: 'numbers',
    severity: 'warn',
    fixable: 'suggestion',
    description:
      'A figure repeated as a clause of its own (`277 million yuan for the masses, 277 million yuan`)',
    examples: [
      {
        bad: 'recovered 5.6 million yuan for the victims, 5.6 million yuan, and closed 12 cases',
        fixed: 'recovered 5.6 million yuan for the victims, and closed 12 cases',
      },
    ],
    good: [
      'Output rose from 5% to 5.5%, and exports from 5% to 6%.',
      'There were 5 cases, 5 deaths and 12 injuries.',
    ],
  },
  defaults: { maxWords: 8 },
  trigger: /(?<!\d)[,;，；、] ?(?:[$¥€£]|US\$|RMB|\d)/u,
  check({ text, options, report }) {
    const find = new RegExp(separator.source, 'gu')
    const figure = new RegExp(bareFigure.source, 'uy')
    for (const hit of text.matchAll(find)) {
      const from = hit.index + hit[0].length
      figure.lastIndex = from
      const repeat = figure.exec(text)?.[0]
      if (!repeat || !hasUnit.test(repeat)) continue
      const clause = text.slice(sentenceStart(text, hit.index), hit.index)
      const first = clause.lastIndexOf(repeat)
      if (first === -1) continue
      const clauseOffset = hit.index - clause.length
      if (!startsClean(text, clauseOffset + first)) continue
      // The first figure goes on with more words; the repeat stands alone.
      const between = clause.slice(first + repeat.length)
      if (!/^ \p{L}/u.test(between) || clauseBreak.test(between)) continue
      if (between.trim().split(/\s+/).length > options.maxWords) continue
      report({
        start: from,
        end: from + repeat.length,
        message: `Unexpected repeated \`${repeat}\`, expected it once`,
        suggestions: [
          {
            label: `Delete the repeated \`${repeat}\``,
            edits: [{ start: hit.index, end: from + repeat.length, text: '' }],
          },
        ],
      })
    }
  },
})
