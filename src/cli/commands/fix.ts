import { existsSync, statSync } from 'node:fs'
import { access, mkdir, stat, unlink, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Writable } from 'node:stream'
import { bilingualFlags, bilingualHelp, bilingualOptionsFrom } from '../../bilingual/cli.js'
import { type PlannedCheck, planChecks } from '../../config/index.js'
import { type AnyRule, ruleCategories } from '../../engine/types.js'
import { isInside } from '../../fix-files.js'
import {
  createProgress,
  type ProgressOptions,
  silentProgress,
  wantsProgress,
} from '../../io/progress.js'
import { encodeText } from '../../io/text-file.js'
import type { Target } from '../../io/walk.js'
import { jsonlCommand } from '../../jsonl.js'
import type { FixedCheck, FixSettings } from '../../parallel/fix-task.js'
import {
  Execution,
  fixChecks,
  jobsFlag,
  jobsHelp,
  routesOf,
  runSettings,
} from '../../parallel/run.js'
import { FixReport, type FixTally } from '../../stream/fix-report.js'
import { colorFlag, commonOptions, listFlag, parseCommand, planOptionsFrom } from '../args.js'
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
${bilingualHelp}  -c, --config FILE     use this config file for every file instead of looking for one
      --no-config       read no config file: the recommended preset
      --no-ignore       also fix files that 'ignore' or .mtcleanignore exclude
      --no-progress     never draw the progress bar (drawn only on a terminal, never in CI)
${jobsHelp(24)}      --jsonl           read JSON Lines on stdin, write them fixed on stdout, one record at a
                        time (the text in --field; findings and changes added as "mtclean")
      --field NAME      the field holding the text with --jsonl (default: text; dots nest)
      --color, --no-color
  -h, --help            show this help

Config files, ignore files and inline mtclean-disable comments apply as for 'mtclean lint'.

Exit codes: 0 nothing left that needs a person, 1 findings left after fixing, 2 usage or input
error or a file not written, 130/143 interrupted by SIGINT/SIGTERM.
`

/** Flags shared by commands that select findings the way `fix` does (also `review`). */
export const selectionOptions = {
  ...commonOptions,
  ...bilingualFlags,
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
  const known = new Set<string>([...ruleCategories, ...rules.map((r) => r.meta.category)])
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

const formats = ['stylish', 'json'] as const

/** The flags of `fix` (pool workers parse the same arguments with them). */
export const fixFlags = {
  ...selectionOptions,
  format: { type: 'string', short: 'f' },
  write: { type: 'boolean' },
  'output-dir': { type: 'string' },
  'no-progress': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  ...jobsFlag,
  jsonl: { type: 'boolean' },
  field: { type: 'string' },
} as const

/** The parsed flags of `fix`. */
export type FixValues = ReturnType<typeof parseCommand<typeof fixFlags>>['values']

/**
 * Plan `fix`'s files from its flags: config, ignore files and packs through `planChecks`,
 * narrowed to `--category`, leaving out files under `--output-dir`. Pool workers call it with
 * the same flags, so they plan the same run.
 */
export async function planFix(values: FixValues, positionals: readonly string[], cwd: string) {
  const outputDir = values['output-dir']
  const outputRoot = outputDir ? resolve(cwd, outputDir) : undefined
  const plan = await planChecks(positionals, planOptionsFrom(values, cwd))
  if (!plan.ok) throw new UsageError(plan.error)
  let checks = narrowToCategories(plan.value.checks, plan.value.rules, listFlag(values.category))
  const bilingual = await bilingualOptionsFrom(values, positionals, cwd)
  if (bilingual) for (const check of checks) check.options.bilingual = bilingual
  if (outputRoot) {
    checks = checks.filter(
      ({ target }) => target.path === '-' || !isInside(resolve(cwd, target.path), outputRoot),
    )
  }
  return { ...plan.value, checks }
}

/**
 * `mtclean fix`: apply safe (or, with --unsafe, suggested) fixes; preview them as a diff, write
 * them in place, write fixed copies elsewhere, or filter stdin to stdout.
 */
export async function fixCommand(
  args: readonly string[],
  io: CliIO,
  dependencies: FixDependencies = { signals: processSignals },
): Promise<number> {
  const { values, positionals } = parseCommand('fix', args, fixFlags)
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
  if (values.field !== undefined && !values.jsonl) throw new UsageError('--field goes with --jsonl')
  if (values.jsonl) {
    if (positionals.some((p) => p !== '-')) {
      throw new UsageError('--jsonl reads JSON Lines from stdin: give no paths (or -)')
    }
    if (values.write || outputDir !== undefined) {
      throw new UsageError('--jsonl writes the records to stdout; drop --write and --output-dir')
    }
    const planned = await planFix(values, ['-'], io.cwd)
    return jsonlCommand({
      mode: 'fix',
      field: values.field ?? 'text',
      check: planned.checks[0]!.options,
      unsafe: values.unsafe === true,
      io,
    })
  }
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

  const plan = await planFix(values, positionals, io.cwd)
  const { checks } = plan
  if (checks.length === 0 && plan.ignored.length > 0) {
    io.stderr.write(`mtclean: all ${plan.ignored.length} files are ignored (see --no-ignore)\n`)
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
  let execution: Execution | undefined
  const stopListening = writing
    ? dependencies.signals((signal) => {
        caught = signal
        abort.abort()
        execution?.abort()
      })
    : () => {}
  const beforeWrite = testGate(io.env.MTCLEAN_TEST_PAUSE_BEFORE_WRITE, abort.signal)
  const beforeRename = testGate(io.env.MTCLEAN_TEST_PAUSE_BEFORE_RENAME, abort.signal)

  // Many files go to worker threads, a large plain-text file is fixed block by block; either
  // way outcomes arrive in input order and the report is written as they come.
  const run = runSettings(values.jobs, io.env)
  run.note = (message) => io.stderr.write(`mtclean: ${message}\n`)
  const routes = await routesOf(checks, io.cwd, run)
  const settings: FixSettings = {
    mode,
    json,
    diffColor,
    cwd: io.cwd,
    ...(outputRoot ? { outputRoot } : {}),
  }
  const planned = new Map(
    checks.map((c) => [
      c.target.path,
      { ...c.options, ...(values.unsafe ? { unsafe: true } : {}) },
    ]),
  )
  execution = Execution.start(
    { command: 'fix', args: [...args], cwd: io.cwd, env: { ...io.env } },
    {
      options: (path) => planned.get(path),
      cwd: io.cwd,
      signal: abort.signal,
      hooks: {
        stdin: io.stdin,
        ...(beforeWrite ? { beforeWrite } : {}),
        ...(beforeRename ? { beforeRename } : {}),
      },
    },
    routes,
    run,
    // The test pauses hold one file at a time: they run in this thread.
    !beforeWrite && !beforeRename,
  )
  const report = new FixReport({
    json,
    stdout: io.stdout,
    stream: reportStream,
    color: shouldColor(io, reportStream, colorFlag(values)),
  })

  let notProcessed = 0
  try {
    notProcessed = await fixChecks(
      checks,
      routes,
      execution,
      run,
      settings,
      async (fixed, more) => {
        const outcome: FixedCheck & { output?: string } = { ...fixed }
        if (fixed.diff) {
          progress.clear() // stdout and stderr may share the terminal
          io.stdout.write(fixed.diff)
        }
        if (fixed.stdin) {
          const problem = writeStdout(io.stdout, fixed.stdin.file, fixed.stdin.output, json)
          if (problem) {
            // A file not written reports no findings: they describe text that is not on disk.
            Object.assign(outcome, { error: problem, findings: [], applied: [], perRule: [] })
            outcome.changed = false
          } else if (json) outcome.output = fixed.stdin.output
        }
        if (!more && outcome.error && !json)
          progress.log(`mtclean: ${fixed.path}: ${outcome.error}`)
        await report.add(outcome, more)
        if (!more) progress.advance(fixed.bytes)
      },
      abort.signal,
    )
  } finally {
    stopListening()
    progress.done()
    await execution.close()
  }

  await report.finish()
  if (!json) reportStream.write(summary(report.tally, mode, outputDir, notProcessed))
  if (caught) {
    io.stderr.write(
      `mtclean: interrupted by ${caught}; files already replaced are fixed, the rest are as they were\n`,
    )
    return caught === 'SIGINT' ? 130 : 143
  }
  if (report.tally.failed > 0) return 2
  return report.tally.left.errors + report.tally.left.warnings > 0 ? 1 : 0
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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** The closing summary: files scanned and changed, fixes per rule, findings left. */
function summary(tally: FixTally, mode: Mode, outputDir: string | undefined, notProcessed: number) {
  const { scanned, changed, perRule } = tally
  const fixes = [...perRule.values()].reduce((a, b) => a + b, 0)
  const byRule = [...perRule.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id, n]) => `${id} ${n}`)
    .join(', ')
  const detail = `${fixes} ${fixes === 1 ? 'fix' : 'fixes'}: ${byRule}`
  const lines: string[] = []
  const head = `${plural(scanned, 'file')} scanned`
  if (mode === 'output-dir') {
    const written = scanned - tally.failed
    lines.push(
      `${head}; ${written} written under ${outputDir}, ${changed} of them changed${fixes ? ` (${detail})` : ''}.`,
    )
  } else if (changed === 0) lines.push(`${head}; nothing to fix.`)
  else if (mode === 'write') lines.push(`${head}; ${changed} fixed (${detail}).`)
  else if (mode === 'stdin') lines.push(`${head}; fixed (${detail}).`)
  else lines.push(`${head}; ${changed} would change (${detail}). Run with --write to apply.`)
  const { errors, warnings, infos } = tally.left
  const left = errors + warnings + infos
  if (left === 0) lines.push('No findings left.')
  else {
    const parts = [
      plural(errors, 'error'),
      plural(warnings, 'warning'),
      ...(infos ? [`${infos} info`] : []),
    ]
    lines.push(`${plural(left, 'finding')} left for review (${parts.join(', ')}).`)
  }
  const failed = tally.failed
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
