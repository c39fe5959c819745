import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { mtclean, workspace } from './cli-lint-helpers.js'
import { multitoolProblems, sarifSchemaValidator } from './report-helpers.js'

const news = [
  'The county held a press conference on the 100 -day campaign.',
  'Sales of the well- known brand rose year -on -year in the first quarter.',
  '',
].join('\n')
const clean = 'The county held a press conference on the campaign.\n'

interface JsonReport {
  files: {
    path: string
    findings: { ruleId: string; severity: string; line: number; actual: string }[]
    error?: string
  }[]
}

const hyphens = (report: string) =>
  (JSON.parse(report) as JsonReport).files.flatMap((f) =>
    f.findings
      .filter((x) => x.ruleId === 'hyphen-space')
      .map((x) => `${f.path}:${x.line}:${x.severity}`),
  )

function wellFormed(xml: string): string[] {
  const parser = new SaxesParser()
  const names: string[] = []
  let error: Error | undefined
  parser.on('error', (e) => {
    error ??= e
  })
  parser.on('opentag', (tag) => names.push(tag.name))
  parser.write(xml).close()
  if (error) throw error
  return names
}

describe('mtclean lint: formats and output', () => {
  const root = workspace({ 'news.txt': news, 'clean.txt': clean })

  it('stylish by default; exit 1 on errors, 0 when clean', () => {
    const run = mtclean(root, ['lint', 'news.txt'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('1:46-1:48')
    expect(run.stdout).toMatch(/error\s+Unexpected space before `-` in a compound\s+hyphen-space/)
    expect(mtclean(root, ['lint', 'clean.txt'])).toMatchObject({ code: 0, stdout: '' })
  })

  it('--format json', () => {
    const run = mtclean(root, ['lint', '--format', 'json', 'news.txt'])
    expect(run.code).toBe(1)
    expect(hyphens(run.stdout)).toEqual([
      'news.txt:1:error',
      'news.txt:2:error',
      'news.txt:2:error',
      'news.txt:2:error',
    ])
  })

  it('--format sarif validates with the SARIF Multitool and the schema', () => {
    const run = mtclean(root, [
      'lint',
      '-f',
      'sarif',
      '--output-file',
      'out.sarif',
      'news.txt',
      'clean.txt',
    ])
    expect(run).toMatchObject({ code: 1, stdout: '' })
    const log = JSON.parse(readFileSync(join(root, 'out.sarif'), 'utf8'))
    const validate = sarifSchemaValidator()
    expect(validate(log) ? [] : validate.errors).toEqual([])
    expect(multitoolProblems(root, 'out.sarif')).toEqual([])
    const results = log.runs[0].results.filter(
      (r: { ruleId: string }) => r.ruleId === 'hyphen-space',
    )
    expect(results).toHaveLength(4)
    expect(results[0].fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: {
        startLine: 1,
        startColumn: 46,
        endLine: 1,
        endColumn: 48,
        charOffset: 45,
        charLength: 2,
      },
      insertedContent: { text: '-' },
    })
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root}/`)
  })

  it('SARIF for every bundled sample (all rules and formats) validates too', () => {
    const repo = fileURLToPath(new URL('..', import.meta.url))
    const out = workspace({})
    const run = mtclean(repo, ['lint', '-f', 'sarif', '-o', join(out, 'samples.sarif'), 'samples'])
    expect(run.stderr).toBe('')
    const log = JSON.parse(readFileSync(join(out, 'samples.sarif'), 'utf8'))
    expect(log.runs[0].results.length).toBeGreaterThan(20)
    const validate = sarifSchemaValidator()
    expect(validate(log) ? [] : validate.errors).toEqual([])
    expect(multitoolProblems(out, 'samples.sarif')).toEqual([])
  })

  it('JUnit, Checkstyle and GitHub reports of every bundled sample are well-formed', () => {
    const repo = fileURLToPath(new URL('..', import.meta.url))
    const junit = mtclean(repo, ['lint', '-f', 'junit', 'samples'])
    expect(wellFormed(junit.stdout).filter((t) => t === 'failure').length).toBeGreaterThan(20)
    const checkstyle = mtclean(repo, ['lint', '-f', 'checkstyle', 'samples'])
    expect(wellFormed(checkstyle.stdout).filter((t) => t === 'error').length).toBeGreaterThan(20)
    const github = mtclean(repo, ['lint', '-f', 'github', 'samples']).stdout.trimEnd().split('\n')
    expect(github.length).toBeGreaterThan(20)
    expect(
      github.filter((line) => !/^::(error|warning|notice) file=[^:\r\n]*::[^\r\n]*$/.test(line)),
    ).toEqual([])
  })

  it('--format github prints workflow commands', () => {
    const run = mtclean(root, ['lint', '-f', 'github', '--rule', 'hyphen-space', 'news.txt'])
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n')[0]).toBe(
      '::error file=news.txt,line=1,col=46,endLine=1,endColumn=48,title=mtclean(hyphen-space)::Unexpected space before `-` in a compound',
    )
  })

  it('--format junit and --format checkstyle print well-formed XML', () => {
    const junit = mtclean(root, [
      'lint',
      '-f',
      'junit',
      '--rule',
      'hyphen-space',
      'news.txt',
      'clean.txt',
    ])
    expect(junit.code).toBe(1)
    const junitTags = wellFormed(junit.stdout)
    expect(junitTags.filter((t) => t === 'failure')).toHaveLength(4)
    expect(junitTags.filter((t) => t === 'testsuite')).toHaveLength(2)
    const checkstyle = mtclean(root, [
      'lint',
      '-f',
      'checkstyle',
      '--rule',
      'hyphen-space',
      'news.txt',
    ])
    expect(checkstyle.code).toBe(1)
    expect(wellFormed(checkstyle.stdout).filter((t) => t === 'error')).toHaveLength(4)
    expect(checkstyle.stdout).toContain('source="mtclean.hyphen-space"')
  })

  it('--format diff prints the safe fixes without writing', () => {
    const run = mtclean(root, ['lint', '-f', 'diff', '--rule', 'hyphen-space', 'news.txt'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('--- a/news.txt\n+++ b/news.txt\n')
    expect(run.stdout).toContain('+The county held a press conference on the 100-day campaign.')
    expect(run.stdout).toContain(
      '+Sales of the well-known brand rose year-on-year in the first quarter.',
    )
    expect(readFileSync(join(root, 'news.txt'), 'utf8')).toBe(news)
  })

  it('--output-file writes the report atomically and prints nothing', () => {
    const run = mtclean(root, ['lint', '-f', 'json', '-o', 'report.json', 'news.txt'])
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' })
    expect(hyphens(readFileSync(join(root, 'report.json'), 'utf8'))).toHaveLength(4)
    const bad = mtclean(root, ['lint', '-o', 'no/such/dir/report.txt', 'news.txt'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe(
      'mtclean: no/such/dir/report.txt: cannot write: no such file or directory\n',
    )
  })

  it('rejects an unknown format with exit 2', () => {
    const run = mtclean(root, ['lint', '-f', 'xml', 'news.txt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      "mtclean: unknown --format 'xml' (expected stylish, json, sarif, github, junit, checkstyle, diff)\n",
    )
  })
})

describe('mtclean lint: existing options still work', () => {
  const root = workspace({
    'news.txt': news,
    '.mtcleanrc.json': JSON.stringify({ rules: { 'hyphen-space': 'warn' } }),
  })

  it('--max-warnings and --quiet', () => {
    expect(mtclean(root, ['lint', '--rule', 'hyphen-space', 'news.txt']).code).toBe(0)
    expect(
      mtclean(root, ['lint', '--rule', 'hyphen-space', '--max-warnings', '3', 'news.txt']).code,
    ).toBe(1)
    expect(
      mtclean(root, ['lint', '--rule', 'hyphen-space', '--max-warnings', '4', 'news.txt']).code,
    ).toBe(0)
    const quiet = mtclean(root, [
      'lint',
      '--quiet',
      '-f',
      'json',
      '--rule',
      'hyphen-space',
      'news.txt',
    ])
    expect(hyphens(quiet.stdout)).toEqual([])
  })

  it('--rule and --disable, with unknown ids rejected', () => {
    const only = mtclean(root, ['lint', '-f', 'json', '--rule', 'hyphen-space', 'news.txt'])
    expect(hyphens(only.stdout)).toHaveLength(4)
    const disabled = mtclean(root, ['lint', '-f', 'json', '--disable', 'hyphen-space', 'news.txt'])
    expect(hyphens(disabled.stdout)).toEqual([])
    const unknown = mtclean(root, ['lint', '--rule', 'hyphen-spaces', 'news.txt'])
    expect(unknown).toMatchObject({
      code: 2,
      stderr: "mtclean: --rule: unknown rule 'hyphen-spaces' (did you mean 'hyphen-space'?)\n",
    })
  })

  it('--format-in and stdin', () => {
    const run = mtclean(
      root,
      ['lint', '-f', 'json', '--rule', 'hyphen-space', '--format-in', 'text', '-'],
      news,
    )
    expect(hyphens(run.stdout)).toEqual(['-:1:warn', '-:2:warn', '-:2:warn', '-:2:warn'])
  })

  it('--color and --no-color', () => {
    const colored = mtclean(root, ['lint', '--color', '--rule', 'hyphen-space', 'news.txt'])
    expect(colored.stdout).toContain('\u001B[')
    const plain = mtclean(root, ['lint', '--no-color', '--rule', 'hyphen-space', 'news.txt'])
    expect(plain.stdout).not.toContain('\u001B[')
    expect(plain.stdout).toContain('warning')
  })

  it('an unreadable file is exit 2 with one line', () => {
    const run = mtclean(root, ['lint', 'missing.txt'])
    expect(run).toMatchObject({
      code: 2,
      stderr: 'mtclean: missing.txt: no such file or directory\n',
    })
  })
})
