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
