import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { chmod, mkdir, readdir, readFile, stat, symlink, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, binPath, finished, runCli, spawnCli } from '../helpers/cli.js'
import {
  atGate,
  libraryFix,
  release,
  removeFolder,
  temporaryFiles,
  temporaryFolder,
} from '../helpers/fixtures.js'
import { streamEnv } from './helpers.js'

// Broken and hostile files on the built CLI, each read whole and streamed block by block
// (MTCLEAN_STREAM_BYTES=0): one clear line, the right exit code, and no file half-written.

let folder: string
beforeAll(async () => {
  assertBuilt()
  folder = await temporaryFolder('mtclean-hostile-')
  await chmod(folder, 0o755)
})
afterAll(async () => {
  spawnSync('umount', [join(folder, 'full')], { stdio: 'ignore' })
  await removeFolder(folder)
})

const fixable = 'The city held a 100 -day campaign ,and the the work went on.\n'
const isRoot = process.getuid?.() === 0

for (const [mode, env] of [
  ['read whole', {}],
  ['streamed', streamEnv(0, 200)],
] as const) {
  describe(`${mode}:`, () => {
    let dir: string
    beforeAll(async () => {
      dir = join(folder, mode.replace(' ', '-'))
      await mkdir(dir, { recursive: true })
      await chmod(dir, 0o777)
    })
    const at = (name: string) => join(dir, name)

    it('an empty file and a file that is only a BOM are clean and stay byte for byte', async () => {
      await writeFile(at('empty.txt'), '')
      await writeFile(at('bom.txt'), Buffer.from([0xef, 0xbb, 0xbf]))
      for (const name of ['empty.txt', 'bom.txt']) {
        const before = await readFile(at(name))
        const lint = await runCli(['lint', name], { cwd: dir, env })
        expect([lint.code, lint.stdout, lint.stderr]).toEqual([0, '', ''])
        const fix = await runCli(['fix', '--write', name], { cwd: dir, env })
        expect(fix.code).toBe(0)
        expect((await readFile(at(name))).equals(before)).toBe(true)
      }
    })

    it('UTF-16 with a BOM (LE and BE) is read, fixed and written back as UTF-16', async () => {
      for (const [name, bom, swap] of [
        ['le.txt', [0xff, 0xfe], false],
        ['be.txt', [0xfe, 0xff], true],
      ] as const) {
        const body = Buffer.from(fixable.repeat(30), 'utf16le')
        if (swap) body.swap16()
        await writeFile(at(name), Buffer.concat([Buffer.from(bom), body]))
        const lint = await runCli(['lint', '--format', 'json', name], { cwd: dir, env })
        expect(lint.code).toBe(1)
        expect(JSON.parse(lint.stdout).files[0].findings[0].actual).toBe(' -')
        const fix = await runCli(['fix', '--write', name], { cwd: dir, env })
        expect(fix.code).toBe(0)
        const written = await readFile(at(name))
        expect([...written.subarray(0, 2)]).toEqual(bom)
        const text = Buffer.from(written.subarray(2))
        if (swap) text.swap16()
        expect(text.toString('utf16le')).toBe(libraryFix(fixable.repeat(30)).output)
      }
    })

    it('invalid UTF-8 and NUL bytes: one line naming the file and offset, exit 2, nothing written', async () => {
      const cases = [
        [
          'bad.txt',
          Buffer.concat([Buffer.from(fixable), Buffer.from([0xc3, 0x28])]),
          /not valid UTF-8 \(first bad byte at offset 62\)/,
        ],
        [
          'nul.txt',
          Buffer.concat([Buffer.from(fixable), Buffer.from([0])]),
          /binary file \(NUL byte at offset 61\)/,
        ],
      ] as const
      for (const [name, bytes, message] of cases) {
        await writeFile(at(name), bytes)
        const lint = await runCli(['lint', name], { cwd: dir, env })
        expect(lint.code).toBe(2)
        expect(lint.stderr.trim().split('\n')).toHaveLength(1)
        expect(lint.stderr).toMatch(new RegExp(`^mtclean: ${name}: ${message.source}$`, 'm'))
        const fix = await runCli(['fix', '--write', name], { cwd: dir, env })
        expect(fix.code).toBe(2)
        expect(fix.stderr).toMatch(message)
        expect((await readFile(at(name))).equals(bytes)).toBe(true)
        expect(await temporaryFiles(dir)).toEqual([])
      }
    })

    it(`permission denied (${isRoot ? 'run as user nobody with setpriv, since root reads anything' : 'chmod 000'})`, async () => {
      await writeFile(at('secret.txt'), fixable)
      await chmod(at('secret.txt'), 0o000)
      const args = (command: string[]) =>
        isRoot
          ? [
              '--reuid=65534',
              '--regid=65534',
              '--clear-groups',
              process.execPath,
              binPath,
              ...command,
            ]
          : [binPath, ...command]
      for (const command of [
        ['lint', 'secret.txt'],
        ['fix', '--write', 'secret.txt'],
      ]) {
        const run = spawnSync(isRoot ? 'setpriv' : process.execPath, args(command), {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
        })
        expect(run.status).toBe(2)
        expect(run.stderr).toMatch(/^mtclean: secret.txt: permission denied$/m)
        expect(run.stderr).not.toMatch(/\n\s+at /)
      }
      await chmod(at('secret.txt'), 0o644)
      expect(await readFile(at('secret.txt'), 'utf8')).toBe(fixable)
    })

    it(`an unreadable folder in a walk is reported (${isRoot ? 'as user nobody' : 'chmod 000'})`, async () => {
      await mkdir(at('locked'), { recursive: true })
      await writeFile(at('locked/inside.txt'), fixable)
      await chmod(at('locked'), 0o000)
      const command = ['lint', 'locked']
      const run = isRoot
        ? spawnSync(
            'setpriv',
            [
              '--reuid=65534',
              '--regid=65534',
              '--clear-groups',
              process.execPath,
              binPath,
              ...command,
            ],
            { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' },
          )
        : spawnSync(process.execPath, [binPath, ...command], { cwd: dir, env, encoding: 'utf8' })
      await chmod(at('locked'), 0o755)
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(/^mtclean: locked: cannot read folder: permission denied$/m)
    })

    it('a file deleted, or changed, while it is being fixed is not written (and not recreated)', async () => {
      for (const [name, meddle, message] of [
        // Read whole, the rename step sees the file gone as changed; streamed, as deleted.
        [
          'gone.txt',
          (path: string) => unlink(path),
          '(deleted|changed on disk) since it was read; not written',
        ],
        [
          'moved.txt',
          (path: string) => writeFile(path, 'Someone else wrote this.\n'),
          'changed on disk since it was read; not written',
        ],
      ] as const) {
        await writeFile(at(name), fixable.repeat(20))
        const gate = join(dir, '.gates', name)
        const child = spawnCli(['fix', '--write', '--no-progress', name], {
          cwd: dir,
          env: { ...env, MTCLEAN_TEST_PAUSE_BEFORE_RENAME: gate },
        })
        child.stdin?.end()
        const done = finished(child)
        await atGate(gate, child)
        await meddle(at(name))
        await release(gate)
        const run = await done
        expect(run.code).toBe(2)
        expect(run.stdout + run.stderr).toMatch(new RegExp(`${name}: ${message}`))
        expect(await temporaryFiles(dir)).toEqual([])
      }
      await expect(stat(at('gone.txt'))).rejects.toThrow()
      expect(await readFile(at('moved.txt'), 'utf8')).toBe('Someone else wrote this.\n')
    })

    it('a symlink loop in a walked folder is cut: each file is checked once', async () => {
      const tree = at('tree')
      await mkdir(join(tree, 'a', 'b'), { recursive: true })
      await writeFile(join(tree, 'a', 'doc.txt'), fixable)
      await writeFile(join(tree, 'a', 'b', 'deep.txt'), fixable)
      await symlink('..', join(tree, 'a', 'b', 'up'))
      await symlink(tree, join(tree, 'a', 'root'))
      const run = await runCli(['lint', '--format', 'json', 'tree'], { cwd: dir, env })
      expect(run.code).toBe(1)
      expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual([
        'tree/a/b/deep.txt',
        'tree/a/doc.txt',
      ])
    })
  })
}

describe('a full disk on write', () => {
  // As root a 64 KiB tmpfs is a real full disk; without the right to mount, a file-size limit
  // (ulimit -f, EFBIG) makes the write fail the same way.
  let full: string
  let mounted = false
  beforeAll(async () => {
    full = join(folder, 'full')
    await mkdir(full)
    mounted =
      isRoot &&
      spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full], { stdio: 'ignore' })
        .status === 0
  })

  for (const [mode, env] of [
    ['read whole', {}],
    ['streamed', streamEnv(0, 2000)],
  ] as const) {
    it(`fails cleanly (${mode}): the file stays as it was, no temporary file`, async () => {
      const name = `${mode.replace(' ', '-')}.txt`
      const text = fixable.repeat(Math.floor(40_000 / fixable.length))
      await writeFile(join(full, name), text)
      const run = await runCli(['fix', '--write', '--no-progress', name], {
        cwd: full,
        env,
        ...(mounted ? {} : { fileSizeLimitKb: 40 }),
      })
      expect(run.code).toBe(2)
      expect(run.stdout + run.stderr).toMatch(
        mounted ? /cannot write: no space left on device/ : /cannot write: .*(too large|EFBIG)/i,
      )
      expect(await readFile(join(full, name), 'utf8')).toBe(text)
      expect((await readdir(full)).filter((n) => n.includes('.mtclean-'))).toEqual([])
      await unlink(join(full, name))
    })
  }
})

describe('one very long line', () => {
  // MTCLEAN_HEAVY=1: a 1 GB single line; by default 8 MB, on the same code path (lines longer
  // than 256 Ki characters are checked in pieces cut at sentence ends).
  const bytes = process.env.MTCLEAN_HEAVY ? 1_000_000_000 : 8_000_000
  const clean = 'The committee agreed on the plan and the members went home. '
  const defect = 'The city finished its 100 -day plan. '
  const unit = clean.repeat(49) + defect
  const units = Math.floor(bytes / unit.length)
  let path: string

  beforeAll(async () => {
    path = join(folder, 'line.txt')
    const out = createWriteStream(path)
    const chunk = unit.repeat(Math.max(1, Math.floor(4_000_000 / unit.length)))
    let written = 0
    while (written + chunk.length <= units * unit.length) {
      if (!out.write(chunk)) await once(out, 'drain')
      written += chunk.length
    }
    out.write(unit.repeat((units * unit.length - written) / unit.length))
    out.end()
    await once(out, 'finish')
  }, 600_000)

  it('is checked in pieces in bounded memory: every defect found, a note on stderr', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=64',
        binPath,
        'lint',
        '--rule',
        'hyphen-space',
        '--format',
        'github',
        'line.txt',
      ],
      { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 },
    )
    expect(run.status, run.stderr.slice(0, 500)).toBe(1)
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error')).length).toBe(units)
    expect(run.stderr).toMatch(
      /line.txt: 1 line was longer than 262144 characters and checked in pieces/,
    )
  }, 600_000)

  it('is fixed in place in bounded memory', async () => {
    const before = (await stat(path)).size
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=64',
        binPath,
        'fix',
        '--write',
        '--no-progress',
        '--rule',
        'hyphen-space',
        'line.txt',
      ],
      { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 24 },
    )
    expect(run.status, run.stderr.slice(0, 500)).toBe(0)
    // Each fix removes one space.
    expect((await stat(path)).size).toBe(before - units)
    expect(spawnSync('grep', ['-q', '100 -day', path]).status).toBe(1)
  }, 600_000)
})
