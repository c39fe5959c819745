import { defineRule } from '../src/engine/define-rule.js'

// `100 -day`, `year -on -year`: a space before a hyphen that joins two parts of a compound.
// The part after the hyphen starts with a letter, so negatives and ranges (`-5`, `5 -10`) pass;
// a single letter followed by a space or end is a command-line flag (`ls -l`), not a compound.
const spaceBefore = / -(?<=[\p{L}\p{N}] -)(?=\p{Ll}\p{L}|\p{Lu}\p{Ll})/gu
// `well- known`: a space after the hyphen; `pre- and post-war` (a suspended hyphen) passes.
const spaceAfter = /- (?<=[\p{L}\p{N}]- )(?=\p{Ll}{2})(?!(?:and|or|to|nor)\b)/gu
const codeLike = /`|(?:^|\s)\$ /u
// `words ending in -ing`, `the suffix -ness`: a suffix named on its own, not a compound.
const suffix =
  /^-(?:ing|ed|ly|ness|less|ful|able|ible|ism|ist|er|est|tion|sion|ment|ity|ise|ize|ous|al|ish)(?![\p{L}-])/u
// `escapes and -references`: the second half of a suspended compound.
const conjunctionBefore = /(?:^|[^\p{L}])(?:and|or|nor)$/u

export default defineRule({
  meta: {
    id: 'hyphen-space',
    category: 'hyphenation',
    severity: 'error',
    fixable: 'safe',
    description: 'No space inside a hyphenated compound (`100 -day`, `year -on -year`)',
    examples: [
      { bad: 'a 100 -day campaign', fixed: 'a 100-day campaign' },
      { bad: 'a year -on -year increase', fixed: 'a year-on-year increase' },
      { bad: 'a well- known brand', fixed: 'a well-known brand' },
    ],
    good: ['a 100-day campaign', 'from 5 -10 degrees to -5', 'pre- and post-war Europe'],
  },
  trigger: / -\p{L}|- \p{Ll}/u,
  check({ text, report }) {
    if (codeLike.test(text)) return
    for (const match of text.matchAll(spaceBefore)) {
      const start = match.index
      if (suffix.test(text.slice(start + 1, start + 8))) continue
      if (conjunctionBefore.test(text.slice(Math.max(0, start - 4), start))) continue
      report({
        start,
        end: start + 2,
        message: 'Unexpected space before `-` in a compound',
        expected: ['-'],
        fix: { start, end: start + 2, text: '-' },
      })
    }
    for (const match of text.matchAll(spaceAfter)) {
      const start = match.index
      report({
        start,
        end: start + 2,
        message: 'Unexpected space after `-` in a compound',
        expected: ['-'],
        fix: { start, end: start + 2, text: '-' },
      })
    }
  },
})
