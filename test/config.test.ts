import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import { planChecks } from '../src/config/index.js'
import { ConfigResolver, resolveConfigFor } from '../src/config/resolve.js'
import { defineRule } from '../src/engine/define-rule.js'
import { lintText } from '../src/engine/lint.js'

/** A temporary project: files by relative path. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mtclean-config-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const optionRule = defineRule<{ words: string[]; limit: number }>({
  meta: {
    id: 'test-words',
    category: 'wording',
    severity: 'warn',
    fixable: false,
    description: 'Flags configured words',
    examples: [],
    good: [],
  },
  defaults: { words: ['masses'], limit: 1 },
  check({ text, options, report }) {
    for (const word of options.words) {
      const at = text.indexOf(word)
      if (at !== -1) report({ start: at, end: at + word.length, message: `Avoid \`${word}\`` })
    }
  },
})
// Only the rules these tests look at, so new built-in rules cannot change their findings.
const hyphenSpace = builtinRules.find((rule) => rule.meta.id === 'hyphen-space')!
const rules = [hyphenSpace, optionRule]

async function settingsFor(root: string, file: string, extra: object = {}) {
  const result = await resolveConfigFor(file, { cwd: root, rules, ...extra })
  if (!result.ok) throw new Error(result.error)
  return result.value
}

async function errorFor(root: string, file: string, extra: object = {}) {
  const result = await resolveConfigFor(file, { cwd: root, rules, ...extra })
  if (result.ok) throw new Error('expected a config error')
  return result.error
}

describe('config discovery', () => {
  it('uses the recommended defaults when no config file is found', async () => {
    const root = project({ 'a.txt': '' })
    const config = await settingsFor(root, 'a.txt')
    expect(config.config.file).toBeNull()
    expect(config.config.settings['hyphen-space']).toEqual(['error', {}])
    expect(config.config.settings['test-words']).toEqual(['warn', {}])
  })

  it('takes the nearest config above the file, and configs do not merge', async () => {
    const root = project({
      '.mtcleanrc.json': JSON.stringify({ rules: { 'hyphen-space': 'warn', 'test-words': 'off' } }),
      'docs/.mtcleanrc.yaml': 'rules:\n  hyphen-space: info\n',
      'docs/guide/a.txt': '',
      'b.txt': '',
    })
    const inner = await settingsFor(root, 'docs/guide/a.txt')
    expect(inner.config.file).toBe(join(root, 'docs/.mtcleanrc.yaml'))
    expect(inner.config.settings['hyphen-space']).toEqual(['info', {}])
    expect(inner.config.settings['test-words']).toEqual(['warn', {}])
    const outer = await settingsFor(root, 'b.txt')
    expect(outer.config.settings['hyphen-space']).toEqual(['warn', {}])
    expect(outer.config.settings['test-words']).toEqual(['off', {}])
  })

  it('prefers .mtcleanrc.json over .yaml over .yml over package.json in one folder', async () => {
    const root = project({
      '.mtcleanrc.yaml': 'rules: {hyphen-space: info}\n',
      '.mtcleanrc.yml': 'rules: {hyphen-space: warn}\n',
      'package.json': JSON.stringify({ name: 'x', mtclean: { rules: { 'hyphen-space': 'off' } } }),
      'a.txt': '',
    })
    expect((await settingsFor(root, 'a.txt')).config.file).toBe(join(root, '.mtcleanrc.yaml'))
  })

  it('reads the "mtclean" key of package.json and skips a package.json without one', async () => {
    const root = project({
      'package.json': JSON.stringify({
        name: 'site',
        mtclean: { rules: { 'hyphen-space': 'warn' } },
      }),
      'pkg/package.json': JSON.stringify({ name: 'inner' }),
      'pkg/a.txt': '',
    })
    const config = await settingsFor(root, 'pkg/a.txt')
    expect(config.config.file).toBe(join(root, 'package.json'))
    expect(config.config.settings['hyphen-space']).toEqual(['warn', {}])
  })

  it('--config overrides discovery and --no-config ignores config files', async () => {
    const root = project({
      '.mtcleanrc.json': JSON.stringify({ rules: { 'hyphen-space': 'warn' } }),
      'ci/strict.yml': 'extends: strict\n',
      'a.txt': '',
    })
    const chosen = await settingsFor(root, 'a.txt', { configFile: 'ci/strict.yml' })
    expect(chosen.config.settings['test-words']).toEqual(['error', {}])
    const none = await settingsFor(root, 'a.txt', { noConfig: true })
    expect(none.config.file).toBeNull()
    expect(none.config.settings['hyphen-space']).toEqual(['error', {}])
  })
})

describe('extends, presets and rule settings', () => {
  it('strict makes every rule an error; later layers override earlier ones', async () => {
    const root = project({
      'base.yaml': 'extends: strict\nrules:\n  test-words: [warn, {words: [masses, comrades]}]\n',
      '.mtcleanrc.yml': 'extends: ./base.yaml\nrules:\n  test-words: info\n',
      'a.txt': '',
    })
    const config = await settingsFor(root, 'a.txt')
    expect(config.config.settings['hyphen-space']).toEqual(['error', {}])
    // A bare severity keeps the options set by the config it extends.
    expect(config.config.settings['test-words']).toEqual([
      'info',
      { words: ['masses', 'comrades'] },
    ])
    expect(config.config.layers.map((l) => ('preset' in l ? l.preset : l.file))).toEqual([
      'strict',
      join(root, 'base.yaml'),
      join(root, '.mtcleanrc.yml'),
    ])
    const findings = lintText('The masses and the comrades came.', config.lint)
    expect(findings.map((f) => [f.ruleId, f.severity, f.actual])).toEqual([
      ['test-words', 'info', 'masses'],
      ['test-words', 'info', 'comrades'],
    ])
  })

  it('resolves extends paths relative to the config file that names them', async () => {
    const root = project({
      'shared/team.json': JSON.stringify({ extends: ['./more/house.yml'] }),
      'shared/more/house.yml': 'rules:\n  hyphen-space: off\n',
      'site/.mtcleanrc.json': JSON.stringify({ extends: '../shared/team.json' }),
      'site/a.txt': '',
    })
    const config = await settingsFor(root, 'site/a.txt')
    expect(config.config.settings['hyphen-space']).toEqual(['off', {}])
    expect(lintText('a 100 -day campaign', config.lint)).toEqual([])
  })

  it('reports a circular extends chain', async () => {
    const root = project({
      '.mtcleanrc.yml': 'extends: ./a.yml\n',
      'a.yml': 'extends: ./b.yml\n',
      'b.yml': 'extends: ./a.yml\n',
      'x.txt': '',
    })
    expect(await errorFor(root, 'x.txt')).toBe('b.yml: extends: circular (a.yml → b.yml → a.yml)')
  })

  it('applies ignore patterns relative to the config file, and .mtcleanignore files', async () => {
    const root = project({
      'docs/.mtcleanrc.yml': 'ignore:\n  - drafts/\n  - "*.min.txt"\n',
      'docs/drafts/a.txt': '',
      'docs/b.min.txt': '',
      'docs/c.txt': '',
      '.mtcleanignore': '# generated\nvendor/\n*.log.txt\n!keep.log.txt\n',
      'vendor/x.txt': '',
      'docs/run.log.txt': '',
      'docs/keep.log.txt': '',
    })
    const ignored = async (path: string) => (await settingsFor(root, path)).ignored
    expect(await ignored('docs/drafts/a.txt')).toBe(true)
    expect(await ignored('docs/b.min.txt')).toBe(true)
    expect(await ignored('docs/c.txt')).toBe(false)
    expect(await ignored('vendor/x.txt')).toBe(true)
    expect(await ignored('docs/run.log.txt')).toBe(true)
    expect(await ignored('docs/keep.log.txt')).toBe(false)
    expect((await settingsFor(root, 'vendor/x.txt', { noIgnore: true })).ignored).toBe(false)
  })
})

describe('config validation: one line naming the file, the key and what was expected', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'an unknown key',
      { '.mtcleanrc.json': '{"rule": {}}' },
      ".mtcleanrc.json: rule: unknown key (expected extends, rules, ignore or packs; did you mean 'rules'?)",
    ],
    [
      'an unknown rule id',
      { '.mtcleanrc.yaml': 'rules:\n  hyphen-spaces: warn\n' },
      ".mtcleanrc.yaml: rules.hyphen-spaces: unknown rule id (expected a rule from 'mtclean rules' or a pack rule '<Folder>.<File>'; did you mean 'hyphen-space'?)",
    ],
    [
      'a bad severity',
      { '.mtcleanrc.yml': 'rules:\n  hyphen-space: warning\n' },
      '.mtcleanrc.yml: rules.hyphen-space: expected "off", "info", "warn" or "error", or [severity, {options}], got "warning"',
    ],
    [
      'a bad severity in a list',
      { '.mtcleanrc.yml': 'rules:\n  hyphen-space: [2]\n' },
      '.mtcleanrc.yml: rules.hyphen-space[0]: expected "off", "info", "warn" or "error", or [severity, {options}], got 2',
    ],
    [
      'options that are not a mapping',
      { '.mtcleanrc.yml': 'rules:\n  test-words: [warn, masses]\n' },
      '.mtcleanrc.yml: rules.test-words[1]: expected a mapping of rule options, got "masses"',
    ],
    [
      'an unknown option',
      { '.mtcleanrc.yml': 'rules:\n  test-words: [warn, {word: masses}]\n' },
      '.mtcleanrc.yml: rules.test-words[1].word: unknown option (expected words, limit)',
    ],
    [
      'an option of the wrong kind',
      { '.mtcleanrc.yml': 'rules:\n  test-words: [warn, {words: masses}]\n' },
      '.mtcleanrc.yml: rules.test-words[1].words: expected a list, got "masses"',
    ],
    [
      'options for a rule that takes none',
      { '.mtcleanrc.yml': 'rules:\n  hyphen-space: [warn, {strict: true}]\n' },
      ".mtcleanrc.yml: rules.hyphen-space[1]: rule 'hyphen-space' takes no options (expected a severity alone)",
    ],
    [
      'broken YAML',
      { '.mtcleanrc.yaml': 'rules:\n  hyphen-space: [warn\n' },
      '.mtcleanrc.yaml: invalid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'broken JSON',
      { '.mtcleanrc.json': '{\n  "rules": {\n    "hyphen-space": "warn",\n  }\n}\n' },
      '.mtcleanrc.json: invalid JSON at line 4, column 3: Expected double-quoted property name',
    ],
    [
      'a config that is not a mapping',
      { '.mtcleanrc.yml': '- recommended\n' },
      '.mtcleanrc.yml: expected a mapping with keys extends, rules, ignore, packs, got a list',
    ],
    [
      'an unknown preset',
      { '.mtcleanrc.yml': 'extends: [recommended, pedantic]\n' },
      ".mtcleanrc.yml: extends[1]: expected 'recommended', 'strict' or a path starting with ./ or ../, got \"pedantic\"",
    ],
    [
      'a missing extended file',
      { '.mtcleanrc.yml': 'extends: ./team.yml\n' },
      'team.yml: cannot read: no such file or directory',
    ],
    [
      'ignore that is not a list of patterns',
      { '.mtcleanrc.yml': 'ignore:\n  - 3\n' },
      '.mtcleanrc.yml: ignore[0]: expected a glob pattern, got 3',
    ],
    [
      'a package.json mtclean key that is not a mapping',
      { 'package.json': '{"name": "x", "mtclean": "strict"}' },
      'package.json: mtclean: expected a mapping with keys extends, rules, ignore, packs',
    ],
    [
      'a broken package.json on the way up',
      { 'package.json': '{"name": "x",}' },
      'package.json: invalid JSON at line 1, column 14: Expected double-quoted property name',
    ],
  ]
  for (const [name, files, message] of cases) {
    it(name, async () => {
      const root = project({ ...files, 'a.txt': '' })
      expect(await errorFor(root, 'a.txt')).toBe(message)
    })
  }
})

describe('packs', () => {
  it('loads pack rules through the loader, configurable by <Folder>.<File>', async () => {
    const pack = defineRule({
      meta: { ...optionRule.meta, id: 'House.Masses', severity: 'warn' },
      check({ text, report }) {
        const at = text.indexOf('masses')
        if (at !== -1) report({ start: at, end: at + 6, message: 'Avoid `masses`' })
      },
    })
    const loaded: string[] = []
    const root = project({
      'site/.mtcleanrc.yml': 'packs: [../styles/House]\nrules:\n  House.Masses: error\n',
      'site/a.txt': '',
    })
    const resolver = new ConfigResolver({
      cwd: root,
      rules,
      loadPack: (folder) => {
        loaded.push(folder)
        return { ok: true, value: [pack] }
      },
    })
    const config = await resolver.forFile('site/a.txt')
    if (!config.ok) throw new Error(config.error)
    expect(loaded).toEqual([join(root, 'styles/House')])
    expect(config.value.config.settings['House.Masses']).toEqual(['error', {}])
    const findings = lintText('Serve the masses.', config.value.lint)
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['House.Masses', 'error'],
      ['test-words', 'warn'],
    ])
  })

  it('reports a pack rule id configured without its pack', async () => {
    const root = project({ '.mtcleanrc.yml': 'rules:\n  House.Masses: warn\n', 'a.txt': '' })
    expect(await errorFor(root, 'a.txt')).toMatch(
      /^\.mtcleanrc\.yml: rules\.House\.Masses: unknown rule id/,
    )
  })

  it('passes a broken pack on as one line naming the pack file', async () => {
    const root = project({
      '.mtcleanrc.yml': 'packs: [styles/House]\n',
      'styles/House/Wordy.yml':
        'extends: substitution\nmessage: "Use %s"\nlevel: loud\nswap:\n  a: b\n',
      'a.txt': '',
    })
    const error = await errorFor(root, 'a.txt')
    expect(error).toMatch(/^styles\/House\/Wordy\.yml:\d+: level: expected /)
    expect(error).not.toContain('\n')
  })

  it('reports a missing pack folder', async () => {
    const root = project({ '.mtcleanrc.yml': 'packs: [styles/Nope]\n', 'a.txt': '' })
    expect(await errorFor(root, 'a.txt')).toMatch(/^styles\/Nope: cannot read pack folder/)
  })
})

describe('planChecks', () => {
  it('leaves ignored files out and checks --rule ids against built-in and pack rules', async () => {
    const root = project({
      '.mtcleanrc.yml': 'ignore: [skip.txt]\nrules:\n  hyphen-space: off\n',
      'a.txt': '',
      'skip.txt': '',
    })
    const plan = await planChecks(['.'], { cwd: root, only: ['hyphen-space'] })
    if (!plan.ok) throw new Error(plan.error)
    expect(plan.value.checks.map((c) => c.target.path)).toEqual(['a.txt'])
    expect(plan.value.ignored).toEqual(['skip.txt'])
    // Asking for a rule by name runs it even where the config turns it off.
    expect(plan.value.checks[0]!.options.lint.settings?.['hyphen-space']).toEqual(['error', {}])
    const bad = await planChecks(['.'], { cwd: root, disable: ['hyphen-spac'] })
    expect(bad).toEqual({
      ok: false,
      error: "--disable: unknown rule 'hyphen-spac' (did you mean 'hyphen-space'?)",
    })
  })
})
