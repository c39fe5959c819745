import { resolve } from 'node:path'
import {
  type BaselineInput,
  matchBaseline,
  readBaseline,
  updateBaseline,
  writeBaseline,
} from '../../baseline.js'
import { bilingualFlags, bilingualHelp, bilingualOptionsFrom } from '../../bilingual/cli.js'
import { type PlannedCheck, planChecks } from '../../config/index.js'
import { unusedDisableId, unusedDisableMeta } from '../../directives.js'
import { fixText } from '../../engine/fix.js'
import { activateRules } from '../../engine/lint.js'
import type { Finding } from '../../engine/types.js'
import { writeFileAtomic } from '../../io/atomic-write.js'
import { jsonlCommand } from '../../jsonl.js'
import {
  Execution,
  jobsFlag,
  jobsHelp,
  lintChecks,
  routesOf,
  runSettings,
} from '../../parallel/run.js'
import { type FileResult, lintSource } from '../../pipeline.js'
import { unifiedDiff } from '../../report/diff.js'
import type { ReportedRule } from '../../report/sarif.js'
import { lintToReport, streamedLintFormats } from '../../stream/lint-report.js'
import { colorFlag, commonOptions, integerFlag, parseCommand, planOptionsFrom } from '../args.js'
import { type CliIO, shouldColor, UsageError } from '../io.js'
import { version } from '../version.js'

export const lintHelp = `Usage: mtclean lint [options] [PATHS…]

Check files, directories (recursively), globs, or - (stdin) for machine-translation defects.

Options:
  -f, --format NAME         stylish (default), json, sarif, github, junit, checkstyle, or
                            diff (the safe fixes as a unified diff; nothing is written)
  -o, --output-file FILE    write the report to FILE (atomically) instead of stdout
      --quiet               report errors only
      --max-warnings N      exit 1 when there are more than N warnings
      --rule ID             run only these rules (repeatable, or comma-separated)
      --disable ID          do not run these rules (repeatable, or comma-separated)
      --format-in NAME      read input as this format instead of choosing by file ending
${bilingualHelp}  -c, --config FILE         use this config file for every file instead of looking for one
      --no-config           read no config file: the recommended preset
      --no-ignore           also check files that 'ignore' or .mtcleanignore exclude
      --report-unused-disables
                            report mtclean-disable comments that suppress nothing
      --baseline FILE       fail only on findings not recorded in FILE
      --update-baseline     record the current findings in the baseline (FILE, or
                            .mtclean-baseline.json) and prune stale entries
${jobsHelp(28)}      --jsonl               read JSON Lines on stdin and write them on stdout, one record at a
                            time, with the findings of --field added as "mtclean"
      --field NAME          the field holding the text with --jsonl (default: text; dots nest)
      --color, --no-color
  -h, --help                show this help

Config: .mtcleanrc.json, .mtcleanrc.yaml, .mtcleanrc.yml or "mtclean" in package.json, the
nearest one above each file ('mtclean init' writes one; 'mtclean print-config FILE' shows it).
Inline: <!-- mtclean-disable[-next-line] [ids] [-- reason] -->, <!-- mtclean-enable [ids] -->.

Exit codes: 0 no problems, 1 problems found, 2 usage, config or input error.
`

/** Report formats of `lint --format`. */
export const lintFormats = [
  'stylish',
  'json',
  'sarif',
  'github',
  'junit',
  'checkstyle',
  'diff',
] as const

/** A report format name. */
export type LintFormat = (typeof lintFormats)[number]

/** Default baseline file for `--update-baseline` without `--baseline`. */
export const defaultBaselineFile = '.mtclean-baseline.json'

/** The exit code for lint results: 2 on input errors, 1 on errors or too many warnings. */
export function exitCodeFor(results: readonly FileResult[], maxWarnings?: number): number {
  if (results.some((r) => r.error)) return 2
  const findings = results.flatMap((r) => r.findings)
  if (findings.some((f) => f.severity === 'error')) return 1
  const warnings = findings.filter((f) => f.severity === 'warn').length
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1
  return 0
}

/** Render results in a report format; each reporter's modules load only when used. */
async function render(
  format: Exclude<LintFormat, 'diff'>,
  results: readonly FileResult[],
  rules: readonly ReportedRule[],
  options: { color: boolean; quiet: boolean; cwd: string },
): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../report/json.js')).reportJson(results)
    case 'sarif': {
      const { reportSarif } = await import('../../report/sarif.js')
      return reportSarif(results, { rules, cwd: options.cwd, version: version() })
    }
    case 'github':
      return (await import('../../report/github.js')).reportGithub(results)
    case 'junit':
      return (await import('../../report/junit.js')).reportJunit(results)
    case 'checkstyle':
      return (await import('../../report/checkstyle.js')).reportCheckstyle(results)
    case 'stylish': {
      const { reportStylish } = await import('../../report/stylish.js')
      return reportStylish(results, { color: options.color, quiet: options.quiet })
    }
  }
}

/** The safe fixes of each checked file as one unified diff; nothing is written. */
function renderDiff(
  results: readonly FileResult[],
  checks: readonly PlannedCheck[],
  color: boolean,
): string {
  const byPath = new Map(checks.map((c) => [c.target.path, c.options]))
  const parts: string[] = []
  for (const result of results) {
    const options = byPath.get(result.path)
    if (!result.file || result.error || !options) continue
    const path = result.path === '-' ? (options.formatName ?? 'stdin.txt') : result.path
    const lint = (text: string): Finding[] => {
      const findings = lintSource(path, text, options)
      return findings.ok ? findings.value : []
    }
    const fixed = fixText(result.file.text, lint)
    parts.push(
      unifiedDiff(result.path === '-' ? '<stdin>' : result.path, result.file.text, fixed.output, {
        color,
      }),
    )
  }
  return parts.join('')
}

/** The flags of `lint` (pool workers parse the same arguments with them). */
export const lintFlags = {
  ...commonOptions,
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  'report-unused-disables': { type: 'boolean' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  ...bilingualFlags,
  ...jobsFlag,
  jsonl: { type: 'boolean' },
  field: { type: 'string' },
} as const

/** The parsed flags of `lint`. */
export type LintValues = ReturnType<typeof parseCommand<typeof lintFlags>>['values']

/**
 * Plan `lint`'s files from its flags (config, ignore files, packs, bilingual input). Pool
 * workers call it with the same flags, so they plan the same run.
 */
export async function planLint(values: LintValues, positionals: readonly string[], cwd: string) {
  const bilingual = await bilingualOptionsFrom(values, positionals, cwd)
  const plan = await planChecks(positionals, {
    ...planOptionsFrom(values, cwd),
    reportUnusedDisables: values['report-unused-disables'] === true,
  })
  if (!plan.ok) throw new UsageError(plan.error)
  if (bilingual) for (const check of plan.value.checks) check.options.bilingual = bilingual
  return plan.value
}

/** `mtclean lint`: report findings; never writes the checked files. */
export async function lintCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('lint', args, lintFlags)
  if (values.help) {
    io.stdout.write(lintHelp)
    return 0
  }
  const format = values.format ?? 'stylish'
  if (!(lintFormats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format '${format}' (expected ${lintFormats.join(', ')})`)
  }
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('--config and --no-config cannot be used together')
  }
  const maxWarnings = integerFlag('max-warnings', values['max-warnings'])
  const quiet = values.quiet === true
  if (values.field !== undefined && !values.jsonl) throw new UsageError('--field goes with --jsonl')
  if (values.jsonl) {
    if (positionals.some((p) => p !== '-')) {
      throw new UsageError('--jsonl reads JSON Lines from stdin: give no paths (or -)')
    }
    const planned = await planLint(values, ['-'], io.cwd)
    return jsonlCommand({
      mode: 'lint',
      field: values.field ?? 'text',
      check: planned.checks[0]!.options,
      io,
    })
  }
  const plan = await planLint(values, positionals, io.cwd)
  const { checks } = plan
  if (checks.length === 0 && plan.ignored.length > 0) {
    io.stderr.write(`mtclean: all ${plan.ignored.length} files are ignored (see --no-ignore)\n`)
  }
  const baselineFile =
    values.baseline ?? (values['update-baseline'] ? defaultBaselineFile : undefined)
  // Many files go to worker threads and a large plain-text file is read block by block; the
  // baseline, diff and SARIF need each file's text, so they read files whole.
  const needText = baselineFile !== undefined || format === 'diff' || format === 'sarif'
  const run = runSettings(values.jobs, io.env)
  run.note = (message) => io.stderr.write(`mtclean: ${message}\n`)
  if (needText) run.streamBytes = Number.POSITIVE_INFINITY
  const routes = await routesOf(checks, io.cwd, run)
  const planned = new Map(checks.map((c) => [c.target.path, c.options]))
  const execution = Execution.start(
    { command: 'lint', args: [...args], cwd: io.cwd, env: { ...io.env } },
    { options: (path) => planned.get(path), cwd: io.cwd, hooks: { stdin: io.stdin } },
    routes,
    run,
  )
  let results: FileResult[] = []
  let open: FileResult | undefined
  try {
    if (!needText && (streamedLintFormats as readonly string[]).includes(format)) {
      // Written as the results arrive: memory does not grow with the files or findings.
      const toFile = values['output-file']
      return await lintToReport(checks, routes, execution, run, {
        format: format as (typeof streamedLintFormats)[number],
        quiet,
        color: toFile === undefined && shouldColor(io, io.stdout, colorFlag(values)),
        maxWarnings,
        ...(toFile !== undefined ? { outputFile: toFile } : {}),
        io,
      })
    }
    await lintChecks(
      checks,
      routes,
      execution,
      run,
      (result, more) => {
        // A streamed file comes block by block (`more`): its findings are gathered.
        if (open) {
          open.findings.push(...result.findings)
          if (result.error) open.error = result.error
        } else {
          open = { ...result, findings: [...result.findings] }
          results.push(open)
        }
        if (!more) open = undefined
      },
      needText,
    )
  } finally {
    await execution.close()
  }
  if (baselineFile !== undefined) {
    const ran = new Set(
      checks.flatMap((c) => activateRules(c.options.lint).map((a) => a.rule.meta.id)),
    )
    if (values['report-unused-disables']) ran.add(unusedDisableId)
    results = await applyBaseline(
      results,
      baselineFile,
      values['update-baseline'] === true,
      ran,
      io,
    )
  }

  const toFile = values['output-file']
  const color = toFile === undefined && shouldColor(io, io.stdout, colorFlag(values))
  const shown = quiet
    ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : results
  let text: string
  if (format === 'diff') {
    for (const r of results) if (r.error) io.stderr.write(`mtclean: ${r.path}: ${r.error}\n`)
    text = renderDiff(results, checks, color)
  } else {
    if (format === 'stylish') {
      for (const r of results) if (r.error) io.stderr.write(`mtclean: ${r.path}: ${r.error}\n`)
    }
    const rules: ReportedRule[] = plan.rules.map((rule) => reported(rule.meta))
    if (values['report-unused-disables']) rules.push({ meta: unusedDisableMeta })
    const reportedResults = format === 'stylish' ? shown.filter((r) => !r.error) : shown
    text = await render(format as Exclude<LintFormat, 'diff'>, reportedResults, rules, {
      color,
      quiet,
      cwd: io.cwd,
    })
  }
  if (toFile !== undefined) {
    const written = await writeFileAtomic(resolve(io.cwd, toFile), Buffer.from(text))
    if (!written.ok) throw new UsageError(`${toFile}: ${written.error}`)
  } else io.stdout.write(text)
  return exitCodeFor(results, maxWarnings)
}

function reported(meta: ReportedRule['meta']): ReportedRule {
  const url = (meta as { url?: unknown }).url
  return typeof url === 'string' ? { meta, url } : { meta }
}

/** Drop baselined findings (or record them all with `update`); notes go to stderr. */
async function applyBaseline(
  results: FileResult[],
  baselineFile: string,
  update: boolean,
  ran: ReadonlySet<string>,
  io: CliIO,
): Promise<FileResult[]> {
  const path = resolve(io.cwd, baselineFile)
  const read = await readBaseline(path, update)
  if (!read.ok) throw new UsageError(read.error.replace(path, baselineFile))
  const inputs: BaselineInput[] = results
    .filter((r) => !r.error)
    .map((r) => ({
      path: r.path,
      findings: r.findings,
      ...(r.file ? { source: r.file.text } : {}),
    }))
  if (update) {
    const next = updateBaseline(read.value, path, inputs, io.cwd, ran)
    const written = await writeBaseline(path, next.baseline)
    if (!written.ok) throw new UsageError(written.error.replace(path, baselineFile))
    io.stderr.write(
      `mtclean: baseline ${baselineFile}: recorded ${plural(next.recorded, 'finding')}` +
        `${next.pruned > 0 ? `, pruned ${plural(next.pruned, 'stale entry', 'stale entries')}` : ''}\n`,
    )
    return results.map((r) => (r.error ? r : { ...r, findings: [] }))
  }
  const match = matchBaseline(read.value, path, inputs, io.cwd, ran)
  const stale = match.stale.reduce((sum, e) => sum + e.count, 0)
  if (stale > 0) {
    io.stderr.write(
      `mtclean: baseline ${baselineFile}: ${plural(stale, 'stale entry', 'stale entries')} ` +
        `(fixed or changed text); run with --update-baseline to prune\n`,
    )
  }
  let index = 0
  return results.map((r) => (r.error ? r : { ...r, findings: match.fresh[index++] ?? [] }))
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
