import type { FileResult } from '../pipeline.js'

// Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; lone surrogates; FFFE/FFFF).
const invalidXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escape text for an XML attribute or element: markup characters, and drop what XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(invalidXml, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Escape text for an attribute, keeping line breaks and tabs (which attribute values fold). */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}

/** Options for the JUnit report. */
export interface JunitOptions {
  quiet?: boolean
}

/**
 * JUnit XML: one `<testsuite>` per file, one failing `<testcase>` per finding (named after the
 * rule, classed by file and position), one passing test case for a clean file, and an
 * `<error>` for a file that could not be checked. GitLab, Jenkins and others read it.
 */
export function reportJunit(results: readonly FileResult[], options: JunitOptions = {}): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let errors = 0
  for (const result of results) {
    const name = result.path === '-' ? '<stdin>' : result.path
    const cases: string[] = []
    let suiteFailures = 0
    let suiteErrors = 0
    if (result.error) {
      suiteErrors++
      cases.push(
        `    <testcase name="${escapeAttribute('read')}" classname="${escapeAttribute(name)}" time="0">\n` +
          `      <error message="${escapeAttribute(result.error)}" type="input"/>\n    </testcase>`,
      )
    } else {
      const findings = result.findings.filter((f) => !options.quiet || f.severity === 'error')
      for (const f of findings) {
        suiteFailures++
        const where = `${name}:${f.line}:${f.column}`
        const body = `${f.severity} ${where} ${f.message} (${f.ruleId})\nflagged: ${f.actual}`
        cases.push(
          `    <testcase name="${escapeAttribute(`${f.ruleId}: ${f.message}`)}" classname="${escapeAttribute(where)}" time="0">\n` +
            `      <failure message="${escapeAttribute(f.message)}" type="${f.severity}">${escapeXml(body)}</failure>\n` +
            '    </testcase>',
        )
      }
      if (findings.length === 0) {
        cases.push(`    <testcase name="mtclean" classname="${escapeAttribute(name)}" time="0"/>`)
      }
    }
    tests += cases.length
    failures += suiteFailures
    errors += suiteErrors
    suites.push(
      `  <testsuite name="${escapeAttribute(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mtclean" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}
