import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import {
  contextRows,
  diffPieces,
  diffRows,
  displayText,
  editorRow,
  helpRow,
  type Row,
  rowWidth,
  truncateRow,
  truncateStart,
  wordDiff,
  wrapPieces,
} from '../src/review/layout.js'
import { screenRows } from '../src/review/screen.js'
import { initialState } from '../src/review/state.js'
import { findingsOf, testMetas } from './review-fixtures.js'

const plain = (row: Row) => row.map((p) => p.text).join('')

describe('wrapping', () => {
  it('breaks at spaces and keeps every row within the width', () => {
    const rows = wrapPieces(
      [{ text: 'the quick brown fox jumps over the lazy dog', tone: 'plain' }],
      12,
    )
    expect(rows.map(plain)).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy dog'])
  })

  it('counts CJK characters as two columns and may break between them', () => {
    const text = '这是一个没有翻译的句子，仍然是中文。'
    const rows = wrapPieces([{ text, tone: 'plain' }], 10)
    for (const row of rows) expect(rowWidth(row)).toBeLessThanOrEqual(10)
    expect(rows.map(plain).join('')).toBe(text)
    expect(rows[0]!.map((p) => p.text).join('')).toBe('这是一个没')
  })

  it('hard-breaks a word longer than the row and keeps tones', () => {
    const rows = wrapPieces(
      [
        { text: 'ab', tone: 'plain' },
        { text: 'cdefgh', tone: 'span' },
      ],
      4,
    )
    expect(rows.map(plain)).toEqual(['abcd', 'efgh'])
    expect(rows[0]).toEqual([
      { text: 'ab', tone: 'plain' },
      { text: 'cd', tone: 'span' },
    ])
  })

  it('keeps a highlighted space at a break (it is the change)', () => {
    const rows = wrapPieces(
      [
        { text: 'abcd', tone: 'plain' },
        { text: ' ', tone: 'del' },
        { text: 'ef', tone: 'plain' },
      ],
      4,
    )
    expect(rows.map(plain)).toEqual(['abcd', ' ef'])
  })

  it('shows control characters safely', () => {
    expect(displayText('a\tb\r\nc\u0007')).toBe('a b⏎c�')
  })

  it('truncates rows and paths to a width', () => {
    expect(plain(truncateRow([{ text: 'abcdefgh', tone: 'plain' }], 5))).toBe('abcd…')
    expect(truncateStart('samples/very/long/path/news.txt', 12)).toBe('…th/news.txt')
    expect(stringWidth(truncateStart('文件夹/新闻稿件.txt', 9))).toBeLessThanOrEqual(9)
  })
})

describe('context', () => {
  it('shows the line with the span marked, line numbers, and the lines around it', () => {
    const text = 'First line.\nA 100 -day plan.\nThird line.\nFourth line.'
    const start = text.indexOf(' -')
    const rows = contextRows(text, start, start + 2, 40, 10, false).map(plain)
    expect(rows).toEqual(['1 │ First line.', '2 │ A 100⟦ -⟧day plan.', '3 │ Third line.'])
  })

  it('windows a long paragraph around the span', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`)
    words[200] = 'target'
    const text = words.join(' ')
    const start = text.indexOf('target')
    const rows = contextRows(text, start, start + 6, 40, 5, false).map(plain)
    expect(rows).toHaveLength(5)
    expect(rows.some((r) => r.includes('⟦target⟧'))).toBe(true)
    expect(rows[0]).toMatch(/^⋮ │ /)
    expect(rows[4]).toMatch(/^⋮ │ /)
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(40)
  })

  it('marks a span that ends with its line break, and an empty span', () => {
    const text = 'Keep.\nDrop me.\nKeep too.'
    const start = text.indexOf('Drop')
    const end = text.indexOf('Keep too')
    expect(contextRows(text, start, end, 40, 5, false).map(plain)).toContain('2 │ ⟦Drop me.⟧')
    expect(contextRows(text, 2, 2, 40, 5, false).map(plain)[0]).toBe('1 │ Ke⟦⟧ep.')
    expect(contextRows(text, 2, 2, 40, 5, true).map(plain)[0]).toBe('1 │ Ke‸ep.')
  })
})

describe('diff', () => {
  it('joins a phrase replaced by a word into one deletion and one insertion', () => {
    expect(wordDiff('served the masses well', 'served people well')).toEqual([
      { kind: 'same', text: 'served ' },
      { kind: 'del', text: 'the masses' },
      { kind: 'ins', text: 'people' },
      { kind: 'same', text: ' well' },
    ])
  })

  it('shows a removed space exactly', () => {
    const text = 'the 100 -day action'
    const pieces = diffPieces(text, [{ start: 7, end: 9, text: '-' }], false)
    expect(pieces.map((p) => p.text).join('')).toBe('the 100[- -]-day action')
  })

  it('windows long lines around the change and shows line breaks as ⏎', () => {
    const text = `${'word '.repeat(40)}the masses ${'more '.repeat(40)}\nnext`
    const start = text.indexOf('the masses')
    const shown = diffPieces(text, [{ start, end: start + 10, text: 'people' }], false)
      .map((p) => p.text)
      .join('')
    expect(shown).toMatch(/^…word .*\[-the masses-\]\{\+people\+\} more.*…$/)
    const deleted = diffPieces('a\nb\nc', [{ start: 2, end: 4, text: '' }], false)
    expect(deleted.map((p) => p.text).join('')).toBe('[-b⏎-]c')
    const rows = diffRows(
      shown.split(' ').map((t) => ({ text: `${t} `, tone: 'plain' as const })),
      20,
      2,
    )
    expect(rows.length).toBeLessThanOrEqual(2)
  })
})

describe('editor row', () => {
  it('shows the cursor and scrolls a long buffer to keep it visible', () => {
    expect(plain(editorRow('people', 3, 30, false))).toBe('peo▏ple')
    const long = 'x'.repeat(100)
    const row = plain(editorRow(long, 50, 20, false))
    expect(stringWidth(row)).toBeLessThanOrEqual(20)
    expect(row.startsWith('…')).toBe(true)
    expect(row.endsWith('…')).toBe(true)
    expect(row).toContain('▏')
  })

  it('in colour, the cursor is the character under it', () => {
    expect(editorRow('ab', 1, 30, true)).toEqual([
      { text: 'a', tone: 'plain' },
      { text: 'b', tone: 'cursor' },
    ])
  })
})

describe('help row', () => {
  it('fits as many hints as the width allows and always ends with the last', () => {
    const hints = [
      { keys: 'y', does: 'accept' },
      { keys: 'n', does: 'skip' },
      { keys: 'e', does: 'edit' },
      { keys: '?', does: 'keys' },
    ]
    expect(plain(helpRow(hints, 80))).toBe('y accept  n skip  e edit  ? keys')
    expect(plain(helpRow(hints, 24))).toBe('y accept  n skip  ? keys')
  })
})

describe('screen', () => {
  const text = `${'The county office said that the work was going well. '.repeat(12)}It held a 100 -day campaign for the masses.\nThe 中文 note stayed.\n`
  const state = initialState([{ path: 'news.txt', text, findings: findingsOf('news.txt', text) }])

  it('asks for a bigger window below the minimum size', () => {
    const screen = screenRows(state, {
      columns: 24,
      rows: 7,
      color: false,
      rules: testMetas,
      canSkipPermanently: false,
    })
    expect(screen.map(plain).join(' ')).toBe(
      'Window too small (24×7): make it at least 30×9, or press q',
    )
    for (const row of screen) expect(rowWidth(row)).toBeLessThanOrEqual(24)
  })

  it('keeps every alternative on a short screen', () => {
    const text = 'The county reported staged results for the masses today.\n'
    const small = initialState([{ path: 'a.txt', text, findings: findingsOf('a.txt', text) }])
    const moved = {
      ...small,
      at: small.files[0]!.findings.findIndex((f) => f.ruleId === 'test-masses'),
    }
    const screen = screenRows(moved, {
      columns: 40,
      rows: 12,
      color: false,
      rules: testMetas,
      canSkipPermanently: false,
    })
    expect(screen).toHaveLength(11)
    expect(screen.map(plain).filter((r) => /^ {1}[▸ ] \d /.test(r))).toHaveLength(2)
  })

  for (const [columns, rows] of [
    [80, 24],
    [40, 12],
    [30, 9],
    [120, 40],
  ] as const) {
    it(`fits ${columns}×${rows}: rows within the width, one spare row, keys on the last row`, () => {
      const screen = screenRows(state, {
        columns,
        rows,
        color: false,
        rules: testMetas,
        canSkipPermanently: false,
      })
      expect(screen).toHaveLength(rows - 1)
      for (const row of screen) expect(rowWidth(row)).toBeLessThanOrEqual(columns)
      expect(plain(screen.at(-1)!)).toMatch(/^y accept {2}n skip/)
      expect(screen.map(plain).some((r) => r.includes('⟦ -⟧'))).toBe(true)
      expect(plain(screen[0]!)).toMatch(/^news\.txt · finding 1 of 3/)
      expect(screen.map(plain).some((r) => /^\d+ │ *$/.test(r))).toBe(false)
    })
  }
})

describe('wrapping never overflows', () => {
  it('keeps every row within the width for mixed Latin, CJK and highlighted text', () => {
    const samples = [
      'ab 中文字 cd',
      '中文 x 中文 yy 中',
      'a 100 -day 计划 for the masses',
      '一二三四五六七八九十',
    ]
    for (const text of samples) {
      for (let width = 2; width <= 12; width++) {
        for (let cut = 0; cut <= text.length; cut += 3) {
          const rows = wrapPieces(
            [
              { text: text.slice(0, cut), tone: 'plain' },
              { text: text.slice(cut), tone: 'span' },
            ],
            width,
          )
          for (const row of rows)
            expect(rowWidth(row), `${text} @${width}`).toBeLessThanOrEqual(width)
          expect(rows.map(plain).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
        }
      }
    }
  })

  it('moves a short highlighted span to the next row rather than splitting it', () => {
    const rows = wrapPieces(
      [
        { text: 'held on the 60', tone: 'plain' },
        { text: ' -', tone: 'span' },
        { text: 'day campaign', tone: 'plain' },
      ],
      16,
    )
    expect(rows.map(plain)).toEqual(['held on the', '60 -day campaign'])
  })
})

describe('screen: long explanations', () => {
  it('keeps two rows of a long message and says more was cut', () => {
    const text = 'Good for the masses.\n'
    const findings = findingsOf('a.txt', text).map((f) => ({
      ...f,
      message: `${'A very long explanation. '.repeat(12)}End.`,
    }))
    const state = initialState([{ path: 'a.txt', text, findings }])
    const screen = screenRows(state, {
      columns: 60,
      rows: 24,
      color: false,
      rules: testMetas,
      canSkipPermanently: false,
    })
    const rows = screen.map(plain)
    expect(rows[2]!.startsWith('A very long explanation.')).toBe(true)
    expect(rows[3]!.endsWith('…')).toBe(true)
    expect(rows.join('\n')).not.toContain('End.')
    for (const row of screen) expect(rowWidth(row)).toBeLessThanOrEqual(60)
  })
})

describe('bilingual findings', () => {
  it('show the Chinese source segment above the translation, and the note as the explanation', () => {
    const text = 'The fund paid the masses 5 -day wages.\n'
    const findings = findingsOf('pair.txt', text).map((f) => ({
      ...f,
      note: '群众 is the public.',
      sourceSegment: { text: '基金向群众支付5天工资。', line: 3, path: 'zh.txt' },
    }))
    const screen = screenRows(initialState([{ path: 'pair.txt', text, findings }]), {
      columns: 80,
      rows: 24,
      color: false,
      rules: testMetas,
      canSkipPermanently: false,
    }).map(plain)
    const source = screen.findIndex((row) =>
      row.includes('source zh.txt:3: 基金向群众支付5天工资。'),
    )
    const translation = screen.findIndex((row) => row.includes('The fund paid'))
    expect(source).toBeGreaterThan(-1)
    expect(translation).toBeGreaterThan(source)
    expect(screen.join('\n')).toContain('群众 is the public.')
  })
})
