import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkSync } from 'recheck'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { calquePack } from '../rules/calque.js'
import { lintText } from '../src/engine/lint.js'
import { parsePackRule } from '../src/packs/load.js'
import { nativePattern } from '../src/packs/native.js'

// Every regular expression literal in the shipped code (src/, rules/) is checked by recheck, a
// ReDoS checker: none may take super-linear time on any input. So is every pattern of the
// built-in packs (rules/packs/): they are trusted and run as JavaScript RegExps where they
// translate from RE2 (src/packs/native.ts). User patterns never run as JavaScript RegExps (packs
// compile them with re2js), so they are covered by the hostile-pattern tests below.
const root = new URL('..', import.meta.url).pathname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function regexLiterals(path: string) {
  const text = readFileSync(path, 'utf8')
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const found: { where: string; source: string; flags: string }[] = []
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(file)
      const slash = literal.lastIndexOf('/')
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file))
      found.push({
        where: `${relative(root, path)}:${line + 1}`,
        source: literal.slice(1, slash),
        flags: literal.slice(slash + 1),
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

const literals = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'rules'))].flatMap(
  regexLiterals,
)

describe('regular expressions run in linear time', () => {
  it('finds the expressions to check', () => {
    expect(literals.length).toBeGreaterThan(10)
  })

  it.each(literals)('$where /$source/$flags', ({ source, flags }) => {
    const diagnostics = checkSync(source, flags.replace(/[gy]/g, ''), {
      timeout: 10_000,
      randomSeed: 1,
    })
    const detail =
      diagnostics.status === 'vulnerable'
        ? `${diagnostics.complexity.type} on ${JSON.stringify(diagnostics.attack.string).slice(0, 80)}`
        : diagnostics.status
    expect(detail).not.toMatch(/polynomial|exponential/)
  })
})

const packRegexps = calquePack().flatMap(({ id, spec }) =>
  spec.entries.map((entry) => ({
    where: `${id}: ${entry.source}`,
    regexp: nativePattern(entry.source, spec.ignorecase, spec.nonword),
  })),
)

describe('built-in pack patterns, as the JavaScript RegExps they run as, run in linear time', () => {
  it.each(packRegexps)('$where', ({ regexp }) => {
    expect(regexp).toBeInstanceOf(RegExp)
    if (!regexp) return
    const diagnostics = checkSync(regexp.source, regexp.flags.replace(/[gy]/g, ''), {
      timeout: 10_000,
      randomSeed: 1,
    })
    const detail =
      diagnostics.status === 'vulnerable'
        ? `${diagnostics.complexity.type} on ${JSON.stringify(diagnostics.attack.string).slice(0, 80)}`
        : diagnostics.status
    expect(detail).not.toMatch(/polynomial|exponential/)
  })
})

// User patterns (Vale-style packs) never run as JavaScript RegExps: packs compile them with
// re2js, whose matching is linear in the input. Patterns that make a backtracking engine take
// exponential or polynomial time run here on inputs built to trigger it, for every kind of
// pack rule; finishing at all (well inside the test timeout) shows they cannot hang a run.
describe('user patterns cannot hang the run', () => {
  const catastrophic = [
    '(a+)+b',
    '(a|a)*b',
    '(a|aa)+c',
    '(.*a){20}',
    '(\\w+\\s?)+$',
    '^(a?){30}a{30}$',
  ]
  const attack = `${'a'.repeat(30_000)}!`

  it.each(catastrophic)('recheck flags /%s/ as super-linear in JavaScript', (source) => {
    const result = checkSync(source, '', { timeout: 10_000, randomSeed: 1 })
    expect(result.status).toBe('vulnerable')
  })

  for (const kind of ['existence', 'substitution', 'repetition'] as const) {
    it.each(catastrophic)(`a ${kind} rule with /%s/ runs in linear time`, (source) => {
      const quoted = JSON.stringify(source)
      const yaml =
        kind === 'existence'
          ? `extends: existence\nmessage: "Avoid %s"\ntokens:\n  - ${quoted}\n`
          : kind === 'substitution'
            ? `extends: substitution\nmessage: "Use %s"\nswap:\n  ${quoted}: b\n`
            : `extends: repetition\nmessage: "Repeated %s"\ntokens:\n  - ${quoted}\n`
      const rule = parsePackRule(yaml, 'House.Hostile', 'House/Hostile.yml')
      expect(rule.ok, rule.ok ? '' : rule.error).toBe(true)
      if (!rule.ok) return
      const findings = lintText(`${attack}\n${attack} ${attack}\n`, { rules: [rule.value] })
      expect(Array.isArray(findings)).toBe(true)
    })
  }

  it.each([
    ['(?=a)a', /lookaround/],
    ['(?<!x)a', /lookaround/],
    ['(a)\\1', /backreferences/],
  ])('refuses /%s/ with a reason (it cannot run in linear time)', (source, reason) => {
    const rule = parsePackRule(
      `extends: existence\nmessage: "x"\ntokens:\n  - ${JSON.stringify(source)}\n`,
      'House.Bad',
      'House/Bad.yml',
    )
    expect(rule.ok).toBe(false)
    if (!rule.ok) expect(rule.error).toMatch(reason)
  })
})
