import stringWidth from 'string-width'
import { countsOf, type FileReview } from './state.js'
import type { WriteStatus } from './write.js'

/** One line of the summary: a reviewed file and what became of it. */
export interface SummaryEntry {
  review: FileReview
  /** Absent when the review was quit without writing. */
  write?: WriteStatus
}

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/**
 * The summary printed after the review: per file, how many changes were accepted, edited and
 * skipped, how many findings were not reviewed, and whether the file was written.
 *
 * @param entries The reviewed files, in review order.
 * @param action Whether the review was written or quit.
 * @param clean How many files had no findings and were not shown.
 */
export function reviewSummary(
  entries: readonly SummaryEntry[],
  action: 'write' | 'quit',
  clean: number,
): string {
  const rows = entries.map(({ review, write }) => {
    const c = countsOf(review)
    const counts = `${c.accepted} accepted, ${c.edited} edited, ${c.skipped} skipped, ${c.pending} not reviewed`
    const changed = review.text !== review.original
    const outcome =
      action === 'quit'
        ? changed
          ? 'not written (quit)'
          : 'unchanged'
        : write?.status === 'failed'
          ? `NOT WRITTEN: ${write.error}`
          : write?.status === 'written'
            ? 'written'
            : 'unchanged'
    return { path: review.path, counts, outcome }
  })
  const width = Math.max(0, ...rows.map((r) => stringWidth(r.path)))
  const written = entries.filter((e) => e.write?.status === 'written').length
  const failed = entries.filter((e) => e.write?.status === 'failed').length
  const discarded = entries.reduce((n, e) => n + e.review.decisions.length, 0)
  const head =
    action === 'quit'
      ? `mtclean review: quit without writing${discarded > 0 ? ` (${plural(discarded, 'change')} discarded)` : ''}`
      : `mtclean review: ${plural(written, 'file')} written${failed > 0 ? `, ${failed} not written` : ''}`
  const lines = [head]
  for (const row of rows) {
    lines.push(
      `  ${row.path}${' '.repeat(width - stringWidth(row.path))}  ${row.counts}  ${row.outcome}`,
    )
  }
  if (clean > 0) lines.push(`  (${plural(clean, 'file')} without findings not shown)`)
  return `${lines.join('\n')}\n`
}
