import { builtinRules } from '../../../rules/index.js'
import type { LintOptions } from '../../engine/lint.js'
import { expandTargets } from '../../io/walk.js'
import { type CheckOptions, checkTarget, type FileResult } from '../../pipeline.js'
import { reportJson } from '../../report/json.js'
import { reportStylish } from '../../report/stylish.js'
import { colorFlag, commonOptions, integerFlag, listFlag, parseCommand } from '../args.js'
import { type CliIO, shouldColor, UsageError } from '../io.js'

export const lintHelp = `Usage: mtclean lint [options] [PATHS…]

Check files, directories (recursively), globs, or - (stdin) for machine-translation defects.

Options:
  -f, --format NAME     stylish (default) or json
      --quiet           report errors only
      --max-warnings N  exit 1 when there are more than N warnings
      --rule ID         run only these rules (repeatable, or comma-separated)
      --disable ID      do not run these rules (repeatable, or comma-separated)
      --format-in NAME  read input as this format instead of choosing by file ending
      --color, --no-color
  -h, --help            show this help

Exit codes: 0 no problems, 1 problems found, 2 usage or input error.
`

const formats = ['stylish', 'json'] as const

/** Validate `--rule`/`--disable` ids and build lint options from them. */
export function selectRules(values: { rule?: string[]; disable?: string[] }): LintOptions {
  const only = listFlag(values.rule)
  const disable = listFlag(values.disable)
  const known = new Set(builtinRules.map((r) => r.meta.id))
  for (const id of [...only, ...disable]) {
    if (!known.has(id)) throw new UsageError(`unknown rule '${id}' (see 'mtclean rules')`)
  }
  return { rules: builtinRules, only, disable }
}

/** Check every target in order; unreadable ones carry an error instead of findings. */
export async function checkPaths(paths: readonly string[], options: CheckOptions, io: CliIO) {
  const targets = await expandTargets(paths.length > 0 ? paths : ['.'], io.cwd)
  const results: FileResult[] = []
  for (const target of targets) results.push(await checkTarget(target, options, io.stdin, io.cwd))
  return results
}

/** The exit code for lint results: 2 on input errors, 1 on errors or too many warnings. */
export function exitCodeFor(results: readonly FileResult[], maxWarnings?: number): number {
  if (results.some((r) => r.error)) return 2
  const findings = results.flatMap((r) => r.findings)
  if (findings.some((f) => f.severity === 'error')) return 1
  const warnings = findings.filter((f) => f.severity === 'warn').length
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1
  return 0
}

/** `mtclean lint`: report findings; never writes files. */
export async function lintCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('lint', args, {
    ...commonOptions,
    format: { type: 'string', short: 'f' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
  })
  if (values.help) {
    io.stdout.write(lintHelp)
    return 0
  }
  const format = values.format ?? 'stylish'
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format '${format}' (expected ${formats.join(', ')})`)
  }
  const maxWarnings = integerFlag('max-warnings', values['max-warnings'])
  const options: CheckOptions = { lint: selectRules(values) }
  if (values['format-in']) options.formatName = values['format-in']
  const results = await checkPaths(positionals, options, io)
  if (format === 'json') io.stdout.write(reportJson(results))
  else {
    const color = shouldColor(io, io.stdout, colorFlag(values))
    const errors = results.filter((r) => r.error)
    for (const r of errors) io.stderr.write(`mtclean: ${r.path}: ${r.error}\n`)
    const withFindings = results.filter((r) => !r.error)
    io.stdout.write(reportStylish(withFindings, { color, quiet: values.quiet === true }))
  }
  return exitCodeFor(results, maxWarnings)
}
