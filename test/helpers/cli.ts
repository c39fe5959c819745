import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built CLI entry (`npm run build` writes it). */
export const binPath = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** How to run the CLI. */
export interface RunOptions {
  /** Working folder (default: the repository root). */
  cwd?: string
  /** Bytes or text for stdin (default: nothing, stdin closed). */
  input?: string | Uint8Array
  /**
   * Extra environment. The child gets this process's environment without colour, CI and
   * MTCLEAN_* variables, plus these (a value of undefined removes a variable).
   */
  env?: Record<string, string | undefined>
  /** Run under `bash -c 'ulimit -f N; exec node …'`: files larger than N KiB cannot be written. */
  fileSizeLimitKb?: number
}

/** What a finished run gave. */
export interface RunResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** stdout as raw bytes (for binary-exact checks). */
  stdoutBytes: Buffer
}

/** Fail clearly when the CLI has not been built. */
export function assertBuilt(): void {
  if (!existsSync(binPath)) throw new Error(`${binPath} is missing: run 'npm run build' first`)
}

function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(FORCE_COLOR|NO_COLOR|CI|MTCLEAN_.*)$/.test(key)) continue
    env[key] = value
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}

/**
 * Start the built CLI as a child process (stdin, stdout and stderr piped), for tests that
 * signal or kill it while it runs. Use `runCli` when you only need the result.
 */
export function spawnCli(args: readonly string[], options: RunOptions = {}): ChildProcess {
  assertBuilt()
  const command = options.fileSizeLimitKb === undefined ? process.execPath : 'bash'
  const argv =
    options.fileSizeLimitKb === undefined
      ? [binPath, ...args]
      : [
          '-c',
          `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`,
          process.execPath,
          binPath,
          ...args,
        ]
  return spawn(command, argv, {
    cwd: options.cwd ?? repoRoot,
    env: environment(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/** Collect a spawned CLI's output until it exits. */
export function finished(child: ChildProcess): Promise<RunResult> {
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out)
      resolve({
        code,
        signal,
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stdoutBytes,
      })
    })
  })
}

/**
 * Run the built CLI (`node dist/cli/bin.js ARGS…`) to completion.
 *
 * @example const { code, stdout } = await runCli(['fix', 'a.txt'], { cwd: folder })
 */
export async function runCli(
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const child = spawnCli(args, options)
  const result = finished(child)
  child.stdin?.on('error', () => {}) // the CLI may exit without reading stdin
  child.stdin?.end(options.input ?? '')
  return result
}
