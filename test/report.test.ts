import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import type { Finding } from '../src/engine/types.js'
import { type FileResult, lintSource } from '../src/pipeline.js'
import { reportCheckstyle } from '../src/report/checkstyle.js'
import { escapeData, escapeProperty, reportGithub } from '../src/report/github.js'
import { reportJunit } from '../src/report/junit.js'
import { reportSarif } from '../src/report/sarif.js'
import { multitoolProblems, sarifSchemaValidator } from './report-helpers.js'

const text = [
  'The city opened a 100 -day "Clean Water" campaign.',
  'Sales rose year -on -year, and the well- known brand <grew> & "spread".',
  '',
].join('\n')

function resultFor(path: string, source: string): FileResult {
  const findings = lintSource(path, source, {
    lint: { rules: builtinRules, only: ['hyphen-space'] },
  })
  if (!findings.ok) throw new Error(findings.error)
  return {
    path,
    file: {
      path,
      text: source,
      encoding: { name: 'utf8', bom: false },
      bytes: Buffer.from(source),
      mode: 0o644,
    },
    findings: findings.value,
  }
}

const odd: Finding = {
  ruleId: 'test-odd',
  category: 'test',
  severity: 'warn',
  message: 'Odd: 50% of "x" <y>, z\r\nnext line\u0007',
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 5,
  start: 10,
  end: 12,
  actual: 'ab',
  fix: null,
  suggestions: [],
}

/** Parse XML strictly; throws on anything not well-formed. Returns elements with attributes. */
function parseXml(xml: string) {
  const parser = new SaxesParser()
  const elements: { name: string; attributes: Record<string, string> }[] = []
  let error: Error | undefined
  parser.on('error', (e) => {
    error ??= e
  })
  parser.on('opentag', (tag) => {
    elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string> })
  })
  parser.write(xml).close()
  if (error) throw error
  return elements
}

describe('github report', () => {
  it('escapes data and property values as the workflow command parser expects', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
  })

  it('prints one annotation per finding with position, end and title', () => {
    const result = resultFor('docs/news, 2024: draft.txt', text)
    const lines = reportGithub([
      result,
      { path: 'x.txt', findings: [odd] },
      { path: 'gone.txt', findings: [], error: 'no such file or directory' },
    ])
      .trimEnd()
      .split('\n')
    expect(lines[0]).toBe(
      '::error file=docs/news%2C 2024%3A draft.txt,line=1,col=22,endLine=1,endColumn=24,title=mtclean(hyphen-space)::Unexpected space before `-` in a compound',
    )
    expect(lines).toContain(
      '::warning file=x.txt,line=2,col=3,endLine=2,endColumn=5,title=mtclean(test-odd)::Odd: 50%25 of "x" <y>, z%0D%0Anext line\u0007',
    )
    expect(lines.at(-1)).toBe('::error file=gone.txt,title=mtclean::no such file or directory')
    expect(lines.every((line) => /^::(error|warning|notice) [^:]*::/.test(line))).toBe(true)
  })
})

describe('junit and checkstyle reports', () => {
  const results = [
    resultFor('docs/a&b.txt', text),
    { path: 'clean.txt', findings: [] },
    { path: 'x.txt', findings: [odd] },
    { path: 'bad.bin', findings: [], error: 'binary file (NUL byte at offset 3)' },
  ]

  it('junit is well-formed XML with one failing test case per finding', () => {
    const xml = reportJunit(results)
    const elements = parseXml(xml)
    const suites = elements.filter((e) => e.name === 'testsuite')
    expect(
      suites.map((s) => [
        s.attributes.name,
        s.attributes.tests,
        s.attributes.failures,
        s.attributes.errors,
      ]),
    ).toEqual([
      [
        'docs/a&b.txt',
        String(results[0]!.findings.length),
        String(results[0]!.findings.length),
        '0',
      ],
      ['clean.txt', '1', '0', '0'],
      ['x.txt', '1', '1', '0'],
      ['bad.bin', '1', '0', '1'],
    ])
    const failures = elements.filter((e) => e.name === 'failure')
    expect(failures.at(-1)!.attributes.message).toBe('Odd: 50% of "x" <y>, z\r\nnext line\uFFFD')
    const root = elements[0]!
    expect(root.attributes.failures).toBe(String(results[0]!.findings.length + 1))
  })

  it('checkstyle is well-formed XML with one error per finding', () => {
    const xml = reportCheckstyle(results)
    const elements = parseXml(xml)
    expect(elements.filter((e) => e.name === 'file').map((e) => e.attributes.name)).toEqual([
      'docs/a&b.txt',
      'clean.txt',
      'x.txt',
      'bad.bin',
    ])
    const errors = elements.filter((e) => e.name === 'error')
    expect(errors[0]!.attributes).toEqual({
      line: '1',
      column: '22',
      severity: 'error',
      message: 'Unexpected space before `-` in a compound',
      source: 'mtclean.hyphen-space',
    })
    expect(
      errors.find((e) => e.attributes.source === 'mtclean.test-odd')!.attributes.severity,
    ).toBe('warning')
    expect(errors.at(-1)!.attributes).toMatchObject({ severity: 'error', source: 'mtclean' })
  })
})

describe('sarif report', () => {
  const rules = [
    ...builtinRules.map((rule) => ({ meta: rule.meta })),
    { meta: { ...odd, ...builtinRules[0]!.meta, id: 'test-odd' }, url: 'https://example.com/odd' },
  ]
  const results = [
    resultFor('docs/news report.txt', text),
    {
      path: 'x.txt',
      file: {
        path: 'x.txt',
        text: 'x\nzzab',
        encoding: { name: 'utf8' as const, bom: false },
        bytes: Buffer.from(''),
        mode: 0o644,
      },
      findings: [{ ...odd, start: 4, end: 6, line: 2, column: 3, endLine: 2, endColumn: 5 }],
    },
    { path: 'gone.txt', findings: [], error: 'no such file or directory' },
  ]
  const log = JSON.parse(reportSarif(results, { rules, cwd: '/work/project', version: '1.2.3' }))

  it('describes the rules with help, links and default levels', () => {
    const driver = log.runs[0].tool.driver
    expect(driver.name).toBe('mtclean')
    expect(driver.version).toBe('1.2.3')
    const hyphen = driver.rules.find((r: { id: string }) => r.id === 'hyphen-space')
    expect(hyphen).toMatchObject({
      id: 'hyphen-space',
      name: 'HyphenSpace',
      shortDescription: {
        text: 'No space inside a hyphenated compound (`100 -day`, `year -on -year`).',
      },
      helpUri: 'https://github.com/mtclean/mtclean#hyphen-space',
      defaultConfiguration: { level: 'error' },
    })
    expect(hyphen.fullDescription.text).toContain('Fix: safe')
    expect(driver.rules.find((r: { id: string }) => r.id === 'test-odd').helpUri).toBe(
      'https://example.com/odd',
    )
  })

  it('gives results regions, offsets and fixes', () => {
    const run = log.runs[0]
    const first = run.results[0]
    expect(first.ruleId).toBe('hyphen-space')
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('hyphen-space')
    expect(first.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'docs/news%20report.txt',
      uriBaseId: '%SRCROOT%',
    })
    expect(first.locations[0].physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 22,
      endLine: 1,
      endColumn: 24,
      charOffset: 21,
      charLength: 2,
      snippet: { text: ' -' },
    })
    expect(first.fixes[0].artifactChanges[0].replacements).toEqual([
      {
        deletedRegion: {
          startLine: 1,
          startColumn: 22,
          endLine: 1,
          endColumn: 24,
          charOffset: 21,
          charLength: 2,
        },
        insertedContent: { text: '-' },
      },
    ])
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/project/')
    expect(run.invocations[0].executionSuccessful).toBe(false)
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(
      'gone.txt: no such file or directory.',
    )
  })

  it('validates against the SARIF 2.1.0 schema and with the SARIF Multitool', () => {
    const validate = sarifSchemaValidator()
    expect(validate(log) ? [] : validate.errors).toEqual([])
    // The schema check can fail: a wrong level is caught.
    const broken = structuredClone(log)
    broken.runs[0].results[0].level = 'fatal'
    expect(validate(broken)).toBe(false)

    const dir = mkdtempSync(join(tmpdir(), 'mtclean-sarif-'))
    writeFileSync(join(dir, 'good.sarif'), JSON.stringify(log))
    expect(multitoolProblems(dir, 'good.sarif')).toEqual([])
    // The multitool check can fail too: a driver without a name is an error.
    delete broken.runs[0].tool.driver.name
    writeFileSync(join(dir, 'bad.sarif'), JSON.stringify(broken))
    expect(multitoolProblems(dir, 'bad.sarif').length).toBeGreaterThan(0)
  })
})
