import { describe, expect, it } from 'vitest'
import { lintPairs } from '../../src/bilingual/lint.js'
import type {
  AnyBilingualRule,
  BilingualDocument,
  BilingualPair,
} from '../../src/bilingual/types.js'
import { applyChanges, changeOf } from '../../src/engine/fix.js'
import type { Finding } from '../../src/engine/types.js'

/** A source and its translation. */
export type PairText = readonly [source: string, target: string]

/** An invalid case: pairs, what one pass of fixes gives (null: none), and the findings. */
export interface BilingualInvalid {
  /** One pair as `source`/`target`, or several as `pairs`. */
  source?: string
  target?: string
  pairs?: PairText[]
  /** The targets (one per line) after one pass of fixes; null when nothing is fixed. */
  output: string | null
  errors: number | { message?: string | RegExp; actual?: string; line?: number }[]
  options?: Record<string, unknown>
}

/** A valid case: one pair, or several. */
export type BilingualValid =
  | { source: string; target: string; options?: Record<string, unknown> }
  | { pairs: PairText[] }

/** A document of line-aligned pairs: the checked file is the targets, one per line. */
export function documentOf(pairs: readonly PairText[]): {
  file: string
  document: BilingualDocument
} {
  let offset = 0
  const built: BilingualPair[] = pairs.map(([source, target], index) => {
    const pair: BilingualPair = {
      id: `line ${index + 1}`,
      source: { text: source, line: index + 1 },
      target: { text: target, offset },
      targetLine: index + 1,
      targetMarkup: target,
      masked: [],
      plain: true,
    }
    offset += target.length + 1
    return pair
  })
  const file = pairs.map(([, target]) => target).join('\n')
  return { file, document: { kind: 'aligned', pairs: built, segments: [] } }
}

/** Lint pairs with one rule. */
export function lintWith(
  rule: AnyBilingualRule,
  pairs: readonly PairText[],
  options?: Record<string, unknown>,
) {
  const { file, document } = documentOf(pairs)
  const settings = options
    ? { [rule.meta.id]: ['error', options] as ['error', Record<string, unknown>] }
    : {}
  return { file, findings: lintPairs(file, document, [], [rule], { settings }) }
}

function fixOnce(rule: AnyBilingualRule, file: string, findings: Finding[]): string | null {
  const unsafe = rule.meta.fixable === 'suggestion'
  const changes = findings.map((f) => changeOf(f, unsafe)).filter((c) => c !== undefined)
  if (changes.length === 0) return null
  return applyChanges(file, changes).output
}

const pairsOf = (c: BilingualInvalid): PairText[] => c.pairs ?? [[c.source ?? '', c.target ?? '']]

/**
 * Table-test a bilingual rule as `ruleTester` does a monolingual one: valid pairs yield nothing,
 * invalid ones the given findings and, after one pass of fixes, exactly `output`. The rule's
 * documented examples run too: `bad` is flagged, `fixed` is clean, and fixing `bad` gives `fixed`.
 */
export function bilingualRuleTester(
  rule: AnyBilingualRule,
  cases: { valid: BilingualValid[]; invalid: BilingualInvalid[] },
) {
  const { id } = rule.meta
  describe(id, () => {
    it('has at least 8 defects and 12 correct pairs in its table', () => {
      expect(cases.invalid.length).toBeGreaterThanOrEqual(8)
      expect(rule.meta.good.length + cases.valid.length).toBeGreaterThanOrEqual(12)
    })
    describe('valid', () => {
      const valid: BilingualValid[] = [...rule.meta.good, ...cases.valid]
      it.each(
        valid.map((v) => ({
          v,
          name: 'pairs' in v ? v.pairs.map((p) => p[1]).join(' | ') : v.target,
        })),
      )('$name', ({ v }) => {
        const pairs: PairText[] = 'pairs' in v ? v.pairs : [[v.source, v.target]]
        const options = 'options' in v ? v.options : undefined
        expect(lintWith(rule, pairs, options).findings.map((f) => f.message)).toEqual([])
      })
    })
    describe('invalid', () => {
      it.each(
        cases.invalid.map((c) => ({
          c,
          name: pairsOf(c)
            .map((p) => p[1])
            .join(' | '),
        })),
      )('$name', ({ c }) => {
        const { file, findings } = lintWith(rule, pairsOf(c), c.options)
        expect(c.output, 'output must differ from the text').not.toBe(file)
        if (typeof c.errors === 'number') expect(findings).toHaveLength(c.errors)
        else {
          expect(findings.map((f) => f.message)).toHaveLength(c.errors.length)
          c.errors.forEach((e, i) => {
            const f = findings[i]!
            if (e.actual !== undefined) expect(f.actual).toBe(e.actual)
            if (e.line !== undefined) expect(f.line).toBe(e.line)
            if (typeof e.message === 'string') expect(f.message).toBe(e.message)
            else if (e.message) expect(f.message).toMatch(e.message)
          })
        }
        for (const f of findings) {
          expect(f.ruleId).toBe(id)
          expect(f.sourceSegment?.text).toBe(pairsOf(c)[f.line - 1]?.[0])
        }
        expect(fixOnce(rule, file, findings)).toBe(c.output)
      })
    })
    describe('documented examples', () => {
      // A file-wide rule sees the good translation first, then the bad one.
      const across = rule.checkPairs !== undefined
      it.each(rule.meta.examples)('$bad', (example) => {
        const good: PairText = [example.source, example.fixed]
        const badPairs: PairText[] = across
          ? [good, [example.source, example.bad]]
          : [[example.source, example.bad]]
        const bad = lintWith(rule, badPairs)
        expect(bad.findings.length).toBeGreaterThan(0)
        const fixed = fixOnce(rule, bad.file, bad.findings)
        if (fixed !== null)
          expect(fixed).toBe(across ? `${example.fixed}\n${example.fixed}` : example.fixed)
        const goodPairs = across ? [good, good] : [good]
        expect(lintWith(rule, goodPairs).findings.map((f) => f.message)).toEqual([])
      })
    })
  })
}
