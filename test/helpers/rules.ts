import { defineRule } from '../../src/engine/define-rule.js'

// Small rules of each fix level, so tests of the fix step do not depend on the built-in set.

/** Safe: a double space becomes one. Runs of spaces need several passes (touching fixes wait). */
export const doubleSpace = defineRule({
  meta: {
    id: 'test-double-space',
    category: 'spacing',
    severity: 'error',
    fixable: 'safe',
    description: 'One space between words',
    examples: [{ bad: 'a  b', fixed: 'a b' }],
    good: ['a b'],
  },
  trigger: / {2}/,
  check({ text, report }) {
    for (const match of text.matchAll(/ {2}/g)) {
      report({
        start: match.index,
        end: match.index + 2,
        message: 'Unexpected double space',
        fix: { start: match.index, end: match.index + 2, text: ' ' },
      })
    }
  },
})

/** Suggestion: `VERY` should probably be `very`; only `--unsafe` applies it. */
export const shout = defineRule({
  meta: {
    id: 'test-shout',
    category: 'wording',
    severity: 'warn',
    fixable: 'suggestion',
    description: 'No shouting',
    examples: [{ bad: 'VERY good', fixed: 'very good' }],
    good: ['very good'],
  },
  trigger: /VERY/,
  check({ text, report }) {
    for (const match of text.matchAll(/VERY/g)) {
      report({
        start: match.index,
        end: match.index + 4,
        message: 'Unexpected `VERY`, expected `very`',
        suggestions: [
          { label: 'very', edits: [{ start: match.index, end: match.index + 4, text: 'very' }] },
        ],
      })
    }
  },
})

/** Flag only: `TODO` needs a person. */
export const todo = defineRule({
  meta: {
    id: 'test-todo',
    category: 'residue',
    severity: 'warn',
    fixable: false,
    description: 'No TODO left',
    examples: [],
    good: ['done'],
  },
  trigger: /TODO/,
  check({ text, report }) {
    for (const match of text.matchAll(/TODO/g)) {
      report({ start: match.index, end: match.index + 4, message: 'Unexpected `TODO`' })
    }
  },
})

/** The three test rules. */
export const testRules = [doubleSpace, shout, todo]
