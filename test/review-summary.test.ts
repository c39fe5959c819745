import { describe, expect, it } from 'vitest'
import { createReducer, initialState } from '../src/review/state.js'
import { reviewSummary } from '../src/review/summary.js'
import { findingsOf, testLint } from './review-fixtures.js'

const reducer = createReducer({ lint: testLint })

function reviewed() {
  const texts = {
    'a.txt': 'a 100 -day plan for the masses, the 中文 part',
    'long/path/b.txt': 'a well- known plan',
  }
  let state = initialState(
    Object.entries(texts).map(([path, text]) => ({ path, text, findings: findingsOf(path, text) })),
  )
  state = [
    { type: 'accept' },
    { type: 'edit' },
    { type: 'edit-insert', text: '!' },
    { type: 'edit-commit' },
    { type: 'skip', permanent: false },
  ].reduce((s, a) => reducer(s, a as Parameters<typeof reducer>[1]), state)
  return state.files
}

describe('review summary', () => {
  it('tabulates accepted, edited, skipped and left per file, with the result of the write', () => {
    const [a, b] = reviewed()
    const text = reviewSummary(
      [
        { review: a!, write: { status: 'written' } },
        { review: b!, write: { status: 'unchanged' } },
      ],
      'write',
      2,
    )
    expect(text).toBe(
      [
        'mtclean review: 1 file written',
        '  accepted  edited  skipped  left  result     file',
        '         1       1        1     0  written    a.txt',
        '         0       0        0     1  unchanged  long/path/b.txt',
        '  (2 files without findings not shown)',
        '',
      ].join('\n'),
    )
  })

  it('says what a quit discarded, and marks files that were not written', () => {
    const [a, b] = reviewed()
    expect(
      reviewSummary([{ review: a! }, { review: b! }], 'quit', 0)
        .split('\n')
        .slice(0, 3),
    ).toEqual([
      'mtclean review: quit without writing (2 changes discarded)',
      '  accepted  edited  skipped  left  result     file',
      '         1       1        1     0  discarded  a.txt',
    ])
    const failed = reviewSummary(
      [{ review: a!, write: { status: 'failed', error: 'x', patch: '' } }],
      'write',
      0,
    )
    expect(failed).toContain('mtclean review: 0 files written, 1 NOT written')
    expect(failed).toContain('         1       1        1     0  NOT WRITTEN  a.txt')
  })
})
