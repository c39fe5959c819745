import { spawnSync } from 'node:child_process'
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { binPath, repoRoot, runCli } from '../helpers/cli.js'
import { removeFolder, temporaryFolder } from '../helpers/fixtures.js'
import { corpusText, streamEnv, writeCorpusFiles } from './helpers.js'

// End to end, on the built CLI: the worker pool and the streamed path change nothing in what
// is reported or written, and a large file is checked in bounded memory.

let folder: string

beforeAll(async () => {
  folder = await temporaryFolder('mtclean-scale-')
  await writeCorpusFiles(join(folder, 'corpus'), 12, 30_000)
  await cp(join(repoRoot, 'samples', 'guide.md'), join(folder, 'corpus', 'guide.md'))
  await writeFile(join(folder, 'corpus', 'part-0', 'binary.txt'), Buffer.from([0x61, 0, 0x62]))
  await writeFile(join(folder, 'big.txt'), corpusText(120_000, 7))
})
afterAll(() => removeFolder(folder))

async function texts(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name)
    out[name] = await readFile(path, 'utf8').catch(() => '<dir>')
  }
  return out
}

describe('--jobs N reports and writes exactly what one thread does', () => {
  for (const format of ['stylish', 'json', 'github', 'sarif']) {
    it(`lint --format ${format}`, async () => {
      const runs = await Promise.all(
        ['1', '2', '3'].map((jobs) =>
          runCli(['lint', '--format', format, '--no-color', '--jobs', jobs, 'corpus'], {
            cwd: folder,
          }),
        ),
      )
      expect(runs[0]!.code).toBe(2) // binary.txt
      expect(runs[0]!.stdout.length).toBeGreaterThan(1000)
      for (const run of runs.slice(1)) {
        expect(run.code).toBe(runs[0]!.code)
        expect(run.stdout).toBe(runs[0]!.stdout)
        expect(run.stderr).toBe(runs[0]!.stderr)
      }
    })
  }

  it('fix (preview diff, and --write on copies)', async () => {
    const preview = await Promise.all(
      ['1', '3'].map((jobs) =>
        runCli(['fix', '--no-color', '--jobs', jobs, 'corpus'], { cwd: folder }),
      ),
    )
    expect(preview[0]!.stdout).toContain('+++ b/corpus/part-0/doc-000.txt')
    expect(preview[1]!.stdout).toBe(preview[0]!.stdout)
    expect(preview[1]!.stderr).toBe(preview[0]!.stderr)

    const written = []
    for (const jobs of ['1', '2', '3']) {
      const copy = join(folder, `copy-${jobs}`)
      await cp(join(folder, 'corpus'), copy, { recursive: true })
      const run = await runCli(['fix', '--write', '--no-color', '--jobs', jobs, '.'], {
        cwd: copy,
      })
      written.push({ run, files: await texts(copy) })
    }
    expect(written[0]!.files['part-0/doc-000.txt']).not.toBe(
      await readFile(join(folder, 'corpus', 'part-0', 'doc-000.txt'), 'utf8'),
    )
    for (const other of written.slice(1)) {
      expect(other.files).toEqual(written[0]!.files)
      expect(other.run.stdout).toBe(written[0]!.run.stdout)
      expect(other.run.code).toBe(written[0]!.run.code)
    }
  })

  it('refuses a --jobs that is not a number of threads', async () => {
    for (const jobs of ['0', 'many', '-2']) {
      const run = await runCli(['lint', '--jobs', jobs, 'corpus'], { cwd: folder })
      expect(run.code).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

describe('a large plain-text file streamed block by block', () => {
  const documentRules = ['--disable', 'repeated-paragraph,scrape-residue']

  it('gets the same JSON and stylish report as read whole, on one thread or several', async () => {
    for (const format of ['json', 'github']) {
      const args = ['lint', '--format', format, ...documentRules, 'big.txt']
      const whole = await runCli([...args, '--jobs', '1'], { cwd: folder })
      const streamed = await Promise.all(
        ['1', '2'].map((jobs) =>
          runCli([...args, '--jobs', jobs], { cwd: folder, env: streamEnv() }),
        ),
      )
      expect(whole.stdout.length).toBeGreaterThan(10_000)
      for (const run of streamed) {
        expect(run.stdout).toBe(whole.stdout)
        expect(run.code).toBe(whole.code)
      }
    }
    const stylish = await runCli(['lint', '--no-color', ...documentRules, 'big.txt'], {
      cwd: folder,
      env: streamEnv(),
    })
    const whole = await runCli(['lint', '--no-color', ...documentRules, 'big.txt'], { cwd: folder })
    const rows = (text: string) =>
      text
        .split('\n')
        .map((l) => l.replace(/ +/g, ' '))
        .filter((l) => /^\d+:\d+/.test(l))
    expect(rows(stylish.stdout)).toEqual(rows(whole.stdout))
    expect(stylish.stdout.trim().split('\n').at(-1)).toBe(whole.stdout.trim().split('\n').at(-1))
  })

  it('fix --write gives the same file as fixing it whole; the preview diff applies with patch', async () => {
    const original = await readFile(join(folder, 'big.txt'))
    const variants: Record<string, Buffer> = {}
    for (const [name, env, jobs] of [
      ['whole', {}, '1'],
      ['stream-1', streamEnv(), '1'],
      ['stream-2', streamEnv(), '2'],
    ] as const) {
      const copy = join(folder, `fix-${name}.txt`)
      await writeFile(copy, original)
      const run = await runCli(['fix', '--write', '--no-progress', '--jobs', jobs, copy], {
        cwd: folder,
        env,
      })
      expect(run.code, run.stderr).toBe(1)
      variants[name] = await readFile(copy)
    }
    expect(variants.whole!.equals(original)).toBe(false)
    expect(variants['stream-1']!.equals(variants.whole!)).toBe(true)
    expect(variants['stream-2']!.equals(variants.whole!)).toBe(true)

    const target = join(folder, 'patched.txt')
    await writeFile(target, original)
    const diff = await runCli(['fix', '--no-color', 'patched.txt'], {
      cwd: folder,
      env: streamEnv(),
    })
    expect(diff.stdout).toMatch(/^--- a\/patched.txt\n\+\+\+ b\/patched.txt\n@@ /)
    const patched = spawnSync('patch', ['-p1', '-s'], { cwd: folder, input: diff.stdout })
    expect(patched.status, patched.stderr.toString()).toBe(0)
    expect((await readFile(target)).equals(variants.whole!)).toBe(true)
  })

  it('keeps UTF-16 (with its BOM) and CRLF line ends when writing', async () => {
    const text = corpusText(20_000, 3).replace(/\n/g, '\r\n')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    for (const [name, env] of [
      ['whole', {}],
      ['stream', streamEnv(500, 2000)],
    ] as const) {
      await writeFile(join(folder, `u16-${name}.txt`), utf16)
      const run = await runCli(['fix', '--write', '--no-progress', `u16-${name}.txt`], {
        cwd: folder,
        env,
      })
      expect(run.code).toBe(1)
    }
    const whole = await readFile(join(folder, 'u16-whole.txt'))
    const streamed = await readFile(join(folder, 'u16-stream.txt'))
    expect(streamed.equals(whole)).toBe(true)
    expect([...streamed.subarray(0, 2)]).toEqual([0xff, 0xfe])
    const decoded = streamed.subarray(2).toString('utf16le')
    expect(decoded).not.toBe(text)
    expect(decoded.split('\r\n').length).toBe(text.split('\r\n').length)
  })

  it('--output-dir writes the fixed copy of a streamed file and leaves it alone', async () => {
    const before = await readFile(join(folder, 'big.txt'))
    const run = await runCli(['fix', '--output-dir', join(folder, 'out'), 'big.txt'], {
      cwd: folder,
      env: streamEnv(),
    })
    expect(run.code).toBe(1)
    expect((await readFile(join(folder, 'big.txt'))).equals(before)).toBe(true)
    const whole = await runCli(['fix', '-'], { cwd: folder, input: before })
    expect(await readFile(join(folder, 'out', 'big.txt'), 'utf8')).toBe(whole.stdout)
  })
})

describe('memory does not grow with the file', () => {
  // A heap too small for the file read whole: the streamed run fits in it, the whole one does not.
  const megabytes = Number(process.env.MTCLEAN_HEAVY ? 400 : 24)
  const heap = '--max-old-space-size=48'
  let big: string

  beforeAll(async () => {
    big = join(folder, 'huge.txt')
    const line = 'The committee met on Monday and agreed on a 100 -day plan for the new works.\n'
    await writeFile(big, line.repeat(Math.ceil((megabytes * 1e6) / line.length)))
  })

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [heap, binPath, ...args], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 20,
    })

  it(`lints a ${megabytes} MB file in a 48 MB heap (JSON streamed to stdout)`, () => {
    const streamed = run(['lint', '--rule', 'hyphen-space', '--format', 'json', 'huge.txt'])
    expect(streamed.status, streamed.stderr.toString()).toBe(1)
    const whole = run(['lint', '--rule', 'hyphen-space', '--format', 'json', 'huge.txt'], {
      MTCLEAN_STREAM_BYTES: String(1e12),
    })
    expect(whole.status).not.toBe(1)
    expect(whole.stderr.toString()).toMatch(/heap out of memory/)
  })

  it(`fixes a ${megabytes} MB file in place in a 48 MB heap`, async () => {
    const fixed = run(['fix', '--write', '--no-progress', '--rule', 'hyphen-space', 'huge.txt'])
    expect(fixed.status, fixed.stderr.toString()).toBe(0)
    const head = (await readFile(big)).subarray(0, 200).toString()
    expect(head).toContain('a 100-day plan')
    // grep exits 1 when the text is nowhere in the file.
    expect(spawnSync('grep', ['-q', '100 -day', big]).status).toBe(1)
  })
})
