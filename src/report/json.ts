import type { FileResult } from '../pipeline.js'
import { JsonLayout } from '../stream/report.js'

/**
 * The JSON report: `{"version":1,"files":[{"path","findings","error"?}]}`, compact, with each
 * file entry and each finding on a line of its own.
 */
export function reportJson(results: readonly FileResult[]): string {
  const layout = new JsonLayout()
  let text = ''
  for (const result of results) {
    text += layout.open(result.path) + layout.items(result.findings)
    if (result.error) text += layout.field('error', result.error)
    text += layout.close()
  }
  return text + layout.finish()
}
