import { defineRule } from '../src/engine/define-rule.js'
import type { Paragraph } from '../src/engine/types.js'

/** Options for `repeated-paragraph`. */
export interface RepeatedParagraphOptions {
  /** Paragraphs with fewer words (containing a letter) are ignored: `- END -`, `Photo: Xinhua`. */
  minWords: number
  /**
   * Paragraphs that occur more often than this are deliberate (a refrain, a form, boilerplate)
   * and are left alone; the default 2 reports only a single duplicate.
   */
  maxCopies: number
  /**
   * Copies further apart than this many paragraphs are left alone: a translation duplicates a
   * headline or teaser right away, while manuals and legal texts repeat sentences further on.
   */
  maxDistance: number
}

const letter = /\p{L}/u
// Table rows and field lists: cells separated by bars or tabs.
const tableLike = /[|\t]/
// Not a paragraph of its own: a list item or its continuation (`- `, `— `, `(a) `, `2. `), a
// line of hard-wrapped text (starts in lower case, or breaks off after `,` `;` `-`).
const fragment = /^\s*(?:[-*•·—–>#;]\s|\(?(?:\p{N}{1,3}|\p{L})[.)]\s|\p{Ll})|[,;-]\s*$/u

// Whitespace other than single spaces between words: only such text needs normalising.
const unevenSpace = /[^\S ]| {2}/u

function normalise(text: string): string {
  const even = !unevenSpace.test(text) && text[0] !== ' ' && text.at(-1) !== ' '
  return even ? text : text.trim().replace(/\s+/gu, ' ')
}

// Whether the text has at least `min` words with a letter; stops counting there.
function hasWords(text: string, min: number): boolean {
  let count = 0
  for (let from = 0; count < min && from <= text.length; ) {
    let end = text.indexOf(' ', from)
    if (end === -1) end = text.length
    if (letter.test(text.slice(from, end))) count++
    from = end + 1
  }
  return count >= min
}

function snippet(text: string): string {
  const chars = [...text]
  return chars.length > 40 ? `${chars.slice(0, 40).join('').trimEnd()}…` : text
}

/**
 * The edit that deletes paragraphs `first`…`last` with their line breaks, leaving no blank
 * line: up to the next paragraph, or for the last ones, from the end of the previous paragraph.
 */
function deletion(paragraphs: readonly Paragraph[], first: number, last: number) {
  const end = paragraphs[last]!.offset + paragraphs[last]!.text.length
  const next = paragraphs[last + 1]
  if (next) return { start: paragraphs[first]!.offset, end: next.offset, text: '' }
  const previous = paragraphs[first - 1]!
  return { start: previous.offset + previous.text.length, end, text: '' }
}

// The trimmed extent of a paragraph in document offsets.
function extent(paragraph: Paragraph) {
  const start = paragraph.offset + paragraph.text.length - paragraph.text.trimStart().length
  return { start, end: paragraph.offset + paragraph.text.trimEnd().length }
}

/**
 * A headline or paragraph duplicated verbatim (after whitespace normalisation): suggest deleting
 * the later copy with its line break. Short lines, table rows, list items, lines of hard-wrapped
 * text, copies more than `maxDistance` paragraphs apart and paragraphs repeated more than
 * `maxCopies` times are left alone.
 */
export default defineRule<RepeatedParagraphOptions>({
  meta: {
    id: 'repeated-paragraph',
    category: 'repetition',
    severity: 'warn',
    fixable: 'suggestion',
    description: 'A headline or paragraph duplicated verbatim',
    examples: [
      {
        bad: 'City opens a new riverside park after renovation\nCity opens a new riverside park after renovation\nThe park opened on Saturday.',
        fixed: 'City opens a new riverside park after renovation\nThe park opened on Saturday.',
      },
    ],
    good: ['- END -\nText of the story goes here.\n- END -'],
  },
  defaults: { minWords: 5, maxCopies: 2, maxDistance: 3 },
  checkDocument({ paragraphs, options, report }) {
    const copies = new Map<string, number[]>()
    paragraphs.forEach((paragraph, index) => {
      if (tableLike.test(paragraph.text) || fragment.test(paragraph.text)) return
      const key = normalise(paragraph.text)
      if (!hasWords(key, options.minWords)) return
      const seen = copies.get(key)
      if (seen) seen.push(index)
      else copies.set(key, [index])
    })
    const repeats: number[] = []
    for (const indexes of copies.values()) {
      if (indexes.length < 2 || indexes.length > options.maxCopies) continue
      for (let k = 1; k < indexes.length; k++) {
        if (indexes[k]! - indexes[k - 1]! <= options.maxDistance) repeats.push(indexes[k]!)
      }
    }
    repeats.sort((a, b) => a - b)
    // Consecutive repeats (a teaser block copied whole) are one report, so their deletions do
    // not touch and one pass of fixes removes them all.
    for (let k = 0; k < repeats.length; ) {
      const first = repeats[k]!
      let last = first
      while (repeats[k + 1] === last + 1) last = repeats[++k]!
      k++
      const count = last - first + 1
      const shown = snippet(normalise(paragraphs[first]!.text))
      report({
        start: extent(paragraphs[first]!).start,
        end: extent(paragraphs[last]!).end,
        message:
          count === 1
            ? `Unexpected repeated paragraph \`${shown}\`, expected it once`
            : `Unexpected ${count} repeated paragraphs from \`${shown}\`, expected them once`,
        suggestions: [
          {
            label:
              count === 1
                ? 'Delete the repeated paragraph'
                : `Delete the ${count} repeated paragraphs`,
            edits: [deletion(paragraphs, first, last)],
          },
        ],
      })
    }
  },
})
