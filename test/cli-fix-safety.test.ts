import { spawnSync } from 'node:child_process'
import { chmod, readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { assertBuilt, finished, runCli, spawnCli } from './helpers/cli.js'
import {
  atGate,
  libraryFix,
  release,
  removeFolder,
  temporaryFiles,
  temporaryFolder,
  waitFor,
} from './helpers/fixtures.js'

// Never lose data: end-to-end runs of the built CLI (`npm run build` first) that are modified
// under it, interrupted, killed, or refused by the file system. Pauses use the test-only gates
// MTCLEAN_TEST_PAUSE_BEFORE_WRITE / _BEFORE_RENAME (see src/cli/commands/fix.ts).

let folder: string
beforeAll(() => assertBuilt())
beforeEach(async () => {
  folder = await temporaryFolder('mtclean-cli-fix-safety-')
})
afterEach(async () => {
  spawnSync('chattr', ['-R', '-i', folder], { stdio: 'ignore' })
  await chmod(folder, 0o755).catch(() => {})
  await removeFolder(folder)
})

const at = (name: string) => join(folder, name)
const hyphen = ['--rule', 'hyphen-space']
const gateFile = () => join(folder, '.gates', 'gate')

/** Write `count` files (f0.txt…) with defects; returns their names, originals and fixed texts. */
async function corpus(count: number, lines = 3) {
  const files: { name: string; original: string; fixed: string }[] = []
  for (let i = 0; i < count; i++) {
    const body = Array.from(
      { length: lines },
      (_, n) => `File ${i}, line ${n}: a ${n + 2} -day review and a year -on -year rise.`,
    ).join('\n')
    const original = `${body}\n`
    const name = `f${i}.txt`
    await writeFile(at(name), original)
    files.push({ name, original, fixed: libraryFix(original, { only: ['hyphen-space'] }).output })
  }
  return files
}

async function contents(names: readonly string[]) {
  return Promise.all(names.map((n) => readFile(at(n), 'utf8')))
}

describe('a file changed on disk after it was read', () => {
  it('is reported and skipped (before the write starts); the other files are fixed; exit 2', async () => {
    const [a, b] = await corpus(2)
    const gate = gateFile()
    const child = spawnCli(['fix', ...hyphen, '--write', a!.name, b!.name], {
      cwd: folder,
      env: { MTCLEAN_TEST_PAUSE_BEFORE_WRITE: gate },
    })
    const result = finished(child)
    expect(await atGate(gate, child)).toBe(at('f0.txt'))
    await writeFile(at('f0.txt'), 'Someone else saved this 100 -day note meanwhile.\n')
    await release(gate)
    expect(await atGate(gate, child)).toBe(at('f1.txt'))
    await release(gate)
    const { code, stdout, stderr } = await result
    expect(code).toBe(2)
    expect(stderr).toBe('mtclean: f0.txt: changed on disk since it was read; not written\n')
    expect(await readFile(at('f0.txt'), 'utf8')).toBe(
      'Someone else saved this 100 -day note meanwhile.\n',
    )
    expect(await readFile(at('f1.txt'), 'utf8')).toBe(b!.fixed)
    expect(stdout).toContain('1 file not fixed (see the lines above).')
    expect(await temporaryFiles(folder)).toEqual([])
  })

  it('is caught again just before the rename, and the finished temporary file is removed', async () => {
    const [a] = await corpus(1)
    const gate = gateFile()
    const child = spawnCli(['fix', ...hyphen, '--write', a!.name], {
      cwd: folder,
      env: { MTCLEAN_TEST_PAUSE_BEFORE_RENAME: gate },
    })
    const result = finished(child)
    const temporary = await atGate(gate, child)
    expect(await readFile(temporary, 'utf8')).toBe(a!.fixed)
    await writeFile(at('f0.txt'), 'An edit made while the fixed copy was being written.\n')
    await release(gate)
    const { code, stderr } = await result
    expect(code).toBe(2)
    expect(stderr).toBe('mtclean: f0.txt: changed on disk since it was read; not written\n')
    expect(await readFile(at('f0.txt'), 'utf8')).toBe(
      'An edit made while the fixed copy was being written.\n',
    )
    expect(await temporaryFiles(folder)).toEqual([])
  })
})

describe('an interrupted --write', () => {
  it.each([
    ['SIGINT', 130, 'MTCLEAN_TEST_PAUSE_BEFORE_RENAME'],
    ['SIGTERM', 143, 'MTCLEAN_TEST_PAUSE_BEFORE_WRITE'],
  ] as const)(
    'on %s abandons the current file, stops, cleans up and exits %i',
    async (signal, exitCode, pause) => {
      const files = await corpus(5)
      const gate = gateFile()
      const child = spawnCli(['fix', ...hyphen, '--write', ...files.map((f) => f.name)], {
        cwd: folder,
        env: { [pause]: gate },
      })
      const result = finished(child)
      for (let i = 0; i < 2; i++) {
        await atGate(gate, child)
        await release(gate)
      }
      await atGate(gate, child) // the third file waits
      child.kill(signal)
      const { code, stderr, stdout } = await result
      expect(code).toBe(exitCode)
      expect(await contents(files.map((f) => f.name))).toEqual([
        files[0]!.fixed,
        files[1]!.fixed,
        files[2]!.original,
        files[3]!.original,
        files[4]!.original,
      ])
      expect(stderr).toBe(
        'mtclean: f2.txt: interrupted before it was replaced; not written\n' +
          `mtclean: interrupted by ${signal}; files already replaced are fixed, the rest are as they were\n`,
      )
      expect(stdout).toContain('2 files not processed (left as they were).')
      expect(await temporaryFiles(folder)).toEqual([])
    },
  )
})

describe('a --write killed with SIGKILL (no chance to clean up)', () => {
  it.each([1, 3, 5])(
    'just before renaming file %i of 5: earlier files fixed, the rest original, one orphaned complete temporary file',
    async (k) => {
      const files = await corpus(5)
      const gate = gateFile()
      const child = spawnCli(['fix', ...hyphen, '--write', ...files.map((f) => f.name)], {
        cwd: folder,
        env: { MTCLEAN_TEST_PAUSE_BEFORE_RENAME: gate },
      })
      const result = finished(child)
      for (let i = 1; i < k; i++) {
        await atGate(gate, child)
        await release(gate)
      }
      const temporary = await atGate(gate, child)
      child.kill('SIGKILL')
      expect((await result).signal).toBe('SIGKILL')
      const now = await contents(files.map((f) => f.name))
      expect(now).toEqual(files.map((f, i) => (i < k - 1 ? f.fixed : f.original)))
      // What SIGKILL leaves: the flushed temporary file of the file being replaced, hidden (dot
      // name, skipped by directory walks), holding the complete fixed text. Never a half file.
      const orphans = await temporaryFiles(folder)
      expect(orphans).toEqual([temporary.slice(folder.length + 1)])
      expect(orphans[0]).toMatch(new RegExp(`^\\.f${k - 1}\\.txt\\.mtclean-[0-9a-f]{12}\\.tmp$`))
      expect(await readFile(temporary, 'utf8')).toBe(files[k - 1]!.fixed)
    },
  )

  it('before a write starts: no temporary file at all', async () => {
    const files = await corpus(3)
    const gate = gateFile()
    const child = spawnCli(['fix', ...hyphen, '--write', ...files.map((f) => f.name)], {
      cwd: folder,
      env: { MTCLEAN_TEST_PAUSE_BEFORE_WRITE: gate },
    })
    const result = finished(child)
    await atGate(gate, child)
    await release(gate)
    await atGate(gate, child)
    child.kill('SIGKILL')
    await result
    expect(await contents(files.map((f) => f.name))).toEqual([
      files[0]!.fixed,
      files[1]!.original,
      files[2]!.original,
    ])
    expect(await temporaryFiles(folder)).toEqual([])
  })

  it('at uncontrolled points of a 40-file run: every file is either the original or the fixed text', async () => {
    const files = await corpus(40, 300)
    const names = files.map((f) => f.name)
    const observed: string[] = []
    for (const killAfter of [1, 12, 30]) {
      for (const f of files) await writeFile(at(f.name), f.original)
      const child = spawnCli(['fix', ...hyphen, '--write', ...names], { cwd: folder })
      const result = finished(child)
      // Kill once at least `killAfter` files are replaced: wherever the run then is.
      let done = 0
      await waitFor(async () => {
        const now = await contents(names)
        done = now.filter((text, i) => text === files[i]!.fixed).length
        return done >= killAfter || child.exitCode !== null
      }, `${killAfter} files fixed`)
      child.kill('SIGKILL')
      const ended = await result
      const now = await contents(names)
      now.forEach((text, i) => {
        expect([files[i]!.original, files[i]!.fixed]).toContain(text)
      })
      const fixed = now.filter((text, i) => text === files[i]!.fixed).length
      const orphans = await temporaryFiles(folder)
      expect(orphans.length).toBeLessThanOrEqual(1)
      expect(ended.signal, ended.stderr).toBe('SIGKILL') // killed mid-run, not ended on its own
      observed.push(`${fixed}/40 fixed, ${orphans.length} orphaned temporary file`)
      for (const orphan of orphans) await unlink(at(orphan))
    }
    // The kill points really were mid-run (otherwise the test proves little).
    expect(observed.some((o) => !o.startsWith('40/'))).toBe(true)
    console.info(`SIGKILL at uncontrolled points: ${observed.join('; ')}`)
  })
})

describe('file systems that refuse the write (real kernel errors, not mocks)', () => {
  it('a read-only file (no write bit) is refused with the file named, the rest fixed', async () => {
    const [a, b] = await corpus(2)
    await chmod(at('f0.txt'), 0o444)
    const result = await runCli(['fix', ...hyphen, '--write', a!.name, b!.name], { cwd: folder })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('mtclean: f0.txt: cannot write: read-only file\n')
    expect(await contents(['f0.txt', 'f1.txt'])).toEqual([a!.original, b!.fixed])
  })

  it('a read-only folder is refused with the file named, nothing left behind', async () => {
    const [a] = await corpus(1)
    // As root, permission bits do not stop writes, so the folder is made immutable (chattr +i);
    // otherwise its write bits are removed. Either way a probe proves the folder is read-only.
    const root = process.getuid?.() === 0
    const made = root
      ? spawnSync('chattr', ['+i', folder]).status === 0
      : await chmod(folder, 0o555).then(() => true)
    const probe = await writeFile(at('probe'), '').then(
      () => 'writable',
      () => 'read-only',
    )
    if (!made || probe !== 'read-only') {
      throw new Error(
        `cannot make ${folder} read-only here (${root ? 'chattr +i failed' : 'chmod'}): fix the test setup`,
      )
    }
    const result = await runCli(['fix', ...hyphen, '--write', a!.name], { cwd: folder })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('mtclean: f0.txt: cannot write: permission denied\n')
    expect(await readFile(at('f0.txt'), 'utf8')).toBe(a!.original)
    expect((await readdir(folder)).sort()).toEqual(['f0.txt'])
  })

  it('a write that runs out of room (a file-size limit, ulimit -f) fails cleanly', async () => {
    const [a, b] = await corpus(2, 200) // about 15 KB each
    const result = await runCli(['fix', ...hyphen, '--write', a!.name, b!.name], {
      cwd: folder,
      fileSizeLimitKb: 8,
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'mtclean: f0.txt: cannot write: file too large for this file system or its size limit\nmtclean: f1.txt: cannot write: file too large for this file system or its size limit\n',
    )
    expect(await contents(['f0.txt', 'f1.txt'])).toEqual([a!.original, b!.original])
    expect(await temporaryFiles(folder)).toEqual([])
  })
})
