import { describe, expect, it } from 'vitest'
import { builtinRules } from '../../rules/index.js'

describe.each(builtinRules.map((r) => [r.meta.id, r] as const))('%s metadata', (_id, rule) => {
  const { meta } = rule
  it('is complete: id, category, severity, fix safety, description, examples, good text', () => {
    expect(meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
    expect(meta.category).toMatch(/^[a-z]+$/)
    expect(['error', 'warn', 'info']).toContain(meta.severity)
    expect(['safe', 'suggestion', false]).toContain(meta.fixable)
    expect(meta.description.length).toBeGreaterThan(10)
    expect(meta.examples.length).toBeGreaterThan(0)
    expect(meta.good.length).toBeGreaterThan(0)
  })

  it('documents fixed text exactly when the rule can fix', () => {
    for (const example of meta.examples) {
      if (meta.fixable === false) expect(example.fixed).toBeNull()
      else expect(example.fixed).not.toBeNull()
    }
  })
})

it('rule ids are unique', () => {
  const ids = builtinRules.map((r) => r.meta.id)
  expect(new Set(ids).size).toBe(ids.length)
})
