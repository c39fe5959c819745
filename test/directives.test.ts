import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import { applyDirectives, directiveOptionsFor, parseDirectives } from '../src/directives.js'
import { defineRule } from '../src/engine/define-rule.js'
import { type LintOptions, lintText } from '../src/engine/lint.js'
import { lintSource } from '../src/pipeline.js'

// Flags the calque `the masses` (warn), so two rules can be told apart.
const masses = defineRule({
  meta: {
    id: 'test-masses',
    category: 'wording',
    severity: 'warn',
    fixable: false,
    description: 'Flags `the masses`',
    examples: [],
    good: [],
  },
  trigger: /masses/,
  check({ text, report }) {
    for (const m of text.matchAll(/the masses/g)) {
      report({ start: m.index, end: m.index + 10, message: 'Calque `the masses`' })
    }
  },
})
// Only the rules these tests look at, so new built-in rules cannot change their findings.
const hyphenSpace = builtinRules.find((rule) => rule.meta.id === 'hyphen-space')!
const lint: LintOptions = { rules: [hyphenSpace, masses] }

function check(text: string, reportUnused = false) {
  const findings = lintText(text, lint)
  return applyDirectives(text, findings, directiveOptionsFor(lint, reportUnused)).map(
    (f) => `${f.line}:${f.ruleId}:${f.actual}`,
  )
}

describe('parseDirectives', () => {
  it('reads the kind, rule ids (comma or space separated) and reason', () => {
    const text = [
      'Intro line.',
      '<!-- mtclean-disable hyphen-space, test-masses -- quoted from the source -->',
      '<!--mtclean-enable-->',
      'x <!-- mtclean-disable-next-line hyphen-space test-masses -->',
      '<!-- mtclean-disable-line -->',
      '<!-- mtclean-disabled -->',
      '<!-- a comment -->',
    ].join('\n')
    expect(parseDirectives(text)).toEqual([
      {
        kind: 'disable',
        ruleIds: ['hyphen-space', 'test-masses'],
        reason: 'quoted from the source',
        start: 12,
        end: 88,
        line: 2,
        endLine: 2,
      },
      { kind: 'enable', ruleIds: [], start: 89, end: 110, line: 3, endLine: 3 },
      {
        kind: 'disable-next-line',
        ruleIds: ['hyphen-space', 'test-masses'],
        start: 113,
        end: 172,
        line: 4,
        endLine: 4,
      },
      { kind: 'disable-line', ruleIds: [], start: 173, end: 202, line: 5, endLine: 5 },
    ])
  })

  it('ignores a comment that is never closed', () => {
    expect(parseDirectives('<!-- mtclean-disable\na 100 -day plan')).toEqual([])
  })
})

describe('applyDirectives', () => {
  it('disable and enable bracket a region for every rule', () => {
    const text = [
      'A 100 -day plan for the masses.',
      '<!-- mtclean-disable -->',
      'A 200 -day plan for the masses.',
      '<!-- mtclean-enable -->',
      'A 300 -day plan for the masses.',
    ].join('\n')
    expect(check(text)).toEqual([
      '1:hyphen-space: -',
      '1:test-masses:the masses',
      '5:hyphen-space: -',
      '5:test-masses:the masses',
    ])
  })

  it('disable with rule ids silences only those rules', () => {
    const text = '<!-- mtclean-disable test-masses -->\nA 100 -day plan for the masses.'
    expect(check(text)).toEqual(['2:hyphen-space: -'])
  })

  it('enable with a rule id re-enables that rule inside a blanket disable', () => {
    const text = [
      '<!-- mtclean-disable -->',
      '<!-- mtclean-enable hyphen-space -->',
      'A 100 -day plan for the masses.',
    ].join('\n')
    expect(check(text)).toEqual(['3:hyphen-space: -'])
  })

  it('disable-next-line covers the next line only', () => {
    const text = [
      '<!-- mtclean-disable-next-line hyphen-space -- a quoted headline -->',
      'A 100 -day plan for the masses.',
      'A 200 -day plan.',
    ].join('\n')
    expect(check(text)).toEqual(['2:test-masses:the masses', '3:hyphen-space: -'])
  })

  it('disable-line covers its own line', () => {
    const text = 'A 100 -day plan. <!-- mtclean-disable-line -->\nA 200 -day plan.'
    expect(check(text)).toEqual(['2:hyphen-space: -'])
  })

  it('never flags the text of a directive comment itself', () => {
    const text =
      '<!-- mtclean-disable-next-line test-masses -- keep the 100 -day figure -->\nServe the masses.'
    expect(check(text)).toEqual([])
  })

  it('reports directives that suppress nothing with --report-unused-disables', () => {
    const text = [
      '<!-- mtclean-disable-next-line hyphen-space -->',
      'A fine line for the masses.',
      '<!-- mtclean-disable-next-line hyphen-space, test-masses -->',
      'A 100 -day plan.',
      '<!-- mtclean-disable no-such-rule -->',
      '<!-- mtclean-disable -->',
      '<!-- mtclean-enable -->',
    ].join('\n')
    const findings = applyDirectives(text, lintText(text, lint), directiveOptionsFor(lint, true))
    expect(
      findings.map((f) => `${f.line}:${f.column}:${f.ruleId}:${f.severity}:${f.message}`),
    ).toEqual([
      "1:1:unused-disable:error:Unused mtclean-disable-next-line directive (no problems were reported from 'hyphen-space')",
      '2:17:test-masses:warn:Calque `the masses`',
      "3:1:unused-disable:error:Unused mtclean-disable-next-line directive (no problems were reported from 'test-masses')",
      "5:1:unused-disable:error:Unused mtclean-disable directive (unknown rule 'no-such-rule')",
      '6:1:unused-disable:error:Unused mtclean-disable directive (no problems were reported)',
    ])
    // A directive unused as a whole can be removed; one with a used rule id cannot.
    expect(findings[0]!.suggestions).toEqual([
      { label: 'Remove the directive', edits: [{ start: 0, end: 47, text: '' }] },
    ])
    expect(findings[2]!.suggestions).toEqual([])
    expect(check(text, false)).toEqual(['2:test-masses:the masses'])
  })

  it('does not report a directive for a rule that did not run', () => {
    const only: LintOptions = { ...lint, only: ['test-masses'] }
    const text = '<!-- mtclean-disable-next-line hyphen-space -->\nA fine line.'
    const findings = applyDirectives(text, lintText(text, only), directiveOptionsFor(only, true))
    expect(findings).toEqual([])
  })

  it('applies to formats through lintSource, in source offsets', () => {
    const text =
      'Para one has a 100 -day plan.\r\n<!-- mtclean-disable-next-line -->\r\nPara three: a 200 -day plan.\r\n'
    const result = lintSource('notes.txt', text, { lint })
    if (!result.ok) throw new Error(result.error)
    expect(result.value.map((f) => [f.line, f.start, f.ruleId])).toEqual([[1, 18, 'hyphen-space']])
  })
})
