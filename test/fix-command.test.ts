import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FixDependencies, fixCommand, type SignalSource } from '../src/cli/commands/fix.js'
import type { CliIO } from '../src/cli/io.js'
import { isTemporaryName } from '../src/io/atomic-write.js'

// In-process runs of `fixCommand` with fake streams, for what a subprocess cannot show simply:
// the progress bar on a terminal, and signals delivered at an exact point.

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mtclean-fix-command-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function fakeIO(options: { stderrTTY?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = {
    stdin: Readable.from([]),
    stdout: { write: (chunk: string) => out.push(chunk), isTTY: false },
    stderr: {
      write: (chunk: string) => err.push(chunk),
      isTTY: options.stderrTTY ?? false,
      columns: 100,
    },
    cwd: folder,
    env: options.env ?? {},
  }
  return { io, out: () => out.join(''), err: () => err.join('') }
}

const noSignals: SignalSource = () => () => {}
const instantProgress: FixDependencies = { signals: noSignals, progress: { delay: 0, interval: 0 } }

async function files(count: number) {
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    const name = `f${i}.txt`
    await writeFile(join(folder, name), `A 100 -day plan number ${i}.\n`)
    names.push(name)
  }
  return names
}

describe('the progress bar', () => {
  it('is drawn on a terminal stderr and cleared at the end', async () => {
    const names = await files(3)
    const { io, out, err } = fakeIO({ stderrTTY: true })
    await fixCommand(['--rule', 'hyphen-space', '--write', ...names], io, instantProgress)
    expect(err()).toMatch(/^\r\u001B\[2K\[█+░+\] 1\/3 files/)
    expect(err()).toMatch(/\[█+\] 3\/3 files {2}[\d.]+ MB\/s {2}ETA 0:00\r\u001B\[2K$/) // then cleared
    expect(out()).toContain('3 files scanned; 3 fixed')
  })

  it('never shares a line with the diff when stdout and stderr are the same terminal', async () => {
    const names = await files(3)
    const { io, out } = fakeIO({ stderrTTY: true })
    io.stderr = { ...io.stderr, write: io.stdout.write } // one terminal
    io.stdout = { ...io.stdout, isTTY: true }
    await fixCommand(['--rule', 'hyphen-space', '--no-color', ...names], io, instantProgress)
    const screen = out()
    expect(screen).toContain('] 1/3 files')
    const segments = screen.split('\r\u001B[2K')
    for (const segment of segments.filter((s) => s.includes('--- a/'))) {
      expect(segment.startsWith('--- a/')).toBe(true)
    }
    expect(segments.filter((s) => s.startsWith('--- a/'))).toHaveLength(3)
  })

  it.each([
    ['CI is set', { stderrTTY: true, env: { CI: 'true' } }, []],
    ['stderr is not a terminal', { stderrTTY: false }, []],
    ['--no-progress is given', { stderrTTY: true }, ['--no-progress']],
  ])('is never drawn when %s', async (_name, options, flags) => {
    const names = await files(3)
    const { io, err } = fakeIO(options)
    await fixCommand(['--rule', 'hyphen-space', '--write', ...flags, ...names], io, instantProgress)
    expect(err()).not.toContain('files  ')
    expect(err()).not.toContain('\u001B[2K')
  })
})

describe('signals during --write', () => {
  it('stops before the next file when a signal arrives, and exits 128 + signal number', async () => {
    const names = await files(3)
    let fire: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined
    const signals: SignalSource = (handler) => {
      fire = handler
      return () => {
        fire = undefined
      }
    }
    const { io, out, err } = fakeIO({
      env: { MTCLEAN_TEST_PAUSE_BEFORE_WRITE: join(folder, 'gate') },
    })
    const run = fixCommand(['--rule', 'hyphen-space', '--write', ...names], io, { signals })
    // Let the first file through, then interrupt while the second waits at the gate.
    await waitFor(() => existsSync(join(folder, 'gate.waiting')))
    await writeFile(join(folder, 'gate'), '')
    await waitFor(async () => (await readFile(join(folder, 'f0.txt'), 'utf8')).includes('100-day'))
    await waitFor(() => existsSync(join(folder, 'gate.waiting')))
    fire?.('SIGTERM')
    expect(await run).toBe(143)
    expect(fire).toBeUndefined() // stopped listening
    expect(await readFile(join(folder, 'f0.txt'), 'utf8')).toBe('A 100-day plan number 0.\n')
    expect(await readFile(join(folder, 'f1.txt'), 'utf8')).toBe('A 100 -day plan number 1.\n')
    expect(await readFile(join(folder, 'f2.txt'), 'utf8')).toBe('A 100 -day plan number 2.\n')
    expect(err()).toContain('mtclean: f1.txt: interrupted before it was replaced; not written')
    expect(out()).toContain(
      '1 file not fixed (see the lines above).\n1 file not processed (left as they were).',
    )
    expect(err()).toContain('interrupted by SIGTERM')
    expect((await readdir(folder)).filter(isTemporaryName)).toEqual([])
  })

  it('does not listen for signals when nothing is written', async () => {
    const names = await files(1)
    let listened = false
    const signals: SignalSource = () => {
      listened = true
      return () => {}
    }
    const { io, out } = fakeIO()
    expect(await fixCommand(['--rule', 'hyphen-space', ...names], io, { signals })).toBe(0)
    expect(listened).toBe(false)
    expect(out()).toContain('+A 100-day plan number 0.')
  })
})

async function waitFor(condition: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return
    await new Promise((done) => setTimeout(done, 10))
  }
  throw new Error('condition not met')
}
