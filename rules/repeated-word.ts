import { defineRule } from '../src/engine/define-rule.js'
import { AnsweredTrigger, rememberLast } from '../src/engine/prefilter.js'

/** Options for `repeated-word`. */
export interface RepeatedWordOptions {
  /** More words (lower case) that may legitimately occur twice. */
  allow: string[]
}

// Words English doubles on purpose: grammar (`had had`, `that that`, `gave her her book`,
// emphatic `do do`), reduplication (`bye bye`, `so so`, `tut tut`), fixed names written in lower
// case (`mahi mahi`, `tse tse`), and emphatic intensifiers (`very very`, `many many`), which are
// informal but not a mechanical defect.
const allowed = new Set([
  'had',
  'that',
  'her',
  'do',
  'can',
  'very',
  'really',
  'many',
  'much',
  'so',
  'bye',
  'no',
  'yes',
  'ha',
  'ho',
  'hee',
  'tut',
  'tsk',
  'there',
  'now',
  'well',
  'chop',
  'knock',
  'blah',
  'yadda',
  'beep',
  'boo',
  'choo',
  'la',
  'yum',
  'win',
  'hush',
  'night',
  'pooh',
  'hip',
  'rah',
  'mahi',
  'beri',
  'ylang',
  'tse',
  'sapiens',
])

// Capitalised doubles are names (`Walla Walla`, `Bora Bora`, `Mei Mei`) unless the word is a
// function word, which no name repeats (`The the`).
const functionWords = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'is',
  'are',
  'was',
  'were',
  'be',
  'will',
  'this',
  'it',
  'as',
])

// A word, spaces, and the same word again (case-insensitive). `findDoubles` finds exactly the
// matches of this expression, without its backtracking (ten times faster on long paragraphs).
const doubled = /(?<![\p{L}\p{M}\p{N}'’-])(\p{L}[\p{L}\p{M}'’-]*)[ \t]+\1(?![\p{L}\p{M}\p{N}'’-])/iu

const letter = /\p{L}/u
const inWord = /[\p{L}\p{M}'’-]/u
const digit = /\p{N}/u

// What a character is to a word: 0 outside, 1 a letter, 2 inside only (mark, apostrophe,
// hyphen), 3 a digit (it spoils the word), 4 a space or tab.
const asciiKinds = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  if ((code | 32) >= 97 && (code | 32) <= 122) asciiKinds[code] = 1
  else if (code >= 48 && code <= 57) asciiKinds[code] = 3
  else if (code === 39 || code === 45) asciiKinds[code] = 2
  else if (code === 32 || code === 9) asciiKinds[code] = 4
}

// Kinds of the other BMP characters as they are met, plus one (0: not yet known).
const bmpKinds = new Uint8Array(0x10000)

function kindOf(code: number): number {
  if (code < 128) return asciiKinds[code]!
  if (code <= 0xffff && bmpKinds[code] !== 0) return bmpKinds[code]! - 1
  const character = String.fromCodePoint(code)
  const kind = letter.test(character)
    ? 1
    : inWord.test(character)
      ? 2
      : digit.test(character)
        ? 3
        : 0
  if (code <= 0xffff) bmpKinds[code] = kind + 1
  return kind
}

// Whether the words at `a` and `b` (of `length` UTF-16 units) are equal ignoring case: ASCII
// compared in place, anything else with `sameIgnoringCase`.
function sameWord(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = text.charCodeAt(a + k)
    const y = text.charCodeAt(b + k)
    if (x === y) continue
    if (x >= 128 || y >= 128) {
      return sameIgnoringCase(text.slice(a, a + length), text.slice(b, b + length))
    }
    if ((x | 32) !== (y | 32) || asciiKinds[x] !== 1) return false
  }
  return true
}

/** Equal under case folding as a `/iu` backreference compares (`Σ σ ς`, `s ſ`, `ß ẞ`). */
function sameIgnoringCase(a: string, b: string): boolean {
  return (
    a.toLowerCase() === b.toLowerCase() ||
    a.toUpperCase().toLowerCase() === b.toUpperCase().toLowerCase()
  )
}

/** A word of a double: its text and UTF-16 offsets. */
interface Seen {
  value: string
  start: number
  end: number
}

/**
 * Every pair of equal words (case-insensitive) with only spaces or tabs between them, as the
 * matches of `doubled` would give them, but overlapping (`a a a` gives two pairs).
 */
export function findDoubles(text: string): [Seen, Seen][] {
  const pairs: [Seen, Seen][] = []
  const length = text.length
  // The last complete word (-1: none), while only spaces have followed it.
  let previousStart = -1
  let previousEnd = -1
  let start = -1
  let valid = false
  let spaced = false
  for (let i = 0; i <= length; i++) {
    let kind = 0
    // The next character's extra UTF-16 units (1 for an astral character).
    let extra = 0
    if (i < length) {
      const code = text.charCodeAt(i)
      if (code < 128) kind = asciiKinds[code]!
      else {
        const point = text.codePointAt(i)!
        kind = kindOf(point)
        if (point > 0xffff) extra = 1
      }
    }
    if (kind === 1 || kind === 2 || kind === 3) {
      if (start === -1) {
        start = i
        valid = kind === 1
      } else if (kind === 3) valid = false
      i += extra
      continue
    }
    if (start !== -1) {
      if (
        valid &&
        spaced &&
        previousEnd - previousStart === i - start &&
        sameWord(text, previousStart, start, i - start)
      ) {
        pairs.push([
          { value: text.slice(previousStart, previousEnd), start: previousStart, end: previousEnd },
          { value: text.slice(start, i), start, end: i },
        ])
      }
      previousStart = valid ? start : -1
      previousEnd = i
      spaced = false
      start = -1
    }
    if (kind === 4) spaced = previousStart !== -1
    else previousStart = -1
    i += extra
  }
  return pairs
}

// The engine tests the trigger and then runs the check on the same paragraph: scan it once.
const doublesOf = rememberLast(findDoubles)

// Symbols that join the letters on either side into one word (as the nlcst parser does:
// `example.com`, `and/or`, `AT&T`, `e-mail`): a double glued to more text is not a double.
const joiners = new Set([..."&'-.:=?@_/\u00ad\u00b7\u2010\u2011\u2019\u2027"])
const wordCharacter = /[\p{L}\p{M}\p{N}]/u
const capitalised = /^\p{Lu}[\p{Ll}\p{M}'’-]*$/u
const wordsBefore = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu

/** Whether a doubled word is legitimate English rather than a translation slip. */
function legitimate(first: Seen, second: Seen, before: string[], extra: readonly string[]) {
  const lower = second.value.toLowerCase()
  if (allowed.has(lower) || extra.includes(lower)) return true
  // Abbreviations and initials (`D. D.`) are left alone.
  if (/[\p{N}.]/u.test(lower) || !/\p{L}/u.test(lower)) return true
  // Single letters are labels or grades (`A A B`), except the article `a a`.
  if ([...lower].length === 1 && second.value !== 'a') return true
  if (
    capitalised.test(first.value) &&
    capitalised.test(second.value) &&
    !functionWords.has(lower)
  ) {
    return true
  }
  // `What it is is a plan`: the second `is` is the main verb.
  return lower === 'is' && before.slice(-3).includes('what')
}

/** The last `count` words (lower case) of the sentence before `at`. */
function lastWords(text: string, at: number, count: number): string[] {
  const head = text.slice(Math.max(0, at - 80), at)
  const sentence = head.slice(head.search(/[.!?…][^.!?…]*$/) + 1)
  return (sentence.match(wordsBefore) ?? []).slice(-count).map((w) => w.toLowerCase())
}

/** Whether the word at `start`–`end` is glued to more text by a joining symbol. */
function glued(text: string, start: number, end: number): boolean {
  const before = text[start - 1]
  const after = text[end]
  if (before !== undefined && joiners.has(before)) return true
  return after !== undefined && joiners.has(after) && wordCharacter.test(text[end + 1] ?? '')
}

/**
 * A word doubled by the translation (`housing housing`, `The the`): the repeats are removed and
 * the first kept. Only words separated by plain spaces count (not across a line break or
 * punctuation); numbers are left to `repeated-figure`. No parse tree is needed: words are
 * delimited the way the nlcst parser delimits them, and a double glued to more text by a
 * joining symbol (`example.com com`, `and/or or`) is skipped.
 */
export default defineRule<RepeatedWordOptions>({
  meta: {
    id: 'repeated-word',
    category: 'repetition',
    severity: 'error',
    fixable: 'safe',
    description: 'A word doubled by the translation (`housing housing`, `the the`)',
    examples: [
      { bad: 'self-built housing housing management', fixed: 'self-built housing management' },
      { bad: 'The the city will act', fixed: 'The city will act' },
    ],
    good: ['The best result they had had in years', 'They said that that was all', 'Walla Walla'],
  },
  defaults: { allow: [] },
  trigger: new AnsweredTrigger(doubled, (text) => doublesOf(text).length > 0),
  check({ text, options, report }) {
    const extra = options.allow.map((w) => w.toLowerCase())
    // The open run of equal words (`the the the`): a double starting at its last word extends it.
    let run: { first: Seen; last: Seen } | undefined
    const close = () => {
      if (!run) return
      const { first, last } = run
      const actual = text.slice(first.start, last.end)
      report({
        start: first.start,
        end: last.end,
        message: `Unexpected \`${actual}\`, expected \`${first.value}\``,
        expected: [first.value],
        fix: { start: first.end, end: last.end, text: '' },
      })
      run = undefined
    }
    for (const [first, second] of doublesOf(text)) {
      if (run && run.last.start === first.start) {
        if (glued(text, second.start, second.end)) close()
        else run.last = second
        continue
      }
      close()
      if (glued(text, first.start, first.end) || glued(text, second.start, second.end)) continue
      if (legitimate(first, second, lastWords(text, first.start, 3), extra)) continue
      run = { first, last: second }
    }
    close()
  },
})
