import stringWidth from 'string-width'
import type { RuleMeta } from '../engine/types.js'
import {
  contextRows,
  diffPieces,
  diffRows,
  editorRow,
  helpRow,
  type KeyHelp,
  type Piece,
  type Row,
  rowWidth,
  truncateRow,
  truncateStart,
  wrapPieces,
} from './layout.js'
import {
  choicesOf,
  countsOf,
  currentFile,
  currentFinding,
  pendingTotal,
  type ReviewState,
  skipOf,
} from './state.js'

/** What the screen needs besides the state. */
export interface ScreenOptions {
  columns: number
  rows: number
  color: boolean
  /** Rule metadata by id, for the one-line description. */
  rules: ReadonlyMap<string, RuleMeta>
  /** Whether `b` (skip for good, into the baseline) is offered. */
  canSkipPermanently: boolean
}

/** The smallest window the review draws in; smaller ones get a one-line request to grow it. */
export const minimumSize = { columns: 30, rows: 9 } as const

/** Every key of the review, for `?`. */
export function keyList(canSkipPermanently: boolean): KeyHelp[] {
  return [
    { keys: 'y, Enter', does: 'accept the selected change' },
    { keys: 'n', does: 'skip this finding (leave the text as it is)' },
    ...(canSkipPermanently
      ? [{ keys: 'b', does: 'skip for good (add it to the baseline on write)' }]
      : []),
    { keys: '1–9, ↑ ↓', does: 'select an alternative; y accepts it' },
    { keys: 'e', does: 'edit the replacement (Enter applies, Esc cancels)' },
    { keys: 'a', does: 'accept every remaining finding of this rule in this file' },
    { keys: 'u', does: 'undo the last decision' },
    { keys: '→ j, ← k', does: 'next / previous finding' },
    { keys: 'f, F', does: 'next / previous file' },
    { keys: 'w', does: 'write the files and quit' },
    { keys: 'q, Ctrl-C', does: 'quit (asks first when changes are not written)' },
    { keys: '?, Esc', does: 'show / hide this list' },
  ]
}

function hints(state: ReviewState, choices: number, ruleId: string | undefined): KeyHelp[] {
  if (state.mode.kind === 'edit') {
    return [
      { keys: 'Enter', does: 'apply' },
      { keys: 'Esc', does: 'cancel' },
      { keys: '← →', does: 'move' },
      { keys: 'Backspace', does: 'erase' },
      { keys: 'Ctrl-D', does: 'delete' },
      { keys: 'Ctrl-A/E', does: 'start/end' },
    ]
  }
  if (state.mode.kind === 'confirm-quit') {
    return [
      { keys: 'y', does: 'quit without writing' },
      { keys: 'w', does: 'write, then quit' },
      { keys: 'any other key', does: 'keep reviewing' },
    ]
  }
  return [
    { keys: 'y', does: 'accept' },
    { keys: 'n', does: 'skip' },
    ...(choices > 1 ? [{ keys: `1-${Math.min(choices, 9)}`, does: 'pick' }] : []),
    { keys: 'e', does: 'edit' },
    { keys: 'u', does: 'undo' },
    { keys: 'w', does: 'write' },
    { keys: 'q', does: 'quit' },
    { keys: '←→', does: 'move' },
    ...(ruleId ? [{ keys: 'a', does: 'all of rule' }] : []),
    ...(state.files.length > 1 ? [{ keys: 'f/F', does: 'file' }] : []),
    { keys: '?', does: 'keys' },
  ]
}

function totals(state: ReviewState) {
  let accepted = 0
  let skipped = 0
  for (const file of state.files) {
    const counts = countsOf(file)
    accepted += counts.accepted + counts.edited
    skipped += counts.skipped
  }
  return { accepted, skipped }
}

function headerRow(state: ReviewState, width: number): Row {
  const file = currentFile(state)!
  const { accepted, skipped } = totals(state)
  const position =
    file.findings.length === 0
      ? 'no findings left'
      : `finding ${state.at + 1} of ${file.findings.length}`
  const files = state.files.length > 1 ? ` (${state.file + 1}/${state.files.length})` : ''
  // The path and position first; the counts as room allows, the least useful dropped first.
  const parts: Row[] = [
    [{ text: `${files} · ${position}`, tone: 'dim' }],
    [
      { text: ' · ', tone: 'dim' },
      { text: `${accepted} accepted`, tone: 'ok' },
    ],
    [{ text: ` · ${pendingTotal(state)} to go`, tone: 'dim' }],
    [{ text: ` · ${skipped} skipped`, tone: 'dim' }],
  ]
  const room = width - Math.min(stringWidth(file.path), 24)
  const kept = [parts[0]!]
  for (const part of parts.slice(1)) {
    if (rowWidth([...kept.flat(), ...part]) <= room) kept.push(part)
  }
  const order = [0, 1, 3, 2].map((i) => parts[i]!).filter((p) => kept.includes(p))
  const tail = order.flat()
  const path = truncateStart(file.path, Math.max(8, width - rowWidth(tail)))
  return truncateRow([{ text: path, tone: 'strong' }, ...tail], width)
}

function separator(width: number, label = ''): Row {
  const text = label ? `── ${label} ` : ''
  return [{ text: text + '─'.repeat(Math.max(0, width - text.length)), tone: 'dim' }]
}

function noticeRow(state: ReviewState, width: number): Row {
  if (state.mode.kind === 'confirm-quit') {
    const changes = state.files.reduce(
      (n, f) => n + f.decisions.length + f.skips.filter((s) => s.permanent).length,
      0,
    )
    const what = changes === 1 ? '1 change' : `${changes} changes`
    return truncateRow(
      [
        {
          text: `Quit without writing ${what}?`,
          tone: 'warn',
        },
      ],
      width,
    )
  }
  if (!state.notice) return []
  return truncateRow(
    [{ text: state.notice.text, tone: state.notice.tone === 'warn' ? 'warn' : 'info' }],
    width,
  )
}

/** Keep at most `count` rows, ending the last kept one with `…` when rows were dropped. */
function clip(rows: Row[], count: number, width: number): Row[] {
  if (rows.length <= count) return rows
  const kept = rows.slice(0, count)
  const last = kept[count - 1]!.map((p) => ({ ...p }))
  const end = last.at(-1)
  if (end) end.text = end.text.trimEnd()
  const more: Piece = { text: ' …', tone: 'dim' }
  kept[count - 1] =
    rowWidth(last) + 2 <= width ? [...last, more] : truncateRow([...last, more, more], width)
  return kept
}

function pad(rows: Row[], count: number): Row[] {
  while (rows.length < count) rows.push([])
  return rows
}

/**
 * Lay out the whole screen for a state: at most `rows - 1` rows of at most `columns` columns,
 * the key help on the last row.
 */
export function screenRows(state: ReviewState, options: ScreenOptions): Row[] {
  if (options.columns < minimumSize.columns || options.rows < minimumSize.rows) {
    const text = `Window too small (${options.columns}×${options.rows}): make it at least ${minimumSize.columns}×${minimumSize.rows}, or press q`
    return wrapPieces([{ text, tone: 'warn' }], Math.max(1, options.columns)).slice(
      0,
      Math.max(1, options.rows - 1),
    )
  }
  const width = options.columns
  const height = options.rows - 1
  // Fewer rows for the diff on short screens, so the alternatives and the context still fit.
  const diffBudget = height >= 19 ? 3 : height >= 13 ? 2 : 1
  const { color } = options
  const file = currentFile(state)
  if (!file) return [[{ text: 'Nothing to review', tone: 'plain' }]]
  const finding = currentFinding(state)
  const choices = finding ? choicesOf(finding) : []
  const top: Row[] = [headerRow(state, width)]
  const bottom: Row[] = [
    noticeRow(state, width),
    helpRow(hints(state, choices.length, finding?.ruleId), width),
  ]

  if (state.help) {
    const list = keyList(options.canSkipPermanently)
    const keyWidth = Math.max(...list.map((k) => k.keys.length))
    const body = list.map((k) =>
      truncateRow(
        [
          { text: ` ${k.keys.padEnd(keyWidth)}  `, tone: 'key' },
          { text: k.does, tone: 'plain' },
        ],
        width,
      ),
    )
    const middle = pad([separator(width, 'keys'), ...body], height - top.length - bottom.length)
    return [...top, ...middle.slice(0, height - top.length - bottom.length), ...bottom]
  }

  if (!finding) {
    const counts = countsOf(file)
    const message: Piece[] = [
      {
        text: `No findings left in ${file.path}: ${counts.accepted} accepted, ${counts.edited} edited. `,
        tone: 'plain',
      },
      {
        text: pendingTotal(state) > 0 ? 'f goes to the next file.' : 'w writes, q quits, u undoes.',
        tone: 'dim',
      },
    ]
    const middle = pad(
      [separator(width), ...wrapPieces(message, width)],
      height - top.length - bottom.length,
    )
    return [...top, ...middle.slice(0, height - top.length - bottom.length), ...bottom]
  }

  const meta = options.rules.get(finding.ruleId)
  const severityTone =
    finding.severity === 'error' ? 'error' : finding.severity === 'warn' ? 'warn' : 'info'
  const skip = skipOf(file, finding)
  const kind = finding.fix ? 'safe fix' : choices.length > 0 ? 'suggestion' : 'flag only'
  const ruleRow = truncateRow(
    [
      { text: finding.ruleId, tone: 'rule' },
      { text: '  ', tone: 'plain' },
      { text: finding.severity, tone: severityTone },
      { text: ` · ${kind} · line ${finding.line}, column ${finding.column}`, tone: 'dim' },
      ...(skip
        ? [{ text: skip.permanent ? '  skipped for good' : '  skipped', tone: 'warn' } as Piece]
        : []),
    ],
    width,
  )
  let message = clip(wrapPieces([{ text: finding.message, tone: 'strong' }], width), 2, width)
  const explanation = finding.note ?? meta?.description
  let description = explanation
    ? clip(wrapPieces([{ text: explanation, tone: 'dim' }], width), 2, width)
    : []

  const change: Row[] = []
  if (state.mode.kind === 'edit') {
    const { start, end, buffer, cursor } = state.mode
    change.push([{ text: 'your replacement (Enter applies, Esc cancels):', tone: 'dim' }])
    change.push([{ text: '› ', tone: 'key' }, ...editorRow(buffer, cursor, width - 2, color)])
    const preview = diffPieces(file.text, [{ start, end, text: buffer }], color)
    change.push(
      ...diffRows([{ text: '  ', tone: 'plain' }, ...preview], width, Math.min(2, diffBudget)),
    )
  } else if (choices.length === 0) {
    change.push(
      truncateRow(
        [
          { text: 'No change proposed: ', tone: 'warn' },
          { text: 'n skips it, e writes your own replacement', tone: 'dim' },
        ],
        width,
      ),
    )
  } else {
    const selected = choices[Math.min(state.choice, choices.length - 1)]!
    const label = choices.length > 1 ? `change ${state.choice + 1}:` : 'change:'
    const pieces = [
      { text: `${label} `, tone: 'dim' } as Piece,
      ...diffPieces(file.text, selected.edits, color),
    ]
    change.push(...diffRows(pieces, width, diffBudget))
    if (choices.length > 1) {
      choices.slice(0, 9).forEach((choice, i) => {
        const chosen = i === state.choice
        change.push(
          truncateRow(
            [
              { text: chosen ? ' ▸ ' : '   ', tone: 'select' },
              { text: `${i + 1}`, tone: 'key' },
              { text: ` ${choice.label}`, tone: chosen ? 'select' : 'plain' },
            ],
            width,
          ),
        )
      })
    }
  }

  // Bilingual input: the Chinese source of this segment, above the translation.
  const origin = finding.sourceSegment
  let source = origin
    ? clip(
        wrapPieces(
          [
            {
              text: `source ${origin.path ? `${origin.path}:` : 'line '}${origin.line}: `,
              tone: 'dim',
            },
            { text: origin.text, tone: 'plain' },
          ],
          width,
        ),
        2,
        width,
      )
    : []
  const fixed = () =>
    top.length +
    1 +
    message.length +
    description.length +
    source.length +
    2 +
    change.length +
    bottom.length
  if (height - fixed() < 3) description = []
  if (height - fixed() < 3) source = clip(source, 1, width)
  if (height - fixed() < 3) message = clip(message, 1, width)
  const budget = Math.max(1, height - fixed())
  const context = pad(
    contextRows(file.text, finding.start, finding.end, width, budget, color),
    budget,
  )
  const rows = [
    ...top,
    ruleRow,
    ...message,
    ...description,
    separator(width),
    ...source,
    ...context,
    separator(width),
    ...change,
    ...bottom,
  ]
  return rows.length > height ? [...rows.slice(0, height - 2), ...rows.slice(-2)] : rows
}
