import { hanRun, hanShare, hasHan } from '../../src/bilingual/cjk.js'
import { defineBilingualRule } from '../../src/bilingual/define.js'

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim()

/** Whether `index` lies inside parentheses opened before it (a deliberate gloss: `Li (李)`). */
function inParentheses(text: string, index: number): boolean {
  const before = text.slice(0, index)
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'))
  const close = Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'))
  return open > close
}

export default defineBilingualRule({
  meta: {
    id: 'untranslated',
    category: 'residue',
    severity: 'error',
    fixable: false,
    description:
      'The translation is not the untranslated source, and holds no Chinese copied from the source',
    supersedes: ['cjk-residue', 'cjk-punctuation'],
    examples: [
      { source: '感谢您的支持。', bad: '感谢您的支持。', fixed: 'Thank you for your support.' },
      {
        source: '湖南省公安厅召开新闻发布会',
        bad: 'The 湖南省公安厅 held a press conference',
        fixed: 'The Hunan Provincial Public Security Department held a press conference',
      },
    ],
    good: [
      { source: '感谢您的支持。', target: 'Thank you for your support.' },
      { source: '李强（Li Qiang）', target: 'Li Qiang (李强)' },
      { source: 'GDP', target: 'GDP' },
      { source: '5G网络', target: '5G networks' },
    ],
  },
  checkPair({ source, target, report }) {
    const trimmed = squash(target)
    if (trimmed === '' || !hasHan(source)) return
    const start = target.length - target.trimStart().length
    const end = target.trimEnd().length
    if (trimmed === squash(source)) {
      report({ start, end, message: 'The translation is the untranslated source' })
      return
    }
    if (hanShare(target) >= 0.5) {
      report({ start, end, message: 'The translation is mostly untranslated Chinese' })
      return
    }
    for (const match of target.matchAll(hanRun)) {
      if (inParentheses(target, match.index)) continue
      if (!source.includes(match[0])) continue
      report({
        start: match.index,
        end: match.index + match[0].length,
        message: `\`${match[0]}\` is left untranslated from the source`,
      })
    }
  },
})
