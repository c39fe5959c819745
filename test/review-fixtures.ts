import hyphenSpace from '../rules/hyphen-space.js'
import { defineRule } from '../src/engine/define-rule.js'
import type { AnyRule, RuleMeta } from '../src/engine/types.js'
import { lintSource } from '../src/pipeline.js'
import type { Lint } from '../src/review/state.js'

/** A suggestion rule for tests: `the masses` → `the public` or `people`. */
export const masses = defineRule({
  meta: {
    id: 'test-masses',
    category: 'wording',
    severity: 'warn',
    fixable: 'suggestion',
    description: 'A calque of 群众',
    examples: [],
    good: [],
  },
  trigger: /masses/,
  check({ text, report }) {
    for (const m of text.matchAll(/\bthe masses\b/g)) {
      report({
        start: m.index,
        end: m.index + m[0].length,
        message: 'Unexpected `the masses`, expected `the public`',
        suggestions: [
          {
            label: 'Replace with `the public`',
            edits: [{ start: m.index, end: m.index + m[0].length, text: 'the public' }],
          },
          {
            label: 'Replace with `people`',
            edits: [{ start: m.index, end: m.index + m[0].length, text: 'people' }],
          },
        ],
      })
    }
  },
})

/** A flag-only rule for tests: runs of Chinese characters. */
export const residue = defineRule({
  meta: {
    id: 'test-residue',
    category: 'residue',
    severity: 'warn',
    fixable: false,
    description: 'Untranslated Chinese',
    examples: [],
    good: [],
  },
  trigger: /\p{Script=Han}/u,
  check({ text, report }) {
    for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
      report({ start: m.index, end: m.index + m[0].length, message: `Untranslated \`${m[0]}\`` })
    }
  },
})

/** A safe rule for tests whose fix shifts later offsets: `housing housing` → `housing`. */
export const doubled = defineRule({
  meta: {
    id: 'test-doubled',
    category: 'repetition',
    severity: 'error',
    fixable: 'safe',
    description: 'A word written twice',
    examples: [],
    good: [],
  },
  trigger: /\b(\p{L}+) \1\b/u,
  check({ text, report }) {
    for (const m of text.matchAll(/\b(\p{L}+) \1\b/gu)) {
      const start = m.index + m[1]!.length
      report({
        start,
        end: start + m[1]!.length + 1,
        message: `Unexpected repeated \`${m[1]}\``,
        fix: { start, end: start + m[1]!.length + 1, text: '' },
      })
    }
  },
})

/** The rules the review tests run. */
export const testRules: readonly AnyRule[] = [hyphenSpace, masses, residue, doubled]

/** Rule metadata by id. */
export const testMetas: ReadonlyMap<string, RuleMeta> = new Map(
  testRules.map((r) => [r.meta.id, r.meta]),
)

/** Lint through the real pipeline with the test rules. */
export const testLint: Lint = (path, text) => lintSource(path, text, { lint: { rules: testRules } })

/** Lint a text, throwing if the pipeline refuses it (tests only). */
export function findingsOf(path: string, text: string) {
  const result = testLint(path, text)
  if (!result.ok) throw new Error(result.error)
  return result.value
}
