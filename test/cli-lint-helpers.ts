import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built CLI (`npm run build` writes it). */
export const bin = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url))

/** What one CLI run gave. */
export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Run the built CLI in `cwd` without colour variables; `input` goes to stdin. */
export function mtclean(cwd: string, args: readonly string[], input = ''): Run {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run 'npm run build' first`)
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(FORCE_COLOR|NO_COLOR|CI|GITHUB_ACTIONS|MTCLEAN_.*)$/.test(key)) env[key] = value
  }
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, env, input, encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A temporary folder holding `files` (relative paths → text). */
export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mtclean-cli-'))
  write(root, files)
  return root
}

/** Write files (relative paths → text) under `root`, creating folders. */
export function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}
