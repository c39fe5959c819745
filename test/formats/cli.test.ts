import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mtclean, workspace } from '../cli-lint-helpers.js'
import { fixFile, readSample, skeletonOf } from './harness.js'

// End to end through the built CLI (`npm run build` first).
const root = new URL('../..', import.meta.url).pathname
const formatSamples = [
  'guide.md',
  'episode.srt',
  'episode.vtt',
  'app.po',
  'app.xlf',
  'app-v2.xliff',
  'locales.json',
  'page.html',
]

describe('mtclean with file formats', () => {
  it('lints a Markdown file with positions in the file, never in code or URLs', () => {
    const run = mtclean(root, ['lint', 'samples/guide.md', '--no-color'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(
      /^13:128-13:130 +error +Unexpected space before `-` in a compound +hyphen-space/m,
    )
    const lines = [...run.stdout.matchAll(/^(\d+):\d+-/gm)].map((m) => Number(m[1]))
    const source = readSample('guide.md').split('\n')
    for (const line of lines)
      expect(source[line - 1]).not.toMatch(/^(?:curl|title:|tags:|\[progress\])/)
    expect(lines).not.toContain(30) // the line with inline code and a link destination
  })

  it('lints every format sample in one run', () => {
    const run = mtclean(root, [
      'lint',
      ...formatSamples.map((s) => `samples/${s}`),
      '--format',
      'json',
    ])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: unknown[] }[] }
    expect(report.files.map((f) => f.path)).toEqual(formatSamples.map((s) => `samples/${s}`))
    for (const file of report.files) expect(file.findings.length).toBeGreaterThan(3)
  })

  it('fix --write changes only prose, exactly as the library does, CRLF kept', () => {
    const files: Record<string, string> = {}
    for (const name of formatSamples) {
      files[name] = readSample(name)
      files[`crlf-${name}`] = readSample(name).replace(/\n/g, '\r\n')
    }
    const dir = workspace(files)
    const run = mtclean(dir, ['fix', '--write', '.'])
    expect(run.stderr).not.toMatch(/error at|mtclean: .*: /)
    for (const [name, source] of Object.entries(files)) {
      const written = readFileSync(join(dir, name), 'utf8')
      expect(written, name).toBe(fixFile(name, source).output)
      expect(written, name).not.toBe(source)
      expect(skeletonOf(name, written), name).toBe(skeletonOf(name, source))
    }
    // Fixing again changes nothing.
    const again = mtclean(dir, ['fix', '--write', '.'])
    for (const [name] of Object.entries(files)) {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(fixFile(name, files[name]!).output)
    }
    expect(again.stderr).not.toMatch(/error at/)
  })

  it.each([
    ['bad.json', '{"a": "x",}', 'JSON syntax error at 1:11'],
    ['bad.po', 'msgid "a"\nmsgstr "open\n', 'PO syntax error at 2:8'],
    ['bad.xlf', '<xliff><file><target>open</file></xliff>', 'XML syntax error at 1:26'],
    ['bad.srt', '1\nHello\n', 'SRT syntax error at 2:1'],
    ['bad.vtt', 'Hello\n', 'WebVTT syntax error at 1:1'],
  ])('reports malformed %s in one line, exits 2 and never writes it', (name, text, where) => {
    const dir = workspace({ [name]: text })
    const lint = mtclean(dir, ['lint', name])
    expect(lint.code).toBe(2)
    expect(lint.stderr.trim().split('\n')).toHaveLength(1)
    expect(lint.stderr).toContain(`${name}: ${where}`)
    const fix = mtclean(dir, ['fix', '--write', name])
    expect(fix.code).toBe(2)
    expect(readFileSync(join(dir, name), 'utf8')).toBe(text)
  })

  it('reads stdin in the format named by --format-in', () => {
    const json = mtclean(
      root,
      ['lint', '--rule', 'hyphen-space', '--format-in', 'json', '-', '--format', 'json'],
      '{"a -b": "a 100 -day plan"}',
    )
    const [file] = (JSON.parse(json.stdout) as { files: { findings: { column: number }[] }[] })
      .files
    expect(file?.findings.map((f) => f.column)).toEqual([16])
    const md = mtclean(
      root,
      ['fix', '--format-in', 'md', '-'],
      '<span class="x -y">a 100 -day</span> plan\n',
    )
    expect(md.stdout).toBe('<span class="x -y">a 100-day</span> plan\n')
  })
})
