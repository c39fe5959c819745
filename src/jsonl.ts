import { createInterface } from 'node:readline'
import type { CliIO } from './cli/io.js'
import { type FixSelection, fixText } from './engine/fix.js'
import type { Finding } from './engine/types.js'
import { type CheckOptions, lintSource } from './pipeline.js'
import { sinkOf } from './stream/lint-report.js'

/** What a JSON Lines run did. */
export interface JsonlStats {
  records: number
  /** Records whose field was checked. */
  checked: number
  /** Records whose field was changed (fix mode). */
  changed: number
  findings: number
  errors: number
  /**
   * Lines that were not JSON objects, or whose text could not be checked: passed through
   * unchanged and reported (the first `maxInvalid`; `invalidCount` counts them all).
   */
  invalid: { line: number; error: string }[]
  invalidCount: number
}

/** How to process JSON Lines. */
export interface JsonlOptions {
  mode: 'lint' | 'fix'
  /** The field holding the text; dots reach into nested objects (`meta.text`). */
  field: string
  lint: (text: string) => Finding[]
  selection?: FixSelection
  /** Called for each output line (without its newline); may return a promise for backpressure. */
  write: (line: string) => unknown
  /** Invalid lines listed in the stats at most (default 100); all are counted. */
  maxInvalid?: number
}

/** The key under which findings are added to each record. */
export const findingsKey = 'mtclean'

function getField(record: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = record
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function setField(record: Record<string, unknown>, path: string[], text: string) {
  let target = record
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
  target[path.at(-1)!] = text
}

/**
 * Read JSON Lines and write JSON Lines, one record at a time, so mtclean runs as a map step in
 * a data pipeline. Lint mode adds `"mtclean": {findings}` to each record; fix mode replaces the
 * field with the fixed text and adds `"mtclean": {applied, findings}` (findings left). Records
 * without the field, blank lines and invalid lines pass through unchanged, so no record is lost.
 */
export async function processJsonl(
  input: NodeJS.ReadableStream,
  options: JsonlOptions,
): Promise<JsonlStats> {
  const stats: JsonlStats = {
    records: 0,
    checked: 0,
    changed: 0,
    findings: 0,
    errors: 0,
    invalid: [],
    invalidCount: 0,
  }
  const invalid = (line: number, error: string) => {
    stats.invalidCount++
    if (stats.invalid.length < (options.maxInvalid ?? 100)) stats.invalid.push({ line, error })
  }
  const path = options.field.split('.')
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') {
      await options.write(line)
      continue
    }
    stats.records++
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      invalid(number, `not valid JSON: ${message}`)
      await options.write(line)
      continue
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      invalid(number, 'not a JSON object')
      await options.write(line)
      continue
    }
    const object = record as Record<string, unknown>
    const text = getField(object, path)
    if (typeof text !== 'string') {
      await options.write(line)
      continue
    }
    try {
      if (options.mode === 'lint') {
        const findings = options.lint(text)
        count(stats, findings)
        object[findingsKey] = { findings }
      } else {
        const result = fixText(text, options.lint, options.selection)
        count(stats, result.remaining)
        if (result.output !== text) {
          stats.changed++
          setField(object, path, result.output)
        }
        object[findingsKey] = { applied: result.applied, findings: result.remaining }
      }
    } catch (error) {
      invalid(number, error instanceof Error ? error.message : String(error))
      await options.write(line)
      continue
    }
    stats.checked++
    await options.write(JSON.stringify(object))
  }
  return stats
}

function count(stats: JsonlStats, findings: readonly Finding[]) {
  stats.findings += findings.length
  stats.errors += findings.filter((f) => f.severity === 'error').length
}

/** What `--jsonl` needs from the command: the text's options, stdin and stdout. */
export interface JsonlCommandOptions {
  mode: 'lint' | 'fix'
  field: string
  /** Options of the text (as for a file named `-`, the config of the working folder). */
  check: CheckOptions
  unsafe?: boolean
  io: CliIO
}

/**
 * `lint --jsonl` / `fix --jsonl`: JSON Lines on stdin, JSON Lines on stdout, one record at a
 * time; a summary and the invalid lines go to stderr. The exit code is 0, or 2 when a line was
 * not a JSON object (it is passed through unchanged): findings travel in the records, so a data
 * pipeline's map step does not fail on them.
 */
export async function jsonlCommand(options: JsonlCommandOptions): Promise<number> {
  const { io, check } = options
  const name = check.formatName ?? 'record.txt'
  const lint = (text: string): Finding[] => {
    const result = lintSource(name, text, check)
    if (!result.ok) throw new Error(result.error)
    return result.value
  }
  const sink = sinkOf(io.stdout)
  const stats = await processJsonl(io.stdin, {
    mode: options.mode,
    field: options.field,
    lint,
    ...(options.unsafe ? { selection: { unsafe: true } } : {}),
    write: (line) => sink.write(`${line}\n`),
  })
  for (const { line, error } of stats.invalid) io.stderr.write(`mtclean: line ${line}: ${error}\n`)
  if (stats.invalidCount > stats.invalid.length) {
    io.stderr.write(
      `mtclean: … and ${stats.invalidCount - stats.invalid.length} more invalid lines\n`,
    )
  }
  const changed = options.mode === 'fix' ? `, ${stats.changed} changed` : ''
  io.stderr.write(
    `mtclean: ${stats.records} records, ${stats.checked} checked${changed}, ${stats.findings} findings (${stats.errors} errors)` +
      `${stats.invalidCount > 0 ? `, ${stats.invalidCount} passed through unchecked` : ''}\n`,
  )
  return stats.invalidCount > 0 ? 2 : 0
}
