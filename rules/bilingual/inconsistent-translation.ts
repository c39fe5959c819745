import { countHan } from '../../src/bilingual/cjk.js'
import { defineBilingualRule } from '../../src/bilingual/define.js'
import { maskChar } from '../../src/bilingual/lint.js'

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim()
// Only the case of the first letter differs: the same translation at another sentence position.
const sameWording = (a: string, b: string) =>
  a === b || (a.slice(1) === b.slice(1) && a[0]?.toLowerCase() === b[0]?.toLowerCase())
const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text)

export default defineBilingualRule({
  meta: {
    id: 'inconsistent-translation',
    category: 'translation',
    severity: 'warn',
    fixable: 'suggestion',
    description: 'The same source segment is translated the same way throughout a file',
    examples: [
      {
        source: '扫黑除恶专项斗争',
        bad: 'the special struggle to sweep black and eliminate evil',
        fixed: 'the campaign against organized crime',
      },
    ],
    good: [{ source: '扫黑除恶专项斗争', target: 'the campaign against organized crime' }],
  },
  checkPairs({ pairs, report }) {
    const first = new Map<string, number>()
    pairs.forEach(({ source, target, pair }, index) => {
      if (countHan(source) < 2) return
      const translation = squash(target)
      if (translation === '') return
      const key = `${pair.context ?? ''}\u0000${source.replace(/\s+/gu, '')}`
      const earlier = first.get(key)
      if (earlier === undefined) {
        first.set(key, index)
        return
      }
      const before = pairs[earlier]!
      const previous = squash(before.target)
      if (sameWording(previous, translation)) return
      const start = target.length - target.trimStart().length
      const end = target.trimEnd().length
      const line = before.pair.targetLine
      const replaceable =
        pair.plain && !target.includes(maskChar) && !before.target.includes(maskChar)
      report(index, {
        start,
        end,
        message: `The same source is translated differently on line ${line}: \`${preview(previous)}\``,
        ...(replaceable
          ? {
              suggestions: [
                {
                  label: `Use the translation from line ${line}`,
                  edits: [{ start, end, text: before.target.trim() }],
                },
              ],
            }
          : {}),
      })
    })
  },
})
