import type { Severity } from '../engine/types.js'
import type { FileResult } from '../pipeline.js'
import { escapeAttribute } from './junit.js'

const severities: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' }

/** Options for the Checkstyle report. */
export interface CheckstyleOptions {
  quiet?: boolean
}

/**
 * Checkstyle XML: `<file name>` with one `<error line column severity message source>` per
 * finding (`source` is `mtclean.<rule-id>`); a file that could not be checked gets one error
 * with source `mtclean`.
 */
export function reportCheckstyle(
  results: readonly FileResult[],
  options: CheckstyleOptions = {},
): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">']
  for (const result of results) {
    const name = escapeAttribute(result.path === '-' ? '<stdin>' : result.path)
    const errors: string[] = []
    if (result.error) {
      errors.push(
        `    <error line="1" column="1" severity="error" message="${escapeAttribute(result.error)}" source="mtclean"/>`,
      )
    }
    for (const f of result.findings) {
      if (options.quiet && f.severity !== 'error') continue
      errors.push(
        `    <error line="${f.line}" column="${f.column}" severity="${severities[f.severity]}" message="${escapeAttribute(f.message)}" source="${escapeAttribute(`mtclean.${f.ruleId}`)}"/>`,
      )
    }
    lines.push(
      errors.length > 0
        ? `  <file name="${name}">\n${errors.join('\n')}\n  </file>`
        : `  <file name="${name}"/>`,
    )
  }
  lines.push('</checkstyle>', '')
  return lines.join('\n')
}
