import { describe, expect, it } from 'vitest'
import {
  type Action,
  choicesOf,
  countsOf,
  createReducer,
  currentFile,
  currentFinding,
  hasUnsaved,
  initialState,
  keyToAction,
  type Lint,
  nextPending,
  pendingTotal,
  type ReviewState,
  remapSkips,
} from '../src/review/state.js'
import { findingsOf, testLint } from './review-fixtures.js'

const reducer = createReducer({ lint: testLint, canSkipPermanently: true })

function start(...texts: string[]): ReviewState {
  return initialState(
    texts.map((text, i) => ({ path: `f${i}.txt`, text, findings: findingsOf(`f${i}.txt`, text) })),
  )
}

function run(state: ReviewState, ...actions: Action[]): ReviewState {
  return actions.reduce(reducer, state)
}

const shown = (state: ReviewState) => {
  const f = currentFinding(state)
  return f ? `${f.ruleId}@${f.start}:${currentFile(state)!.text.slice(f.start, f.end)}` : 'none'
}

describe('review reducer: decisions', () => {
  it('starts at the first finding of the first file', () => {
    const state = start('a 100 -day plan for the masses')
    expect(shown(state)).toBe('hyphen-space@5: -')
    expect(state.mode.kind).toBe('browse')
  })

  it('accepting applies the change, re-lints, records it and moves on', () => {
    const state = run(start('a 100 -day plan for the masses'), { type: 'accept' })
    const file = currentFile(state)!
    expect(file.text).toBe('a 100-day plan for the masses')
    expect(file.decisions).toEqual([
      { kind: 'accepted', ruleId: 'hyphen-space', line: 1, before: ' -', after: '-' },
    ])
    // The later finding was re-found in the new text, one character earlier.
    expect(shown(state)).toBe('test-masses@19:the masses')
    expect(hasUnsaved(state)).toBe(true)
  })

  it('re-checks after an accept that shifts offsets: later findings move', () => {
    const text = 'housing housing is a 100 -day plan'
    const before = findingsOf('f0.txt', text).find((f) => f.ruleId === 'hyphen-space')!
    const state = run(start(text), { type: 'accept' })
    expect(currentFile(state)!.text).toBe('housing is a 100 -day plan')
    const after = currentFinding(state)!
    expect(after.ruleId).toBe('hyphen-space')
    expect(after.start).toBe(before.start - 'housing '.length)
    expect(currentFile(state)!.text.slice(after.start, after.end)).toBe(' -')
  })

  it('skipping leaves the text, marks the finding and moves on', () => {
    const state = run(start('a 100 -day plan for the masses'), { type: 'skip', permanent: false })
    const file = currentFile(state)!
    expect(file.text).toBe(file.original)
    expect(shown(state)).toBe('test-masses@20:the masses')
    expect(countsOf(file)).toEqual({ accepted: 0, edited: 0, skipped: 1, pending: 1 })
    expect(hasUnsaved(state)).toBe(false)
  })

  it('a skip survives a change made before it (its offsets are carried over)', () => {
    const text = 'housing housing is a 100 -day plan'
    let state = run(start(text), { type: 'move', by: 1 })
    expect(currentFinding(state)!.ruleId).toBe('hyphen-space')
    state = run(state, { type: 'skip', permanent: false }, { type: 'move', by: -1 })
    expect(currentFinding(state)!.ruleId).toBe('test-doubled')
    state = run(state, { type: 'accept' })
    const file = currentFile(state)!
    expect(file.text).toBe('housing is a 100 -day plan')
    expect(file.skips).toEqual([{ ruleId: 'hyphen-space', start: 16, end: 18, permanent: false }])
    expect(countsOf(file)).toEqual({ accepted: 1, edited: 0, skipped: 1, pending: 0 })
    expect(pendingTotal(state)).toBe(0)
    expect(state.notice?.text).toMatch(/Every finding is decided/)
  })

  it('picks an alternative with a number and accepts it', () => {
    let state = run(start('served the masses well'), { type: 'choose', index: 1 })
    expect(state.choice).toBe(1)
    state = run(state, { type: 'accept' })
    expect(currentFile(state)!.text).toBe('served people well')
    expect(currentFile(state)!.decisions[0]).toMatchObject({
      before: 'the masses',
      after: 'people',
    })
  })

  it('cycles alternatives and refuses a number that is not there', () => {
    const base = start('served the masses well')
    expect(run(base, { type: 'cycle', by: 1 }).choice).toBe(1)
    expect(run(base, { type: 'cycle', by: -1 }).choice).toBe(1)
    expect(run(base, { type: 'cycle', by: 1 }, { type: 'cycle', by: 1 }).choice).toBe(0)
    const refused = run(base, { type: 'choose', index: 4 })
    expect(refused.choice).toBe(0)
    expect(refused.notice?.text).toBe('No alternative 5: this finding has 2 alternatives')
  })

  it('offers the safe fix first, then the suggestions', () => {
    const [hyphen] = findingsOf('x.txt', 'a 100 -day plan')
    expect(choicesOf(hyphen!).map((c) => [c.label, c.safe])).toEqual([['safe fix', true]])
    const [masses] = findingsOf('x.txt', 'the masses')
    expect(choicesOf(masses!).map((c) => c.label)).toEqual([
      'Replace with `the public`',
      'Replace with `people`',
    ])
  })

  it('a flag-only finding cannot be accepted, only skipped or edited', () => {
    const base = start('the 中文 text')
    const state = run(base, { type: 'accept' })
    expect(currentFile(state)!.text).toBe('the 中文 text')
    expect(state.notice?.text).toMatch(/Nothing to accept/)
    expect(state.history).toHaveLength(0)
  })
})

describe('review reducer: undo', () => {
  it('undo restores the text, the decisions and the position', () => {
    const base = start('a 100 -day plan for the masses')
    const accepted = run(base, { type: 'accept' })
    const undone = run(accepted, { type: 'undo' })
    expect(currentFile(undone)!.text).toBe('a 100 -day plan for the masses')
    expect(currentFile(undone)!.decisions).toEqual([])
    expect(shown(undone)).toBe('hyphen-space@5: -')
    expect(undone.notice?.text).toBe('Undid: accepted hyphen-space at line 1')
    expect(hasUnsaved(undone)).toBe(false)
  })

  it('undoes several decisions in reverse order, then says there is nothing left', () => {
    const base = start('a 100 -day plan for the masses, a well- known plan')
    let state = run(
      base,
      { type: 'accept' },
      { type: 'skip', permanent: false },
      { type: 'accept' },
    )
    expect(currentFile(state)!.text).toBe('a 100-day plan for the masses, a well-known plan')
    state = run(state, { type: 'undo' })
    expect(currentFile(state)!.text).toBe('a 100-day plan for the masses, a well- known plan')
    expect(currentFile(state)!.skips).toHaveLength(1)
    state = run(state, { type: 'undo' })
    expect(currentFile(state)!.skips).toHaveLength(0)
    expect(shown(state)).toBe('test-masses@19:the masses')
    state = run(state, { type: 'undo' }, { type: 'undo' })
    expect(currentFile(state)!.text).toBe(currentFile(base)!.text)
    expect(state.notice?.text).toBe('Nothing to undo')
  })
})

describe('review reducer: accept every finding of a rule', () => {
  it('accepts the remaining findings of the rule in this file, leaving skipped ones', () => {
    const text = 'a 100 -day plan, a year -on -year rise, a well- known plan for the masses'
    let state = run(start(text), { type: 'skip', permanent: false })
    expect(currentFinding(state)!.ruleId).toBe('hyphen-space')
    state = run(state, { type: 'accept-rule' })
    const file = currentFile(state)!
    expect(file.text).toBe('a 100 -day plan, a year-on-year rise, a well-known plan for the masses')
    expect(file.decisions.map((d) => d.ruleId)).toEqual([
      'hyphen-space',
      'hyphen-space',
      'hyphen-space',
    ])
    expect(countsOf(file)).toEqual({ accepted: 3, edited: 0, skipped: 1, pending: 1 })
    expect(shown(state)).toBe('test-masses@60:the masses')
    expect(state.notice?.text).toBe(
      'Accepted 3 × hyphen-space in f0.txt (1 left: skipped or with nothing to accept)',
    )
    // One undo takes back the whole batch.
    const undone = run(state, { type: 'undo' })
    expect(currentFile(undone)!.text).toBe(text)
    expect(currentFile(undone)!.skips).toHaveLength(1)
  })

  it('says when the batch decided the last findings', () => {
    const state = run(start('a 100 -day plan, a well- known one'), { type: 'accept-rule' })
    expect(state.notice?.text).toBe('Accepted 2 × hyphen-space in f0.txt; every finding is decided')
    expect(pendingTotal(state)).toBe(0)
  })

  it('only touches the current file', () => {
    const state = run(start('a 100 -day plan', 'a 200 -day plan'), { type: 'accept-rule' })
    expect(state.files.map((f) => f.text)).toEqual(['a 100-day plan', 'a 200 -day plan'])
    expect(state.file).toBe(1)
  })
})

describe('review reducer: editing a replacement', () => {
  it('starts prefilled with the selected change and applies what was typed', () => {
    let state = run(
      start('served the masses well, a 100 -day plan'),
      { type: 'choose', index: 1 },
      { type: 'edit' },
    )
    expect(state.mode).toEqual({ kind: 'edit', start: 7, end: 17, buffer: 'people', cursor: 6 })
    state = run(
      state,
      { type: 'edit-erase' },
      { type: 'edit-erase' },
      { type: 'edit-erase' },
      { type: 'edit-erase' },
      { type: 'edit-erase' },
      { type: 'edit-erase' },
      { type: 'edit-insert', text: 'ordinary residents' },
      { type: 'edit-commit' },
    )
    const file = currentFile(state)!
    expect(file.text).toBe('served ordinary residents well, a 100 -day plan')
    expect(file.decisions).toEqual([
      {
        kind: 'edited',
        ruleId: 'test-masses',
        line: 1,
        before: 'the masses',
        after: 'ordinary residents',
      },
    ])
    // The re-check after the edit moved the next finding by the change in length (+8).
    const next = currentFinding(state)!
    expect(next.ruleId).toBe('hyphen-space')
    expect(next.start).toBe(37)
    expect(file.text.slice(next.start, next.end)).toBe(' -')
    expect(countsOf(file).edited).toBe(1)
  })

  it('moves the cursor by code points, erases and deletes around it', () => {
    let state = run(start('the 中文 text'), { type: 'edit' })
    expect(state.mode).toMatchObject({ buffer: '中文', cursor: 2 })
    state = run(
      state,
      { type: 'edit-cursor', to: 'home' },
      { type: 'edit-insert', text: '«' },
      { type: 'edit-cursor', to: 'right' },
      { type: 'edit-delete' },
      { type: 'edit-cursor', to: 'end' },
      { type: 'edit-insert', text: '»\u0007' },
      { type: 'edit-cursor', to: 'left' },
      { type: 'edit-erase' },
    )
    expect(state.mode).toMatchObject({ buffer: '«»', cursor: 1 })
    state = run(state, { type: 'edit-insert', text: 'Chinese' }, { type: 'edit-commit' })
    expect(currentFile(state)!.text).toBe('the «Chinese» text')
  })

  it('keeps surrogate pairs whole', () => {
    let state = run(start('the 中文 text'), { type: 'edit' }, { type: 'edit-insert', text: '😀' })
    expect(state.mode).toMatchObject({ buffer: '中文😀', cursor: 4 })
    state = run(state, { type: 'edit-cursor', to: 'left' })
    expect(state.mode).toMatchObject({ cursor: 2 })
    state = run(state, { type: 'edit-cursor', to: 'end' }, { type: 'edit-erase' })
    expect(state.mode).toMatchObject({ buffer: '中文', cursor: 2 })
  })

  it('Esc cancels; an unchanged replacement applies nothing', () => {
    const base = start('the 中文 text')
    const cancelled = run(
      base,
      { type: 'edit' },
      { type: 'edit-insert', text: 'x' },
      { type: 'edit-cancel' },
    )
    expect(cancelled.mode.kind).toBe('browse')
    expect(currentFile(cancelled)!.text).toBe('the 中文 text')
    const same = run(base, { type: 'edit' }, { type: 'edit-commit' })
    expect(same.notice?.text).toBe('Unchanged: nothing applied')
    expect(same.history).toHaveLength(0)
  })

  it('does not apply an edit the format can no longer read', () => {
    const strict: Lint = (path, text) =>
      text.includes('{') ? { ok: false, error: 'unbalanced brace' } : testLint(path, text)
    const r = createReducer({ lint: strict })
    const base = start('the 中文 text')
    const state = [
      { type: 'edit' },
      { type: 'edit-insert', text: '{' },
      { type: 'edit-commit' },
    ].reduce((s, a) => r(s, a as Action), base)
    expect(currentFile(state)!.text).toBe('the 中文 text')
    expect(state.notice).toEqual({ text: 'Not applied: unbalanced brace', tone: 'warn' })
  })
})

describe('review reducer: moving, files, quitting', () => {
  it('moves between findings and across files, and f/F jump between files', () => {
    const base = start('a 100 -day plan', 'the masses and 中文')
    expect(shown(run(base, { type: 'move', by: 1 }))).toBe('test-masses@0:the masses')
    expect(run(base, { type: 'move', by: 1 }).file).toBe(1)
    expect(run(base, { type: 'move', by: -1 }).file).toBe(1)
    expect(shown(run(base, { type: 'move', by: -1 }))).toBe('test-residue@15:中文')
    expect(run(base, { type: 'file', by: 1 }).file).toBe(1)
    expect(run(base, { type: 'file', by: -1 }).file).toBe(1)
    expect(run(start('a 100 -day plan'), { type: 'file', by: 1 }).notice?.text).toBe(
      'This is the only file',
    )
  })

  it('after the last finding of a file, a decision goes on to the next file', () => {
    const state = run(start('a 100 -day plan', 'the masses'), { type: 'accept' })
    expect(state.file).toBe(1)
    expect(shown(state)).toBe('test-masses@0:the masses')
  })

  it('nextPending wraps round the files and back to earlier findings', () => {
    const state = run(start('a 100 -day plan, the masses', 'x 中文'), {
      type: 'skip',
      permanent: false,
    })
    expect(nextPending(state.files, 1, 1)).toEqual({ file: 0, at: 1 })
    expect(nextPending(state.files, 0, 2)).toEqual({ file: 1, at: 0 })
  })

  it('quits at once when nothing would be lost', () => {
    expect(run(start('a 100 -day plan'), { type: 'quit' }).exit).toBe('quit')
  })

  it('asks before quitting with unwritten changes; y quits, w writes, other keys go back', () => {
    const changed = run(
      start('a 100 -day plan, a well- known one'),
      { type: 'accept' },
      { type: 'quit' },
    )
    expect(changed.mode.kind).toBe('confirm-quit')
    expect(changed.exit).toBeNull()
    expect(run(changed, { type: 'quit-confirm' }).exit).toBe('quit')
    expect(run(changed, { type: 'quit-cancel' }).mode.kind).toBe('browse')
    expect(run(changed, { type: 'write' }).exit).toBe('write')
  })

  it('a skip for good is unsaved until written', () => {
    const state = run(start('a 100 -day plan'), { type: 'skip', permanent: true })
    expect(currentFile(state)!.skips[0]?.permanent).toBe(true)
    expect(hasUnsaved(state)).toBe(true)
  })

  it('ignores every action once the review has ended', () => {
    const ended = run(start('a 100 -day plan'), { type: 'write' })
    expect(run(ended, { type: 'accept' })).toBe(ended)
  })
})

describe('review reducer: skips follow edits', () => {
  it('shifts marks after an edit and drops marks the edit touches', () => {
    const marks = [
      { ruleId: 'a', start: 2, end: 4, permanent: false },
      { ruleId: 'b', start: 10, end: 12, permanent: true },
    ]
    expect(remapSkips(marks, [{ start: 5, end: 7, text: 'xyzw' }])).toEqual([
      marks[0],
      { ruleId: 'b', start: 12, end: 14, permanent: true },
    ])
    expect(remapSkips(marks, [{ start: 3, end: 3, text: '!' }])).toEqual([
      { ruleId: 'b', start: 11, end: 13, permanent: true },
    ])
    expect(
      remapSkips(marks, [
        { start: 0, end: 2, text: '' },
        { start: 12, end: 12, text: '.' },
      ]),
    ).toEqual([
      { ruleId: 'a', start: 0, end: 2, permanent: false },
      { ruleId: 'b', start: 8, end: 10, permanent: true },
    ])
  })
})

describe('review keys', () => {
  const base = start('served the masses well')
  const editing = run(base, { type: 'edit' })
  const confirming = run(base, { type: 'choose', index: 1 }, { type: 'accept' }, { type: 'quit' })

  it('maps browse keys', () => {
    const cases: [string, object, Action | null][] = [
      ['y', {}, { type: 'accept' }],
      ['\r', { return: true }, { type: 'accept' }],
      ['n', {}, { type: 'skip', permanent: false }],
      ['3', {}, { type: 'choose', index: 2 }],
      ['', { downArrow: true }, { type: 'cycle', by: 1 }],
      ['e', {}, { type: 'edit' }],
      ['a', {}, { type: 'accept-rule' }],
      ['u', {}, { type: 'undo' }],
      ['j', {}, { type: 'move', by: 1 }],
      ['', { rightArrow: true }, { type: 'move', by: 1 }],
      ['k', {}, { type: 'move', by: -1 }],
      ['', { leftArrow: true }, { type: 'move', by: -1 }],
      ['f', {}, { type: 'file', by: 1 }],
      ['F', {}, { type: 'file', by: -1 }],
      ['w', {}, { type: 'write' }],
      ['q', {}, { type: 'quit' }],
      ['c', { ctrl: true }, { type: 'quit' }],
      ['?', {}, { type: 'help' }],
      ['x', {}, null],
      ['0', {}, null],
    ]
    for (const [input, key, action] of cases)
      expect(keyToAction(base, input, key), input).toEqual(action)
    expect(keyToAction(base, 'b', {}, true)).toEqual({ type: 'skip', permanent: true })
    expect(keyToAction(base, 'b', {}, false)).toBeNull()
  })

  it('maps edit keys: letters are typed, not commands', () => {
    expect(keyToAction(editing, 'q', {})).toEqual({ type: 'edit-insert', text: 'q' })
    expect(keyToAction(editing, '', { return: true })).toEqual({ type: 'edit-commit' })
    expect(keyToAction(editing, '', { escape: true, meta: true })).toEqual({ type: 'edit-cancel' })
    expect(keyToAction(editing, '', { delete: true })).toEqual({ type: 'edit-erase' })
    expect(keyToAction(editing, '', { backspace: true })).toEqual({ type: 'edit-erase' })
    expect(keyToAction(editing, 'd', { ctrl: true })).toEqual({ type: 'edit-delete' })
    expect(keyToAction(editing, 'c', { ctrl: true })).toEqual({ type: 'quit' })
  })

  it('maps confirm keys: y and Ctrl-C quit, w writes, anything else goes back', () => {
    expect(confirming.mode.kind).toBe('confirm-quit')
    expect(keyToAction(confirming, 'y', {})).toEqual({ type: 'quit-confirm' })
    expect(keyToAction(confirming, 'c', { ctrl: true })).toEqual({ type: 'quit-confirm' })
    expect(keyToAction(confirming, 'w', {})).toEqual({ type: 'write' })
    expect(keyToAction(confirming, 'n', {})).toEqual({ type: 'quit-cancel' })
  })

  it('key actions reach the reducer through the current mode', () => {
    const typed = run(
      base,
      { type: 'key', input: 'e', key: {} },
      { type: 'key', input: 'q', key: {} },
    )
    expect(typed.mode).toMatchObject({ kind: 'edit', buffer: 'the publicq' })
  })
})
