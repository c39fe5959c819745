import { existsSync, statSync } from 'node:fs'
import { access, mkdir, stat, unlink, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Writable } from 'node:stream'
import { type PlannedCheck, planChecks } from '../../config/index.js'
import type { AnyRule } from '../../engine/types.js'
import {
  type AppliedChange,
  type FixOptions,
  fixTarget,
  isInside,
  mirrorPath,
  sameFile,
  writeText,
} from '../../fix-files.js'
import {
  createProgress,
  type ProgressOptions,
  silentProgress,
  wantsProgress,
} from '../../io/progress.js'
import { encodeText } from '../../io/text-file.js'
import type { Target } from '../../io/walk.js'
import type { FileResult } from '../../pipeline.js'
import { unifiedDiff } from '../../report/diff.js'
import { reportJson } from '../../report/json.js'
import { reportStylish } from '../../report/stylish.js'
import { colorFlag, commonOptions, listFlag, parseCommand } from '../args.js'
import { type CliIO, type Output, shouldColor, UsageError } from '../io.js'

/** The text of `mtclean fix --help`. */
export const fixHelp = `Usage: mtclean fix [options] [PATHS…]

Apply the safe fixes. Without --write or --output-dir nothing is written: the changes are
printed as a unified diff on stdout (the summary and the findings left go to stderr).
PATHS are files, directories (recursively), globs, or - (stdin: the fixed text goes to stdout).

Options:
      --write           fix the files in place (atomically; a file changed since it was read is
                        skipped and reported)
      --output-dir DIR  write a fixed copy of every file under DIR, mirroring its path; the inputs
                        are untouched and files already under DIR are not read
      --unsafe          also apply the first suggestion of findings that need a person
      --rule ID         run and fix only these rules (repeatable, or comma-separated)
      --disable ID      do not run these rules (repeatable, or comma-separated)
      --category NAME   run and fix only rules of these categories (repeatable, or comma-separated)
  -f, --format NAME     stylish (default) or json (lint's JSON plus the changes applied per file)
      --format-in NAME  read input as this format instead of choosing by file ending
  -c, --config FILE     use this config file for every file instead of looking for one
      --no-config       read no config file: the recommended preset
      --no-ignore       also fix files that 'ignore' or .mtcleanignore exclude
      --no-progress     never draw the progress bar (drawn only on a terminal, never in CI)
      --color, --no-color
  -h, --help            show this help

Config files, ignore files and inline mtclean-disable comments apply as for 'mtclean lint'.

Exit codes: 0 nothing left that needs a person, 1 findings left after fixing, 2 usage or input
error or a file not written, 130/143 interrupted by SIGINT/SIGTERM.
`

/** Categories documented for rules (CONTRIBUTING.md); built-in rules may add others. */
export const documentedCategories = [
  'hyphenation',
  'quotes',
  'spacing',
  'punctuation',
  'numbers',
  'repetition',
  'wording',
  'residue',
] as const

/** Flags shared by commands that select findings the way `fix` does (also `review`). */
export const selectionOptions = {
  ...commonOptions,
  category: { type: 'string', multiple: true },
  unsafe: { type: 'boolean' },
} as const

/**
 * Narrow planned checks to rules of the given categories (all when none are given). Unknown
 * names are a usage error listing the known ones (documented and those of `rules`).
 */
export function narrowToCategories(
  checks: readonly PlannedCheck[],
  rules: readonly AnyRule[],
  categories: readonly string[],
): PlannedCheck[] {
  if (categories.length === 0) return [...checks]
  const known = new Set<string>([...documentedCategories, ...rules.map((r) => r.meta.category)])
  for (const name of categories) {
    if (!known.has(name)) {
      throw new UsageError(
        `unknown category '${name}' (expected one of ${[...known].sort().join(', ')})`,
      )
    }
  }
  return checks.map(({ target, options }) => ({
    target,
    options: {
      ...options,
      lint: {
        ...options.lint,
        rules: options.lint.rules.filter((r) => categories.includes(r.meta.category)),
      },
    },
  }))
}

/** A way to hear SIGINT and SIGTERM; returns a function that stops listening. */
export type SignalSource = (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void

/**
 * The process's SIGINT/SIGTERM. The first signal is handed to the handler (the run stops after
 * the current file); a second one gets the default action (the process dies at once).
 */
export const processSignals: SignalSource = (handler) => {
  let heard = false
  const listener = (signal: 'SIGINT' | 'SIGTERM') => {
    if (heard) {
      stop()
      process.kill(process.pid, signal)
      return
    }
    heard = true
    handler(signal)
  }
  const onInt = () => listener('SIGINT')
  const onTerm = () => listener('SIGTERM')
  const stop = () => {
    process.off('SIGINT', onInt)
    process.off('SIGTERM', onTerm)
  }
  process.on('SIGINT', onInt)
  process.on('SIGTERM', onTerm)
  return stop
}

/** What `fixCommand` needs from outside the CLI's streams; tests pass fakes. */
export interface FixDependencies {
  signals: SignalSource
  /** Clock and timing of the progress bar (tests). */
  progress?: Pick<ProgressOptions, 'now' | 'delay' | 'interval'>
}

type Mode = 'preview' | 'write' | 'output-dir' | 'stdin'

/** One file's outcome, as reported. */
interface Outcome extends FileResult {
  applied: AppliedChange[]
  changed: boolean
  /** The fixed text, kept only for stdin in the JSON report. */
  output?: string
}

const formats = ['stylish', 'json'] as const

/**
 * `mtclean fix`: apply safe (or, with --unsafe, suggested) fixes; preview them as a diff, write
 * them in place, write fixed copies elsewhere, or filter stdin to stdout.
 */
export async function fixCommand(
  args: readonly string[],
  io: CliIO,
  dependencies: FixDependencies = { signals: processSignals },
): Promise<number> {
  const { values, positionals } = parseCommand('fix', args, {
    ...selectionOptions,
    format: { type: 'string', short: 'f' },
    write: { type: 'boolean' },
    'output-dir': { type: 'string' },
    'no-progress': { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    'no-ignore': { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(fixHelp)
    return 0
  }
  const format = values.format ?? 'stylish'
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format '${format}' (expected ${formats.join(', ')})`)
  }
  const outputDir = values['output-dir']
  if (outputDir === '') throw new UsageError('--output-dir needs a folder')
  if (values.write && outputDir !== undefined) {
    throw new UsageError('--write and --output-dir cannot be used together')
  }
  const stdinMode = positionals.includes('-')
  if (stdinMode && positionals.length > 1) {
    throw new UsageError("'-' (stdin) cannot be combined with other paths")
  }
  if (stdinMode && (values.write || outputDir !== undefined)) {
    throw new UsageError(
      "'-' (stdin) writes the fixed text to stdout; drop --write and --output-dir",
    )
  }
  const mode: Mode = stdinMode
    ? 'stdin'
    : values.write
      ? 'write'
      : outputDir !== undefined
        ? 'output-dir'
        : 'preview'
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('--config and --no-config cannot be used together')
  }

  let outputRoot: string | undefined
  if (outputDir !== undefined) {
    outputRoot = resolve(io.cwd, outputDir)
    if (isInside(io.cwd, outputRoot)) {
      throw new UsageError('--output-dir must not be the working folder or one that contains it')
    }
    if (existsSync(outputRoot) && !statSync(outputRoot).isDirectory()) {
      throw new UsageError(`--output-dir ${outputDir} is not a folder`)
    }
  }

  const plan = await planChecks(positionals, {
    cwd: io.cwd,
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    noConfig: values['no-config'] === true,
    noIgnore: values['no-ignore'] === true,
    only: listFlag(values.rule),
    disable: listFlag(values.disable),
    ...(values['format-in'] ? { formatName: values['format-in'] } : {}),
  })
  if (!plan.ok) throw new UsageError(plan.error)
  let checks = narrowToCategories(plan.value.checks, plan.value.rules, listFlag(values.category))
  if (outputRoot) {
    const root = outputRoot
    checks = checks.filter(
      ({ target }) => target.path === '-' || !isInside(resolve(io.cwd, target.path), root),
    )
  }
  if (checks.length === 0 && plan.value.ignored.length > 0) {
    io.stderr.write(
      `mtclean: all ${plan.value.ignored.length} files are ignored (see --no-ignore)\n`,
    )
  }
  const targets = checks.map((c) => c.target)

  const json = format === 'json'
  // Where the human report goes: stdout when stdout carries nothing else.
  const reportStream = mode === 'preview' || mode === 'stdin' || json ? io.stderr : io.stdout
  const progress =
    !values['no-progress'] && mode !== 'stdin' && wantsProgress(io.stderr, io.env)
      ? createProgress({
          ...dependencies.progress,
          stream: io.stderr,
          total: targets.length,
          totalBytes: await totalSize(targets, io.cwd),
        })
      : silentProgress(io.stderr)
  const diffColor = shouldColor(io, io.stdout, colorFlag(values))

  const abort = new AbortController()
  let caught: 'SIGINT' | 'SIGTERM' | undefined
  const writing = mode === 'write' || mode === 'output-dir'
  const stopListening = writing
    ? dependencies.signals((signal) => {
        caught = signal
        abort.abort()
      })
    : () => {}
  const beforeWrite = testGate(io.env.MTCLEAN_TEST_PAUSE_BEFORE_WRITE, abort.signal)
  const beforeRename = testGate(io.env.MTCLEAN_TEST_PAUSE_BEFORE_RENAME, abort.signal)

  const outcomes: Outcome[] = []
  const perRule = new Map<string, number>()
  let notProcessed = 0
  try {
    for (const [index, { target, options: checkOptions }] of checks.entries()) {
      if (abort.signal.aborted) {
        notProcessed = checks.length - index
        break
      }
      const options: FixOptions = { ...checkOptions, ...(values.unsafe ? { unsafe: true } : {}) }
      const fixed = await fixTarget(target, options, io.stdin, io.cwd)
      const outcome: Outcome = {
        path: fixed.path,
        findings: fixed.findings,
        applied: fixed.fix?.applied ?? [],
        changed:
          fixed.fix !== undefined &&
          fixed.file !== undefined &&
          fixed.fix.output !== fixed.file.text,
      }
      if (fixed.error) outcome.error = fixed.error
      const { file, fix } = fixed
      if (file && fix && !fixed.error) {
        if (mode === 'preview' && outcome.changed && !json) {
          progress.clear() // stdout and stderr may share the terminal
          io.stdout.write(
            unifiedDiff(fixed.path, file.text, fix.output, {
              color: diffColor,
              regions: fix.regions,
            }),
          )
        } else if (mode === 'stdin') {
          const problem = writeStdout(io.stdout, file, fix.output, json)
          if (problem) outcome.error = problem
          else if (json) outcome.output = fix.output
        } else if (writing && (outcome.changed || mode === 'output-dir')) {
          const destination =
            mode === 'write'
              ? resolve(io.cwd, fixed.path)
              : mirrorPath(outputRoot!, fixed.path, io.cwd)
          const written =
            mode === 'output-dir' && (await sameFile(destination, resolve(io.cwd, fixed.path)))
              ? {
                  ok: false as const,
                  error: 'the output copy would replace the input; not written',
                }
              : await writeText(file, fix.output, destination, {
                  inPlace: mode === 'write',
                  signal: abort.signal,
                  ...(beforeWrite ? { beforeWrite } : {}),
                  ...(beforeRename ? { beforeRename } : {}),
                })
          if (!written.ok) outcome.error = written.error
        }
      }
      if (outcome.error) {
        // A file not written reports no findings: they describe text that is not on disk.
        outcome.findings = []
        outcome.applied = []
        outcome.changed = false
        if (!json) progress.log(`mtclean: ${fixed.path}: ${outcome.error}`)
      }
      for (const c of outcome.applied) perRule.set(c.ruleId, (perRule.get(c.ruleId) ?? 0) + 1)
      // Only the JSON report lists each change; a long run keeps just the counts.
      if (!json) outcome.applied = []
      outcomes.push(outcome)
      progress.advance(fixed.file?.bytes.length ?? 0)
    }
  } finally {
    stopListening()
    progress.done()
  }

  if (json) io.stdout.write(jsonReport(outcomes))
  else {
    const color = shouldColor(io, reportStream, colorFlag(values))
    reportStream.write(
      reportStylish(
        outcomes.filter((o) => !o.error),
        { color },
      ),
    )
    reportStream.write(summary(outcomes, perRule, mode, outputDir, notProcessed))
  }
  if (caught) {
    io.stderr.write(
      `mtclean: interrupted by ${caught}; files already replaced are fixed, the rest are as they were\n`,
    )
    return caught === 'SIGINT' ? 130 : 143
  }
  if (outcomes.some((o) => o.error)) return 2
  const left = outcomes.flatMap((o) => o.findings)
  return left.some((f) => f.severity === 'error' || f.severity === 'warn') ? 1 : 0
}

// stdin mode: the fixed text in the input's own encoding (BOM kept). Returns a problem, if any.
function writeStdout(
  stdout: Output,
  file: { text: string; bytes: Buffer; encoding: Parameters<typeof encodeText>[1] },
  output: string,
  json: boolean,
) {
  if (!encodeText(file.text, file.encoding).equals(file.bytes)) {
    return 'cannot be written back byte for byte; not written'
  }
  if (json) return undefined
  if (stdout instanceof Writable) stdout.write(encodeText(output, file.encoding))
  else if (file.encoding.name === 'utf8')
    stdout.write(file.encoding.bom ? `\uFEFF${output}` : output)
  else return 'UTF-16 output needs a byte stream'
  return undefined
}

function jsonReport(outcomes: readonly Outcome[]): string {
  // lint's document, with each file's applied changes (and, for stdin, the fixed text) added.
  const document = JSON.parse(reportJson(outcomes)) as {
    version: number
    files: Record<string, unknown>[]
  }
  document.files.forEach((entry, index) => {
    const outcome = outcomes[index]!
    entry.applied = outcome.applied
    if (outcome.output !== undefined) entry.output = outcome.output
  })
  return `${JSON.stringify(document, null, 2)}\n`
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** The closing summary: files scanned and changed, fixes per rule, findings left. */
function summary(
  outcomes: readonly Outcome[],
  perRule: ReadonlyMap<string, number>,
  mode: Mode,
  outputDir: string | undefined,
  notProcessed: number,
) {
  const scanned = outcomes.length
  const changed = outcomes.filter((o) => o.changed).length
  const fixes = [...perRule.values()].reduce((a, b) => a + b, 0)
  const byRule = [...perRule.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id, n]) => `${id} ${n}`)
    .join(', ')
  const detail = `${fixes} ${fixes === 1 ? 'fix' : 'fixes'}: ${byRule}`
  const lines: string[] = []
  const head = `${plural(scanned, 'file')} scanned`
  if (mode === 'output-dir') {
    const written = outcomes.filter((o) => !o.error).length
    lines.push(
      `${head}; ${written} written under ${outputDir}, ${changed} of them changed${fixes ? ` (${detail})` : ''}.`,
    )
  } else if (changed === 0) lines.push(`${head}; nothing to fix.`)
  else if (mode === 'write') lines.push(`${head}; ${changed} fixed (${detail}).`)
  else if (mode === 'stdin') lines.push(`${head}; fixed (${detail}).`)
  else lines.push(`${head}; ${changed} would change (${detail}). Run with --write to apply.`)
  const left = outcomes.flatMap((o) => o.findings)
  if (left.length === 0) lines.push('No findings left.')
  else {
    const errors = left.filter((f) => f.severity === 'error').length
    const warnings = left.filter((f) => f.severity === 'warn').length
    const infos = left.length - errors - warnings
    const parts = [
      plural(errors, 'error'),
      plural(warnings, 'warning'),
      ...(infos ? [`${infos} info`] : []),
    ]
    lines.push(`${plural(left.length, 'finding')} left for review (${parts.join(', ')}).`)
  }
  const failed = outcomes.filter((o) => o.error).length
  if (failed > 0) lines.push(`${plural(failed, 'file')} not fixed (see the lines above).`)
  if (notProcessed > 0)
    lines.push(`${plural(notProcessed, 'file')} not processed (left as they were).`)
  return `${lines.join('\n')}\n`
}

async function totalSize(targets: readonly Target[], cwd: string): Promise<number> {
  let total = 0
  for (const target of targets) {
    if ('error' in target || target.path === '-') continue
    try {
      total += (await stat(resolve(cwd, target.path))).size
    } catch {
      // Unreadable files are reported when they are read.
    }
  }
  return total
}

/**
 * TEST ONLY. When the environment names a gate file, pause at this point for each file: write
 * `GATE.waiting` (`N PATH`: the pause number and the path about to be written), wait until `GATE` exists, delete both,
 * go on. An abort ends the wait and skips the write. Never set in normal use.
 */
function testGate(gate: string | undefined, signal: AbortSignal) {
  if (!gate) return undefined
  let pauses = 0
  return async (path: string): Promise<boolean> => {
    await mkdir(resolve(gate, '..'), { recursive: true })
    await writeFile(`${gate}.waiting`, `${++pauses} ${path}\n`)
    while (!signal.aborted) {
      if (await exists(gate)) {
        await unlink(gate).catch(() => {})
        await unlink(`${gate}.waiting`).catch(() => {})
        return true
      }
      await new Promise((done) => setTimeout(done, 10))
    }
    await unlink(`${gate}.waiting`).catch(() => {})
    return false
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
