import { once } from 'node:events'
import { resolve } from 'node:path'
import { type CliIO, type Output, UsageError } from '../cli/io.js'
import type { PlannedCheck } from '../config/index.js'
import type { Finding } from '../engine/types.js'
import type { Execution, Route, RunSettings } from '../parallel/run.js'
import { lintChecks } from '../parallel/run.js'
import { reportGithub } from '../report/github.js'
import { AtomicStreamWriter } from './atomic.js'
import {
  type Counts,
  countFindings,
  JsonWriter,
  noCounts,
  type ReportSink,
  StylishWriter,
} from './report.js'

/** Report formats `lint` writes as results arrive. */
export const streamedLintFormats = ['stylish', 'json', 'github'] as const

/** What `lintToReport` needs. */
export interface LintReportOptions {
  format: (typeof streamedLintFormats)[number]
  quiet: boolean
  color: boolean
  maxWarnings: number | undefined
  /** `--output-file` (relative to cwd): written through a temporary file, replaced at the end. */
  outputFile?: string
  io: CliIO
}

/** Write to an output stream, waiting for it to drain when it asks to. */
export function sinkOf(out: Output): ReportSink {
  return {
    write: async (text: string) => {
      const accepted = out.write(text)
      const stream = out as unknown as NodeJS.WritableStream
      if (accepted === false && typeof stream.once === 'function') await once(stream, 'drain')
    },
  }
}

/** The exit code of `lint` from counts: 2 on a file error, 1 on errors or too many warnings. */
export function lintExitCode(failed: boolean, counts: Counts, maxWarnings?: number): number {
  if (failed) return 2
  if (counts.errors > 0) return 1
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return 1
  return 0
}

/**
 * Lint planned files and write the report as the results arrive (in input order), so neither
 * the findings nor the files are held in memory: stylish, JSON or GitHub annotations, to stdout
 * or to `--output-file`. File errors go to stderr (stylish) or into the report. Returns the exit code.
 */
export async function lintToReport(
  checks: readonly PlannedCheck[],
  routes: readonly Route[],
  execution: Execution,
  settings: RunSettings,
  options: LintReportOptions,
): Promise<number> {
  const { io, format, quiet } = options
  let file: AtomicStreamWriter | undefined
  if (options.outputFile !== undefined) {
    const opened = await AtomicStreamWriter.open(resolve(io.cwd, options.outputFile))
    if (!opened.ok) throw new UsageError(`${options.outputFile}: ${opened.error}`)
    file = opened.value
  }
  const sink: ReportSink = file
    ? {
        write: async (text: string) => {
          const written = await file!.write(Buffer.from(text))
          if (!written.ok) throw new UsageError(`${options.outputFile}: ${written.error}`)
        },
      }
    : sinkOf(io.stdout)
  const counts = noCounts()
  let failed = false
  const stylish =
    format === 'stylish' ? new StylishWriter(sink, { color: options.color, quiet }) : undefined
  const json = format === 'json' ? new JsonWriter(sink) : undefined
  let open: string | undefined
  const shown = (findings: Finding[]) =>
    quiet ? findings.filter((f) => f.severity === 'error') : findings
  try {
    await lintChecks(
      checks,
      routes,
      execution,
      settings,
      async (result, more) => {
        countFindings(counts, result.findings)
        if (result.error) failed = true
        if (stylish) {
          if (result.error) io.stderr.write(`mtclean: ${result.path}: ${result.error}\n`)
          else await stylish.add(result.path, result.findings, more)
        } else if (json) {
          if (open !== result.path) {
            await json.open(result.path)
            open = result.path
          }
          await json.add(shown(result.findings))
          if (!more) {
            if (result.error) await json.field('error', result.error)
            await json.close()
            open = undefined
          }
        } else {
          const text = reportGithub([{ ...result, findings: shown(result.findings) }])
          if (text) await sink.write(text)
        }
      },
      false,
    )
    await stylish?.finish()
    await json?.finish()
  } catch (error) {
    await file?.abort()
    throw error
  }
  if (file) {
    const committed = await file.commit()
    if (!committed.ok) throw new UsageError(`${options.outputFile}: ${committed.error}`)
  }
  return lintExitCode(failed, counts, options.maxWarnings)
}
