import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import calque, { calquePack, calquePackDir } from '../rules/calque.js'
import { applyChanges, changeOf } from '../src/engine/fix.js'
import { lintText } from '../src/engine/lint.js'
import type { AnyRule, Finding } from '../src/engine/types.js'
import {
  loadPackFolder,
  loadRuleFile,
  type PackRuleMeta,
  parsePackRule,
  readPackFolder,
} from '../src/packs/load.js'
import { packRule } from '../src/packs/rule.js'

const samplesDir = new URL('../samples/', import.meta.url).pathname

const lint = (rule: AnyRule, text: string) => lintText(text, { rules: [rule] })

/** Apply each finding's fix, or its first suggestion, once. */
function fixOnce(text: string, findings: Finding[]): string {
  const changes = findings.map((f) => changeOf(f, true)).filter((c) => c !== undefined)
  return applyChanges(text, changes).output
}

function rule(yaml: string, id = 'Test.Rule'): AnyRule {
  const parsed = parsePackRule(yaml, id, 'Test/Rule.yml')
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.value
}

function error(yaml: string): string {
  const parsed = parsePackRule(yaml, 'Test.Rule', 'Test/Rule.yml')
  expect(parsed.ok).toBe(false)
  return parsed.ok ? '' : parsed.error
}

describe('built-in calque pack', () => {
  const files = calquePack()
  const entries = files.flatMap((file) =>
    file.spec.entries.map((entry) => ({ file: file.id, entry })),
  )

  it('has at least 40 entries, each with a reason and an example', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40)
    for (const { file, entry } of entries) {
      expect(entry.reason, `${file}: ${entry.source}`).toBeTruthy()
      expect(entry.example, `${file}: ${entry.source}`).toBeTruthy()
    }
  })

  describe.each(entries.map(({ file, entry }) => ({ name: `${file}: ${entry.source}`, entry })))(
    '$name',
    ({ entry }) => {
      it('flags its bad line once, with its reason, and the first suggestion clears it', () => {
        const bad = entry.example!.bad
        const findings = lint(calque, bad)
        expect(findings.map((f) => f.message)).toHaveLength(1)
        expect(findings[0]!.note).toBe(entry.reason)
        expect(findings[0]!.suggestions.length).toBeGreaterThan(0)
        const fixed = fixOnce(bad, findings)
        expect(fixed).not.toBe(bad)
        expect(lint(calque, fixed).map((f) => f.message)).toEqual([])
      })
      it('leaves its good line alone', () => {
        expect(lint(calque, entry.example!.good).map((f) => f.message)).toEqual([])
      })
    },
  )

  it('loads as rules named <Folder>.<File>', () => {
    expect(files.map((f) => f.id)).toContain('Calques.Governance')
  })

  it('skips Title Case matches, which name bodies', () => {
    expect(lint(calque, 'A meeting of the National Public Security Organs was held.')).toEqual([])
    expect(lint(calque, 'National public security organs met.')).toHaveLength(1)
  })
})

describe('pack rules', () => {
  it('substitution: suggests each alternative, with Vale-style messages and the reason', () => {
    const r = rule(`extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
ignorecase: true
swap:
  utilise: use|employ
  at this point in time: now
reasons:
  utilise: Plain words read faster.
`)
    const [finding, second] = lint(r, 'We utilise tools. At this point in time we rest.')
    expect(finding?.message).toBe("Use 'use' or 'employ' instead of 'utilise'.")
    expect(finding?.note).toBe('Plain words read faster.')
    expect(finding?.severity).toBe('warn')
    expect(finding?.category).toBe('wording')
    expect(finding?.suggestions.map((s) => s.label)).toEqual([
      "Replace with 'use'",
      "Replace with 'employ'",
    ])
    expect(second?.message).toBe("Use 'now' instead of 'At this point in time'.")
    expect(finding?.fix).toBeNull()
  })

  it('substitution: respects word boundaries unless nonword, and case unless ignorecase', () => {
    const r = rule('extends: substitution\nmessage: Use %s.\nswap:\n  cat: feline\n')
    expect(lint(r, 'concatenate the Cat and the cat')).toHaveLength(1)
    const loose = rule(
      'extends: substitution\nmessage: Use %s.\nnonword: true\nswap:\n  cat: feline\n',
    )
    expect(lint(loose, 'concatenate')).toHaveLength(1)
  })

  it('substitution: expands $1, keeps capitals with capitalize, honours exceptions', () => {
    const r = rule(`extends: substitution
message: "Use '%s' instead of '%s'."
ignorecase: true
capitalize: true
exceptions: ['for the masses']
swap:
  (went|go) deep into the grassroots: $1 out to local communities
  (?:for )?the masses: the public
`)
    const text = 'Officials went deep into the grassroots. The masses cheered. Art for the masses.'
    const findings = lint(r, text)
    expect(findings.map((f) => f.actual)).toEqual(['went deep into the grassroots', 'The masses'])
    expect(fixOnce(text, findings)).toBe(
      'Officials went out to local communities. The public cheered. Art for the masses.',
    )
  })

  it('substitution: entries behave as one alternation (earlier wins, overlaps dropped)', () => {
    const r = rule(
      'extends: substitution\nmessage: Use %s.\nswap:\n  a b: X\n  a b c: Y\n  b c d: Z\n  d e: W\n',
    )
    expect(lint(r, 'a b c d e').map((f) => `${f.actual}>${f.message}`)).toEqual([
      'a b>Use X.',
      'd e>Use W.',
    ])
  })

  it('substitution: fix: safe gives a fix instead of suggestions', () => {
    const r = rule('extends: substitution\nmessage: Use %s.\nfix: safe\nswap:\n  e-mail: email\n')
    expect(r.meta.fixable).toBe('safe')
    const [finding] = lint(r, 'Send an e-mail.')
    expect(finding?.fix).toEqual({ start: 8, end: 14, text: 'email' })
  })

  it('existence: flags each token, %s is the match; level maps to severity', () => {
    const r = rule(`extends: existence
message: "Avoid '%s'."
level: error
link: https://example.com/rules/hedges
tokens:
  - arguably
  - (?:very|really) unique
`)
    const findings = lint(r, 'It is arguably a very unique plan.')
    expect(findings.map((f) => f.message)).toEqual(["Avoid 'arguably'.", "Avoid 'very unique'."])
    expect(
      findings.every((f) => f.severity === 'error' && f.fix === null && f.suggestions.length === 0),
    ).toBe(true)
    expect(r.meta.fixable).toBe(false)
    expect((r.meta as PackRuleMeta).url).toBe('https://example.com/rules/hedges')
  })

  it('existence: action remove suggests deleting the match and one space', () => {
    const r = rule(
      'extends: existence\nmessage: Drop %s.\naction:\n  name: remove\ntokens: [basically]\n',
    )
    const text = 'It is basically done.'
    expect(fixOnce(text, lint(r, text))).toBe('It is done.')
  })

  it('repetition: flags a token repeated with only spaces between', () => {
    const r = rule(`extends: repetition
message: "'%s' is repeated."
ignorecase: true
alpha: true
tokens: ['[^\\s]+']
`)
    const text = 'the housing housing office; the The end. 5 5 rooms'
    const findings = lint(r, text)
    expect(findings.map((f) => f.actual)).toEqual(['housing housing', 'the The'])
    expect(findings[0]?.message).toBe("'housing' is repeated.")
    expect(fixOnce(text, findings)).toBe('the housing office; the end. 5 5 rooms')
  })

  it('runs a catastrophic pattern in linear time (re2js), without hanging', () => {
    const r = rule('extends: existence\nmessage: Found %s.\nnonword: true\ntokens: ["(a+)+$"]\n')
    expect(lint(r, `${'a'.repeat(200_000)}b`)).toEqual([])
    expect(lint(r, 'xaaa')).toHaveLength(1)
  })
})

describe('pack loader errors', () => {
  it('rejects lookaround with a clear message', () => {
    expect(error('extends: existence\nmessage: x\ntokens:\n  - foo(?=bar)\n')).toBe(
      "Test/Rule.yml:4: tokens: 'foo(?=bar)': lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not supported: patterns must run in linear time (RE2 syntax)",
    )
    expect(error('extends: substitution\nmessage: x\nswap:\n  (?<!un)happy: glad\n')).toMatch(
      /^Test\/Rule.yml:4: swap\.\(\?<!un\)happy: lookaround .* not supported/,
    )
  })

  it('rejects backreferences with a clear message', () => {
    expect(error('extends: existence\nmessage: x\ntokens:\n  - (\\w+) \\1\n')).toMatch(
      /^Test\/Rule.yml:4: tokens: '\(\\w\+\) \\1': backreferences .* not supported: patterns must run in linear time/,
    )
  })

  it('names the file, the key and what was expected', () => {
    expect(error('extends: substitution\nmessage: x\nlevel: warn\nswap: {a: b}\n')).toBe(
      "Test/Rule.yml:3: level: expected one of suggestion, warning, error, got 'warn'",
    )
    expect(error('extends: substitution\nmessage: x\nswapp: {a: b}\n')).toBe(
      'Test/Rule.yml:3: swapp: unknown key for extends: substitution (expected one of extends, message, level, link, description, ignorecase, nonword, action, fix, category, exceptions, swap, capitalize, reasons, examples)',
    )
    expect(error('extends: substitution\nmessage: x\n')).toBe(
      'Test/Rule.yml: swap: expected a map from found text (or an RE2 pattern) to its replacement (the key is required for extends: substitution)',
    )
    expect(error('extends: existence\nmessage: x\n')).toMatch(
      /^Test\/Rule.yml: tokens: expected a list .*required for extends: existence/,
    )
    expect(error('extends: existence\nmessage: x\ntokens: foo\n')).toBe(
      "Test/Rule.yml:3: tokens: expected a non-empty list of phrases or RE2 patterns, got 'foo'",
    )
    expect(error('extends: occurrence\nmessage: x\n')).toBe(
      "Test/Rule.yml:1: extends: expected one of existence, substitution, repetition, got 'occurrence'",
    )
    expect(error('message: x\n')).toMatch(/^Test\/Rule.yml: extends: expected one of existence/)
    expect(error('extends: existence\ntokens: [a]\n')).toMatch(
      /^Test\/Rule.yml: message: expected a non-empty string/,
    )
    expect(error('extends: existence\nmessage: x\nignorecase: yes\ntokens: [a]\n')).toBe(
      "Test/Rule.yml:3: ignorecase: expected true or false, got 'yes'",
    )
    expect(error('extends: substitution\nmessage: x\nswap:\n  a: [b]\n')).toBe(
      "Test/Rule.yml:4: swap.a: expected a replacement string ('a|b' for alternatives), got a list",
    )
    expect(error('extends: substitution\nmessage: x\nswap: {a: b}\nreasons: {c: d}\n')).toBe(
      "Test/Rule.yml:4: reasons.c: expected a swap key of this rule, got 'c'",
    )
    expect(error('extends: substitution\nmessage: x\nfix: safe\nswap: {a: b|c}\n')).toMatch(
      /^Test\/Rule.yml:3: fix: expected suggestion: swap.a has 2 alternatives and a safe fix needs exactly one/,
    )
    expect(error('extends: existence\nmessage: x\naction: {name: edit}\ntokens: [a]\n')).toMatch(
      /^Test\/Rule.yml:3: action.name: expected replace or remove for extends: existence/,
    )
    expect(error('extends: existence\nmessage: "%s %s"\ntokens: [a]\n')).toMatch(
      /^Test\/Rule.yml:2: message: expected at most 1 %s placeholder/,
    )
    expect(error('extends: existence\nmessage: x\ntokens: ["a*"]\n')).toMatch(/matches empty text/)
    expect(error('extends: existence\nmessage: x\ntokens: ["(ab"]\n')).toBe(
      "Test/Rule.yml:3: tokens: '(ab': invalid RE2 pattern: missing closing ): `(ab`",
    )
  })

  it('reports broken YAML with its position', () => {
    expect(error('extends: existence\nmessage: "unclosed\n')).toMatch(
      /^Test\/Rule.yml:\d+:\d+: invalid YAML: Missing closing "quote/,
    )
    expect(error('extends: existence\nextends: existence\n')).toMatch(
      /^Test\/Rule.yml:2:1: invalid YAML: Map keys must be unique/,
    )
    expect(error('- a\n- b\n')).toBe(
      'Test/Rule.yml: expected a YAML map of rule keys (extends, message, level, …)',
    )
  })
})

describe('pack folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'mtclean-packs-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('loads every .yml/.yaml file as <Folder>.<File>, sorted, ignoring other files', () => {
    const dir = join(root, 'House')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'Wordy.yml'),
      'extends: substitution\nmessage: Use %s.\nswap: {utilise: use}\n',
    )
    writeFileSync(
      join(dir, 'Hedges.yaml'),
      'extends: existence\nmessage: Avoid %s.\ntokens: [arguably]\n',
    )
    writeFileSync(join(dir, 'README.md'), '# not a rule\n')
    const loaded = loadPackFolder(dir)
    expect(loaded.ok && loaded.value.map((r) => r.meta.id)).toEqual(['House.Hedges', 'House.Wordy'])
    const one = loadRuleFile(join(dir, 'Wordy.yml'), 'House')
    expect(one.ok && one.value.meta.id).toBe('House.Wordy')
  })

  it("a folder's rules share one literal scan and find what each file's rule finds alone", () => {
    const dir = calquePackDir()
    const files = readPackFolder(dir)
    const loaded = loadPackFolder(dir)
    if (!files.ok || !loaded.ok) throw new Error('the built-in pack should load')
    const alone = files.value.map((f) => packRule(f.spec, f.id))
    const texts = [
      ...readdirSync(samplesDir)
        .filter((n) => n.endsWith('.txt'))
        .map((n) => readFileSync(join(samplesDir, n), 'utf8')),
      ...files.value.flatMap((f) =>
        f.spec.entries.flatMap((e) => (e.example ? [e.example.bad, e.example.good] : [])),
      ),
    ]
    let found = 0
    for (const text of texts) {
      const shared = lintText(text, { rules: loaded.value })
      expect(shared).toEqual(lintText(text, { rules: alone }))
      found += shared.length
    }
    expect(found).toBeGreaterThan(20)
  })

  it('fails with the file named when one rule is broken', () => {
    const dir = join(root, 'Broken')
    mkdirSync(dir)
    writeFileSync(join(dir, 'Good.yml'), 'extends: existence\nmessage: x\ntokens: [a]\n')
    writeFileSync(
      join(dir, 'Bad.yml'),
      'extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n',
    )
    expect(loadPackFolder(dir)).toEqual({
      ok: false,
      error: `${join(dir, 'Bad.yml')}:3: level: expected one of suggestion, warning, error, got 'fatal'`,
    })
  })

  it('fails clearly on a missing, empty or misnamed folder', () => {
    expect(loadPackFolder(join(root, 'Nope'))).toEqual({
      ok: false,
      error: `${join(root, 'Nope')}: cannot read pack folder: no such file or folder`,
    })
    const empty = join(root, 'Empty')
    mkdirSync(empty)
    expect(loadPackFolder(empty)).toEqual({
      ok: false,
      error: `${empty}: pack folder holds no .yml or .yaml rule files`,
    })
    const dir = join(root, 'Names')
    mkdirSync(dir)
    writeFileSync(join(dir, 'two words.yml'), 'extends: existence\nmessage: x\ntokens: [a]\n')
    const loaded = loadPackFolder(dir)
    expect(!loaded.ok && loaded.error).toMatch(/two words\.yml: the file name gives the rule id/)
  })
})
