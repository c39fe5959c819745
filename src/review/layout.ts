import { diffWordsWithSpace } from 'diff'
import stringWidth from 'string-width'
import { lineOf, lineStarts } from '../engine/paragraphs.js'
import type { Edit } from '../engine/types.js'
import { applyWithin } from './state.js'

/** How a piece of text is shown. Without colour only the markers the builders add remain. */
export type Tone =
  | 'plain'
  | 'dim'
  | 'strong'
  | 'span'
  | 'del'
  | 'ins'
  | 'rule'
  | 'error'
  | 'warn'
  | 'info'
  | 'ok'
  | 'select'
  | 'key'
  | 'cursor'

/** A run of text in one tone. */
export interface Piece {
  text: string
  tone: Tone
}

/** One screen row: pieces whose total width fits the screen. */
export type Row = Piece[]

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Markers used instead of colour (NO_COLOR): the flagged span, deletions and insertions. */
export const markers = {
  span: ['⟦', '⟧'],
  del: ['[-', '-]'],
  ins: ['{+', '+}'],
  cursor: '▏',
} as const

/**
 * Make text safe to print on one row: drop `\r`, show tabs as a space, newlines as `⏎` and
 * other control characters as `�`.
 */
export function displayText(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/\t/g, ' ')
    .replace(/\n/g, '⏎')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '�')
}

/** The terminal width of a row (CJK and emoji count two columns). */
export function rowWidth(row: Row): number {
  return row.reduce((sum, p) => sum + stringWidth(p.text), 0)
}

interface Cell {
  text: string
  tone: Tone
  width: number
}

function cellsOf(pieces: readonly Piece[]): Cell[] {
  const cells: Cell[] = []
  for (const piece of pieces) {
    for (const { segment } of segmenter.segment(piece.text)) {
      cells.push({ text: segment, tone: piece.tone, width: stringWidth(segment) })
    }
  }
  return cells
}

function join(cells: readonly Cell[]): Row {
  const row: Row = []
  for (const cell of cells) {
    const last = row.at(-1)
    if (last && last.tone === cell.tone) last.text += cell.text
    else row.push({ text: cell.text, tone: cell.tone })
  }
  return row
}

/**
 * Where to break a full row before `incoming`: after a space, or next to a wide (CJK)
 * character. A break outside highlighted text is preferred while the rest still fits a row,
 * so a short highlighted span is not split. Returns the index of the last cell kept, or -1.
 */
const highlighted = new Set<Tone>(['span', 'del', 'ins', 'cursor'])

/** A space that may be dropped at a row break: one that is not itself a change or the span. */
const isSoftSpace = (cell: Cell) => cell.text === ' ' && !highlighted.has(cell.tone)

function breakPoint(cells: readonly Cell[], incoming: Cell, limit: number): number {
  let any = -1
  let outside = -1
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!
    const next = cells[i + 1] ?? incoming
    if (!(cell.text === ' ' || cell.width > 1 || next.width > 1)) continue
    any = i
    if (!highlighted.has(cell.tone) && (cell.text === ' ' || !highlighted.has(next.tone)))
      outside = i
  }
  if (outside >= 0 && outside !== any) {
    const rest = cells.slice(outside + 1).reduce((sum, c) => sum + c.width, incoming.width)
    if (rest <= limit) return outside
  }
  return any
}

/**
 * Wrap pieces into rows at most `width` columns wide, breaking after spaces and around wide
 * (CJK) characters, hard-breaking words longer than a row. A space at a break is dropped unless
 * it is highlighted (a deleted space is the change itself).
 */
export function wrapPieces(pieces: readonly Piece[], width: number): Row[] {
  const limit = Math.max(1, width)
  const rows: Row[] = []
  let current: Cell[] = []
  let used = 0
  for (const cell of cellsOf(pieces)) {
    if (used + cell.width > limit && current.length > 0 && isSoftSpace(cell)) {
      rows.push(join(current))
      current = []
      used = 0
      continue
    }
    while (used + cell.width > limit && current.length > 0) {
      const at = breakPoint(current, cell, limit)
      const head = at >= 0 ? current.slice(0, at + 1) : current
      current = at >= 0 ? current.slice(at + 1) : []
      while (head.length > 1 && isSoftSpace(head.at(-1)!)) head.pop()
      rows.push(join(head))
      used = current.reduce((sum, c) => sum + c.width, 0)
    }
    current.push(cell)
    used += cell.width
  }
  if (current.length > 0 || rows.length === 0) rows.push(join(current))
  return rows
}

/** Cut a row to `width` columns, ending it with `…` when something was cut. */
export function truncateRow(row: Row, width: number): Row {
  if (rowWidth(row) <= width) return row
  const cells = cellsOf(row)
  const kept: Cell[] = []
  let used = 0
  for (const cell of cells) {
    if (used + cell.width > width - 1) break
    kept.push(cell)
    used += cell.width
  }
  return [...join(kept), { text: '…', tone: 'dim' }]
}

/** Cut text from the left to `width` columns, starting it with `…` when something was cut. */
export function truncateStart(text: string, width: number): string {
  if (stringWidth(text) <= width) return text
  const graphemes = [...segmenter.segment(text)].map((s) => s.segment)
  let kept = ''
  for (let i = graphemes.length - 1; i >= 0; i--) {
    if (stringWidth(graphemes[i]! + kept) > width - 1) break
    kept = graphemes[i]! + kept
  }
  return `…${kept}`
}

/** Keep at most `budget` rows around `focus`, with the focus about a third of the way down. */
export function windowRows<T>(rows: readonly T[], focus: number, budget: number) {
  const size = Math.max(0, budget)
  if (rows.length <= size) return { rows: [...rows], top: 0 }
  const top = Math.max(0, Math.min(focus - Math.floor(size / 3), rows.length - size))
  return { rows: rows.slice(top, top + size), top }
}

/**
 * The flagged span in the context of its line and the lines either side, wrapped, with line
 * numbers, windowed to `budget` rows around the span.
 */
export function contextRows(
  text: string,
  start: number,
  end: number,
  width: number,
  budget: number,
  color: boolean,
): Row[] {
  const starts = lineStarts(text)
  const first = Math.max(0, lineOf(starts, start) - 1)
  // A text ending in a line break has an empty last line: not worth a row.
  const lines = text.endsWith('\n') && starts.length > 1 ? starts.length - 1 : starts.length
  const last = Math.min(Math.max(lines - 1, 0), lineOf(starts, end > start ? end - 1 : end) + 1)
  const gutter = String(last + 1).length
  const inner = Math.max(4, width - gutter - 3)
  const all: { row: Row; lead: boolean; line: number }[] = []
  let focus = 0
  for (let line = first; line <= last; line++) {
    const from = starts[line]!
    const to = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length
    const pieces: Piece[] = []
    const a = Math.min(Math.max(start, from), to)
    const b = Math.min(Math.max(end, from), to)
    const touches = start === end ? start >= from && start <= to : start <= to && end > from
    if (!touches) pieces.push({ text: displayText(text.slice(from, to)), tone: 'plain' })
    else {
      pieces.push({ text: displayText(text.slice(from, a)), tone: 'plain' })
      const opens = start >= from
      const closes = end <= to + 1
      if (!color && opens) pieces.push({ text: markers.span[0], tone: 'span' })
      if (a === b && start === end) pieces.push({ text: color ? '‸' : '', tone: 'span' })
      else pieces.push({ text: displayText(text.slice(a, b)), tone: 'span' })
      if (!color && closes) pieces.push({ text: markers.span[1], tone: 'span' })
      pieces.push({ text: displayText(text.slice(b, to)), tone: 'plain' })
    }
    const rows = wrapPieces(
      pieces.filter((p) => p.text !== ''),
      inner,
    )
    if (touches && start >= from && start <= to) {
      focus =
        all.length +
        Math.max(
          0,
          rows.findIndex((r) => r.some((p) => p.tone === 'span')),
        )
    }
    rows.forEach((row, i) => {
      all.push({ row, lead: i === 0, line })
    })
  }
  const { rows: shown, top } = windowRows(all, focus, budget)
  return shown.map((entry, i) => {
    const cutAbove = i === 0 && top > 0 && !entry.lead
    const cutBelow = i === shown.length - 1 && top + shown.length < all.length
    const mark = entry.lead ? String(entry.line + 1) : cutAbove || cutBelow ? '⋮' : ''
    return [{ text: `${mark.padStart(gutter)} │ `, tone: 'dim' }, ...entry.row]
  })
}

/** A part of a word diff: unchanged, removed or added text. */
export interface DiffPart {
  kind: 'same' | 'del' | 'ins'
  text: string
}

/**
 * A word diff easy to read: whitespace alone between two changes joins them, so a phrase
 * replaced by a word reads as one deletion and one insertion, and whitespace both sides end
 * with moves out of the change.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const raw = diffWordsWithSpace(before, after).map(
    (p): DiffPart => ({ kind: p.removed ? 'del' : p.added ? 'ins' : 'same', text: p.value }),
  )
  const out: DiffPart[] = []
  const push = (part: DiffPart) => {
    const last = out.at(-1)
    if (last && last.kind === part.kind) last.text += part.text
    else out.push({ ...part })
  }
  let del = ''
  let ins = ''
  const flush = () => {
    let common = ''
    while (del !== '' && ins !== '' && del.at(-1) === ins.at(-1) && /\s/.test(del.at(-1)!)) {
      common = del.at(-1)! + common
      del = del.slice(0, -1)
      ins = ins.slice(0, -1)
    }
    if (del) push({ kind: 'del', text: del })
    if (ins) push({ kind: 'ins', text: ins })
    if (common) push({ kind: 'same', text: common })
    del = ''
    ins = ''
  }
  raw.forEach((part, i) => {
    const inChange = del !== '' || ins !== ''
    const nextChanges = raw[i + 1] !== undefined && raw[i + 1]!.kind !== 'same'
    if (part.kind === 'del') del += part.text
    else if (part.kind === 'ins') ins += part.text
    else if (inChange && nextChanges && /^\s+$/.test(part.text)) {
      del += part.text
      ins += part.text
    } else {
      flush()
      push(part)
    }
  })
  flush()
  return out
}

/** The word diff of applying `edits`, in a window of the text around them. */
export function diffPieces(text: string, edits: readonly Edit[], color: boolean): Piece[] {
  if (edits.length === 0) return []
  const start = Math.min(...edits.map((e) => e.start))
  const end = Math.max(...edits.map((e) => e.end))
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const newline = text.indexOf('\n', end)
  const lineEnd = newline === -1 ? text.length : newline
  let from = Math.max(lineStart, start - 24)
  if (from > lineStart) {
    const space = text.indexOf(' ', from)
    from = space !== -1 && space < start ? space + 1 : from
  }
  let to = Math.min(Math.max(lineEnd, end), end + 24)
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to)
    to = space > end ? space : to
  }
  const before = text.slice(from, to)
  const after = applyWithin(text, from, to, edits)
  const pieces: Piece[] = []
  if (from > lineStart) pieces.push({ text: '…', tone: 'dim' })
  for (const part of wordDiff(before, after)) {
    const shown = displayText(part.text)
    if (part.kind === 'del') {
      if (!color) pieces.push({ text: markers.del[0], tone: 'del' })
      pieces.push({ text: shown, tone: 'del' })
      if (!color) pieces.push({ text: markers.del[1], tone: 'del' })
    } else if (part.kind === 'ins') {
      if (!color) pieces.push({ text: markers.ins[0], tone: 'ins' })
      pieces.push({ text: shown, tone: 'ins' })
      if (!color) pieces.push({ text: markers.ins[1], tone: 'ins' })
    } else pieces.push({ text: shown, tone: 'plain' })
  }
  if (to < lineEnd) pieces.push({ text: '…', tone: 'dim' })
  return pieces.filter((p) => p.text !== '')
}

/** Wrap diff pieces to `width` and keep at most `budget` rows around the first change. */
export function diffRows(pieces: readonly Piece[], width: number, budget: number): Row[] {
  const rows = wrapPieces(pieces, width)
  const focus = Math.max(
    0,
    rows.findIndex((r) => r.some((p) => p.tone === 'del' || p.tone === 'ins')),
  )
  return windowRows(rows, focus, budget).rows
}

/**
 * The line editor's row: the buffer with the cursor, scrolled sideways to keep the cursor
 * visible in `width` columns.
 */
export function editorRow(buffer: string, cursor: number, width: number, color: boolean): Row {
  const left = [...segmenter.segment(displayText(buffer.slice(0, cursor)))].map((s) => s.segment)
  const right = [...segmenter.segment(displayText(buffer.slice(cursor)))].map((s) => s.segment)
  const under = right[0] ?? ' '
  const cursorPiece: Piece = color
    ? { text: under, tone: 'cursor' }
    : { text: markers.cursor, tone: 'cursor' }
  const rest = color ? right.slice(1) : right
  const room = Math.max(4, width) - stringWidth(cursorPiece.text)
  let leftText = left.join('')
  let rightText = rest.join('')
  if (stringWidth(leftText) + stringWidth(rightText) > room) {
    const leftRoom = Math.max(1, Math.min(stringWidth(leftText), Math.ceil((room * 2) / 3)))
    if (stringWidth(leftText) > leftRoom) {
      let kept = ''
      for (let i = left.length - 1; i >= 0; i--) {
        if (stringWidth(left[i]! + kept) > leftRoom - 1) break
        kept = left[i]! + kept
      }
      leftText = `…${kept}`
    }
    const rightRoom = room - stringWidth(leftText)
    if (stringWidth(rightText) > rightRoom) {
      let kept = ''
      for (const g of rest) {
        if (stringWidth(kept + g) > rightRoom - 1) break
        kept += g
      }
      rightText = `${kept}…`
    }
  }
  return [
    { text: leftText, tone: 'plain' },
    cursorPiece,
    { text: rightText, tone: 'plain' },
  ].filter((p) => p.text !== '') as Row
}

/** A key and what it does, for the help line and the key list. */
export interface KeyHelp {
  keys: string
  does: string
}

/** Fit key hints on one row: as many as fit, always ending with the last one (`?`). */
export function helpRow(hints: readonly KeyHelp[], width: number): Row {
  const last = hints.at(-1)
  if (!last) return []
  const piecesOf = (h: KeyHelp): Piece[] => [
    { text: h.keys, tone: 'key' },
    { text: ` ${h.does}`, tone: 'dim' },
  ]
  const separator: Piece = { text: '  ', tone: 'dim' }
  const tail = piecesOf(last)
  const row: Row = []
  for (const hint of hints.slice(0, -1)) {
    const next = [...piecesOf(hint), separator]
    if (rowWidth([...row, ...next, ...tail]) > width) break
    row.push(...next)
  }
  return truncateRow([...row, ...tail], width)
}
