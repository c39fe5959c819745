import { defineRule } from '../src/engine/define-rule.js'
import { maybeCjk, Prefiltered } from '../src/engine/prefilter.js'

// A space after a word and before punctuation: `cases ,`, `the end .`, `great !?`.
// Left alone: spaced dashes, ellipses (`wait ...`, `. . .`), a decimal without its zero
// (`a .5 mm bit`: the `.` starts a number), file endings (`.txt`), scores and ratios
// (`2 : 1`), emoticons (`: )`), a mark named as a symbol (`instead of :`), French spacing
// (no-break spaces), Markdown task boxes (`- [ ]`), code and CJK text.
// The pattern starts with a space, which the engine scans for fast; a one-character lookahead
// then rejects most spaces before the lookbehind runs.
const spaced = / (?=[ ,;:.!?])(?<=[\p{L}\p{N}%)\]'\u201d\u2019] ) *(?:[,;:.]|[!?]+)/gu
const parens = /\(([^()]*)\)/gu
const brackets = /\[([^[\]]*)\]/gu
const codeLike = /`/u
// Chinese, Japanese and Korean text: spacing there follows other rules.
const cjk = new Prefiltered(
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u,
  maybeCjk,
)
const wordChar = /[\p{L}\p{N}_]/u
const space = /\s/u
const digit = /\p{N}/u
const closingQuote = /["'\u201d\u2019]/u
// What may start the text after a spaced `.`: a new sentence, a quotation, a bracket.
const sentenceStart = /[\p{Lu}\p{N}"'(\u201c\u2018]/u
// `: )`, `; -)`: emoticons.
const emoticon = /[()\-DPp]/u
// `- [ ] task`, `1. [ x ] task`: a Markdown task list box.
// A mark named as a symbol: `instead of :`, `a , or a ;`.
const namesMark = /(?:^|\s)(?:of|or|and|a|an|the|than|like|with|use|by|not)$/iu
// Shell tests and code in brackets: `[[ -d $DIR ]]`, `( a == b )`.
const codeInside = /[$=\\|{}<>]/u
const taskBox = /^\s*(?:[-*+]|\d+[.)])\s+\[/u

/** The first non-space character at or after `index`, or '' at the end. */
function nextVisible(text: string, index: number): string {
  let i = index
  while (i < text.length && space.test(text[i]!)) i++
  return text[i] ?? ''
}

/** Whether the spaced punctuation mark ending at `end` is a real error. */
function misplaced(text: string, spacesStart: number, mark: string, end: number): boolean {
  const next = text[end] ?? ''
  const after = nextVisible(text, end)
  const ends = next === '' || space.test(next) || closingQuote.test(next)
  switch (mark) {
    case ',':
      return ends || /\p{L}/u.test(next)
    case '.':
      return ends && (after === '' || closingQuote.test(after) || sentenceStart.test(after))
    case ':':
    case ';':
      if (!ends || emoticon.test(after)) return false
      return !(mark === ':' && digit.test(text[spacesStart - 1] ?? '') && digit.test(after))
    default:
      return ends && next !== '='
  }
}

/** The word (or mark) just before `end`, at most 20 characters, for messages. */
function wordBefore(text: string, end: number): string {
  let start = end
  while (start > 0 && end - start < 20 && !space.test(text[start - 1]!)) start--
  return text.slice(start, end)
}

export default defineRule({
  meta: {
    id: 'space-before-punctuation',
    category: 'spacing',
    severity: 'error',
    fixable: 'safe',
    description: 'No space before punctuation or inside brackets (`cases ,`, `( word )`)',
    examples: [
      { bad: 'In 720 cases , the police acted.', fixed: 'In 720 cases, the police acted.' },
      { bad: 'This is the end .', fixed: 'This is the end.' },
      { bad: 'The plan ( draft ) was approved.', fixed: 'The plan (draft) was approved.' },
    ],
    good: ['Read pages 10 - 20 before class ...', 'The bit is .5 inch wide; the score 2 : 1.'],
  },
  trigger: / (?=[ ,;:.!?])(?<=[\p{L}\p{N}%)\]'\u201d\u2019] ) *[,;:.!?]|[([] | [)\]]/u,
  check({ text, report }) {
    if (codeLike.test(text)) return
    for (const match of text.matchAll(spaced)) {
      const start = match.index
      const end = start + match[0].length
      const mark = match[0].trimStart()
      if (!misplaced(text, start, mark, end) || cjk.test(text[start - 1] ?? '')) continue
      const word = wordBefore(text, start)
      if (namesMark.test(word)) continue
      report({
        start,
        end,
        message: `Unexpected \`${word}${match[0]}\`, expected \`${word}${mark}\``,
        expected: [mark],
        fix: { start, end, text: mark },
      })
    }
    const box = taskBox.exec(text)
    const boxAt = box ? box[0].length - 1 : -1
    for (const pattern of [parens, brackets]) {
      for (const match of text.matchAll(pattern)) {
        const open = match.index
        const inner = match[1]!
        const close = open + inner.length + 1
        if (inner.trim() === '' || open === boxAt || wordChar.test(text[open - 1] ?? '')) continue
        if (codeInside.test(inner) || text[open - 1] === text[open] || cjk.test(inner)) continue
        let lead = 0
        while (inner[lead] === ' ') lead++
        let trail = 0
        while (inner[inner.length - 1 - trail] === ' ') trail++
        const opener = text[open]!
        const closer = text[close]!
        if (lead > 0) {
          report({
            start: open,
            end: open + 1 + lead,
            message: `Unexpected space after \`${opener}\``,
            expected: [opener],
            fix: { start: open, end: open + 1 + lead, text: opener },
          })
        }
        if (trail > 0) {
          report({
            start: close - trail,
            end: close + 1,
            message: `Unexpected space before \`${closer}\``,
            expected: [closer],
            fix: { start: close - trail, end: close + 1, text: closer },
          })
        }
      }
    }
  },
})
