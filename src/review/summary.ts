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

function result(entry: SummaryEntry, action: 'write' | 'quit'): string {
  const changed = entry.review.text !== entry.review.original
  if (action === 'quit') return changed ? 'discarded' : 'unchanged'
  if (entry.write?.status === 'failed') return 'NOT WRITTEN'
  return entry.write?.status === 'written' ? 'written' : 'unchanged'
}

/**
 * The summary printed after the review: a table with, per file, the changes accepted and
 * edited, the findings skipped and those left undecided, what became of the file, and its path.
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
  const written = entries.filter((e) => e.write?.status === 'written').length
  const failed = entries.filter((e) => e.write?.status === 'failed').length
  const discarded = entries.reduce(
    (n, e) => n + (e.review.text !== e.review.original ? e.review.decisions.length : 0),
    0,
  )
  const head =
    action === 'quit'
      ? `mtclean review: quit without writing${discarded > 0 ? ` (${plural(discarded, 'change')} discarded)` : ''}`
      : `mtclean review: ${plural(written, 'file')} written${failed > 0 ? `, ${failed} NOT written` : ''}`
  const header = ['accepted', 'edited', 'skipped', 'left', 'result', 'file']
  const rows = entries.map((entry) => {
    const c = countsOf(entry.review)
    return [c.accepted, c.edited, c.skipped, c.pending]
      .map(String)
      .concat(result(entry, action), entry.review.path)
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    `  ${cells
      .map((cell, i) =>
        i < 4 ? cell.padStart(widths[i]!) : i === 4 ? cell.padEnd(widths[i]!) : cell,
      )
      .join('  ')}`
  const lines = [head, line(header), ...rows.map(line)]
  if (clean > 0) lines.push(`  (${plural(clean, 'file')} without findings not shown)`)
  return `${lines.join('\n')}\n`
}
