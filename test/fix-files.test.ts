import {
  chmod,
  chown,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixSource, mirrorPath, readTarget, writeText } from '../src/fix-files.js'
import { interruptedMessage, isTemporaryName } from '../src/io/atomic-write.js'
import { encodeText, type TextFile } from '../src/io/text-file.js'
import { testRules } from './helpers/rules.js'

const options = { lint: { rules: testRules } }

describe('fixSource', () => {
  it('runs passes until nothing is fixable and records the pass of each change', () => {
    const result = fixSource('a.txt', 'a     b', options)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.output).toBe('a b')
    expect(result.value.passes).toBeGreaterThan(1)
    expect(new Set(result.value.applied.map((c) => c.pass)).size).toBe(result.value.passes)
    expect(result.value.applied.every((c) => c.ruleId === 'test-double-space')).toBe(true)
    expect(result.value.remaining).toEqual([])
    expect(result.value.regions).toEqual([{ oldStart: 1, oldEnd: 6, newStart: 1, newEnd: 2 }])
  })

  it('leaves suggestions and flags for a person unless unsafe, which takes the first suggestion', () => {
    const text = 'It is VERY  good.\r\nTODO  later'
    const safe = fixSource('a.txt', text, options)
    expect(safe.ok && safe.value.output).toBe('It is VERY good.\r\nTODO later')
    expect(safe.ok && safe.value.remaining.map((f) => f.ruleId)).toEqual([
      'test-shout',
      'test-todo',
    ])
    const unsafe = fixSource('a.txt', text, { ...options, unsafe: true })
    expect(unsafe.ok && unsafe.value.output).toBe('It is very good.\r\nTODO later')
    expect(unsafe.ok && unsafe.value.remaining.map((f) => f.ruleId)).toEqual(['test-todo'])
    // Remaining findings are placed in the fixed text.
    expect(unsafe.ok && unsafe.value.remaining[0]!.line).toBe(2)
  })

  it('changes nothing in text without findings and keeps a missing final newline', () => {
    const result = fixSource('a.txt', 'fine text\nno newline', options)
    expect(result.ok && result.value).toMatchObject({
      output: 'fine text\nno newline',
      applied: [],
      regions: [],
    })
  })

  it('fails with one line when the format cannot be read', () => {
    expect(fixSource('a.txt', 'a  b', { ...options, formatName: 'no-such-format' })).toEqual({
      ok: false,
      error: "unknown input format 'no-such-format'",
    })
  })

  it('is idempotent', () => {
    const once = fixSource('a.txt', 'x   y  z VERY', { ...options, unsafe: true })
    if (!once.ok) throw new Error(once.error)
    const twice = fixSource('a.txt', once.value.output, { ...options, unsafe: true })
    expect(twice.ok && twice.value.output).toBe(once.value.output)
    expect(twice.ok && twice.value.applied).toEqual([])
  })
})

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mtclean-fix-files-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function temporaries(dir = folder) {
  return (await readdir(dir)).filter(isTemporaryName)
}

async function read(name: string): Promise<TextFile> {
  const result = await readTarget({ path: name }, Readable.from([]), folder)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

describe('readTarget', () => {
  it('reads a file relative to cwd and keeps its bytes, encoding and mode', async () => {
    await writeFile(join(folder, 'a.txt'), '\ufeffa  b\r\n')
    await chmod(join(folder, 'a.txt'), 0o640)
    const file = await read('a.txt')
    expect(file).toMatchObject({
      path: 'a.txt',
      text: 'a  b\r\n',
      encoding: { name: 'utf8', bom: true },
    })
    expect(file.mode & 0o777).toBe(0o640)
    expect(file.bytes.equals(Buffer.from('\ufeffa  b\r\n'))).toBe(true)
  })

  it('reads stdin for -', async () => {
    const result = await readTarget({ path: '-' }, Readable.from([Buffer.from('a  b')]), folder)
    expect(result.ok && result.value.text).toBe('a  b')
  })

  it('refuses missing, binary and undecodable files with one line each', async () => {
    await writeFile(join(folder, 'bin.txt'), Buffer.from([0x61, 0x00, 0x62]))
    await writeFile(join(folder, 'bad.txt'), Buffer.from([0x61, 0xff, 0x62]))
    const stdin = Readable.from([])
    expect(await readTarget({ path: 'missing.txt' }, stdin, folder)).toEqual({
      ok: false,
      error: 'no such file or directory',
    })
    expect(await readTarget({ path: 'bin.txt' }, stdin, folder)).toMatchObject({
      ok: false,
      error: /^binary file/,
    })
    expect(await readTarget({ path: 'bad.txt' }, stdin, folder)).toMatchObject({
      ok: false,
      error: /^not valid UTF-8/,
    })
    expect(
      await readTarget({ path: 'x', error: 'no files match this pattern' }, stdin, folder),
    ).toEqual({
      ok: false,
      error: 'no files match this pattern',
    })
  })
})

describe('writeText', () => {
  const fixOf = (file: TextFile) => {
    const result = fixSource(file.path, file.text, options)
    if (!result.ok) throw new Error(result.error)
    return result.value.output
  }

  it.each([
    ['UTF-8 with BOM and CRLF', Buffer.from('\ufeffa  b\r\nc  d\r\n', 'utf8')],
    ['UTF-8, no final newline', Buffer.from('line one\na  b', 'utf8')],
    [
      'UTF-16LE',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文  text\r\n', 'utf16le')]),
    ],
    [
      'UTF-16BE',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a  b\n', 'utf16le').swap16()]),
    ],
  ])('writes %s back byte for byte outside the fix, keeping the mode', async (_name, bytes) => {
    const path = join(folder, 'f.txt')
    await writeFile(path, bytes)
    await chmod(path, 0o640)
    const file = await read('f.txt')
    const fixed = fixOf(file)
    expect(fixed).not.toBe(file.text)
    expect(await writeText(file, fixed, path, { inPlace: true })).toEqual({
      ok: true,
      value: undefined,
    })
    const written = await readFile(path)
    expect(written.equals(encodeText(fixed, file.encoding))).toBe(true)
    // The BOM, the line endings and the (missing) final newline are the original's.
    const unit = file.encoding.name === 'utf8' ? 1 : 2
    const bom = file.encoding.bom ? (unit === 1 ? 3 : 2) : 0
    expect(written.subarray(0, bom).equals(bytes.subarray(0, bom))).toBe(true)
    expect(fixed.split('\r\n').length).toBe(file.text.split('\r\n').length)
    expect(fixed.split('\n').length).toBe(file.text.split('\n').length)
    expect(written.subarray(-2 * unit).equals(bytes.subarray(-2 * unit))).toBe(true)
    expect((await stat(path)).mode & 0o7777).toBe(0o640)
    expect(await temporaries()).toEqual([])
  })

  it('refuses a file changed on disk since it was read, and leaves the change alone', async () => {
    const path = join(folder, 'f.txt')
    await writeFile(path, 'a  b\n')
    const file = await read('f.txt')
    await writeFile(path, 'someone else  edited this\n')
    expect(await writeText(file, fixOf(file), path, { inPlace: true })).toEqual({
      ok: false,
      error: 'changed on disk since it was read; not written',
    })
    expect(await readFile(path, 'utf8')).toBe('someone else  edited this\n')
    expect(await temporaries()).toEqual([])
  })

  it('refuses a file deleted since it was read and does not recreate it', async () => {
    const path = join(folder, 'f.txt')
    await writeFile(path, 'a  b\n')
    const file = await read('f.txt')
    await rm(path)
    expect(await writeText(file, fixOf(file), path, { inPlace: true })).toEqual({
      ok: false,
      error: 'deleted since it was read; not written',
    })
    expect(await readdir(folder)).toEqual([])
  })

  it('refuses a read-only file (no write permission bit), even for root', async () => {
    const path = join(folder, 'f.txt')
    await writeFile(path, 'a  b\n')
    await chmod(path, 0o444)
    const file = await read('f.txt')
    expect(await writeText(file, fixOf(file), path, { inPlace: true })).toEqual({
      ok: false,
      error: 'cannot write: read-only file',
    })
    expect(await readFile(path, 'utf8')).toBe('a  b\n')
    expect(await temporaries()).toEqual([])
  })

  it('replaces the file a symbolic link points to and keeps the link', async () => {
    await writeFile(join(folder, 'real.txt'), 'a  b\n')
    await symlink('real.txt', join(folder, 'link.txt'))
    const file = await read('link.txt')
    expect(
      await writeText(file, fixOf(file), join(folder, 'link.txt'), { inPlace: true }),
    ).toMatchObject({ ok: true })
    expect((await lstat(join(folder, 'link.txt'))).isSymbolicLink()).toBe(true)
    expect(await readlink(join(folder, 'link.txt'))).toBe('real.txt')
    expect(await readFile(join(folder, 'real.txt'), 'utf8')).toBe('a b\n')
  })

  it("keeps the file's owner when the process may set it", async () => {
    const path = join(folder, 'f.txt')
    await writeFile(path, 'a  b\n')
    // As root the file is given to another user first; otherwise it stays ours.
    const root = process.getuid?.() === 0
    if (root) await chown(path, 1234, 1234)
    const before = await stat(path)
    const file = await read('f.txt')
    expect(await writeText(file, fixOf(file), path, { inPlace: true })).toMatchObject({ ok: true })
    const after = await stat(path)
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid])
    expect(after.ino).not.toBe(before.ino) // it really was replaced
  })

  it('abandons the write when beforeRename says no or the signal is aborted', async () => {
    const path = join(folder, 'f.txt')
    await writeFile(path, 'a  b\n')
    const file = await read('f.txt')
    const seen: string[] = []
    const refused = await writeText(file, fixOf(file), path, {
      inPlace: true,
      beforeRename: async (temporary) => {
        seen.push(temporary)
        expect(await readFile(temporary, 'utf8')).toBe('a b\n') // complete before any rename
        return false
      },
    })
    expect(refused).toEqual({ ok: false, error: interruptedMessage })
    expect(seen).toHaveLength(1)
    const controller = new AbortController()
    controller.abort()
    expect(
      await writeText(file, fixOf(file), path, { inPlace: true, signal: controller.signal }),
    ).toEqual({
      ok: false,
      error: interruptedMessage,
    })
    expect(await readFile(path, 'utf8')).toBe('a  b\n')
    expect(await temporaries()).toEqual([])
  })

  it('writes a copy elsewhere, creating folders, with the source mode, leaving the source alone', async () => {
    const path = join(folder, 'f.txt')
    await writeFile(path, 'a  b\n')
    await chmod(path, 0o600)
    const file = await read('f.txt')
    const copy = join(folder, 'out', 'deep', 'f.txt')
    expect(await writeText(file, fixOf(file), copy, { inPlace: false })).toMatchObject({ ok: true })
    expect(await readFile(copy, 'utf8')).toBe('a b\n')
    expect((await stat(copy)).mode & 0o777).toBe(0o600)
    expect(await readFile(path, 'utf8')).toBe('a  b\n')
  })

  it('refuses text whose bytes would not survive a round trip', async () => {
    const file: TextFile = {
      path: 'f.txt',
      text: 'a  b',
      encoding: { name: 'utf8', bom: false },
      bytes: Buffer.from('a  b\n'),
      mode: 0o644,
    }
    expect(await writeText(file, 'a b', join(folder, 'f.txt'), { inPlace: false })).toEqual({
      ok: false,
      error: 'cannot be written back byte for byte; not written',
    })
  })
})

describe('mirrorPath', () => {
  it('mirrors paths relative to cwd under the output folder', () => {
    expect(mirrorPath('out', 'docs/a.txt', '/work/p')).toBe('/work/p/out/docs/a.txt')
    expect(mirrorPath('/tmp/out', './b.txt', '/work/p')).toBe('/tmp/out/b.txt')
  })

  it('never leaves the output folder for paths outside cwd', () => {
    expect(mirrorPath('out', '../other/a.txt', '/work/p')).toBe('/work/p/out/work/other/a.txt')
    expect(mirrorPath('out', '/etc/x.txt', '/work/p')).toBe('/work/p/out/etc/x.txt')
  })
})
