import { describe, expect, it } from 'vitest'
import { applyChanges, changeOf } from '../src/engine/fix.js'
import { lintText } from '../src/engine/lint.js'
import type { AnyRule, Finding } from '../src/engine/types.js'

/** An invalid case: the text, what one pass of its fixes gives (null: no fix), and the errors. */
export interface InvalidCase {
  text: string
  /** Text after applying each finding's safe fix, or first suggestion for suggestion rules. */
  output: string | null
  /** How many findings, or their expected columns/messages in order. */
  errors:
    | number
    | {
        column?: number
        line?: number
        message?: string | RegExp
        note?: string | RegExp
        actual?: string
      }[]
  options?: Record<string, unknown>
}

/** The cases for one rule, as in ESLint's RuleTester. */
export interface RuleCases {
  valid: (string | { text: string; options?: Record<string, unknown> })[]
  invalid: InvalidCase[]
}

function lintWith(rule: AnyRule, text: string, options?: Record<string, unknown>): Finding[] {
  const setting = options ? { [rule.meta.id]: ['error', options] as ['error', typeof options] } : {}
  return lintText(text, { rules: [rule], settings: setting })
}

function fixOnce(rule: AnyRule, text: string, findings: Finding[]): string | null {
  const unsafe = rule.meta.fixable === 'suggestion'
  const changes = findings.map((f) => changeOf(f, unsafe)).filter((c) => c !== undefined)
  if (changes.length === 0) return null
  return applyChanges(text, changes).output
}

/**
 * Table-test a rule: valid texts yield nothing; invalid texts yield the given findings and,
 * after one pass of fixes, exactly `output`. The rule's own documented examples run too.
 */
export function ruleTester(rule: AnyRule, cases: RuleCases) {
  const { id } = rule.meta
  describe(id, () => {
    it('has at least 8 defects and 12 correct sentences in its table', () => {
      expect(cases.invalid.length).toBeGreaterThanOrEqual(8)
      expect(rule.meta.good.length + cases.valid.length).toBeGreaterThanOrEqual(12)
    })
    describe('valid', () => {
      const valid = [...rule.meta.good, ...cases.valid]
      it.each(valid.map((v) => (typeof v === 'string' ? { text: v } : v)))('$text', (c) => {
        const options = 'options' in c ? c.options : undefined
        expect(lintWith(rule, c.text, options).map((f) => `${f.column}: ${f.message}`)).toEqual([])
      })
    })
    describe('invalid', () => {
      it.each(cases.invalid)('$text', (c) => {
        expect(c.output, 'output must differ from text').not.toBe(c.text)
        const findings = lintWith(rule, c.text, c.options)
        if (typeof c.errors === 'number') expect(findings).toHaveLength(c.errors)
        else {
          expect(findings).toHaveLength(c.errors.length)
          c.errors.forEach((e, i) => {
            const f = findings[i]!
            if (e.column !== undefined) expect(f.column).toBe(e.column)
            if (e.line !== undefined) expect(f.line).toBe(e.line)
            if (e.actual !== undefined) expect(f.actual).toBe(e.actual)
            if (typeof e.message === 'string') expect(f.message).toBe(e.message)
            else if (e.message) expect(f.message).toMatch(e.message)
            if (e.note !== undefined) expect(f.note ?? '').toMatch(e.note)
          })
        }
        for (const f of findings) expect(f.ruleId).toBe(id)
        expect(fixOnce(rule, c.text, findings)).toBe(c.output)
      })
    })
    describe('documented examples', () => {
      it.each(rule.meta.examples)('$bad', (example) => {
        // A flag-only rule documents `fixed: null`.
        const findings = lintWith(rule, example.bad)
        expect(findings.length).toBeGreaterThan(0)
        expect(fixOnce(rule, example.bad, findings)).toBe(example.fixed)
      })
    })
  })
}
