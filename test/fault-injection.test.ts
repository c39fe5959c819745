import { cp, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { random } from '../bench/corpus.js'
import { isTemporaryName } from '../src/io/atomic-write.js'
import { assertBuilt, finished, runCli, spawnCli } from './helpers/cli.js'
import { removeFolder, temporaryFolder } from './helpers/fixtures.js'
import { streamEnv, writeCorpusFiles } from './scale/helpers.js'

// Fault injection: `fix --write` over many files (one thread or several, one file streamed
// through a temporary file) is killed at random points. Every file must be either the original
// or the fixed text, never a mix; SIGINT and SIGTERM must also leave no temporary file.
// Trials: MTCLEAN_FAULT_TRIALS (default 50); MTCLEAN_HEAVY=1 runs 500.
const trials = Number(process.env.MTCLEAN_FAULT_TRIALS ?? (process.env.MTCLEAN_HEAVY ? 500 : 50))
const seed = Number(process.env.MTCLEAN_FAULT_SEED ?? 20261127)

let folder: string
let template: string
const originals = new Map<string, Buffer>()
const fixed = new Map<string, Buffer>()
// The large file is streamed block by block; the others are read whole.
const env = streamEnv(40_000, 6_000)
let duration = 0

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

beforeAll(async () => {
  assertBuilt()
  folder = await temporaryFolder('mtclean-fault-')
  template = join(folder, 'template')
  await writeCorpusFiles(template, 30, 3_000, 11)
  await writeCorpusFiles(join(template, 'big'), 1, 90_000, 99)
  for (const name of await files(template))
    originals.set(name, await readFile(join(template, name)))
  // The fixed text of every file: an uninterrupted run (one thread; several give the same).
  for (const jobs of ['1', '2']) {
    const copy = join(folder, `oracle-${jobs}`)
    await cp(template, copy, { recursive: true })
    const started = performance.now()
    const run = await runCli(['fix', '--write', '--no-progress', '--jobs', jobs, '.'], {
      cwd: copy,
      env,
    })
    duration = Math.max(duration, performance.now() - started)
    expect(run.code, run.stderr).toBe(1)
    for (const name of originals.keys()) {
      const text = await readFile(join(copy, name))
      if (jobs === '1') fixed.set(name, text)
      else expect(text.equals(fixed.get(name)!), name).toBe(true)
    }
  }
  const changed = [...originals].filter(([name, text]) => !text.equals(fixed.get(name)!))
  expect(changed.length).toBe(originals.size)
}, 120_000)
afterAll(() => removeFolder(folder))

describe('fix --write killed at random points', () => {
  it(`leaves every file original or fixed (${trials} trials, seed ${seed})`, async () => {
    const next = random(seed)
    const tally = { original: 0, fixed: 0, mixedRuns: 0, orphans: 0 }
    for (let trial = 0; trial < trials; trial++) {
      const dir = join(folder, `trial-${trial}`)
      await cp(template, dir, { recursive: true })
      const jobs = trial % 2 === 0 ? '1' : '2'
      // Mostly SIGKILL (no chance to clean up); every fourth trial a graceful signal.
      const signal = trial % 4 === 3 ? (trial % 8 === 3 ? 'SIGINT' : 'SIGTERM') : 'SIGKILL'
      const child = spawnCli(['fix', '--write', '--no-progress', '--jobs', jobs, '.'], {
        cwd: dir,
        env,
      })
      child.stdin?.end()
      const done = finished(child)
      const delay = next() * duration * 1.1
      const timer = setTimeout(() => child.kill(signal), delay)
      const run = await done
      clearTimeout(timer)
      if (run.code !== null) expect([0, 1, 130, 143]).toContain(run.code)

      const states = new Set<string>()
      for (const [name, original] of originals) {
        const now = await readFile(join(dir, name))
        const state = now.equals(original)
          ? 'original'
          : now.equals(fixed.get(name)!)
            ? 'fixed'
            : 'torn'
        expect(state, `trial ${trial} (${signal} after ${delay.toFixed(0)} ms): ${name}`).not.toBe(
          'torn',
        )
        states.add(state)
        tally[state as 'original' | 'fixed']++
      }
      if (states.size === 2) tally.mixedRuns++
      const extra = (await files(dir)).filter((name) => !originals.has(name))
      for (const name of extra) expect(isTemporaryName(name.split('/').pop()!), name).toBe(true)
      // A graceful stop cleans up after itself; SIGKILL may leave a finished temporary file.
      if (signal !== 'SIGKILL') expect(extra, `trial ${trial} (${signal})`).toEqual([])
      tally.orphans += extra.length
      await rm(dir, { recursive: true, force: true })
    }
    console.log(
      `fault injection: ${trials} trials; files left original ${tally.original}, fixed ${tally.fixed}; ${tally.mixedRuns} runs stopped part-way; ${tally.orphans} orphaned temporary files (SIGKILL)`,
    )
  }, 1_800_000)
})
