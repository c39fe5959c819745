import { parseDirectives } from '../directives.js'

/** Sizes that bound the memory of a streamed file (UTF-16 code units). */
export interface BlockSizes {
  /** A block's own text is cut at the first line end after this many characters. */
  block: number
  /** A line longer than this is checked in pieces (cut at a sentence end or space if possible). */
  maxLine: number
  /** Non-blank lines of context before and after a block (for `previous`, `next` and rules that see the whole document). */
  contextLines: number
}

/** The default sizes: 256 Ki characters per block and per line piece, 8 context lines. */
export const defaultBlockSizes: BlockSizes = {
  block: 1 << 18,
  maxLine: 1 << 18,
  contextLines: 8,
}

/**
 * One block of a streamed text: `text` holds the block (`region`), the lines before it and the
 * next paragraph after it (context for the rules), and a prefix of directive comments that
 * restores the inline controls in effect. Only findings starting in the region belong to it.
 */
export interface Block {
  /** 0-based position in the stream of blocks. */
  index: number
  text: string
  /** The region in `text`: [start, end). */
  start: number
  end: number
  /** The last block of the text: a finding starting at `end` belongs to it. */
  last: boolean
  /** Offset (UTF-16) of the region's start in the whole text. */
  offset: number
  /** 1-based line and column of the region's start in the whole text (lines as vfile counts them). */
  line: number
  column: number
  /** Line feeds before the region's start in the whole text (diff line numbers). */
  newlines: number
  /** The region is a piece of a line longer than `maxLine`. */
  piece: boolean
}

interface Line {
  /** Without its line feed. */
  text: string
  newline: boolean
  /** Continues a line cut into pieces (does not start at a line start). */
  cont: boolean
  /** Is cut: the line goes on in the next piece. */
  more: boolean
  offset: number
  line: number
  column: number
  newlines: number
}

interface DirectiveState {
  all: boolean
  perRule: Set<string>
  except: Set<string>
}

interface Span {
  start: number
  end: number
  kind: string
  ruleIds: string[]
}

/**
 * Cuts a text that arrives in chunks into blocks of whole lines (or pieces of very long lines),
 * each with its context, so a file of any size is checked in bounded memory. Push text with
 * `push`, then call `end`; both return the blocks completed.
 */
export class Blocker {
  private partial = ''
  private offset = 0
  private line = 1
  private column = 1
  private newlines = 0
  private continuing = false
  private pending: Line[] = []
  private pendingSize = 0
  private bodyEnd = -1
  private ahead = 0
  private aheadSize = 0
  private history: Line[] = []
  private index = 0
  private state: DirectiveState = { all: false, perRule: new Set(), except: new Set() }
  private spans: Span[] = []
  private contextStart = 0
  private lastSpanStart = -1
  private cut = 0

  /** @param sizes Block and line sizes. */
  constructor(private readonly sizes: BlockSizes = defaultBlockSizes) {}

  /** Add decoded text; returns the blocks it completes. */
  push(chunk: string): Block[] {
    const out: Block[] = []
    let from = 0
    for (;;) {
      const feed = chunk.indexOf('\n', from)
      if (feed === -1) break
      this.partial += chunk.slice(from, feed)
      this.cutPieces(out)
      this.addLine(this.partial, true, out)
      this.partial = ''
      from = feed + 1
    }
    this.partial += chunk.slice(from)
    this.cutPieces(out)
    return out
  }

  /** The text has ended; returns the remaining blocks. */
  end(): Block[] {
    const out: Block[] = []
    if (this.partial !== '' || this.continuing || this.offset === 0) {
      // The last line (without a line feed), or an empty text: one empty line.
      this.addLine(this.partial, false, out)
      this.partial = ''
    }
    // The rest, or an empty region at the end (where only a finding at the very end can start).
    out.push(this.build(this.pending, [], true, false))
    this.pending = []
    return out
  }

  // Cut the open line into pieces while it is longer than maxLine.
  private cutPieces(out: Block[]) {
    const max = this.sizes.maxLine
    while (this.partial.length > max) {
      const cut = cutPoint(this.partial, max)
      const piece = this.partial.slice(0, cut)
      this.partial = this.partial.slice(cut)
      this.addPiece(piece, out)
    }
  }

  /** Lines cut into pieces so far. */
  get cutLines(): number {
    return this.cut
  }

  private addPiece(text: string, out: Block[]) {
    if (!this.continuing) this.cut++
    const line = this.makeLine(text, false, this.continuing, true)
    this.continuing = true
    this.alone(line, out)
  }

  // A piece of a long line goes in a block of its own; a body waiting for its next paragraph
  // gets the piece as its right context first.
  private alone(line: Line, out: Block[]) {
    if (this.pending.length > 0) out.push(this.build(this.pending, [line], false, false))
    this.pending = []
    this.pendingSize = 0
    this.bodyEnd = -1
    this.ahead = 0
    this.aheadSize = 0
    out.push(this.build([line], [], false, true))
  }

  private addLine(text: string, newline: boolean, out: Block[]) {
    if (this.continuing) {
      // The last piece of a long line.
      const line = this.makeLine(text, newline, true, false)
      this.continuing = false
      this.alone(line, out)
      return
    }
    const line = this.makeLine(text, newline, false, false)
    this.pending.push(line)
    if (this.bodyEnd === -1) {
      this.pendingSize += text.length + 1
      if (this.pendingSize >= this.sizes.block) this.bodyEnd = this.pending.length
      return
    }
    // Looking ahead after a full body: the next paragraphs are its right context.
    if (text.trim() !== '') this.ahead++
    this.aheadSize += text.length + 1
    if (
      this.ahead >= this.sizes.contextLines ||
      this.aheadSize > this.sizes.maxLine ||
      this.pending.length - this.bodyEnd > 4096
    ) {
      this.ahead = 0
      this.aheadSize = 0
      const body = this.pending.slice(0, this.bodyEnd)
      const right = this.pending.slice(this.bodyEnd)
      out.push(this.build(body, right, false, false))
      this.pending = right
      this.pendingSize = right.reduce((n, l) => n + l.text.length + 1, 0)
      this.bodyEnd = this.pendingSize >= this.sizes.block ? this.pending.length : -1
    }
  }

  private makeLine(text: string, newline: boolean, cont: boolean, more: boolean): Line {
    const line: Line = {
      text,
      newline,
      cont,
      more,
      offset: this.offset,
      line: this.line,
      column: this.column,
      newlines: this.newlines,
    }
    this.offset += text.length + (newline ? 1 : 0)
    let returns = 0
    let lastReturn = -1
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
      returns++
      lastReturn = i
    }
    if (newline) {
      // `\r\n` is one line break, as vfile-location counts them.
      this.line += returns + 1 - (text.endsWith('\r') ? 1 : 0)
      this.column = 1
      this.newlines++
    } else {
      this.line += returns
      this.column = lastReturn === -1 ? this.column + text.length : text.length - lastReturn
    }
    return line
  }

  private build(body: readonly Line[], right: readonly Line[], last: boolean, piece: boolean) {
    const first = body[0] ?? this.endLine()
    const left = piece ? [] : this.leftContext()
    const contextStart = left[0]?.offset ?? first.offset
    this.advanceState(Math.max(contextStart, this.contextStart))
    this.contextStart = Math.max(contextStart, this.contextStart)
    const prefix = this.prefix()
    const leftText = joinLines(left)
    const bodyText = joinLines(body)
    const text = prefix + leftText + bodyText + joinLines(right)
    const start = prefix.length + leftText.length
    const block: Block = {
      index: this.index++,
      text,
      start,
      end: start + bodyText.length,
      last,
      offset: first.offset,
      line: first.line,
      column: first.column,
      newlines: first.newlines,
      piece,
    }
    this.remember(text, prefix.length, contextStart)
    for (const line of body) this.keep(line)
    return block
  }

  // Where the text ends (for an empty last block).
  private endLine(): Line {
    return {
      text: '',
      newline: false,
      cont: false,
      more: false,
      offset: this.offset,
      line: this.line,
      column: this.column,
      newlines: this.newlines,
    }
  }

  private keep(line: Line) {
    this.history.push(line)
    let nonBlank = 0
    let size = 0
    let from = this.history.length
    while (from > 0) {
      const candidate = this.history[from - 1]!
      if (nonBlank >= this.sizes.contextLines || size + candidate.text.length > this.sizes.maxLine)
        break
      size += candidate.text.length + 1
      if (candidate.text.trim() !== '') nonBlank++
      from--
    }
    if (from > 0) this.history = this.history.slice(from)
  }

  private leftContext(): Line[] {
    return this.history
  }

  // Directive comments in a block's text, in whole-text offsets, for the state of later blocks.
  private remember(text: string, prefixLength: number, contextStart: number) {
    if (!text.includes('mtclean-')) return
    for (const directive of parseDirectives(text)) {
      if (directive.start < prefixLength) continue
      if (directive.kind !== 'disable' && directive.kind !== 'enable') continue
      const start = contextStart + directive.start - prefixLength
      // Blocks overlap: a directive already seen in an earlier block's text is not added again.
      if (start <= this.lastSpanStart) continue
      this.lastSpanStart = start
      this.spans.push({
        start,
        end: contextStart + directive.end - prefixLength,
        kind: directive.kind,
        ruleIds: directive.ruleIds,
      })
    }
  }

  // Apply the range directives that end before `position` (as `applyDirectives` does).
  private advanceState(position: number) {
    const { state } = this
    while (this.spans.length > 0 && this.spans[0]!.end <= position) {
      const span = this.spans.shift()!
      if (span.ruleIds.length === 0) {
        state.all = span.kind === 'disable'
        state.perRule.clear()
        state.except.clear()
        continue
      }
      for (const id of span.ruleIds) {
        if (span.kind === 'disable') {
          state.perRule.add(id)
          state.except.delete(id)
        } else {
          state.perRule.delete(id)
          if (state.all) state.except.add(id)
        }
      }
    }
  }

  // Comments that restore the state: a blanket disable, its exceptions, per-rule disables.
  private prefix(): string {
    const { all, perRule, except } = this.state
    let text = all ? '<!-- mtclean-disable -->\n' : ''
    for (const id of except) text += `<!-- mtclean-enable ${id} -->\n`
    for (const id of perRule) text += `<!-- mtclean-disable ${id} -->\n`
    return text
  }
}

function joinLines(lines: readonly Line[]): string {
  let text = ''
  for (const line of lines) text += line.newline ? `${line.text}\n` : line.text
  return text
}

/**
 * Where to cut a long line: after a sentence end (`. ` before a capital), else after a space,
 * in the second half of the allowed length; else at the limit. Never inside a surrogate pair or
 * right after a carriage return.
 */
export function cutPoint(text: string, max: number): number {
  const half = max >> 1
  let space = -1
  for (let i = max; i > half; i--) {
    const before = text.charCodeAt(i - 1)
    if (before !== 32) continue
    if (space === -1) space = i
    const mark = text.charCodeAt(i - 2)
    const next = text.charCodeAt(i)
    if ((mark === 46 || mark === 33 || mark === 63) && next >= 65 && next <= 90) return i
  }
  if (space !== -1) return space
  let cut = max
  const previous = text.charCodeAt(cut - 1)
  if (previous >= 0xd800 && previous <= 0xdbff) cut--
  if (text.charCodeAt(cut - 1) === 13) cut--
  return Math.max(cut, 1)
}
