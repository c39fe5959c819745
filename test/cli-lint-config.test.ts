import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { mtclean, workspace, write } from './cli-lint-helpers.js'

const news = [
  'The county held a press conference on the 100 -day campaign.',
  'Officials said that in the process of renovation the residents helped.',
  '',
].join('\n')

interface JsonReport {
  files: { path: string; findings: { ruleId: string; severity: string; line: number }[] }[]
}

/** `path:line:rule:severity` for the findings of the rules named. */
function findings(stdout: string, ...rules: string[]): string[] {
  return (JSON.parse(stdout) as JsonReport).files.flatMap((f) =>
    f.findings
      .filter((x) => rules.includes(x.ruleId))
      .map((x) => `${f.path}:${x.line}:${x.ruleId}:${x.severity}`),
  )
}

describe('mtclean lint with config files', () => {
  it('finds the nearest config above each file; --config and --no-config override', () => {
    const root = workspace({
      'package.json': JSON.stringify({
        name: 'site',
        mtclean: { rules: { 'hyphen-space': 'warn' } },
      }),
      'docs/.mtcleanrc.yml': 'rules:\n  hyphen-space: info\n',
      'docs/a.txt': news,
      'b.txt': news,
      'ci/off.json': JSON.stringify({ rules: { 'hyphen-space': 'off' } }),
    })
    const json = ['lint', '-f', 'json', '--rule', 'hyphen-space']
    expect(findings(mtclean(root, [...json, '.']).stdout, 'hyphen-space')).toEqual([
      'b.txt:1:hyphen-space:warn',
      'docs/a.txt:1:hyphen-space:info',
    ])
    const off = mtclean(root, ['lint', '-f', 'json', '--config', 'ci/off.json', '.'])
    expect(findings(off.stdout, 'hyphen-space')).toEqual([])
    const none = mtclean(root, [...json, '--no-config', '.'])
    expect(findings(none.stdout, 'hyphen-space')).toEqual([
      'b.txt:1:hyphen-space:error',
      'docs/a.txt:1:hyphen-space:error',
    ])
    expect(none.code).toBe(1)
  })

  it('extends strict makes warnings errors and exits 1', () => {
    const root = workspace({
      '.mtcleanrc.yaml': 'extends: [recommended, ./house.yaml]\n',
      'house.yaml': 'extends: strict\nrules:\n  hyphen-space: warn\n',
      'a.txt': 'The county launched a 100 -day campaign.\n',
    })
    const run = mtclean(root, ['lint', '-f', 'json', '--rule', 'hyphen-space', 'a.txt'])
    expect(findings(run.stdout, 'hyphen-space')).toEqual(['a.txt:1:hyphen-space:warn'])
    expect(run.code).toBe(0)
    write(root, { 'house.yaml': 'extends: strict\n' })
    const strict = mtclean(root, ['lint', '-f', 'json', '--rule', 'hyphen-space', 'a.txt'])
    expect(findings(strict.stdout, 'hyphen-space')).toEqual(['a.txt:1:hyphen-space:error'])
    expect(strict.code).toBe(1)
  })

  it('honours ignore patterns and .mtcleanignore; --no-ignore checks them anyway', () => {
    const root = workspace({
      '.mtcleanrc.json': JSON.stringify({ ignore: ['drafts/'] }),
      '.mtcleanignore': '# machine output\n*.raw.txt\n',
      'drafts/a.txt': news,
      'b.raw.txt': news,
      'c.txt': news,
    })
    const args = ['lint', '-f', 'json', '--rule', 'hyphen-space']
    const files = (stdout: string) => (JSON.parse(stdout) as JsonReport).files.map((f) => f.path)
    expect(files(mtclean(root, [...args, '.']).stdout)).toEqual(['c.txt'])
    expect(files(mtclean(root, [...args, '--no-ignore', '.']).stdout)).toEqual([
      'b.raw.txt',
      'c.txt',
      'drafts/a.txt',
    ])
    const all = mtclean(root, ['lint', 'drafts'])
    expect(all).toMatchObject({
      code: 0,
      stderr: 'mtclean: all 1 files are ignored (see --no-ignore)\n',
    })
  })

  const broken: [string, Record<string, string>, string][] = [
    [
      'an unknown key',
      { '.mtcleanrc.json': '{"rulez": {}}' },
      ".mtcleanrc.json: rulez: unknown key (expected extends, rules, ignore or packs; did you mean 'rules'?)",
    ],
    [
      'an unknown rule id',
      { '.mtcleanrc.yml': 'rules:\n  hyphen-spaces: warn\n' },
      ".mtcleanrc.yml: rules.hyphen-spaces: unknown rule id (expected a rule from 'mtclean rules' or a pack rule '<Folder>.<File>'; did you mean 'hyphen-space'?)",
    ],
    [
      'a bad severity',
      { '.mtcleanrc.yml': 'rules:\n  hyphen-space: fatal\n' },
      '.mtcleanrc.yml: rules.hyphen-space: expected "off", "info", "warn" or "error", or [severity, {options}], got "fatal"',
    ],
    [
      'broken YAML',
      { '.mtcleanrc.yaml': 'rules: {hyphen-space: warn\n' },
      '.mtcleanrc.yaml: invalid YAML at line 2, column 1: Flow map in block collection must be sufficiently indented and end with a }',
    ],
    [
      'broken JSON',
      { '.mtcleanrc.json': '{"rules": {"hyphen-space": "warn",}}' },
      '.mtcleanrc.json: invalid JSON at line 1, column 35: Expected double-quoted property name',
    ],
  ]
  for (const [name, files, message] of broken) {
    it(`a config with ${name} fails with one line and exit 2`, () => {
      const root = workspace({ ...files, 'a.txt': news })
      const run = mtclean(root, ['lint', 'a.txt'])
      expect(run).toMatchObject({ code: 2, stdout: '', stderr: `mtclean: ${message}\n` })
    })
  }

  it('--config naming a missing file fails with one line and exit 2', () => {
    const root = workspace({ 'a.txt': news })
    expect(mtclean(root, ['lint', '--config', 'nope.yml', 'a.txt'])).toMatchObject({
      code: 2,
      stderr: 'mtclean: nope.yml: cannot read: no such file or directory\n',
    })
  })
})

describe("packs of the user's own YAML rules", () => {
  const wordy = [
    'extends: substitution',
    "message: \"Use '%s' instead of '%s'.\"",
    'level: warning',
    'link: https://example.com/house/wordy',
    'swap:',
    '  in the process of: during',
    '',
  ].join('\n')

  it('loads packs relative to the config; rule ids <Folder>.<File> are configurable', () => {
    const root = workspace({
      'site/.mtcleanrc.yml': 'packs:\n  - ../styles/House\n',
      'styles/House/Wordy.yml': wordy,
      'site/a.txt': news,
    })
    const run = mtclean(root, ['lint', '-f', 'json', 'site/a.txt'])
    expect(findings(run.stdout, 'House.Wordy')).toEqual(['site/a.txt:2:House.Wordy:warn'])
    write(root, {
      'site/.mtcleanrc.yml': 'packs: [../styles/House]\nrules:\n  House.Wordy: error\n',
    })
    const error = mtclean(root, ['lint', '-f', 'sarif', 'site/a.txt'])
    expect(error.code).toBe(1)
    const log = JSON.parse(error.stdout)
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'House.Wordy')
    expect(rule.helpUri).toBe('https://example.com/house/wordy')
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'House.Wordy')
    expect(result.level).toBe('error')
    const only = mtclean(root, ['lint', '-f', 'json', '--rule', 'House.Wordy', 'site/a.txt'])
    expect(findings(only.stdout, 'House.Wordy', 'hyphen-space')).toEqual([
      'site/a.txt:2:House.Wordy:error',
    ])
  })

  it('mtclean rules lists the rules of the packs the configuration loads', () => {
    const root = workspace({
      '.mtcleanrc.yml': 'packs: [styles/House]\n',
      'styles/House/Wordy.yml': wordy,
      'other.yml': 'rules:\n  casing: off\n',
    })
    const ids = (stdout: string) => stdout.split('\n').map((row) => row.split(/\s+/)[0])
    const listed = mtclean(root, ['rules'])
    expect(listed.code).toBe(0)
    expect(ids(listed.stdout)).toContain('House.Wordy')
    expect(ids(listed.stdout).indexOf('House.Wordy')).toBeGreaterThan(
      ids(listed.stdout).indexOf('calque'),
    )
    const json = JSON.parse(mtclean(root, ['rules', '--json']).stdout) as {
      id: string
      severity: string
    }[]
    expect(json.find((m) => m.id === 'House.Wordy')).toMatchObject({ severity: 'warn' })
    expect(ids(mtclean(root, ['rules', '--no-config']).stdout)).not.toContain('House.Wordy')
    expect(ids(mtclean(root, ['rules', '--config', 'other.yml']).stdout)).not.toContain(
      'House.Wordy',
    )
    write(root, { '.mtcleanrc.yml': 'packs: [styles/Missing]\n' })
    const broken = mtclean(root, ['rules'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^mtclean: [^\n]*styles\/Missing[^\n]*\n$/)
  })

  it('a broken pack fails with one line naming the file and key, exit 2', () => {
    const root = workspace({
      '.mtcleanrc.yml': 'packs: [styles/House]\n',
      'styles/House/Wordy.yml': wordy.replace('level: warning', 'level: loud'),
      'a.txt': news,
    })
    const run = mtclean(root, ['lint', 'a.txt'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^mtclean: styles\/House\/Wordy\.yml:3: level: expected [^\n]+\n$/)
  })

  it('a catastrophic pattern in a pack cannot hang the run', () => {
    const root = workspace({
      '.mtcleanrc.yml': 'packs: [styles/House]\n',
      'styles/House/Nested.yml':
        'extends: existence\nmessage: "Avoid %s"\ntokens:\n  - \'(a+)+b\'\n',
      'a.txt': `${'a'.repeat(50_000)}!\n`,
    })
    const run = mtclean(root, ['lint', '-f', 'json', 'a.txt'])
    expect(run.stderr).toBe('')
    expect(findings(run.stdout, 'House.Nested')).toEqual([])
  })
})

describe('mtclean init and print-config', () => {
  it('init writes a commented starter config that loads, and refuses to overwrite', () => {
    const root = workspace({ 'a.txt': news })
    const run = mtclean(root, ['init'])
    expect(run.code).toBe(0)
    const text = readFileSync(join(root, '.mtcleanrc.yaml'), 'utf8')
    expect(text).toMatch(/^# mtclean configuration/)
    expect(text).toContain('  # hyphen-space:')
    expect(parse(text)).toEqual({
      extends: ['recommended'],
      rules: null,
      ignore: ['node_modules/', 'dist/'],
    })
    expect(mtclean(root, ['print-config', 'a.txt']).code).toBe(0)
    expect(mtclean(root, ['lint', '--rule', 'hyphen-space', 'a.txt']).code).toBe(1)
    const again = mtclean(root, ['init'])
    expect(again).toMatchObject({
      code: 2,
      stderr: 'mtclean: .mtcleanrc.yaml already exists here; not overwritten\n',
    })
    const pkg = workspace({ 'package.json': '{"name": "x", "mtclean": {}}' })
    expect(mtclean(pkg, ['init'])).toMatchObject({
      code: 2,
      stderr: 'mtclean: package.json already holds an "mtclean" config; not overwritten\n',
    })
  })

  it('print-config shows the resolved config for a file as JSON', () => {
    const root = workspace({
      '.mtcleanrc.yml': 'extends: ./base.json\nrules:\n  hyphen-space: warn\nignore: [drafts/]\n',
      'base.json': '{"extends": "strict"}',
      'drafts/a.txt': '',
    })
    const run = mtclean(root, ['print-config', 'drafts/a.txt'])
    expect(run.code).toBe(0)
    const config = JSON.parse(run.stdout)
    expect(config).toMatchObject({
      file: 'drafts/a.txt',
      config: '.mtcleanrc.yml',
      applied: ['strict', 'base.json', '.mtcleanrc.yml'],
      ignored: true,
      ignore: [{ base: '.', patterns: ['drafts/'] }],
      packs: [],
    })
    expect(config.rules['hyphen-space']).toEqual(['warn', {}])
    expect(Object.values(config.rules).every((r) => Array.isArray(r))).toBe(true)
    const chosen = JSON.parse(
      mtclean(root, ['print-config', '--config', 'base.json', 'drafts/a.txt']).stdout,
    )
    expect(chosen).toMatchObject({
      config: 'base.json',
      applied: ['strict', 'base.json'],
      ignored: false,
    })
    expect(chosen.rules['hyphen-space']).toEqual(['error', {}])
    const none = JSON.parse(mtclean(root, ['print-config', '--no-config', 'drafts/a.txt']).stdout)
    expect(none).toMatchObject({ config: null, applied: ['recommended'], ignored: false })
    expect(mtclean(root, ['print-config'])).toMatchObject({
      code: 2,
      stderr: "mtclean: print-config takes one FILE, got 0 (see 'mtclean print-config --help')\n",
    })
  })
})
