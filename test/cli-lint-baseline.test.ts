import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mtclean, workspace, write } from './cli-lint-helpers.js'

const news = [
  'The county held a press conference on the 100 -day campaign.',
  'Sales of the well- known brand rose in the first quarter.',
  '',
].join('\n')

interface JsonReport {
  files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[]
}

const lines = (stdout: string, rule = 'hyphen-space') =>
  (JSON.parse(stdout) as JsonReport).files.flatMap((f) =>
    f.findings.filter((x) => x.ruleId === rule).map((x) => `${f.path}:${x.line}`),
  )

describe('mtclean lint --baseline', () => {
  it('records findings, survives lines inserted above, fails only on new ones, prunes stale ones', () => {
    const root = workspace({ 'docs/news.txt': news, 'docs/other.txt': 'A 5 -day trip.\n' })
    const args = ['lint', '--rule', 'hyphen-space']
    const update = mtclean(root, [
      ...args,
      '--baseline',
      'ci/baseline.json',
      '--update-baseline',
      'docs',
    ])
    expect(update).toMatchObject({
      code: 0,
      stderr: 'mtclean: baseline ci/baseline.json: recorded 3 findings\n',
    })
    const baseline = JSON.parse(readFileSync(join(root, 'ci/baseline.json'), 'utf8'))
    expect(
      baseline.entries.map((e: { file: string; rule: string }) => `${e.file} ${e.rule}`),
    ).toEqual([
      '../docs/news.txt hyphen-space',
      '../docs/news.txt hyphen-space',
      '../docs/other.txt hyphen-space',
    ])
    expect(mtclean(root, [...args, '--baseline', 'ci/baseline.json', 'docs'])).toMatchObject({
      code: 0,
      stdout: '',
    })

    // Lines inserted above the findings do not invalidate the entries.
    write(root, { 'docs/news.txt': `Press release\n\nIssued on Monday.\n${news}` })
    expect(mtclean(root, [...args, '--baseline', 'ci/baseline.json', 'docs'])).toMatchObject({
      code: 0,
      stdout: '',
    })

    // A new finding fails the run, and only it is reported.
    write(root, {
      'docs/news.txt': `Press release\n\nIssued on Monday.\n${news}A 30 -day review follows.\n`,
    })
    const fresh = mtclean(root, [...args, '-f', 'json', '--baseline', 'ci/baseline.json', 'docs'])
    expect(fresh.code).toBe(1)
    expect(lines(fresh.stdout)).toEqual(['docs/news.txt:6'])

    // A fixed finding leaves a stale entry: reported, then pruned on update.
    write(root, {
      'docs/news.txt': `Press release\n\nIssued on Monday.\n${news.replace('100 -day', '100-day')}`,
    })
    const stale = mtclean(root, [...args, '--baseline', 'ci/baseline.json', 'docs'])
    expect(stale).toMatchObject({
      code: 0,
      stderr:
        'mtclean: baseline ci/baseline.json: 1 stale entry (fixed or changed text); run with --update-baseline to prune\n',
    })
    const pruned = mtclean(root, [
      ...args,
      '--baseline',
      'ci/baseline.json',
      '--update-baseline',
      'docs',
    ])
    expect(pruned.stderr).toBe(
      'mtclean: baseline ci/baseline.json: recorded 2 findings, pruned 1 stale entry\n',
    )
    expect(JSON.parse(readFileSync(join(root, 'ci/baseline.json'), 'utf8')).entries).toHaveLength(2)
  })

  it('--update-baseline with --rule keeps the entries of rules that did not run', () => {
    const root = workspace({
      '.mtcleanrc.yml': 'packs: [styles/House]\n',
      'styles/House/Wordy.yml':
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nswap:\n  in the process of: during\n",
      'a.txt': `${news}Work went on in the process of renovation.\n`,
    })
    const base = ['lint', '--baseline', 'b.json']
    expect(
      mtclean(root, [...base, '--update-baseline', '--rule', 'hyphen-space,House.Wordy', 'a.txt'])
        .code,
    ).toBe(0)
    const rules = () =>
      JSON.parse(readFileSync(join(root, 'b.json'), 'utf8'))
        .entries.map((e: { rule: string }) => e.rule)
        .sort()
    expect(rules()).toEqual(['House.Wordy', 'hyphen-space', 'hyphen-space'])
    write(root, {
      'a.txt': `${news.replace('100 -day', '100-day')}Work went on in the process of renovation.\n`,
    })
    const update = mtclean(root, [...base, '--update-baseline', '--rule', 'hyphen-space', 'a.txt'])
    expect(update.stderr).toBe(
      'mtclean: baseline b.json: recorded 1 finding, pruned 1 stale entry\n',
    )
    expect(rules()).toEqual(['House.Wordy', 'hyphen-space'])
    expect(mtclean(root, [...base, '--rule', 'hyphen-space,House.Wordy', 'a.txt'])).toMatchObject({
      code: 0,
      stderr: '',
    })
  })

  it('--update-baseline alone writes .mtclean-baseline.json', () => {
    const root = workspace({ 'a.txt': news })
    expect(
      mtclean(root, ['lint', '--update-baseline', '--rule', 'hyphen-space', 'a.txt']).code,
    ).toBe(0)
    expect(
      JSON.parse(readFileSync(join(root, '.mtclean-baseline.json'), 'utf8')).entries,
    ).toHaveLength(2)
  })

  it('a missing or broken baseline fails with one line and exit 2', () => {
    const root = workspace({ 'a.txt': news, 'broken.json': '{"version": 2, "entries": []}' })
    expect(mtclean(root, ['lint', '--baseline', 'none.json', 'a.txt'])).toMatchObject({
      code: 2,
      stderr: 'mtclean: none.json: cannot read baseline: no such file or directory\n',
    })
    expect(mtclean(root, ['lint', '--baseline', 'broken.json', 'a.txt'])).toMatchObject({
      code: 2,
      stderr: 'mtclean: broken.json: version: expected 1, got 2\n',
    })
  })
})

describe('inline controls', () => {
  const text = [
    '<!-- mtclean-disable-next-line hyphen-space -- quoted from the original headline -->',
    'The county held a press conference on the 100 -day campaign.',
    '<!-- mtclean-disable -->',
    'A 200 -day plan and a 300 -day plan.',
    '<!-- mtclean-enable -->',
    'Sales of the well- known brand rose in the first quarter.',
    '<!-- mtclean-disable-next-line hyphen-space -->',
    'A sentence with nothing to flag.',
    '',
  ].join('\n')

  it('suppress findings and are never flagged themselves', () => {
    const root = workspace({ 'a.txt': text })
    const run = mtclean(root, ['lint', '-f', 'json', 'a.txt'])
    expect(lines(run.stdout)).toEqual(['a.txt:6'])
    const all = (JSON.parse(run.stdout) as JsonReport).files[0]!.findings
    expect(all.filter((f) => [1, 3, 5, 7].includes(f.line))).toEqual([])
  })

  it('--report-unused-disables reports directives that suppress nothing', () => {
    const root = workspace({ 'a.txt': text })
    const run = mtclean(root, ['lint', '-f', 'json', '--report-unused-disables', 'a.txt'])
    expect(run.code).toBe(1)
    const unused = (JSON.parse(run.stdout) as JsonReport).files[0]!.findings.filter(
      (f) => f.ruleId === 'unused-disable',
    )
    expect(unused.map((f) => `${f.line}: ${f.message}`)).toEqual([
      "7: Unused mtclean-disable-next-line directive (no problems were reported from 'hyphen-space')",
    ])
    const sarif = mtclean(root, ['lint', '-f', 'sarif', '--report-unused-disables', 'a.txt'])
    const ids = JSON.parse(sarif.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id)
    expect(ids).toContain('unused-disable')
  })
})
