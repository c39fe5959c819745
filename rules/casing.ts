import { defineRule } from '../src/engine/define-rule.js'

// (a) A capitalised function word inside a sentence (`will be Some areas`, `; The work`), the
// habit of machine translation of starting a new sentence inside one. Only function words, only
// after a lower-case word or `,`/`;`, and only before a lower-case word or a figure, so names and
// titles (`The Hague`, `read The Economist`) and quotations (`"The`, `: The`) pass.
const functionWords = [
  'The',
  'An',
  'Some',
  'Many',
  'All',
  'This',
  'That',
  'These',
  'Those',
  'Each',
  'Every',
  'Most',
  'Such',
  'Both',
  'Any',
  'Other',
  'Another',
  'Several',
  'It',
  'Its',
  'They',
  'Their',
  'He',
  'His',
  'She',
  'Her',
  'We',
  'Our',
  'And',
  'But',
  'Or',
  'So',
  'Because',
  'While',
  'Although',
  'If',
  'When',
  'Which',
  'Who',
  'Where',
  'In',
  'On',
  'At',
  'For',
  'With',
  'From',
  'By',
  'Of',
  'To',
  'As',
  'After',
  'Before',
  'Since',
  'Into',
  'Through',
  'During',
  'Under',
  'Among',
  'Between',
  'A',
]
// The function word is found first, from the space before it (a pattern that starts with a
// literal is scanned far faster); what comes before the space is then read backwards.
const midSentence = new RegExp(` (${functionWords.join('|')}) (?=[\\p{Ll}\\p{N}])`, 'gu')
const wordEnd = /[\p{L},;'’-]/u
const inWord = /[\p{L}\p{N}'’-]/u
const lowerWord = /^\p{Ll}[\p{Ll}'’-]*$/u
// `A` is also a letter name (`vitamin A`, `options A and B`): only after `,`/`;` before a word.
const notAfterA = new Set([
  'and',
  'or',
  'nor',
  'to',
  'through',
  'is',
  'was',
  'are',
  'were',
  'in',
  'of',
  'on',
  'as',
  'has',
  'had',
  'will',
])

// (b) A lower-case sentence start: after `.`, `!` or `?` and a space, or (a common word only) at
// the start of a paragraph that follows a finished one. Not after abbreviations, initials,
// ellipses, closing quotes (`"Really?" she asked`), nor for iPhone-style or hyphenated names,
// code or URLs.
const afterStop = /([.!?])\s+(\p{Ll}[\p{L}'’-]*)/gu
const abbreviations = new Set(
  (
    'e.g i.e etc vs v approx ca cf al no nos fig figs vol pp p ed eds mr mrs ms dr prof st jr sr ' +
    'inc ltd co corp dept est min max misc esp incl viz resp govt ft in lb oz jan feb apr jun jul ' +
    'aug sep sept oct nov dec mon tue tues thu thurs fri sec ch para op ibid'
  ).split(' '),
)

/** The token (non-space run) that ends at `end` in `text`. */
function tokenBefore(text: string, end: number): string {
  let start = end
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--
  return text.slice(start, end)
}

/** Whether the `.`/`!`/`?` at `index` does not end a sentence (abbreviation, ellipsis, URL…). */
function notAStop(text: string, index: number): boolean {
  const mark = text[index]
  const token = tokenBefore(text, index)
  if (mark !== '.') return token === '' || /[/@:]/.test(token)
  const bare = token.replace(/^[("'“‘[]+/u, '')
  if (bare === '' || bare.endsWith('.') || bare.includes('.')) return true
  if (/[/@:\\]/.test(bare) || /^\p{L}$/u.test(bare)) return true
  if (abbreviations.has(bare.toLowerCase())) return true
  // A list number at the start of a paragraph: `1. the first item`.
  return /^\d+$/.test(bare) && text.slice(0, index - bare.length).trim() === ''
}

/** Whether a lower-case word may legitimately start a sentence: iPhone, eBay, code, URLs. */
function specialWord(text: string, start: number, word: string): boolean {
  if (/\p{Lu}/u.test(word)) return true
  const next = text[start + word.length]
  return next !== undefined && /[\p{N}./@:_\\=(]/u.test(next)
}

// At the start of a paragraph only common words count: list items and headings start with
// lower-case names (`npm`, `es-toolkit`) legitimately.
const commonStarts = new Set(
  (
    'the a an this that these those there it its they their we our he his she her you your in on ' +
    'at for with from by to of as after before since during under over among between through ' +
    'against despite within without upon until about across along around according if when while ' +
    'although though because but and so or yet however meanwhile moreover furthermore therefore ' +
    'thus also then now today yesterday recently currently finally first next last some many all ' +
    'each every most other such both any several more no not what which who how why where once ' +
    'only even still here besides instead later earlier previously subsequently additionally overall'
  ).split(' '),
)

const sentenceEnd = /[.!?]["'”’)\]]*\s*$/u

/** Whether the previous paragraph finished a sentence (or there is none). */
function previousFinished(previous: string): boolean {
  const trimmed = previous.trimEnd()
  if (trimmed === '') return true
  if (!sentenceEnd.test(trimmed)) return false
  const mark = trimmed.search(/[.!?]["'”’)\]]*$/u)
  return !notAStop(trimmed, mark)
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

export default defineRule({
  meta: {
    id: 'casing',
    category: 'wording',
    severity: 'warn',
    fixable: 'suggestion',
    description:
      'A capitalised function word mid-sentence (`will be Some areas`, `; The`) or a lower-case sentence start',
    examples: [
      { bad: 'Work will be Some areas first.', fixed: 'Work will be some areas first.' },
      { bad: 'Crime fell; The police said so.', fixed: 'Crime fell; the police said so.' },
      { bad: 'It rained. the match went on.', fixed: 'It rained. The match went on.' },
    ],
    good: ['She lives in The Hague.', 'He reads The Economist.', 'Use it, e.g. at home.'],
  },
  // Every function word starts with an ASCII capital: most spaces fail before the lookbehind.
  trigger: new RegExp(
    `^\\s*\\p{Ll}|[.!?]\\s+\\p{Ll}| (?=[A-Z])(?<=[\\p{Ll},;] )(?:${functionWords.join('|')}) `,
    'u',
  ),
  check({ text, previous, report }) {
    if (/[`{}]/.test(text)) return
    midSentence.lastIndex = 0
    for (let match = midSentence.exec(text); match; match = midSentence.exec(text)) {
      const word = match[1]!
      const at = match.index
      // Look again from the space after the word: it may start the next candidate.
      midSentence.lastIndex = at + 1 + word.length
      if (at === 0 || !wordEnd.test(text[at - 1]!)) continue
      let from = at
      while (from > 0 && inWord.test(text[from - 1]!)) from--
      const before = from === at ? text[at - 1]! : text.slice(from, at)
      const punctuation = before === ',' || before === ';'
      if (!punctuation && !lowerWord.test(before)) continue
      const start = at + 1
      if (word === 'A') {
        const next = /^\p{Ll}+/u.exec(text.slice(start + 2))?.[0] ?? ''
        if (!punctuation) continue
        if (next.length < 3 || notAfterA.has(next)) continue
      }
      const lower = word.toLowerCase()
      report({
        start,
        end: start + word.length,
        message: `Unexpected capitalised \`${word}\` mid-sentence, expected \`${lower}\``,
        expected: [lower],
        suggestions: [
          {
            label: `Replace with '${lower}'`,
            edits: [{ start, end: start + word.length, text: lower }],
          },
        ],
      })
    }
    const starts: { start: number; word: string }[] = []
    const lead = /^(\s*)(\p{Ll}[\p{L}'’-]*)/u.exec(text)
    if (
      lead &&
      commonStarts.has(lead[2]!) &&
      previousFinished(previous) &&
      text.trim().split(/\s+/).length >= 3
    ) {
      starts.push({ start: lead[1]!.length, word: lead[2]! })
    }
    for (const match of text.matchAll(afterStop)) {
      const index = match.index
      if (notAStop(text, index) || match[2]!.includes('-')) continue
      starts.push({ start: index + match[0].length - match[2]!.length, word: match[2]! })
    }
    for (const { start, word } of starts) {
      if (specialWord(text, start, word)) continue
      const upper = capitalise(word)
      report({
        start,
        end: start + word.length,
        message: `Unexpected lower-case \`${word}\` at the start of a sentence, expected \`${upper}\``,
        expected: [upper],
        suggestions: [
          {
            label: `Replace with '${upper}'`,
            edits: [{ start, end: start + word.length, text: upper }],
          },
        ],
      })
    }
  },
})
