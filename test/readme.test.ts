import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { allRules } from '../rules/index.js'
import { spliceRuleTable } from '../src/rule-docs.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('has an up-to-date rule table (run `npm run docs` after changing rule metadata)', () => {
    expect(spliceRuleTable(readme, allRules)).toBe(readme)
  })

  it('opens with the install-and-run and test commands', () => {
    const head = readme.slice(0, 1500)
    expect(head).toContain('npm ci && npx mtclean samples')
    expect(head).toContain('npm test')
  })
})
