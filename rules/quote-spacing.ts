import { defineRule } from '../src/engine/define-rule.js'
import { maybeCjk, Prefiltered } from '../src/engine/prefilter.js'
import type { Edit } from '../src/engine/types.js'

/**
 * How a straight `"` sits between its neighbours: `open` (space before, word after),
 * `close` (word before, space or punctuation after), `glued` (no space either side) or
 * `spaced` (space both sides, as a ditto mark).
 */
export type QuoteShape = 'open' | 'close' | 'glued' | 'spaced'

const freeBefore = /[\s([{/\u2013\u2014]/u
const freeAfter = /[\s.,;:!?)\]}/\u2013\u2014\u2026]/u

/** The shape of the quote mark at `index` in `text` (`width` 2 for a doubled mark). */
export function quoteShape(text: string, index: number, width = 1): QuoteShape {
  const before = text[index - 1]
  const after = text[index + width]
  const left = before === undefined || freeBefore.test(before)
  const right = after === undefined || freeAfter.test(after)
  if (left) return right ? 'spaced' : 'open'
  return right ? 'close' : 'glued'
}

// JSON, attributes, code: `{"a": 1}`, `x = "y"`, `\"`, backticks.
const codeLike = /`|[{[=]\s*"|"\s*:\s*["{[\d]|\\"/u

// Chinese, Japanese and Korean text sets quotes without spaces: `拨打“12119”电话`.
const cjk = new Prefiltered(
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u,
  maybeCjk,
)

/** Whether a paragraph looks like code or data, where quote marks follow other rules. */
export function looksLikeCode(text: string): boolean {
  return codeLike.test(text)
}

// Lower-case `a`/`an` only: `"Plan A" was` ends a quotation on a label, not an article.
const determiner = /(?:^|[\s(])(?:[Tt]he|an?)$/u

/**
 * Whether the close-shaped quote at `index` surely opens a quotation because of the word it is
 * glued to: no quotation ends on an article (`of the" Hundred Days`), unless the article is
 * itself quoted (`"the"`).
 */
export function gluedToArticle(text: string, index: number): boolean {
  return determiner.test(text.slice(Math.max(0, index - 4), index))
}

const blank = /[ \t]/u
const wordStart = /[\p{L}\p{N}'\u2018(]/u
const wordEnd = /[\p{L}\p{N}.,!?;:%)'\u2019]/u
const letter = /\p{L}/u
const lowerLetter = /\p{Ll}/u
const digit = /\p{N}/u
const firmCloser = /[.,!?;]/u
const gluedOpenerAfter = /[\p{L}\p{N},.:;!?]/u
const sentenceBreak = /[.!?]\s/u
const openCurly = '\u201c'
const closeCurly = '\u201d'
const curlyDouble = /[\u201c\u201d]/gu
// `don"t`, `it"s`: a straight quote typed for an apostrophe.
const contraction = /^(?:t|s|re|ve|ll|d|m)(?![\p{L}\p{N}])/u

/** `of the" Hundred` → `of the "Hundred`: move a quote right, past the spaces after it. */
function moveRight(text: string, index: number): Edit | undefined {
  let end = index + 1
  while (end < text.length && blank.test(text[end]!)) end++
  if (end === index + 1 || !wordStart.test(text[end] ?? '')) return undefined
  return { start: index, end, text: `${text.slice(index + 1, end)}${text[index]}` }
}

/** `Days "and` → `Days" and`: move a quote left, past the spaces before it. */
function moveLeft(text: string, index: number): Edit | undefined {
  let start = index
  while (start > 0 && blank.test(text[start - 1]!)) start--
  if (start === index || !wordEnd.test(text[start - 1] ?? '')) return undefined
  return { start, end: index + 1, text: `${text[index]}${text.slice(start, index)}` }
}

/** What to change for a quote that opens a quotation, or null (fine), or undefined (unsure). */
function asOpener(text: string, index: number, shape: QuoteShape): Edit | null | undefined {
  const before = text[index - 1] ?? ''
  if (shape === 'open') return null
  if (shape === 'spaced' || digit.test(before)) return undefined
  if (shape === 'close') return firmCloser.test(before) ? undefined : moveRight(text, index)
  const after = text[index + 1] ?? ''
  if (!gluedOpenerAfter.test(before) || !wordStart.test(after)) return undefined
  if (contraction.test(text.slice(index + 1, index + 4))) return undefined
  return { start: index, end: index + 1, text: ' "' }
}

const closingPunctuation = /^[.,;:!?)\]]?$/u

/** `street ".`, `Action "` at the end: a closer with a stray space, not a ditto mark. */
function spacedCloser(text: string, index: number, shape: QuoteShape): boolean {
  return (
    shape === 'spaced' && text[index - 1] === ' ' && closingPunctuation.test(text[index + 1] ?? '')
  )
}

/** `street ".` → `street".`: drop the spaces before a closer that ends a clause. */
function dropSpaceBefore(text: string, index: number): Edit | undefined {
  const edit = moveLeft(text, index)
  return edit && { start: edit.start, end: edit.end, text: text[index]! }
}

/** What to change for a quote that closes a quotation, or null (fine), or undefined (unsure). */
function asCloser(text: string, index: number, shape: QuoteShape): Edit | null | undefined {
  const after = text[index + 1] ?? ''
  if (shape === 'close') return null
  if (spacedCloser(text, index, shape)) return dropSpaceBefore(text, index)
  if (shape === 'spaced' || digit.test(after)) return undefined
  if (shape === 'open') return moveLeft(text, index)
  if (!letter.test(after) || !wordEnd.test(text[index - 1] ?? '')) return undefined
  if (contraction.test(text.slice(index + 1, index + 4))) return undefined
  return { start: index, end: index + 1, text: '" ' }
}

interface PairFix {
  edits: Edit[]
}

/** Fixes by pairing the quotes 1–2, 3–4…; undefined when any pair is unclear. */
function byParity(text: string, quotes: readonly number[], shapes: readonly QuoteShape[]) {
  const fixes: PairFix[] = []
  // `"He said "no" to me"`: quotes nested in quotes of the same kind; pairing is unclear.
  if (shapes.join(' ').includes('open open close close')) return undefined
  for (let k = 0; k + 1 < quotes.length; k += 2) {
    const open = quotes[k]!
    const close = quotes[k + 1]!
    const openEdit = asOpener(text, open, shapes[k]!)
    const closeEdit = asCloser(text, close, shapes[k + 1]!)
    if (openEdit === undefined || closeEdit === undefined) return undefined
    if (!openEdit && !closeEdit) continue
    const inner = text.slice(open + 1, close)
    if (inner.length > 200 || inner.trim() === '') return undefined
    if (openEdit && closeEdit && sentenceBreak.test(inner)) return undefined
    fixes.push({ edits: [openEdit, closeEdit].filter((e) => e !== null) })
  }
  return fixes
}

/** Fixes anchored on a quote glued to an article or a colon; works with an odd count too. */
function byAnchors(text: string, quotes: readonly number[], shapes: readonly QuoteShape[]) {
  const fixes: PairFix[] = []
  for (let k = 0; k < quotes.length; k++) {
    const open = quotes[k]!
    if (shapes[k] !== 'close') continue
    const colon = text[open - 1] === ':' && letter.test(text[open - 2] ?? '')
    const outside = k === 0 || shapes[k - 1] === 'close'
    if (!gluedToArticle(text, open) && !(colon && outside)) continue
    const openEdit = moveRight(text, open)
    if (!openEdit) continue
    const edits = [openEdit]
    const close = quotes[k + 1]
    if (close !== undefined) {
      const inner = text.slice(open + 1, close)
      const after = text[close + 1] ?? ''
      let closeEdit: Edit | null | undefined
      if (inner.length <= 120 && !/[.!?;"]/u.test(inner)) {
        const shape = shapes[k + 1]!
        if (shape === 'open' && lowerLetter.test(after)) closeEdit = moveLeft(text, close)
        else if (shape === 'glued' || shape === 'spaced') closeEdit = asCloser(text, close, shape)
      }
      if (closeEdit) {
        edits.push(closeEdit)
        k++
      }
    }
    fixes.push({ edits })
  }
  return fixes
}

/** What to change for a `“`: its glyph says it opens, so only its spacing can be wrong. */
function curlyOpener(text: string, index: number, shape: QuoteShape): Edit | null | undefined {
  if (shape === 'open') return null
  if (shape === 'close') return moveRight(text, index)
  const glued = shape === 'glued' && gluedOpenerAfter.test(text[index - 1] ?? '')
  return glued && wordStart.test(text[index + 1] ?? '')
    ? { start: index, end: index + 1, text: ` ${openCurly}` }
    : undefined
}

/** What to change for a `”`: its glyph says it closes, so only its spacing can be wrong. */
function curlyCloser(text: string, index: number, shape: QuoteShape): Edit | null | undefined {
  if (shape === 'close') return null
  if (shape === 'open') return moveLeft(text, index)
  if (spacedCloser(text, index, shape)) return dropSpaceBefore(text, index)
  const glued = shape === 'glued' && letter.test(text[index + 1] ?? '')
  return glued && wordEnd.test(text[index - 1] ?? '')
    ? { start: index, end: index + 1, text: `${closeCurly} ` }
    : undefined
}

/**
 * Fixes for curly quotes, whose glyphs tell opener from closer: `the“ Hundred Days ”and`.
 * Only when every `“` is followed by its `”`; any other order leaves the paragraph alone.
 */
function byGlyphs(text: string): PairFix[] {
  const marks: number[] = []
  for (const match of text.matchAll(curlyDouble)) marks.push(match.index)
  const fixes: PairFix[] = []
  for (let k = 0; k < marks.length; k += 2) {
    const open = marks[k]!
    const close = marks[k + 1]
    if (text[open] !== openCurly || close === undefined || text[close] !== closeCurly) return []
    const openEdit = curlyOpener(text, open, quoteShape(text, open))
    const closeEdit = curlyCloser(text, close, quoteShape(text, close))
    if (openEdit === undefined || closeEdit === undefined) return []
    if (!openEdit && !closeEdit) continue
    const inner = text.slice(open + 1, close)
    if (inner.length > 200 || inner.trim() === '') return []
    if (openEdit && closeEdit && sentenceBreak.test(inner)) return []
    fixes.push({ edits: [openEdit, closeEdit].filter((e) => e !== null) })
  }
  return fixes
}

/** Offsets of every straight `"` in `text`. */
export function straightQuotes(text: string): number[] {
  const quotes: number[] = []
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes.push(i)
  return quotes
}

const nonSpace = /\S/u

/** `at` in `text`, moved off the middle of a surrogate pair, for cutting excerpts. */
export function charBoundary(text: string, at: number): number {
  const code = text.charCodeAt(at)
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at
}

/** A short excerpt: the changed span plus the words glued to it, long middles elided. */
function excerpt(text: string, start: number, end: number, middle: string): string {
  let from = start
  while (from > 0 && start - from < 20 && nonSpace.test(text[from - 1]!)) from--
  let to = end
  while (to < text.length && to - end < 20 && nonSpace.test(text[to]!)) to++
  const body =
    middle.length > 60
      ? `${middle.slice(0, charBoundary(middle, 25))}…${middle.slice(charBoundary(middle, middle.length - 25))}`
      : middle
  return text.slice(from, start) + body + text.slice(end, to)
}

export default defineRule({
  meta: {
    id: 'quote-spacing',
    category: 'quotes',
    severity: 'error',
    fixable: 'safe',
    description:
      'Double quotes glued to the wrong word (`the" Hundred Days "and`, `the“ word ”and`)',
    examples: [
      { bad: 'the" Hundred Days "and', fixed: 'the "Hundred Days" and' },
      { bad: 'He said:" we will win" at once.', fixed: 'He said: "we will win" at once.' },
      { bad: 'a "quoted "phrase here', fixed: 'a "quoted" phrase here' },
    ],
    good: [
      'the "Hundred Days" campaign',
      'She bought a 27" monitor.',
      '"Yes," he said, "we will."',
    ],
  },
  trigger:
    /"(?:[^"]*"|(?<=[\p{L}:]") )|\u201c(?<=[^\s([{\u2013\u2014]\u201c)|\u201d(?=[^\s.,;:!?)\]}/\u2013\u2014\u2026])/u,
  check({ text, report }) {
    if (looksLikeCode(text) || text.includes('""') || cjk.test(text)) return
    const quotes = straightQuotes(text)
    const curly = /[\u201c\u201d]/u.test(text)
    if (curly && quotes.length > 0) return // mixed marks are quote-pairing's business
    const shapes = quotes.map((q) => quoteShape(text, q))
    const ditto = shapes.some(
      (shape, k) => shape === 'spaced' && !spacedCloser(text, quotes[k]!, shape),
    )
    const even = quotes.length % 2 === 0 && !ditto
    const fixes = curly
      ? byGlyphs(text)
      : (even && byParity(text, quotes, shapes)) || byAnchors(text, quotes, shapes)
    for (const { edits } of fixes) {
      const start = Math.min(...edits.map((e) => e.start))
      const end = Math.max(...edits.map((e) => e.end))
      let fixed = ''
      let cursor = start
      for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
        fixed += text.slice(cursor, edit.start) + edit.text
        cursor = edit.end
      }
      fixed += text.slice(cursor, end)
      const actual = excerpt(text, start, end, text.slice(start, end))
      const expected = excerpt(text, start, end, fixed)
      report({
        start,
        end,
        message: `Unexpected \`${actual}\`, expected \`${expected}\``,
        expected: [fixed],
        fix: { start, end, text: fixed },
      })
    }
  },
})
