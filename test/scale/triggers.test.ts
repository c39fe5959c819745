import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import calque, { calquePack, packTrigger } from '../../rules/calque.js'
import { builtinRules } from '../../rules/index.js'
import { runRules } from '../../src/engine/lint.js'
import { splitParagraphs } from '../../src/engine/paragraphs.js'
import type { AnyRule, ParagraphContext, Report } from '../../src/engine/types.js'
import { requiredLiterals } from '../../src/packs/literals.js'

// Cheap triggers: every rule that checks paragraphs declares one (calque's is read from its
// pack), a trigger never hides a finding, and paragraphs no rule needs are never parsed.

const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 100)
const samplesDir = new URL('../../samples/', import.meta.url)
const sampleLines = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(new URL(name, samplesDir), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')
const packExamples = calquePack().flatMap((file) =>
  file.spec.entries.flatMap((e) => (e.example ? [e.example.bad, e.example.good] : [])),
)

/** Run a rule's check on one paragraph, ignoring its trigger; returns its reports. */
function checkWithoutTrigger(rule: AnyRule, text: string): Report[] {
  const reports: Report[] = []
  const context = {
    text,
    previous: '',
    next: '',
    get tree(): never {
      throw new Error('not parsed in this test')
    },
    options: { ...(rule.defaults ?? {}) },
    report: (r: Report) => reports.push(r),
  } as unknown as ParagraphContext<Record<string, unknown>>
  rule.check?.(context)
  return reports
}

describe('every paragraph rule declares a cheap trigger', () => {
  it.each(builtinRules.filter((r) => r.check).map((r) => [r.meta.id, r] as const))(
    '%s',
    (_id, rule) => {
      expect(rule.trigger).toBeInstanceOf(RegExp)
      expect(rule.trigger!.global || rule.trigger!.sticky).toBe(false)
    },
  )
})

describe('the calque trigger (literals read from the pack)', () => {
  it('reads required literals from every entry of the built-in pack', () => {
    for (const file of calquePack()) {
      for (const entry of file.spec.entries) {
        const literals = requiredLiterals(entry.source)
        expect(literals, `${file.id}: ${entry.source}`).toBeDefined()
        for (const literal of literals!) expect(literal.length).toBeGreaterThanOrEqual(3)
      }
    }
    expect(calque.trigger).toBeInstanceOf(RegExp)
    expect(calque.trigger?.source).toBe(packTrigger(calquePack())?.source)
  })

  it.each([
    ['market subjects', ['market subjects']],
    ['dragon[- ]head (enterprises?|companies)', ['dragon-head', 'dragon head']],
    [
      'hidden (fire|safety) (?:dangers|hazards)',
      [
        'hidden fire dangers',
        'hidden fire hazards',
        'hidden safety dangers',
        'hidden safety hazards',
      ],
    ],
    ['stabili[sz]e the', ['stabilise the', 'stabilize the']],
    ['x[a-z]yz', undefined],
    ['(?:escort and protect|protect and escort)', ['escort and protect', 'protect and escort']],
    ["(?:the )?people['’]s livelihood", ["people's livelihood", 'people’s livelihood']],
    ['(?:for )?the masses(?: of)?', ['the masses']],
    ['^(?:Sudden|Heavy)[!！] ?', ['sudden!', 'sudden！', 'heavy!', 'heavy！']],
    ['lea(?i)der', ['leader']],
    ['a\\x41bc', undefined],
    ['\\Qa.b\\E', undefined],
    ['(?=x)abc', undefined],
    ['ab|c', undefined],
    ['x{2}yz', undefined],
  ])('%s → %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected)
  })

  it('matches every example line the pack flags', () => {
    for (const file of calquePack()) {
      for (const entry of file.spec.entries) {
        if (entry.example)
          expect(calque.trigger!.test(entry.example.bad), entry.example.bad).toBe(true)
      }
    }
  })

  it('never hides a finding: where calque reports, its trigger matches', () => {
    const line = fc.oneof(
      fc.constantFrom(...sampleLines, ...packExamples),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    )
    const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '))
    let reported = 0
    fc.assert(
      fc.property(text, (paragraph) => {
        const reports = checkWithoutTrigger(calque, paragraph)
        if (reports.length > 0) {
          reported++
          expect(calque.trigger!.test(paragraph)).toBe(true)
        }
      }),
      { numRuns: numRuns * 5 },
    )
    expect(reported).toBeGreaterThan(0)
  })

  it('lets through the letters RE2 folds into ASCII letters (K and ſ)', () => {
    let reported = 0
    for (const line of packExamples) {
      const folded = line.replace(/s/g, '\u017f').replace(/k/g, '\u212a')
      if (checkWithoutTrigger(calque, folded).length === 0) continue
      reported++
      expect(calque.trigger!.test(folded), folded).toBe(true)
    }
    expect(reported).toBeGreaterThan(0)
  })

  it('lets through fewer paragraphs than all of the samples', () => {
    const passed = sampleLines.filter((l) => calque.trigger!.test(l)).length
    expect(passed).toBeLessThan(sampleLines.length)
  })
})

describe('paragraphs are parsed only when a rule asks for the tree', () => {
  it('no built-in rule needs the tree, not even for a doubled word', () => {
    const fluent = readFileSync(new URL('control-fluent.txt', samplesDir), 'utf8')
    const doubled = 'The the committee met on Monday.'
    const paragraphs = splitParagraphs(`${fluent.trimEnd()}\n${doubled}\n`)
    const parsed = new Set<string>()
    const active = builtinRules.map((rule) => {
      const check = rule.check
      const counted: AnyRule = { ...rule }
      if (check) {
        counted.check = (context) => {
          const spy = Object.create(context, {
            tree: {
              get() {
                parsed.add(context.text)
                return context.tree
              },
            },
          })
          check.call(rule, spy)
        }
      }
      return { rule: counted, severity: rule.meta.severity, options: { ...(rule.defaults ?? {}) } }
    })
    const reports = runRules(paragraphs, active)
    expect(paragraphs.length).toBeGreaterThan(5)
    expect(reports.map((r) => r.ruleId)).toEqual(['repeated-word'])
    expect([...parsed]).toEqual([])
  })
})
