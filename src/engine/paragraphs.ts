import type { Paragraph } from './types.js'

/**
 * Split plain text into paragraphs: one per non-blank line (machine-translated text puts one
 * paragraph on each line). A line's `\r` is not part of its paragraph.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let offset = 0
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset)
    if (end === -1) end = text.length
    let stop = end
    if (stop > offset && text.charCodeAt(stop - 1) === 13) stop--
    const line = text.slice(offset, stop)
    if (line.trim() !== '') paragraphs.push({ text: line, offset })
    offset = end + 1
  }
  return paragraphs
}

/** The offset where each line of `text` starts (lines end at `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** The 0-based line (of `lineStarts`) that holds `offset`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return low
}
