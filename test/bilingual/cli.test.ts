import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bilingualRules } from '../../src/bilingual/index.js'
import { repoRoot, runCli } from '../helpers/cli.js'

// End-to-end: the built CLI (`npm run build` first) on the bilingual samples.
const samples = join(repoRoot, 'samples/bilingual')
const work = mkdtempSync(join(tmpdir(), 'mtclean-bilingual-'))
cpSync(samples, work, { recursive: true })
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface JsonFinding {
  ruleId: string
  line: number
  actual: string
  message: string
  fix: { text: string } | null
  suggestions: { label: string }[]
  sourceSegment?: { text: string; line: number; path?: string }
}

async function lintJson(args: string[]) {
  const run = await runCli(['lint', '--no-config', '--format', 'json', ...args], { cwd: work })
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: JsonFinding[] }[] }
  return { code: run.code, findings: report.files.flatMap((f) => f.findings) }
}

const bilingualIds = new Set(bilingualRules.map((r) => r.meta.id))
const idsOf = (findings: JsonFinding[]) =>
  [...new Set(findings.map((f) => f.ruleId).filter((id) => bilingualIds.has(id)))].sort()
const every = [...bilingualIds].sort()

describe('mtclean lint on bilingual input', () => {
  it.each([
    ['press-release.xlf', every],
    ['news.tsv', every],
    ['news.jsonl', every],
    // PO keeps one entry per msgctxt + msgid, so a source cannot be translated twice.
    ['service-guide.po', every.filter((id) => id !== 'inconsistent-translation')],
  ])('%s shows every bilingual check', async (file, expected) => {
    const { code, findings } = await lintJson([file])
    expect(code).toBe(1)
    expect(idsOf(findings)).toEqual(expected)
    for (const f of findings.filter((f) => bilingualIds.has(f.ruleId)))
      expect(f.sourceSegment?.text).toMatch(/\p{Script=Han}/u)
  })

  it('pairs line-aligned files with --source', async () => {
    const { code, findings } = await lintJson(['--source', 'bulletin.zh', 'bulletin.en.txt'])
    expect(code).toBe(1)
    const calque = findings.find((f) => f.ruleId === 'number-mismatch' && f.fix)
    expect(calque).toMatchObject({ line: 6, actual: '1 thousand 200', fix: { text: '1,200' } })
    expect(calque?.sourceSegment).toEqual({
      text: '四、全县共设立森林防火检查站36个，配备专职护林员1200名。',
      line: 6,
      path: 'bulletin.zh',
    })
    expect(findings.find((f) => f.ruleId === 'number-mismatch' && !f.fix)?.message).toBe(
      'Unexpected figure `300`: the source has `3000` (3,000)',
    )
    expect(idsOf(findings)).toEqual(
      [
        'empty-target',
        'inconsistent-translation',
        'number-mismatch',
        'quote-mismatch',
        'untranslated',
      ].sort(),
    )
  })

  it('shows the safe bilingual fixes as a diff', async () => {
    const run = await runCli(
      ['lint', '--no-config', '--format', 'diff', '--source', 'bulletin.zh', 'bulletin.en.txt'],
      { cwd: work },
    )
    expect(run.stdout).toContain(
      '+4. A total of 36 forest fire prevention checkpoints have been set up in the county, equipped with 1,200 full-time forest rangers.',
    )
  })

  it('runs only the rules asked for, bilingual ones included', async () => {
    const { findings } = await lintJson(['--rule', 'number-mismatch', 'news.tsv'])
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['number-mismatch']))
    const disabled = await lintJson(['--disable', 'number-mismatch,untranslated', 'news.tsv'])
    expect(
      disabled.findings.some((f) => f.ruleId === 'number-mismatch' || f.ruleId === 'untranslated'),
    ).toBe(false)
  })

  it.each([
    [
      ['--source', 'bulletin.zh', 'bulletin.en.txt', 'news.tsv'],
      '--source pairs one source file with exactly one translation file',
    ],
    [
      ['--source', 'bulletin.zh', 'news.tsv'],
      '--source takes a line-aligned text file; news.tsv carries its own source',
    ],
    [
      ['--source', 'missing.txt', 'bulletin.en.txt'],
      '--source missing.txt: no such file or directory',
    ],
    [
      ['--source', 'news.tsv', 'bulletin.en.txt'],
      'news.tsv has 13 lines and the translation 11: line-aligned files need one line per segment',
    ],
    [
      ['--target-field', 'mt', 'news.tsv'],
      "TSV error at 1:1: no column named 'mt' in the header (id, zh, en)",
    ],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const run = await runCli(['lint', '--no-config', ...args], { cwd: work })
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain(message)
  })
})

describe('mtclean fix on bilingual input', () => {
  it.each([
    ['news.tsv', '2.3 ten thousand', '23,000'],
    ['news.jsonl', '1.5 ten thousand', '15,000'],
    ['service-guide.po', '1.2 ten thousand', '12,000'],
    ['press-release.xlf', '5.6 ten thousand', '56,000'],
  ])('%s: writes the calque fix and changes nothing else', async (file, calque, figure) => {
    const path = join(work, file)
    const before = readFileSync(path, 'utf8')
    const run = await runCli(['fix', '--no-config', '--write', file], { cwd: work })
    expect(run.code).toBe(1)
    const after = readFileSync(path, 'utf8')
    expect(after).toContain(figure)
    expect(after).not.toContain(calque)
    // Only the calque and other rules' safe fixes changed: the sources are untouched.
    const sources = (text: string) =>
      [...text.matchAll(/\p{Script=Han}[^\t"<\n]*/gu)].map((m) => m[0])
    expect(sources(after)).toEqual(sources(before))
    const again = await runCli(['fix', '--no-config', '--write', file], { cwd: work })
    expect(readFileSync(path, 'utf8')).toBe(after)
    expect(again.stdout).not.toContain('number-mismatch 1')
  })
})
