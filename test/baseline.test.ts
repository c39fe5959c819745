import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import {
  addToBaseline,
  emptyBaseline,
  fingerprint,
  matchBaseline,
  readBaseline,
  updateBaseline,
} from '../src/baseline.js'
import { lintText } from '../src/engine/lint.js'

const lint = (text: string) => lintText(text, { rules: builtinRules, only: ['hyphen-space'] })
const folder = () => mkdtempSync(join(tmpdir(), 'mtclean-baseline-'))

const report = 'The county launched a 100 -day campaign.\nSales rose year -on -year in May.\n'

describe('fingerprint', () => {
  it('does not depend on the line: text inserted above keeps it', () => {
    const moved = `A new first paragraph.\n\nAnother one.\n${report}`
    const before = lint(report).map((f) => fingerprint(f, report))
    const after = lint(moved).map((f) => fingerprint(f, moved))
    expect(before).toHaveLength(3)
    expect(after).toEqual(before)
  })

  it('changes when the flagged text or its nearby context changes', () => {
    const [first] = lint(report)
    const edited = report.replace('launched a 100', 'began a 100')
    const [moved] = lint(edited)
    expect(fingerprint(moved!, edited)).not.toBe(fingerprint(first!, report))
  })

  it('tells apart identical flagged text in different sentences', () => {
    const text = 'A 100 -day plan.\nA 100 -day drive.\n'
    const [a, b] = lint(text).map((f) => fingerprint(f, text))
    expect(a).not.toBe(b)
  })
})

describe('matchBaseline and updateBaseline', () => {
  it('records findings, then holds them back, even after lines are inserted above', () => {
    const dir = folder()
    const file = join(dir, 'baseline.json')
    const input = { path: 'news.txt', source: report, findings: lint(report) }
    const { baseline, recorded, pruned } = updateBaseline(emptyBaseline(), file, [input], dir)
    expect([recorded, pruned]).toEqual([3, 0])
    expect(baseline.entries.map((e) => [e.file, e.rule, e.text, e.count])).toEqual([
      ['news.txt', 'hyphen-space', ' -', 1],
      ['news.txt', 'hyphen-space', ' -', 1],
      ['news.txt', 'hyphen-space', ' -', 1],
    ])
    const moved = `Headline\n\n${report}A 300 -day plan follows.\n`
    const match = matchBaseline(
      baseline,
      file,
      [{ path: 'news.txt', source: moved, findings: lint(moved) }],
      dir,
    )
    expect(match.matched).toBe(3)
    expect(match.stale).toEqual([])
    expect(match.fresh[0]!.map((f) => `${f.line}:${f.actual}`)).toEqual(['5: -'])
  })

  it('counts identical findings: two copies need a count of 2', () => {
    const dir = folder()
    const file = join(dir, 'b.json')
    const text = 'A 100 -day plan.\n'
    const { baseline } = updateBaseline(
      emptyBaseline(),
      file,
      [{ path: 'a.txt', source: text, findings: lint(text) }],
      dir,
    )
    const twice = `${text}${text}`
    const match = matchBaseline(
      baseline,
      file,
      [{ path: 'a.txt', source: twice, findings: lint(twice) }],
      dir,
    )
    expect(match.fresh[0]).toHaveLength(1)
    const again = updateBaseline(
      baseline,
      file,
      [{ path: 'a.txt', source: twice, findings: lint(twice) }],
      dir,
    )
    expect(again.baseline.entries.map((e) => e.count)).toEqual([2])
  })

  it('reports entries of fixed findings as stale and prunes them on update', () => {
    const dir = folder()
    writeFileSync(join(dir, 'other.txt'), 'A 5 -day trip.\n')
    const file = join(dir, 'b.json')
    const other = {
      path: 'other.txt',
      source: 'A 5 -day trip.\n',
      findings: lint('A 5 -day trip.\n'),
    }
    const first = updateBaseline(
      emptyBaseline(),
      file,
      [{ path: 'news.txt', source: report, findings: lint(report) }, other],
      dir,
    )
    const fixed = report.replace('100 -day', '100-day')
    const now = { path: 'news.txt', source: fixed, findings: lint(fixed) }
    // Only news.txt is checked this time: other.txt's entry is neither matched nor stale.
    const match = matchBaseline(first.baseline, file, [now], dir)
    expect(match.stale.map((e) => [e.file, e.count])).toEqual([['news.txt', 1]])
    const next = updateBaseline(first.baseline, file, [now], dir)
    expect(next.pruned).toBe(1)
    expect(next.baseline.entries.map((e) => e.file).sort()).toEqual([
      'news.txt',
      'news.txt',
      'other.txt',
    ])
  })

  it('treats entries of deleted files as stale', () => {
    const dir = folder()
    const file = join(dir, 'b.json')
    const { baseline } = updateBaseline(
      emptyBaseline(),
      file,
      [{ path: 'gone.txt', source: report, findings: lint(report) }],
      dir,
    )
    expect(matchBaseline(baseline, file, [], dir).stale).toHaveLength(3)
    expect(updateBaseline(baseline, file, [], dir).baseline.entries).toEqual([])
  })
})

describe('rules that did not run', () => {
  it('keeps their entries on update and never calls them stale', () => {
    const dir = folder()
    const file = join(dir, 'b.json')
    const [first] = lint(report)
    const other = { ...first!, ruleId: 'test-other' }
    const all = updateBaseline(
      emptyBaseline(),
      file,
      [{ path: 'a.txt', source: report, findings: [...lint(report), other] }],
      dir,
    )
    expect(all.recorded).toBe(4)
    const ran = new Set(['hyphen-space'])
    const now = [{ path: 'a.txt', source: report, findings: lint(report) }]
    expect(matchBaseline(all.baseline, file, now, dir, ran).stale).toEqual([])
    expect(matchBaseline(all.baseline, file, now, dir).stale.map((e) => e.rule)).toEqual([
      'test-other',
    ])
    const next = updateBaseline(all.baseline, file, now, dir, ran)
    expect(next.pruned).toBe(0)
    expect(next.baseline.entries.map((e) => e.rule).sort()).toEqual([
      'hyphen-space',
      'hyphen-space',
      'hyphen-space',
      'test-other',
    ])
  })
})

describe('baseline files', () => {
  it('addToBaseline records one finding so it is held back next time', async () => {
    const dir = folder()
    const [finding] = lint(report)
    expect(await addToBaseline('review.json', 'docs/news.txt', finding!, report, dir)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(await addToBaseline('review.json', 'docs/news.txt', finding!, report, dir)).toEqual({
      ok: true,
      value: undefined,
    })
    const read = await readBaseline(join(dir, 'review.json'))
    if (!read.ok) throw new Error(read.error)
    expect(read.value.entries).toEqual([
      {
        file: 'docs/news.txt',
        rule: 'hyphen-space',
        fingerprint: fingerprint(finding!, report),
        count: 2,
        text: ' -',
      },
    ])
    const text = readFileSync(join(dir, 'review.json'), 'utf8')
    expect(JSON.parse(text).version).toBe(1)
  })

  it('rejects a broken baseline with one line', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'b.json'), '{"version": 1, "entries": [{"file": "a.txt"}]}')
    expect(await readBaseline(join(dir, 'b.json'))).toEqual({
      ok: false,
      error: `${join(dir, 'b.json')}: entries[0]: expected {file, rule, fingerprint, count, text}`,
    })
    writeFileSync(join(dir, 'c.json'), '{"version": 1,')
    const broken = await readBaseline(join(dir, 'c.json'))
    expect(broken.ok ? '' : broken.error).toMatch(/c\.json: invalid JSON/)
    const missing = await readBaseline(join(dir, 'none.json'))
    expect(missing.ok ? '' : missing.error).toMatch(
      /none\.json: cannot read baseline: no such file or directory/,
    )
    expect(await readBaseline(join(dir, 'none.json'), true)).toEqual({
      ok: true,
      value: emptyBaseline(),
    })
  })
})
