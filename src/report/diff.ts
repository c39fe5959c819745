import { FILE_HEADERS_ONLY, formatPatch, type StructuredPatch, structuredPatch } from 'diff'
import { lineOf, lineStarts } from '../engine/paragraphs.js'
import type { Edit } from '../engine/types.js'

/** A span that differs between two texts: `[oldStart, oldEnd)` became `[newStart, newEnd)`. */
export interface ChangedRegion {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
}

/**
 * Compose the edits of successive passes into the spans they changed, in offsets of the first
 * text (`old…`) and of the last (`new…`). Outside these spans the two texts are identical.
 *
 * @param steps Per pass, non-overlapping edits in the offsets of the text that pass began with.
 */
export function composeRegions(steps: readonly (readonly Edit[])[]): ChangedRegion[] {
  let regions: ChangedRegion[] = []
  for (const step of steps) {
    const edits = [...step].sort((a, b) => a.start - b.start || a.end - b.end)
    const next: ChangedRegion[] = []
    let r = 0
    let e = 0
    let regionDelta = 0 // growth of the regions passed so far (current text vs first text)
    let editDelta = 0 // growth of the edits passed so far (next text vs current text)
    while (r < regions.length || e < edits.length) {
      const region = regions[r]
      const edit = edits[e]
      const regionFirst = region && (!edit || region.newStart <= edit.start)
      const start = regionFirst ? region!.newStart : edit!.start
      let end = start
      let groupRegionDelta = 0
      let groupEditDelta = 0
      for (;;) {
        const nextRegion = regions[r]
        const nextEdit = edits[e]
        if (
          nextRegion &&
          nextRegion.newStart <= end &&
          (!nextEdit || nextRegion.newStart <= nextEdit.start)
        ) {
          end = Math.max(end, nextRegion.newEnd)
          groupRegionDelta +=
            nextRegion.newEnd - nextRegion.newStart - (nextRegion.oldEnd - nextRegion.oldStart)
          r++
        } else if (nextEdit && nextEdit.start <= end) {
          end = Math.max(end, nextEdit.end)
          groupEditDelta += nextEdit.text.length - (nextEdit.end - nextEdit.start)
          e++
        } else if (nextRegion && nextRegion.newStart <= end) {
          end = Math.max(end, nextRegion.newEnd)
          groupRegionDelta +=
            nextRegion.newEnd - nextRegion.newStart - (nextRegion.oldEnd - nextRegion.oldStart)
          r++
        } else break
      }
      next.push({
        oldStart: start - regionDelta,
        oldEnd: end - regionDelta - groupRegionDelta,
        newStart: start + editDelta,
        newEnd: end + editDelta + groupEditDelta,
      })
      regionDelta += groupRegionDelta
      editDelta += groupEditDelta
    }
    regions = next
  }
  return regions
}

/** Options for `unifiedDiff`. */
export interface DiffOptions {
  color: boolean
  /** Lines of context around each change (at least 1). */
  context?: number
  /**
   * The spans that changed (from `composeRegions`). With them, only the lines around each span
   * are compared, so the cost follows the size of the changes, not of the file.
   */
  regions?: readonly ChangedRegion[]
}

/**
 * A unified diff of one file (`--- a/PATH`, `+++ b/PATH`, hunks), as `git apply` and
 * `patch -p1` accept; '' when the texts are equal. Line endings are kept inside the lines.
 */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
  options: DiffOptions,
): string {
  if (before === after) return ''
  const context = Math.max(1, options.context ?? 3)
  const patch = options.regions
    ? patchFromRegions(before, after, options.regions, context)
    : structuredPatch('', '', before, after, undefined, undefined, { context })
  if (patch.hunks.length === 0) return ''
  patch.oldFileName = `a/${path}`
  patch.newFileName = `b/${path}`
  const text = formatPatch(patch, FILE_HEADERS_ONLY)
  return options.color ? colorize(text) : text
}

// Group the regions into windows of whole lines (with `context` lines around), compare only
// inside each window, and move the hunks to the window's place in the file.
function patchFromRegions(
  before: string,
  after: string,
  regions: readonly ChangedRegion[],
  context: number,
): StructuredPatch {
  const oldStarts = lineStarts(before)
  const newStarts = lineStarts(after)
  const lastLine = oldStarts.length - 1
  const lineEnd = (line: number) =>
    line + 1 < oldStarts.length ? oldStarts[line + 1]! : before.length
  const patch: StructuredPatch = {
    oldFileName: '',
    newFileName: '',
    oldHeader: undefined,
    newHeader: undefined,
    hunks: [],
  }
  let delta = 0
  let index = 0
  while (index < regions.length) {
    const first = regions[index]!
    const firstLine = Math.max(0, lineOf(oldStarts, first.oldStart) - context)
    let lastTouched = lastLineOf(oldStarts, first)
    let groupDelta = regionDelta(first)
    index++
    while (index < regions.length) {
      const region = regions[index]!
      if (lineOf(oldStarts, region.oldStart) - context > lastTouched + context + 1) break
      lastTouched = Math.max(lastTouched, lastLineOf(oldStarts, region))
      groupDelta += regionDelta(region)
      index++
    }
    const windowStart = oldStarts[firstLine]!
    const windowEnd = lineEnd(Math.min(lastLine, lastTouched + context))
    const newStart = windowStart + delta
    const newEnd = windowEnd + delta + groupDelta
    const local = structuredPatch(
      '',
      '',
      before.slice(windowStart, windowEnd),
      after.slice(newStart, newEnd),
      undefined,
      undefined,
      { context },
    )
    const newFirstLine = lineOf(newStarts, newStart)
    for (const hunk of local.hunks) {
      patch.hunks.push({
        ...hunk,
        oldStart: hunk.oldStart + firstLine,
        newStart: hunk.newStart + newFirstLine,
      })
    }
    delta += groupDelta
  }
  return patch
}

function lastLineOf(starts: readonly number[], region: ChangedRegion): number {
  return lineOf(starts, region.oldEnd > region.oldStart ? region.oldEnd - 1 : region.oldStart)
}

function regionDelta(region: ChangedRegion): number {
  return region.newEnd - region.newStart - (region.oldEnd - region.oldStart)
}

const paint = (open: string, close: string) => (line: string) => {
  // Keep a line's CR outside the colour codes so the terminal shows the codes whole.
  const cr = line.endsWith('\r') ? '\r' : ''
  return `\u001B[${open}m${cr ? line.slice(0, -1) : line}\u001B[${close}m${cr}`
}
const bold = paint('1', '22')
const red = paint('31', '39')
const green = paint('32', '39')
const cyan = paint('36', '39')
const dim = paint('2', '22')

/** Colour one file's unified diff: headers bold, hunk ranges cyan, removals red, additions green. */
export function colorize(diff: string): string {
  let header = true
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('@@')) {
        header = false
        return cyan(line)
      }
      if (header && (line.startsWith('--- ') || line.startsWith('+++ '))) return bold(line)
      if (line.startsWith('-')) return red(line)
      if (line.startsWith('+')) return green(line)
      if (line.startsWith('\\')) return dim(line)
      return line
    })
    .join('\n')
}
