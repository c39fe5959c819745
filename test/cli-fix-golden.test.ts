import { readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../src/engine/types.js'
import { assertBuilt, repoRoot, runCli } from './helpers/cli.js'
import { removeFolder, temporaryFolder } from './helpers/fixtures.js'

// The "done means", run through the built CLI: `mtclean fix samples --output-dir OUT`
// writes every sample's golden fixed text (test/golden/<name>.fixed.<ext>, shared with
// test/golden.test.ts, which checks the library gives the same), `mtclean lint OUT` then finds
// only what needs a person, and `mtclean fix OUT` changes nothing. Samples are listed at run time;
// golden files exist for the files directly in samples/ (sub-folders are fixed and re-checked too).

const samples = readdirSync(join(repoRoot, 'samples'))
  .filter((name) => !name.startsWith('.') && statSync(join(repoRoot, 'samples', name)).isFile())
  .sort()

let out: string
let run: Awaited<ReturnType<typeof runCli>>
beforeAll(async () => {
  assertBuilt()
  out = await temporaryFolder('mtclean-golden-out-')
  run = await runCli(['fix', 'samples', '--output-dir', out])
})
afterAll(async () => {
  await removeFolder(out)
})

describe('mtclean fix samples --output-dir OUT', () => {
  it('writes a copy of every sample and reports no input errors', () => {
    expect(samples.length).toBeGreaterThan(0)
    expect(run.code, run.stderr).not.toBe(2)
    expect(run.stderr).toBe('')
    const [, scanned, written] = /(\d+) files scanned; (\d+) written under /.exec(run.stdout) ?? []
    expect(Number(scanned)).toBeGreaterThanOrEqual(samples.length)
    expect(written).toBe(scanned)
  })

  it.each(samples)('%s matches its golden fixed text', async (name) => {
    const fixed = await readFile(join(out, 'samples', name), 'utf8')
    await expect(fixed).toMatchFileSnapshot(
      `golden/${name}.fixed${name.slice(name.lastIndexOf('.'))}`,
    )
  })

  it('leaves only findings without a safe fix for `mtclean lint OUT`', async () => {
    const lint = await runCli(['lint', '--format', 'json', out])
    const report = JSON.parse(lint.stdout) as {
      files: { path: string; findings: Finding[]; error?: string }[]
    }
    expect(report.files.map((f) => f.error).filter(Boolean)).toEqual([])
    const safe = report.files.flatMap((f) =>
      f.findings.filter((x) => x.fix).map((x) => `${f.path}: ${x.ruleId}`),
    )
    expect(safe).toEqual([])
  })

  it('is idempotent: `mtclean fix OUT` has nothing to change', async () => {
    const again = await runCli(['fix', out])
    expect(again.stdout).toBe('')
    const scanned = /(\d+) files scanned;/.exec(run.stdout)?.[1]
    expect(again.stderr).toContain(`\n${scanned} files scanned; nothing to fix.\n`)
  })
})
