import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import type { FileResult } from '../pipeline.js'

/** Options for the stylish report. */
export interface StylishOptions {
  color: boolean
  /** Show only errors. */
  quiet?: boolean
}

/**
 * The human report (vfile-reporter): per file, `line:col-line:col  severity  message  rule-id`,
 * then a summary line. Files without findings are omitted.
 */
export function reportStylish(results: readonly FileResult[], options: StylishOptions): string {
  const files = results.map((result) => {
    const file = new VFile({ path: result.path === '-' ? '<stdin>' : result.path })
    if (result.error) {
      const message = file.message(result.error)
      message.fatal = true
    }
    for (const finding of result.findings) {
      if (options.quiet && finding.severity !== 'error') continue
      const message = file.message(finding.message, {
        place: {
          start: { line: finding.line, column: finding.column, offset: finding.start },
          end: { line: finding.endLine, column: finding.endColumn, offset: finding.end },
        },
        ruleId: finding.ruleId,
      })
      message.fatal =
        finding.severity === 'error' ? true : finding.severity === 'warn' ? false : undefined
      message.actual = finding.actual
    }
    return file
  })
  const text = reporter(files, { color: options.color, quiet: true })
  return text ? `${text}\n` : ''
}
