import { resolve } from 'node:path'
import { addToBaseline, type Baseline, matchBaseline, readBaseline } from '../../baseline.js'
import { bilingualHelp, bilingualOptionsFrom } from '../../bilingual/cli.js'
import { planChecks } from '../../config/index.js'
import type { Finding } from '../../engine/types.js'
import { readTarget } from '../../fix-files.js'
import { type CheckOptions, type FileResult, lintSource } from '../../pipeline.js'
import type { Result } from '../../result.js'
import type { ReviewOutcome } from '../../review/app.js'
import type { runReview } from '../../review/run.js'
import { type FileReview, type Lint, type ReviewInput, skipOf } from '../../review/state.js'
import { reviewSummary, type SummaryEntry } from '../../review/summary.js'
import { writeReviewed } from '../../review/write.js'
import { colorFlag, listFlag, parseCommand, planOptionsFrom } from '../args.js'
import { type CliIO, shouldColor, UsageError } from '../io.js'
import { narrowToCategories, selectionOptions } from './fix.js'
import { defaultBaselineFile } from './lint.js'

/** Help for `mtclean review`. */
export const reviewHelp = `Usage: mtclean review [options] PATHS…

Go through the findings one at a time in the terminal and decide each: accept the proposed
change, pick an alternative, write your own replacement, or skip it. Nothing is written
before 'w'. PATHS are files, directories (recursively) or globs.

Options:
      --rule ID         review only these rules (repeatable, or comma-separated)
      --disable ID      leave these rules out (repeatable, or comma-separated)
      --category NAME   review only rules of these categories (repeatable, or comma-separated)
      --unsafe          accepted for symmetry with 'fix'; review always offers suggestions
      --format-in NAME  read input as this format instead of choosing by file ending
${bilingualHelp}  -c, --config FILE     use this config file for every file instead of looking for one
      --no-config       read no config file: the recommended preset
      --no-ignore       also review files that 'ignore' or .mtcleanignore exclude
      --baseline FILE   hide findings recorded in FILE; 'b' (skip for good) records into it
                        (default for 'b': ${defaultBaselineFile})
      --color, --no-color
  -h, --help            show this help

Shown: every finding, with a safe fix, with suggestions, or flag-only (skip those, or type
your own replacement with 'e'). Files without findings are not shown.

Keys: y/Enter accept · n skip · b skip for good · 1-9 or ↑/↓ pick an alternative · e edit
the replacement · a accept every remaining finding of this rule in this file · u undo ·
→/j ←/k next/previous finding · f/F next/previous file · w write and quit · q or Ctrl-C
quit (asks when changes are not written) · ? all keys

Needs a terminal on stdin and stdout: in scripts use 'mtclean lint' or 'mtclean fix'.
Exit codes: 0 done (written or quit), 2 usage, config or input error, or a file not written.
`

/** Records findings skipped for good; called on write with offsets into the text written. */
export type PersistSkips = (
  path: string,
  findings: readonly Finding[],
  source: string,
) => Promise<Result<void>>

/** What `reviewCommand` needs besides the CLI's streams; tests pass fakes. */
export interface ReviewDependencies {
  /** Runs the interactive screen; by default Ink on the terminal. */
  run?: typeof runReview
  /** Records skips for good; by default into the baseline file. */
  persistSkips?: PersistSkips
}

/** Whether the environment is a CI job, where Ink does not draw interactively. */
function inCi(env: CliIO['env']): boolean {
  const set = (name: string) => {
    const value = env[name]
    return value !== undefined && value !== '0' && value !== 'false'
  }
  return set('CI') || set('CONTINUOUS_INTEGRATION')
}

/** Lint, then drop findings the baseline records (it is matched again after every change). */
function lintWith(
  options: CheckOptions,
  baseline?: { file: string; content: Baseline; cwd: string },
): Lint {
  return (path, text) => {
    const linted = lintSource(path, text, options)
    if (!linted.ok || !baseline) return linted
    const input = { path, source: text, findings: linted.value }
    const match = matchBaseline(baseline.content, baseline.file, [input], baseline.cwd)
    return { ok: true, value: match.fresh[0] ?? [] }
  }
}

function permanentSkips(review: FileReview): Finding[] {
  return review.findings.filter((f) => skipOf(review, f)?.permanent === true)
}

/** `mtclean review`: the interactive review. Refuses without a terminal. */
export async function reviewCommand(
  args: readonly string[],
  io: CliIO,
  dependencies: ReviewDependencies = {},
): Promise<number> {
  const { values, positionals } = parseCommand('review', args, {
    ...selectionOptions,
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    'no-ignore': { type: 'boolean' },
    baseline: { type: 'string' },
  })
  if (values.help) {
    io.stdout.write(reviewHelp)
    return 0
  }
  if (positionals.length === 0) {
    throw new UsageError("review needs files or folders to review (see 'mtclean review --help')")
  }
  if (positionals.includes('-')) {
    throw new UsageError(
      "review reads keys from stdin, so it cannot review '-'; save the text to a file",
    )
  }
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('--config and --no-config cannot be used together')
  }
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    io.stderr.write(
      "mtclean: review is interactive and needs a terminal on stdin and stdout; use 'mtclean lint' to list findings or 'mtclean fix' to apply safe fixes\n",
    )
    return 2
  }
  if (inCi(io.env)) {
    io.stderr.write(
      "mtclean: review is interactive and does not run in CI (CI is set); use 'mtclean lint' or 'mtclean fix'\n",
    )
    return 2
  }

  const plan = await planChecks(positionals, planOptionsFrom(values, io.cwd))
  if (!plan.ok) throw new UsageError(plan.error)
  const metas = plan.value.rules.map((r) => r.meta)
  const checks = narrowToCategories(plan.value.checks, plan.value.rules, listFlag(values.category))
  const bilingual = await bilingualOptionsFrom(values, positionals, io.cwd)
  if (bilingual) for (const check of checks) check.options.bilingual = bilingual

  const baselineFile = resolve(io.cwd, values.baseline ?? defaultBaselineFile)
  let baseline: { file: string; content: Baseline; cwd: string } | undefined
  if (values.baseline !== undefined) {
    const read = await readBaseline(baselineFile)
    if (!read.ok) throw new UsageError(read.error.replace(baselineFile, values.baseline))
    baseline = { file: baselineFile, content: read.value, cwd: io.cwd }
  }

  const lints = new Map<string, Lint>()
  const results: FileResult[] = []
  for (const { target, options } of checks) {
    const lint = lintWith(options, baseline)
    lints.set(target.path, lint)
    const read = await readTarget(target, io.stdin, io.cwd)
    if (!read.ok) {
      results.push({ path: target.path, findings: [], error: read.error })
      continue
    }
    const linted = lint(target.path, read.value.text)
    results.push(
      linted.ok
        ? { path: target.path, file: read.value, findings: linted.value }
        : { path: target.path, file: read.value, findings: [], error: linted.error },
    )
  }
  const failed = results.filter((r) => r.error)
  for (const r of failed) io.stderr.write(`mtclean: ${r.path}: ${r.error}\n`)
  const reviewable = results.filter((r) => !r.error && r.file && r.findings.length > 0)
  const clean = results.length - failed.length - reviewable.length
  if (reviewable.length === 0) {
    const files = clean === 1 ? '1 file' : `${clean} files`
    io.stdout.write(`mtclean review: nothing to review (${files} without findings)\n`)
    return failed.length > 0 ? 2 : 0
  }

  const inputs: ReviewInput[] = reviewable.map((r) => ({
    path: r.path,
    text: r.file!.text,
    findings: r.findings,
  }))
  // One lint per file (its own config); the screen sees a single function.
  const lint: Lint = (path, text) => lints.get(path)!(path, text)
  const persistSkips: PersistSkips =
    dependencies.persistSkips ??
    (async (path, findings, source) => {
      for (const finding of findings) {
        const added = await addToBaseline(baselineFile, path, finding, source, io.cwd)
        if (!added.ok) return added
      }
      return { ok: true, value: undefined }
    })
  // Ink and React load only here, so other commands start without them.
  const run = dependencies.run ?? (await import('../../review/run.js')).runReview
  // The TTY check above makes these the process's terminal streams.
  const outcome: ReviewOutcome = await run(
    {
      files: inputs,
      lint,
      rules: new Map(metas.map((m) => [m.id, m])),
      color: shouldColor(io, io.stdout, colorFlag(values)),
      canSkipPermanently: true,
    },
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
    },
  )

  const entries: SummaryEntry[] = outcome.files.map((review) => ({ review }))
  let notWritten = false
  let recorded = 0
  if (outcome.action === 'write') {
    for (const entry of entries) {
      const { review } = entry
      const source = reviewable.find((r) => r.path === review.path)!.file!
      entry.write = await writeReviewed(review, source, resolve(io.cwd, review.path))
      if (entry.write.status === 'failed') {
        notWritten = true
        io.stderr.write(
          `mtclean: ${review.path}: ${entry.write.error}; your changes to it follow on stdout as a patch\n`,
        )
        io.stdout.write(entry.write.patch)
        continue
      }
      const skips = permanentSkips(review)
      if (skips.length === 0) continue
      const saved = await persistSkips(review.path, skips, review.text)
      if (saved.ok) recorded += skips.length
      else {
        notWritten = true
        io.stderr.write(`mtclean: ${review.path}: skips for good not recorded: ${saved.error}\n`)
      }
    }
  }
  io.stdout.write(reviewSummary(entries, outcome.action, clean))
  if (recorded > 0) {
    const shown = values.baseline ?? defaultBaselineFile
    io.stdout.write(
      `  ${recorded === 1 ? '1 finding' : `${recorded} findings`} skipped for good, recorded in ${shown} (lint --baseline ${shown} hides ${recorded === 1 ? 'it' : 'them'})\n`,
    )
  }
  return notWritten || failed.length > 0 ? 2 : 0
}
