import type { Severity } from '../engine/types.js'
import type { FileResult } from '../pipeline.js'

const commands: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' }

/** Escape a workflow command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a workflow command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Options for the GitHub Actions report. */
export interface GithubOptions {
  /** Report errors only. */
  quiet?: boolean
}

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, shown as
 * annotations on the pull request. Warnings are `::warning`, info `::notice`.
 */
export function reportGithub(results: readonly FileResult[], options: GithubOptions = {}): string {
  const lines: string[] = []
  for (const result of results) {
    const file = escapeProperty(result.path === '-' ? '<stdin>' : result.path)
    if (result.error) {
      lines.push(
        `::error file=${file},title=${escapeProperty('mtclean')}::${escapeData(result.error)}`,
      )
      continue
    }
    for (const f of result.findings) {
      if (options.quiet && f.severity !== 'error') continue
      const properties = [
        `file=${file}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`mtclean(${f.ruleId})`)}`,
      ]
      lines.push(`::${commands[f.severity]} ${properties.join(',')}::${escapeData(f.message)}`)
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}
