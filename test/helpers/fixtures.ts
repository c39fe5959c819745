import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtinRules } from '../../rules/index.js'
import type { FixOptions } from '../../src/fix-files.js'
import { fixSource } from '../../src/fix-files.js'
import { isTemporaryName } from '../../src/io/atomic-write.js'

/** A fresh temporary folder; remove it with `rm(folder, {recursive: true, force: true})`. */
export function temporaryFolder(prefix = 'mtclean-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

/** Remove a folder made by `temporaryFolder`. */
export function removeFolder(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true })
}

/**
 * What the library makes of `text` with the built-in rules (narrowed like the CLI's flags):
 * the expected output of a CLI run, computed rather than written out.
 */
export function libraryFix(
  text: string,
  selection: { only?: string[]; disable?: string[]; unsafe?: boolean } = {},
  path = 'input.txt',
) {
  const options: FixOptions = {
    lint: {
      rules: builtinRules,
      ...(selection.only ? { only: selection.only } : {}),
      ...(selection.disable ? { disable: selection.disable } : {}),
    },
    ...(selection.unsafe ? { unsafe: true } : {}),
  }
  const result = fixSource(path, text, options)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

/** Temporary files `writeFileAtomic` left in a folder (there should be none). */
export async function temporaryFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter(isTemporaryName)
}

/** Poll until `condition` holds (at most ~20 s, then throw). Not a timing assertion. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what = 'condition') {
  for (let i = 0; i < 2000; i++) {
    if (await condition()) return
    await new Promise((done) => setTimeout(done, 10))
  }
  throw new Error(`gave up waiting for ${what}`)
}

/**
 * The test-only pause (MTCLEAN_TEST_PAUSE_BEFORE_WRITE / _BEFORE_RENAME = GATE): wait until the
 * CLI waits at the gate and return the path it is about to write.
 */
export async function atGate(gate: string, child?: ChildProcess): Promise<string> {
  await waitFor(
    () => existsSync(`${gate}.waiting`) || (child !== undefined && child.exitCode !== null),
    `${gate}.waiting`,
  )
  if (!existsSync(`${gate}.waiting`))
    throw new Error(`the CLI exited (code ${child?.exitCode}) before the gate`)
  let content = ''
  await waitFor(async () => {
    content = await readFile(`${gate}.waiting`, 'utf8').catch(() => '')
    return content.endsWith('\n')
  }, 'the gate file content')
  return content.trim().replace(/^\d+ /, '')
}

/** Let the CLI waiting at the gate go on, and wait until it has (each pause is numbered). */
export async function release(gate: string): Promise<void> {
  const pause = await readFile(`${gate}.waiting`, 'utf8')
  await writeFile(gate, '')
  await waitFor(
    async () => (await readFile(`${gate}.waiting`, 'utf8').catch(() => '')) !== pause,
    'the CLI to pass the gate',
  )
}
