import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/io/atomic-write.js'
import { decodeText, encodeText, readTextFile } from '../../src/io/text-file.js'

describe('decodeText / encodeText', () => {
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from('a “b” 中')],
    ['UTF-8 with BOM', Buffer.from('\ufeffa\r\nb', 'utf8')],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a 中 😀', 'utf16le')]),
    ],
    [
      'UTF-16BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a 中', 'utf16le').swap16()]),
    ],
    ['empty', Buffer.alloc(0)],
  ]
  it.each(cases)('round-trips %s byte for byte', (_name, bytes) => {
    const decoded = decodeText(bytes)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.value.text.startsWith('\ufeff')).toBe(false)
    expect(encodeText(decoded.value.text, decoded.value.encoding).equals(bytes)).toBe(true)
  })

  it('refuses binary and undecodable input with one clear sentence', () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x00]))).toEqual({
      ok: false,
      error: 'binary file (NUL byte at offset 3)',
    })
    expect(decodeText(Buffer.from([0x61, 0x62, 0xff, 0x63]))).toEqual({
      ok: false,
      error: 'not valid UTF-8 (first bad byte at offset 2)',
    })
  })
})

describe('readTextFile', () => {
  it('reports missing files and directories as sentences', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    expect(await readTextFile(join(dir, 'nope.txt'))).toEqual({
      ok: false,
      error: 'no such file or directory',
    })
    expect(await readTextFile(dir)).toEqual({ ok: false, error: 'is a directory' })
  })
})

describe('writeFileAtomic', () => {
  it('replaces the file, keeping the given mode, and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    const path = join(dir, 'a.txt')
    writeFileSync(path, 'old', { mode: 0o640 })
    const result = await writeFileAtomic(path, Buffer.from('new'), {
      expected: Buffer.from('old'),
      mode: 0o100640,
    })
    expect(result.ok).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('new')
    expect(statSync(path).mode & 0o777).toBe(0o640)
    expect((await import('node:fs')).readdirSync(dir)).toEqual(['a.txt'])
  })

  it('refuses to overwrite a file that changed since it was read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    const path = join(dir, 'a.txt')
    writeFileSync(path, 'changed by someone else')
    const result = await writeFileAtomic(path, Buffer.from('new'), { expected: Buffer.from('old') })
    expect(result).toEqual({ ok: false, error: 'changed on disk since it was read; not written' })
    expect(readFileSync(path, 'utf8')).toBe('changed by someone else')
  })
})
