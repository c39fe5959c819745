import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exitCodeFor } from '../../src/cli/commands/lint.js'
import type { Finding } from '../../src/engine/types.js'
import type { FileResult } from '../../src/pipeline.js'
import { reportJson } from '../../src/report/json.js'
import { reportStylish } from '../../src/report/stylish.js'
import { FixReport } from '../../src/stream/fix-report.js'
import { lintExitCode } from '../../src/stream/lint-report.js'
import {
  byline,
  countFindings,
  JsonWriter,
  noCounts,
  StylishWriter,
} from '../../src/stream/report.js'

// The streamed reports print what the whole-run reporters print (JSON always; stylish while
// the findings fit the limit), and their summary and exit code follow from counts alone.

const severity = fc.constantFrom('error', 'warn', 'info') as fc.Arbitrary<Finding['severity']>
const finding: fc.Arbitrary<Finding> = fc
  .record({
    line: fc.integer({ min: 1, max: 500 }),
    column: fc.integer({ min: 1, max: 80 }),
    severity,
    message: fc.string({ minLength: 1, maxLength: 30 }).map((m) => m.replace(/\s/g, '_')),
    ruleId: fc.constantFrom('hyphen-space', 'calque', 'casing'),
    fixed: fc.boolean(),
  })
  .map(({ line, column, severity, message, ruleId, fixed }) => ({
    ruleId,
    category: 'c',
    severity,
    message,
    line,
    column,
    endLine: line,
    endColumn: column + 2,
    start: line * 100 + column,
    end: line * 100 + column + 2,
    actual: 'ab',
    fix: fixed ? { start: line * 100 + column, end: line * 100 + column + 2, text: 'a-b' } : null,
    suggestions: [],
  }))
const results = fc.array(
  fc.record({
    path: fc.constantFrom('a.txt', 'b/c.txt', 'd é.md'),
    findings: fc.array(finding, { maxLength: 6 }),
  }),
  { maxLength: 5 },
)

function collector() {
  let text = ''
  const write = (t: string) => {
    text += t
  }
  return { sink: { write }, text: () => text }
}

describe('StylishWriter', () => {
  it('prints exactly what reportStylish prints while the findings fit the limit', async () => {
    await fc.assert(
      fc.asyncProperty(results, fc.boolean(), async (list, color) => {
        const out = collector()
        const writer = new StylishWriter(out.sink, { color })
        for (const r of list) await writer.add(r.path, r.findings)
        await writer.finish()
        expect(out.text()).toBe(reportStylish(list, { color }))
      }),
    )
  })

  it('past the limit prints every finding row once and one summary line', async () => {
    await fc.assert(
      fc.asyncProperty(results, async (list) => {
        const out = collector()
        const writer = new StylishWriter(out.sink, { color: false, limit: 2 })
        for (const r of list) await writer.add(r.path, r.findings)
        await writer.finish()
        const all = list.flatMap((r) => r.findings)
        const rows = out
          .text()
          .split('\n')
          .filter((l) => /^\d+:\d+-\d+:\d+ /.test(l))
        expect(rows).toHaveLength(all.length)
        const counts = countFindings(noCounts(), all)
        const summary = byline(counts, false)
        if (summary) expect(out.text().endsWith(`\n${summary}\n`)).toBe(true)
        expect(out.text().split(summary || '\u0000').length - 1).toBe(summary ? 1 : 0)
      }),
    )
  })

  it('prints a streamed file under one heading, block after block', async () => {
    const out = collector()
    const writer = new StylishWriter(out.sink, { color: false })
    const [first, second] = [
      { ...fc.sample(finding, { numRuns: 1, seed: 1 })[0]!, severity: 'error' as const, line: 1 },
      { ...fc.sample(finding, { numRuns: 1, seed: 2 })[0]!, severity: 'warn' as const, line: 9 },
    ]
    await writer.add('big.txt', [first], true)
    await writer.add('big.txt', [second], true)
    await writer.add('big.txt', [], false)
    await writer.add('small.txt', [first])
    await writer.finish()
    const lines = out.text().split('\n')
    expect(lines.filter((l) => l === 'big.txt')).toHaveLength(1)
    expect(lines.filter((l) => l === 'small.txt')).toHaveLength(1)
    expect(lines.at(-2)).toBe('3 messages (✖ 2 errors, ⚠ 1 warning)')
  })
})

describe('JsonWriter', () => {
  it('writes the document reportJson writes, file by file and finding by finding', async () => {
    await fc.assert(
      fc.asyncProperty(results, fc.array(fc.boolean(), { maxLength: 5 }), async (list, errors) => {
        const withErrors: FileResult[] = list.map((r, i) =>
          errors[i] ? { path: r.path, findings: [], error: 'not valid UTF-8' } : r,
        )
        const out = collector()
        const writer = new JsonWriter(out.sink)
        for (const r of withErrors) {
          await writer.open(r.path)
          const half = r.findings.length >> 1
          await writer.add(r.findings.slice(0, half))
          await writer.add(r.findings.slice(half))
          if (r.error) await writer.field('error', r.error)
          await writer.close()
        }
        await writer.finish()
        expect(out.text()).toBe(reportJson(withErrors))
      }),
    )
  })
})

describe('FixReport (JSON)', () => {
  it("is lint's JSON with each file's applied changes (and stdin's output) after its fields", async () => {
    const applied = [{ ruleId: 'hyphen-space', pass: 1, edits: [{ start: 3, end: 5, text: '-' }] }]
    const f = { ...fc.sample(finding, { numRuns: 1, seed: 3 })[0]! }
    const out = collector()
    const report = new FixReport({
      json: true,
      stdout: { write: out.sink.write },
      stream: { write: () => true },
      color: false,
    })
    const base = { perRule: [] as [string, number][], changed: true, bytes: 10 }
    await report.add({ ...base, path: 'a.txt', findings: [f], applied }, false)
    // A streamed file: findings, then changes, in parts; then its end.
    await report.add({ ...base, path: 'big.txt', findings: [f], applied: [] }, true)
    await report.add({ ...base, path: 'big.txt', findings: [], applied }, true)
    await report.add({ ...base, path: 'big.txt', findings: [], applied }, true)
    await report.add({ ...base, path: 'big.txt', findings: [], applied: [] }, false)
    await report.add(
      {
        ...base,
        path: 'bad.txt',
        findings: [],
        applied: [],
        error: 'not valid UTF-8',
        changed: false,
      },
      false,
    )
    await report.add({ ...base, path: '-', findings: [], applied: [], output: 'fixed' }, false)
    await report.finish()
    expect(JSON.parse(out.text())).toEqual({
      version: 1,
      files: [
        { path: 'a.txt', findings: [f], applied },
        { path: 'big.txt', findings: [f], applied: [...applied, ...applied] },
        { path: 'bad.txt', findings: [], error: 'not valid UTF-8', applied: [] },
        { path: '-', findings: [], applied: [], output: 'fixed' },
      ],
    })
    // Compact, a file entry or a finding or a change per line.
    expect(out.text().split('\n')).toEqual([
      '{"version":1,"files":[',
      '{"path":"a.txt","findings":[',
      `${JSON.stringify(f)}`,
      `],"applied":[`,
      `${JSON.stringify(applied[0])}`,
      ']},',
      '{"path":"big.txt","findings":[',
      `${JSON.stringify(f)}`,
      `],"applied":[`,
      `${JSON.stringify(applied[0])},`,
      `${JSON.stringify(applied[0])}`,
      ']},',
      '{"path":"bad.txt","findings":[],"error":"not valid UTF-8","applied":[]},',
      '{"path":"-","findings":[],"applied":[],"output":"fixed"}',
      ']}',
      '',
    ])
    expect(report.tally).toMatchObject({ scanned: 4, changed: 3, failed: 1 })
  })
})

describe('exit codes from counts', () => {
  it('agree with lint’s exit code computed from the findings', () => {
    fc.assert(
      fc.property(
        results,
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        (list, failed, max) => {
          const withError: FileResult[] = failed
            ? [...list, { path: 'x', findings: [], error: 'e' }]
            : list
          const counts = countFindings(
            noCounts(),
            list.flatMap((r) => r.findings),
          )
          expect(lintExitCode(failed, counts, max)).toBe(exitCodeFor(withError, max))
        },
      ),
    )
  })
})
