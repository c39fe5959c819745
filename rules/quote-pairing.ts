import { defineRule } from '../src/engine/define-rule.js'
import type { Report } from '../src/engine/types.js'
import {
  charBoundary,
  gluedToArticle,
  looksLikeCode,
  type QuoteShape,
  quoteShape,
} from './quote-spacing.js'

const openDouble = '\u201c'
const closeDouble = '\u201d'
const openSingle = '\u2018'
const closeSingle = '\u2019'

/** A double quote mark as the walk sees it; a doubled mark counts once. */
interface Mark {
  index: number
  glyph: string
  shape: QuoteShape
}

type Role = 'open' | 'close'

const doubled = /(["\u201c\u201d])\1/gu
const wordChar = /[\p{L}\p{N}]/u
const closerBefore = /[\p{L}\p{N}.,!?]/u
const startsQuote = /^\s*["\u201c\u2018]/u
const doubleMark = /["\u201c\u201d]/gu
const singleMark = /[\u2018\u2019]/gu
const letter = /\p{L}/u
const digit = /\p{N}/u

/** Up to about 24 characters from `index`, cut at a space, for messages. */
function after(text: string, index: number): string {
  const rest = text.slice(index, charBoundary(text, index + 30))
  if (rest.length < 30) return rest
  const cut = rest.lastIndexOf(' ', 24)
  return `${rest.slice(0, cut > 1 ? cut : charBoundary(rest, 24))}…`
}

/** Up to about 24 characters ending at `end`, cut at a space, for messages. */
function before(text: string, end: number): string {
  const start = charBoundary(text, Math.max(0, end - 30))
  const part = text.slice(start, end)
  if (start === 0) return part
  const cut = part.indexOf(' ', part.length - 24)
  return `…${part.slice(cut === -1 ? charBoundary(part, part.length - 24) : cut + 1)}`
}

/** Whether a paragraph leaves a quotation open (odd count of double marks). */
function leavesOpen(text: string): boolean {
  let count = 0
  for (const _ of text.matchAll(doubleMark)) count++
  return count % 2 === 1
}

function unclosed(text: string, mark: Mark): Report {
  return {
    start: mark.index,
    end: mark.index + 1,
    message: `Unexpected \`${after(text, mark.index)}\` with no closing quote in this paragraph`,
  }
}

function stray(text: string, mark: Mark): Report {
  return {
    start: mark.index,
    end: mark.index + 1,
    message: `Unexpected closing \`${mark.glyph}\` in \`${before(text, mark.index + 1)}\` with no opening quote`,
  }
}

function swap(mark: Mark, glyph: string, why: string): Report {
  return {
    start: mark.index,
    end: mark.index + 1,
    message: `Unexpected \`${mark.glyph}\` ${why}, expected \`${glyph}\``,
    expected: [glyph],
    suggestions: [
      {
        label: `Use \`${glyph}\``,
        edits: [{ start: mark.index, end: mark.index + 1, text: glyph }],
      },
    ],
  }
}

/**
 * The role of each mark in a paragraph with curly double quotes, or undefined when unsure.
 * A glyph is taken as wrong only when the pairing shows it: a second `“` that closes
 * (`“yes“ and`), or a `”` that opens before another `”` (`”yes” and`); a misplaced but right
 * glyph (`the“ word ”and`) is quote-spacing's business.
 */
function curlyRoles(marks: readonly Mark[], out: Report[]): Role[] | undefined {
  const roles: Role[] = []
  const swaps: Report[] = []
  let open = false
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!
    const next = marks[k + 1]
    let role: Role
    if (mark.glyph === openDouble) {
      role = open && mark.shape === 'close' ? 'close' : 'open'
      if (role === 'close') swaps.push(swap(mark, closeDouble, 'closing a quote'))
    } else if (mark.glyph === closeDouble) {
      const closesNext =
        next?.glyph === closeDouble || (next?.glyph === '"' && next.shape === 'close')
      role = !open && mark.shape === 'open' && closesNext ? 'open' : 'close'
      if (role === 'open') swaps.push(swap(mark, openDouble, 'opening a quote'))
    } else if (mark.shape === 'open' || mark.shape === 'close') role = mark.shape
    else return undefined
    roles.push(role)
    open = role === 'open'
  }
  out.push(...swaps)
  return roles
}

/**
 * The role of each straight mark, or undefined when unsure (ditto marks). A quote glued to an
 * article opens (`the" Hundred`), and an open-shaped quote right after it closes.
 */
function straightRoles(text: string, marks: readonly Mark[]): (Role | 'skip')[] | undefined {
  const roles: (Role | 'skip')[] = []
  let open = false
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!
    let role: Role | 'skip'
    if (mark.shape === 'spaced') return undefined
    if (mark.shape === 'glued') role = open ? 'close' : 'open'
    else if (mark.shape === 'close' && gluedToArticle(text, mark.index)) role = 'open'
    else if (mark.shape === 'open' && roles[k - 1] === 'open' && marks[k - 1]!.shape === 'close')
      role = 'close'
    else if (mark.shape === 'close' && !open && digit.test(text[mark.index - 1] ?? ''))
      role = 'skip' // an inch or seconds mark: `a 27" monitor`, `10' 30"`
    else role = mark.shape
    roles.push(role)
    if (role !== 'skip') open = role === 'open'
  }
  return roles
}

/** Pair the double marks in order and report what does not pair. */
function walk(
  text: string,
  marks: readonly Mark[],
  roles: readonly (Role | 'skip')[],
  context: { next: string; previous: string },
  out: Report[],
) {
  let open: Mark | undefined
  let first = true
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!
    const role = roles[k]
    if (role === 'skip') continue
    const isFirst = first
    first = false
    if (role === 'open') {
      if (open) out.push(unclosed(text, open))
      open = mark
      continue
    }
    if (!open) {
      // A quotation carried over from the previous paragraph without a new opening mark.
      const continued = isFirst && leavesOpen(context.previous)
      if (!continued) out.push(stray(text, mark))
      continue
    }
    if (open.glyph === openDouble && mark.glyph === '"') {
      out.push(swap(mark, closeDouble, `closing \`${openDouble}\``))
    } else if (open.glyph === '"' && mark.glyph === closeDouble) {
      out.push(swap(open, openDouble, `opening a quote closed by \`${closeDouble}\``))
    }
    open = undefined
  }
  if (open && !startsQuote.test(context.next)) out.push(unclosed(text, open))
}

/** Report `‘` that no `’` closes (a `’` between letters is an apostrophe, never a closer). */
function singles(text: string, next: string, out: Report[]) {
  const found = [...text.matchAll(singleMark)].map((m) => m.index)
  for (let k = 0; k < found.length; k++) {
    const index = found[k]!
    if (text[index] !== openSingle || quoteShape(text, index) !== 'open') continue
    if (digit.test(text[index + 1] ?? '')) continue // `‘90s`: a misturned apostrophe
    let closed = false
    let j = k + 1
    for (; j < found.length; j++) {
      const at = found[j]!
      if (text[at] === openSingle && quoteShape(text, at) === 'open') break
      const inside = letter.test(text[at - 1] ?? '') && letter.test(text[at + 1] ?? '')
      if (text[at] === closeSingle && !inside) {
        closed = true
        break
      }
    }
    if (!closed && !(j === found.length && startsQuote.test(next))) {
      out.push({
        start: index,
        end: index + 1,
        message: `Unexpected \`${after(text, index)}\` with no closing \`${closeSingle}\` in this paragraph`,
      })
    }
    k = j - 1
  }
}

export default defineRule({
  meta: {
    id: 'quote-pairing',
    category: 'quotes',
    severity: 'warn',
    fixable: 'suggestion',
    description: 'Quotes that do not pair: unclosed, doubled (`""word""`) or mixed (`“word"`)',
    examples: [
      { bad: 'the ""safe summer"" campaign', fixed: 'the "safe summer" campaign' },
      { bad: 'the “safe summer" campaign', fixed: 'the “safe summer” campaign' },
      { bad: 'the ”safe summer” campaign', fixed: 'the “safe summer” campaign' },
    ],
    good: [
      'the "safe summer" campaign',
      'the workers’ union and the “safe summer” campaign',
      'He said: “The first part ends here.\n“And the second part ends here.”',
    ],
  },
  trigger: /["\u201c\u201d\u2018]/u,
  check({ text, next, previous, report }) {
    if (looksLikeCode(text)) return
    const out: Report[] = []
    const skip = new Set<number>()
    for (const match of text.matchAll(doubled)) {
      const i = match.index
      const glyph = match[1]!
      if (text[i - 1] === glyph || text[i + 2] === glyph) continue
      const shape = quoteShape(text, i, 2)
      const opens = shape === 'open' && wordChar.test(text[i + 2] ?? '')
      const closes = shape === 'close' && closerBefore.test(text[i - 1] ?? '')
      if (!opens && !closes) continue
      skip.add(opens ? i + 1 : i)
      out.push({
        start: i,
        end: i + 2,
        message: `Unexpected doubled \`${glyph}${glyph}\`, expected \`${glyph}\``,
        expected: [glyph],
        suggestions: [
          { label: `Remove one \`${glyph}\``, edits: [{ start: i + 1, end: i + 2, text: '' }] },
        ],
      })
    }
    const marks: Mark[] = []
    for (const match of text.matchAll(doubleMark)) {
      const i = match.index
      if (skip.has(i)) continue
      const width = skip.has(i + 1) ? 2 : 1
      const start = skip.has(i - 1) ? i - 1 : i
      marks.push({ index: i, glyph: match[0], shape: quoteShape(text, start, width + i - start) })
    }
    const curly = marks.some((m) => m.glyph !== '"')
    if (curly) {
      const found: Report[] = []
      const roles = curlyRoles(marks, found)
      if (roles) walk(text, marks, roles, { next, previous }, found)
      out.push(...found)
    } else if (marks.length % 2 === 1) {
      const roles = straightRoles(text, marks)
      if (roles) walk(text, marks, roles, { next, previous }, out)
    }
    if (text.includes(openSingle)) singles(text, next, out)
    for (const r of out) report(r)
  },
})
