import type { FileResult } from '../pipeline.js'

/** The JSON report: `{version: 1, files: [{path, findings, error?}]}`. */
export function reportJson(results: readonly FileResult[]): string {
  const files = results.map((r) => ({
    path: r.path,
    findings: r.findings,
    ...(r.error ? { error: r.error } : {}),
  }))
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`
}
