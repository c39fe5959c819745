import type { Sentence, Word } from 'nlcst'
import { toString as nlcstToString } from 'nlcst-to-string'
import { defineRule } from '../src/engine/define-rule.js'
import type { Report } from '../src/engine/types.js'

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

// A word, spaces, and the same word again (case-insensitive): the trigger, and the pre-check.
const doubled = /(?<![\p{L}\p{M}\p{N}'’-])(\p{L}[\p{L}'’-]*)[ \t]+\1(?![\p{L}\p{M}\p{N}'’-])/iu

const capitalised = /^\p{Lu}[\p{Ll}\p{M}'’-]*$/u

interface Seen {
  value: string
  start: number
  end: number
}

/** Whether a doubled word is legitimate English rather than a translation slip. */
function legitimate(first: Seen, second: Seen, before: string[], extra: readonly string[]) {
  const lower = second.value.toLowerCase()
  if (allowed.has(lower) || extra.includes(lower)) return true
  // Numbers are repeated-figure's; abbreviations and initials (`D. D.`) are left alone.
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

function position(word: Word) {
  return { start: word.position!.start.offset!, end: word.position!.end.offset! }
}

/**
 * A word doubled by the translation (`housing housing`, `The the`): the repeats are removed and
 * the first kept. Only words separated by plain spaces in one sentence count (not across a line
 * break or punctuation); numbers are left to `repeated-figure`. The nlcst tree is used only
 * when the trigger found a candidate double.
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
  trigger: doubled,
  check({ text, tree, options, report }) {
    const extra = options.allow.map((w) => w.toLowerCase())
    // Parse only when some double is not on the allow-list (`had had` alone needs no tree).
    let candidate = false
    for (const match of text.matchAll(new RegExp(doubled.source, 'giu'))) {
      const word = match[1]!.toLowerCase()
      if (!allowed.has(word) && !extra.includes(word)) candidate = true
    }
    if (!candidate) return
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type === 'SentenceNode') checkSentence(text, sentence, extra, report)
      }
    }
  },
})

function checkSentence(
  text: string,
  sentence: Sentence,
  extra: readonly string[],
  report: (r: Report) => void,
) {
  const words: string[] = []
  const runs: { first: Seen; last: Seen }[] = []
  // The open run of equal words, and the previous word when only spaces follow it.
  let run: { first: Seen; last: Seen } | undefined
  let previous: Seen | undefined
  for (const child of sentence.children) {
    if (child.type === 'WordNode') {
      const value = nlcstToString(child)
      const current = { value, ...position(child) }
      if (previous && previous.value.toLowerCase() === value.toLowerCase()) {
        if (run && run.last === previous) run.last = current
        else if (!legitimate(previous, current, words.slice(0, -1), extra)) {
          run = { first: previous, last: current }
          runs.push(run)
        }
      } else run = undefined
      words.push(value.toLowerCase())
      previous = current
    } else if (!(child.type === 'WhiteSpaceNode' && /^[ \t]+$/.test(nlcstToString(child)))) {
      // Punctuation, symbols or a line break end any double.
      previous = undefined
      run = undefined
    }
  }
  for (const { first, last } of runs) {
    const actual = text.slice(first.start, last.end)
    report({
      start: first.start,
      end: last.end,
      message: `Unexpected \`${actual}\`, expected \`${first.value}\``,
      expected: [first.value],
      fix: { start: first.end, end: last.end, text: '' },
    })
  }
}
