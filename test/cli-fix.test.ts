import { spawnSync } from 'node:child_process'
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { applyPatch } from 'diff'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RuleMeta } from '../src/engine/types.js'
import { encodeText } from '../src/io/text-file.js'
import { assertBuilt, runCli } from './helpers/cli.js'
import { libraryFix, removeFolder, temporaryFolder } from './helpers/fixtures.js'

// End-to-end: the built CLI (`npm run build` first) as a subprocess. Expected texts are
// computed with the library (test/helpers/fixtures.ts), never written out by hand.

const hyphen = ['--rule', 'hyphen-space']
const defects = 'The 100 -day campaign began.\nA quiet line.\nA year -on -year rise of 5%.\n'

let folder: string
let rules: RuleMeta[]
beforeAll(async () => {
  assertBuilt()
  rules = JSON.parse((await runCli(['rules', '--json'])).stdout) as RuleMeta[]
})
beforeEach(async () => {
  folder = await temporaryFolder('mtclean-cli-fix-')
})
afterEach(async () => {
  await removeFolder(folder)
})

const at = (name: string) => join(folder, name)
const fix = (args: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli(['fix', ...args], { cwd: folder, ...options })

/** A built-in rule of the given fix level that has a documented example, or a clear failure. */
function ruleWith(fixable: RuleMeta['fixable'], except?: string) {
  const rule = rules.find(
    (r) => r.fixable === fixable && r.examples.length > 0 && r.category !== except,
  )
  if (!rule)
    throw new Error(`this test needs a built-in rule with fixable: ${fixable} and an example`)
  return rule
}

describe('mtclean fix (preview)', () => {
  it('prints a unified diff that git apply accepts, a summary on stderr, and writes nothing', async () => {
    await writeFile(at('a.txt'), defects)
    const result = await fix([...hyphen, 'a.txt'])
    const expected = libraryFix(defects, { only: ['hyphen-space'] })
    expect(result.code).toBe(0)
    expect(result.stdout.startsWith('--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n')).toBe(true)
    expect(applyPatch(defects, result.stdout)).toBe(expected.output)
    expect(result.stderr).toBe(
      '1 file scanned; 1 would change (3 fixes: hyphen-space 3). Run with --write to apply.\nNo findings left.\n',
    )
    expect(await readFile(at('a.txt'), 'utf8')).toBe(defects)
    const git = spawnSync('git', ['apply', '-'], { cwd: folder, input: result.stdout })
    expect(git.status).toBe(0)
    expect(await readFile(at('a.txt'), 'utf8')).toBe(expected.output)
  })

  it('colours the diff on request and honours NO_COLOR and FORCE_COLOR', async () => {
    await writeFile(at('a.txt'), defects)
    const red = '\u001B[31m-The 100 -day campaign began.\u001B[39m'
    expect((await fix([...hyphen, 'a.txt'])).stdout).not.toContain('\u001B[')
    expect((await fix([...hyphen, 'a.txt'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(red)
    expect(
      (await fix([...hyphen, '--color', 'a.txt'], { env: { NO_COLOR: '1' } })).stdout,
    ).toContain(red)
    expect(
      (await fix([...hyphen, '--no-color', 'a.txt'], { env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain('\u001B[')
  })

  it('prints nothing on stdout when there is nothing to fix', async () => {
    await writeFile(at('a.txt'), 'A clean line.\n')
    const result = await fix(['a.txt'])
    expect(result).toMatchObject({ code: 0, stdout: '' })
    expect(result.stderr).toBe('1 file scanned; nothing to fix.\nNo findings left.\n')
  })
})

describe('mtclean fix --write', () => {
  it('fixes in place, and a second run finds nothing and leaves the file alone', async () => {
    await writeFile(at('a.txt'), defects)
    const first = await fix([...hyphen, '--write', 'a.txt'])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toBe(
      '1 file scanned; 1 fixed (3 fixes: hyphen-space 3).\nNo findings left.\n',
    )
    const fixed = await readFile(at('a.txt'), 'utf8')
    expect(fixed).toBe(libraryFix(defects, { only: ['hyphen-space'] }).output)
    const inode = (await stat(at('a.txt'))).ino
    const second = await fix([...hyphen, '--write', 'a.txt'])
    expect(second.stdout).toBe('1 file scanned; nothing to fix.\nNo findings left.\n')
    expect(await readFile(at('a.txt'), 'utf8')).toBe(fixed)
    expect((await stat(at('a.txt'))).ino).toBe(inode) // not rewritten
  })

  it.each([
    [
      'UTF-8 with BOM, CRLF, no final newline',
      Buffer.from('\ufeffThe 100 -day plan.\r\nNext line\r\nA 30 -day trial', 'utf8'),
    ],
    [
      'UTF-16LE with BOM',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('中文 and a 100 -day plan.\r\n', 'utf16le'),
      ]),
    ],
    [
      'UTF-16BE with BOM',
      Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from('A 100 -day plan.\n', 'utf16le').swap16(),
      ]),
    ],
  ])('keeps %s and the file mode', async (_name, bytes) => {
    await writeFile(at('a.txt'), bytes)
    await chmod(at('a.txt'), 0o640)
    const result = await fix([...hyphen, '--write', 'a.txt'])
    expect(result.code).toBe(0)
    const written = await readFile(at('a.txt'))
    const utf16 = bytes[0] !== 0xef
    const decoded = utf16
      ? bytes[0] === 0xff
        ? bytes.subarray(2).toString('utf16le')
        : Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
      : bytes.subarray(3).toString('utf8')
    const encoding = {
      name: utf16 ? (bytes[0] === 0xff ? 'utf16le' : 'utf16be') : 'utf8',
      bom: true,
    } as const
    const expected = encodeText(libraryFix(decoded, { only: ['hyphen-space'] }).output, encoding)
    expect(written.equals(expected)).toBe(true)
    expect(written.subarray(0, 2).equals(bytes.subarray(0, 2))).toBe(true) // BOM
    expect(written.subarray(-4).equals(bytes.subarray(-4))).toBe(true) // ending as it was
    expect((await stat(at('a.txt'))).mode & 0o7777).toBe(0o640)
  })

  it('writes through a symbolic link, keeping the link', async () => {
    await writeFile(at('real.txt'), defects)
    await symlink('real.txt', at('link.txt'))
    expect((await fix([...hyphen, '--write', 'link.txt'])).code).toBe(0)
    expect((await stat(at('link.txt'))).isFile()).toBe(true)
    expect(await readFile(at('real.txt'), 'utf8')).toBe(
      libraryFix(defects, { only: ['hyphen-space'] }).output,
    )
  })
})

describe('mtclean fix --output-dir', () => {
  it('writes fixed copies of every file under DIR, mirroring paths, and leaves the inputs alone', async () => {
    await mkdir(at('docs/sub'), { recursive: true })
    await writeFile(at('docs/a.txt'), defects)
    await writeFile(at('docs/sub/b.txt'), 'A 7 -day week.\n')
    await writeFile(at('docs/clean.txt'), 'Nothing to do here.\n')
    const result = await fix([...hyphen, 'docs', '--output-dir', 'out'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      '3 files scanned; 3 written under out, 2 of them changed (4 fixes: hyphen-space 4).\nNo findings left.\n',
    )
    expect(await readFile(at('out/docs/a.txt'), 'utf8')).toBe(
      libraryFix(defects, { only: ['hyphen-space'] }).output,
    )
    expect(await readFile(at('out/docs/sub/b.txt'), 'utf8')).toBe('A 7-day week.\n')
    expect(await readFile(at('out/docs/clean.txt'), 'utf8')).toBe('Nothing to do here.\n')
    expect(await readFile(at('docs/a.txt'), 'utf8')).toBe(defects)
    // Fixing the output changes nothing; a second run over '.' does not read the copies.
    expect((await fix([...hyphen, 'out'])).stderr).toBe(
      '3 files scanned; nothing to fix.\nNo findings left.\n',
    )
    expect((await fix([...hyphen, '.', '--output-dir', 'out'])).stdout).toMatch(
      /^3 files scanned; 3 written/,
    )
  })

  it('refuses an output folder that contains the working folder', async () => {
    await writeFile(at('a.txt'), defects)
    for (const dir of ['.', '..']) {
      const result = await fix(['a.txt', '--output-dir', dir])
      expect(result).toMatchObject({ code: 2, stdout: '' })
      expect(result.stderr).toBe(
        'mtclean: --output-dir must not be the working folder or one that contains it\n',
      )
    }
  })
})

describe('mtclean fix - (stdin)', () => {
  it('writes the fixed text to stdout in the input encoding, BOM and CRLF kept', async () => {
    const input = Buffer.from('\ufeffThe 100 -day plan.\r\nDone', 'utf8')
    const result = await fix([...hyphen, '-'], { input })
    expect(result.code).toBe(0)
    const expected = libraryFix('The 100 -day plan.\r\nDone', { only: ['hyphen-space'] }).output
    expect(result.stdoutBytes.equals(encodeText(expected, { name: 'utf8', bom: true }))).toBe(true)
    expect(result.stderr).toBe(
      '1 file scanned; fixed (1 fix: hyphen-space 1).\nNo findings left.\n',
    )
  })

  it('keeps UTF-16', async () => {
    const input = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('A 100 -day plan.\n', 'utf16le'),
    ])
    const result = await fix([...hyphen, '-'], { input })
    expect(
      result.stdoutBytes.equals(encodeText('A 100-day plan.\n', { name: 'utf16le', bom: true })),
    ).toBe(true)
  })

  it.each([
    [['-', 'a.txt'], "'-' (stdin) cannot be combined with other paths"],
    [
      ['--write', '-'],
      "'-' (stdin) writes the fixed text to stdout; drop --write and --output-dir",
    ],
  ])('refuses %j with one line', async (args, message) => {
    expect(await fix(args)).toMatchObject({ code: 2, stdout: '', stderr: `mtclean: ${message}\n` })
  })
})

describe('which fixes', () => {
  it('leaves suggestions for a person (exit 1, listed) unless --unsafe applies the first one', async () => {
    const rule = ruleWith('suggestion')
    const bad = `${rule.examples[0]!.bad}\n`
    await writeFile(at('a.txt'), bad)
    const safe = await fix(['--rule', rule.id, '--write', 'a.txt'])
    expect(safe.code).toBe(1)
    expect(await readFile(at('a.txt'), 'utf8')).toBe(bad)
    expect(safe.stdout).toContain(rule.id)
    expect(safe.stdout).toMatch(/^1 file scanned; nothing to fix\.\n\d+ findings? left for review/m)
    const unsafe = await fix(['--rule', rule.id, '--unsafe', '--write', 'a.txt'])
    const expected = libraryFix(bad, { only: [rule.id], unsafe: true })
    expect(await readFile(at('a.txt'), 'utf8')).toBe(expected.output)
    expect(expected.output).not.toBe(bad)
    expect(unsafe.code).toBe(expected.remaining.length > 0 ? 1 : 0)
  })

  it('narrows by --rule, --disable and --category', async () => {
    const other = ruleWith('safe', 'hyphenation')
    const text = `A 100 -day plan.\n${other.examples[0]!.bad}\n`
    await writeFile(at('a.txt'), text)
    const applied = async (args: string[]) => {
      const result = await fix(['--format', 'json', ...args, 'a.txt'])
      const report = JSON.parse(result.stdout) as { files: { applied: { ruleId: string }[] }[] }
      return new Set(report.files[0]!.applied.map((c) => c.ruleId))
    }
    const categoryOf = (id: string) => rules.find((r) => r.id === id)!.category
    expect(await applied(['--rule', 'hyphen-space'])).toEqual(new Set(['hyphen-space']))
    expect((await applied(['--disable', 'hyphen-space'])).has('hyphen-space')).toBe(false)
    expect((await applied(['--disable', 'hyphen-space'])).has(other.id)).toBe(true)
    const hyphenation = await applied(['--category', 'hyphenation'])
    expect([...hyphenation].every((id) => categoryOf(id) === 'hyphenation')).toBe(true)
    expect(hyphenation.has('hyphen-space')).toBe(true)
    const others = await applied(['--category', other.category])
    expect(others.has(other.id)).toBe(true)
    expect([...others].every((id) => categoryOf(id) === other.category)).toBe(true)
    expect(await readFile(at('a.txt'), 'utf8')).toBe(text)
  })

  it.each([
    [
      ['--category', 'nope', 'a.txt'],
      /^mtclean: unknown category 'nope' \(expected one of .*hyphenation.*\)\n$/,
    ],
    [['--rule', 'no-such-rule', 'a.txt'], /^mtclean: --rule: unknown rule 'no-such-rule'/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    await writeFile(at('a.txt'), defects)
    const result = await fix(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.split('\n')).toHaveLength(2)
  })
})

describe('configuration', () => {
  it('honours config files, ignore files and inline disable comments, and --no-config', async () => {
    const text =
      'A 100 -day plan.\n<!-- mtclean-disable-next-line hyphen-space -->\nA 7 -day week.\n'
    await writeFile(at('a.txt'), text)
    await writeFile(at('skip.txt'), text)
    await writeFile(at('.mtcleanrc.yaml'), 'rules:\n  hyphen-space: off\nignore:\n  - skip.txt\n')
    const configured = await fix(['.'])
    expect(configured).toMatchObject({ code: 0, stdout: '' })
    expect(configured.stderr).toMatch(/^1 file scanned; nothing to fix\./)
    const plain = await fix(['--no-config', '--write', 'a.txt'])
    expect(plain.code, plain.stderr).toBe(0)
    const fixed = await readFile(at('a.txt'), 'utf8')
    expect(fixed).toBe(libraryFix(text, { only: ['hyphen-space'] }).output)
    expect(fixed).toContain('A 100-day plan.')
    expect(fixed).toContain('A 7 -day week.') // disabled inline
    expect(await readFile(at('skip.txt'), 'utf8')).toBe(text)
  })
})

describe('--format json', () => {
  it("is lint's document plus the changes applied per file, in the offsets of each pass", async () => {
    await writeFile(at('a.txt'), defects)
    await writeFile(at('bin.txt'), Buffer.from([0x41, 0x00, 0x42]))
    const result = await fix([...hyphen, '--format', 'json', 'a.txt', 'bin.txt'])
    expect(result).toMatchObject({ code: 2, stderr: '' })
    const report = JSON.parse(result.stdout)
    const expected = libraryFix(defects, { only: ['hyphen-space'] })
    expect(report).toEqual({
      version: 1,
      files: [
        { path: 'a.txt', findings: expected.remaining, applied: expected.applied },
        { path: 'bin.txt', findings: [], error: 'binary file (NUL byte at offset 1)', applied: [] },
      ],
    })
    // Replaying pass 1 on the original gives the fixed text (hyphen-space needs one pass).
    let text = defects
    for (const change of [...report.files[0].applied].reverse()) {
      expect(change.pass).toBe(1)
      for (const edit of change.edits)
        text = text.slice(0, edit.start) + edit.text + text.slice(edit.end)
    }
    expect(text).toBe(expected.output)
  })

  it('includes the fixed text for stdin instead of printing it', async () => {
    const result = await fix([...hyphen, '--format', 'json', '-'], { input: 'A 100 -day plan.' })
    expect(JSON.parse(result.stdout).files[0]).toMatchObject({
      path: '-',
      output: 'A 100-day plan.',
    })
  })
})

describe('exit codes and bad input', () => {
  it('gives one line per unreadable, binary or undecodable file, never writes them, and fixes the rest', async () => {
    await writeFile(at('good.txt'), defects)
    const binary = Buffer.from([0x41, 0x20, 0x2d, 0x00, 0x42])
    const invalid = Buffer.from([0x41, 0x20, 0x31, 0x20, 0x2d, 0x64, 0x61, 0x79, 0xff])
    await writeFile(at('binary.txt'), binary)
    await writeFile(at('invalid.txt'), invalid)
    await symlink('nowhere.txt', at('dangling.txt'))
    const result = await fix([
      ...hyphen,
      '--write',
      'binary.txt',
      'invalid.txt',
      'dangling.txt',
      'missing.txt',
      'good.txt',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      [
        'mtclean: binary.txt: binary file (NUL byte at offset 3)',
        'mtclean: invalid.txt: not valid UTF-8 (first bad byte at offset 8)',
        'mtclean: dangling.txt: no such file or directory',
        'mtclean: missing.txt: no such file or directory',
        '',
      ].join('\n'),
    )
    expect((await readFile(at('binary.txt'))).equals(binary)).toBe(true)
    expect((await readFile(at('invalid.txt'))).equals(invalid)).toBe(true)
    expect(await readFile(at('good.txt'), 'utf8')).toBe(
      libraryFix(defects, { only: ['hyphen-space'] }).output,
    )
    expect(result.stdout).toMatch(
      /^5 files scanned; 1 fixed .*\nNo findings left\.\n4 files not fixed \(see the lines above\)\.\n$/,
    )
  })

  it.each([
    [
      ['--write', '--output-dir', 'out', 'a.txt'],
      '--write and --output-dir cannot be used together',
    ],
    [['--format', 'xml', 'a.txt'], "unknown --format 'xml' (expected stylish, json)"],
    [['--frobnicate', 'a.txt'], /^Unknown option '--frobnicate'/],
  ])('exits 2 on %j', async (args, message) => {
    await writeFile(at('a.txt'), defects)
    const result = await fix(args)
    expect(result.code).toBe(2)
    if (typeof message === 'string') expect(result.stderr).toBe(`mtclean: ${message}\n`)
    else expect(result.stderr.replace('mtclean: ', '')).toMatch(message)
    expect(await readFile(at('a.txt'), 'utf8')).toBe(defects)
  })

  it('prints its help', async () => {
    const result = await fix(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: mtclean fix \[options\] \[PATHS…\]/)
    expect(result.stdout).toContain('--output-dir DIR')
  })
})
