import { mkdir, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path'
import { fixText } from './engine/fix.js'
import type { Edit, Finding } from './engine/types.js'
import { interruptedMessage, writeFileAtomic } from './io/atomic-write.js'
import {
  decodeText,
  describeFsError,
  encodeText,
  readTextFile,
  type TextFile,
} from './io/text-file.js'
import type { Target } from './io/walk.js'
import { type CheckOptions, type FileResult, lintSource, readStream } from './pipeline.js'
import { type ChangedRegion, composeRegions } from './report/diff.js'
import { err, ok, type Result } from './result.js'

/** How to fix files: which rules (as for checking) and which changes to take. */
export interface FixOptions extends CheckOptions {
  /** Also apply the first suggestion of findings without a safe fix. */
  unsafe?: boolean
  /** At most this many fix passes (default 10). */
  maxPasses?: number
}

/** A change that was applied, with the pass (1-based) whose starting text its offsets refer to. */
export interface AppliedChange {
  ruleId: string
  pass: number
  edits: Edit[]
}

/** The outcome of fixing one source text. */
export interface SourceFix {
  /** The fixed text. */
  output: string
  applied: AppliedChange[]
  /** Findings left in `output`. */
  remaining: Finding[]
  /** The spans that differ between the input and `output`. */
  regions: ChangedRegion[]
  passes: number
}

class FormatBroken extends Error {}

/**
 * Fix one source text through its format adapter (chosen by `path` or `options.formatName`),
 * ESLint style: up to `maxPasses` passes, each re-checked. Fails (never throws) when the format
 * cannot be read, or when a pass of fixes leaves text the format can no longer read.
 */
export function fixSource(path: string, text: string, options: FixOptions): Result<SourceFix> {
  let failure: string | undefined
  let linted = 0
  const lint = (source: string) => {
    const result = lintSource(path, source, options)
    if (!result.ok) {
      failure =
        linted === 0 ? result.error : `fixes would break the file (${result.error}); not fixed`
      throw new FormatBroken()
    }
    linted++
    return result.value
  }
  let fixed: ReturnType<typeof fixText>
  try {
    fixed = fixText(text, lint, {
      ...(options.unsafe ? { unsafe: true } : {}),
      ...(options.maxPasses !== undefined ? { maxPasses: options.maxPasses } : {}),
    })
  } catch (error) {
    if (error instanceof FormatBroken) return err(failure ?? 'cannot be checked')
    throw error
  }
  const applied = fixed.steps.flatMap((step, index) =>
    step.map((change) => ({ ruleId: change.ruleId, pass: index + 1, edits: change.edits })),
  )
  const regions = composeRegions(fixed.steps.map((step) => step.flatMap((change) => change.edits)))
  return ok({
    output: fixed.output,
    applied,
    remaining: fixed.remaining,
    regions,
    passes: fixed.passes,
  })
}

/** Read one target from disk (relative to `cwd`) or, for `-`, from `stdin`. Never throws. */
export async function readTarget(
  target: Target,
  stdin: NodeJS.ReadableStream,
  cwd: string,
): Promise<Result<TextFile>> {
  if ('error' in target) return err(target.error)
  if (target.path === '-') {
    let bytes: Buffer
    try {
      bytes = await readStream(stdin)
    } catch (error) {
      return err(`cannot read stdin: ${describeFsError(error)}`)
    }
    const decoded = decodeText(bytes)
    if (!decoded.ok) return decoded
    return ok({
      path: '-',
      text: decoded.value.text,
      encoding: decoded.value.encoding,
      bytes,
      mode: 0o644,
    })
  }
  const read = await readTextFile(resolve(cwd, target.path))
  if (!read.ok) return read
  return ok({ ...read.value, path: target.path })
}

/** One file after fixing: as a checked file (findings are those left), plus the fix. */
export interface FixedFile extends FileResult {
  fix?: SourceFix
}

/** Read and fix one target. Bad input becomes `error`; nothing is written. */
export async function fixTarget(
  target: Target,
  options: FixOptions,
  stdin: NodeJS.ReadableStream,
  cwd: string,
): Promise<FixedFile> {
  const read = await readTarget(target, stdin, cwd)
  if (!read.ok) return { path: target.path, findings: [], error: read.error }
  const file = read.value
  const formatPath = target.path === '-' ? 'stdin.txt' : target.path
  const fixed = fixSource(formatPath, file.text, options)
  if (!fixed.ok) return { path: target.path, file, findings: [], error: fixed.error }
  return { path: target.path, file, findings: fixed.value.remaining, fix: fixed.value }
}

/** Hooks and cancellation for `writeText`. */
export interface WriteTextOptions {
  /** Replace the file that was read (refused if it changed since); otherwise create or replace `destination`. */
  inPlace: boolean
  /** Checked before the write starts and before the rename: when aborted, nothing is written. */
  signal?: AbortSignal
  /** Called before anything is written; resolve false to skip the write as interrupted. */
  beforeWrite?: (destination: string) => Promise<boolean> | boolean
  /** Passed to `writeFileAtomic`: called just before the temporary file is renamed. */
  beforeRename?: (temporary: string) => Promise<boolean> | boolean
}

/**
 * Write `text` to `destination` in the encoding `file` was read with (BOM kept), atomically and
 * with `file`'s mode. Refuses when the file's bytes would not survive a decode/encode round trip
 * (so bytes outside the changes are always kept), and, in place, when the file changed on disk.
 */
export async function writeText(
  file: TextFile,
  text: string,
  destination: string,
  options: WriteTextOptions,
): Promise<Result<void>> {
  if (!encodeText(file.text, file.encoding).equals(file.bytes)) {
    return err('cannot be written back byte for byte; not written')
  }
  if (options.signal?.aborted) return err(interruptedMessage)
  if (options.beforeWrite && !(await options.beforeWrite(destination)))
    return err(interruptedMessage)
  if (options.signal?.aborted) return err(interruptedMessage)
  if (!options.inPlace) {
    try {
      await mkdir(dirname(destination), { recursive: true })
    } catch (error) {
      return err(`cannot create ${dirname(destination)}: ${describeFsError(error)}`)
    }
  }
  return writeFileAtomic(destination, encodeText(text, file.encoding), {
    mode: file.mode & 0o7777,
    ...(options.inPlace ? { expected: file.bytes } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.beforeRename ? { beforeRename: options.beforeRename } : {}),
  })
}

/**
 * Where `--output-dir` puts a copy of `path`: the same path relative to `cwd` under `outputDir`.
 * A path outside `cwd` keeps its absolute path without the root (as `tar` does), so a copy never
 * lands outside `outputDir`.
 */
export function mirrorPath(outputDir: string, path: string, cwd: string): string {
  const absolute = resolve(cwd, path)
  let inner = relative(cwd, absolute)
  if (inner === '' || inner === '..' || inner.startsWith(`..${sep}`) || isAbsolute(inner)) {
    inner = absolute.slice(parse(absolute).root.length)
  }
  return join(resolve(cwd, outputDir), inner)
}

/** Whether `path` is `folder` or inside it (both absolute and resolved). */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`)
}

/** Whether two paths name the same existing file (after following links); false if either is missing. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b))
  } catch {
    return false
  }
}
