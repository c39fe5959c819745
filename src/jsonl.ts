import { createInterface } from 'node:readline'
import { type FixSelection, fixText } from './engine/fix.js'
import type { Finding } from './engine/types.js'

/** What a JSON Lines run did. */
export interface JsonlStats {
  records: number
  /** Records whose field was checked. */
  checked: number
  /** Records whose field was changed (fix mode). */
  changed: number
  findings: number
  errors: number
  /** Lines that were not JSON objects: passed through unchanged and reported. */
  invalid: { line: number; error: string }[]
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
      stats.invalid.push({ line: number, error: `not valid JSON: ${message}` })
      await options.write(line)
      continue
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      stats.invalid.push({ line: number, error: 'not a JSON object' })
      await options.write(line)
      continue
    }
    const object = record as Record<string, unknown>
    const text = getField(object, path)
    if (typeof text !== 'string') {
      await options.write(line)
      continue
    }
    stats.checked++
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
    await options.write(JSON.stringify(object))
  }
  return stats
}

function count(stats: JsonlStats, findings: readonly Finding[]) {
  stats.findings += findings.length
  stats.errors += findings.filter((f) => f.severity === 'error').length
}
