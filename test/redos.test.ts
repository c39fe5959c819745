import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkSync } from 'recheck'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every regular expression literal in the shipped code (src/, rules/) is checked by recheck, a
// ReDoS checker: none may take super-linear time on any input. User patterns never run as
// JavaScript RegExps (packs compile them with re2js), so they are covered by test/packs.test.ts.
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
