import { defineBilingualRule } from '../../src/bilingual/define.js'

const preview = (text: string) => {
  const flat = text.replace(/\s+/gu, ' ').trim()
  return flat.length > 24 ? `${flat.slice(0, 24)}…` : flat
}

export default defineBilingualRule({
  meta: {
    id: 'empty-target',
    category: 'translation',
    severity: 'warn',
    fixable: false,
    description: 'A source segment has a translation (the target is not missing or empty)',
    examples: [
      { source: '请勿酒后驾车。', bad: '', fixed: 'Do not drive after drinking.' },
      { source: '请勿酒后驾车。', bad: '   ', fixed: 'Do not drive after drinking.' },
    ],
    good: [
      { source: '请勿酒后驾车。', target: 'Do not drive after drinking.' },
      { source: '', target: '' },
      { source: '   ', target: '' },
    ],
  },
  checkPair({ source, target, report }) {
    if (source.trim() === '' || target.trim() !== '') return
    report({
      start: 0,
      end: target.length,
      message: `Missing translation of \`${preview(source)}\``,
    })
  },
})
