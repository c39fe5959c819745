import { err, ok, type Result } from '../result.js'
import { DecodedText } from './decoded.js'
import type { FormatAdapter } from './index.js'
import { decodeEntity, encodeXmlText } from './markup.js'
import { lineColumn, type ProseSegment, SegmentBuilder } from './segment.js'

interface Line {
  start: number
  /** End of the line's content, before `\r\n` or `\n`. */
  end: number
  text: string
}

function linesOf(source: string): Line[] {
  const lines: Line[] = []
  let offset = 0
  while (offset < source.length) {
    let next = source.indexOf('\n', offset)
    if (next === -1) next = source.length
    const end = next > offset && source[next - 1] === '\r' ? next - 1 : next
    lines.push({ start: offset, end, text: source.slice(offset, end) })
    offset = next + 1
  }
  return lines
}

const blank = /^[ \t]*$/
const srtIndex = /^[ \t]*\d+[ \t]*$/
const srtTiming =
  /^[ \t]*\d{1,3}:\d{1,2}:\d{1,2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,3}:\d{1,2}:\d{1,2}[,.]\d{1,3}(?:[ \t][^\n]*)?$/
const vttTimestamp = '(?:\\d{1,}:)?\\d{2}:\\d{2}\\.\\d{3}'
const vttTiming = new RegExp(
  `^[ \\t]*${vttTimestamp}[ \\t]+-->[ \\t]+${vttTimestamp}(?:[ \\t][^\\n]*)?$`,
)
// Tags SubRip players understand, and ASS-style override codes such as `{\an8}`.
const srtMarkup = /<\/?(?:[ibus]|font)(?:[ \t][^<>\n]*)?>|\{\\[^{}\n]*\}/gi
// WebVTT cue spans (`<i>`, `<c.yellow>`, `<v Roger>`, `<lang en>`, `<ruby>`, `<rt>`) and timestamps.
const vttMarkup = /<\/?(?:[ibuc]|v|lang|ruby|rt)(?:[.\t ][^<>\n]*)?>|<\d{1,}:[\d:.]+>/g
const vttEntity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g

function fail(kind: string, source: string, offset: number, message: string): Result<never> {
  return err(`${kind} syntax error at ${lineColumn(source, offset)}: ${message}`)
}

/** Cue text lines as one segment; tags hidden, VTT entities decoded. */
function cueSegment(
  source: string,
  lines: readonly Line[],
  vtt: boolean,
): ProseSegment | undefined {
  const builder = new SegmentBuilder(source)
  const markup = vtt ? vttMarkup : srtMarkup
  const first = lines[0]!
  const last = lines.at(-1)!
  const from = first.start
  const to = last.end
  let cursor = from
  const body = source.slice(from, to)
  const add = (start: number, end: number) => {
    if (!vtt) return builder.slice(start, end)
    const decoded = new DecodedText(source)
    let at = start
    for (const match of source.slice(start, end).matchAll(vttEntity)) {
      const s = start + match.index
      const value = decodeEntity(match[0], 'html')
      if (value === undefined) continue
      decoded.literal(at, s)
      decoded.escape(value, s, s + match[0].length)
      at = s + match[0].length
    }
    decoded.literal(at, end)
    decoded.emit(builder, 0, decoded.text.length)
  }
  for (const match of body.matchAll(markup)) {
    const start = from + match.index
    add(cursor, start)
    cursor = start + match[0].length
  }
  add(cursor, to)
  return builder.build(vtt ? encodeXmlText : undefined)
}

/** Group lines into blocks separated by blank lines. */
function blocksOf(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = []
  let block: Line[] = []
  for (const line of lines) {
    if (blank.test(line.text)) {
      if (block.length > 0) blocks.push(block)
      block = []
    } else block.push(line)
  }
  if (block.length > 0) blocks.push(block)
  return blocks
}

/**
 * Extract the cue text of a SubRip (.srt) file, one segment per cue. Indexes, timestamps,
 * positions, `<i>`/`<b>`/`<font>` tags and `{\an8}` codes are never checked.
 */
export function extractSrt(source: string): Result<ProseSegment[]> {
  const segments: ProseSegment[] = []
  for (const block of blocksOf(linesOf(source))) {
    let at = 0
    if (srtIndex.test(block[0]!.text) && block.length > 1) at = 1
    const timing = block[at]!
    if (!srtTiming.test(timing.text)) {
      return fail(
        'SRT',
        source,
        timing.start,
        'expected a timestamp line (00:00:01,000 --> 00:00:04,000)',
      )
    }
    const text = block.slice(at + 1)
    if (text.length === 0) continue
    const segment = cueSegment(source, text, false)
    if (segment) segments.push(segment)
  }
  return ok(segments)
}

/**
 * Extract the cue payloads of a WebVTT (.vtt) file, one segment per cue. The header, NOTE,
 * STYLE and REGION blocks, cue identifiers, timings and settings, and cue tags are never
 * checked; entities (`&amp;`) are decoded for checking and re-encoded in fixes.
 */
export function extractVtt(source: string): Result<ProseSegment[]> {
  const lines = linesOf(source)
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0]?.text ?? '')) {
    return fail('WebVTT', source, 0, 'a WebVTT file starts with `WEBVTT`')
  }
  const segments: ProseSegment[] = []
  const [, ...blocks] = blocksOf(lines)
  for (const block of blocks) {
    const head = block[0]!.text
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head)) continue
    let at = 0
    if (!head.includes('-->') && block.length > 1) at = 1
    const timing = block[at]!
    if (!vttTiming.test(timing.text)) {
      return fail(
        'WebVTT',
        source,
        timing.start,
        'expected a cue timing line (00:00:01.000 --> 00:00:04.000)',
      )
    }
    const text = block.slice(at + 1)
    if (text.length === 0) continue
    const segment = cueSegment(source, text, true)
    if (segment) segments.push(segment)
  }
  return ok(segments)
}

/** SubRip subtitles. */
export const srt: FormatAdapter = { name: 'srt', extensions: ['.srt'], extract: extractSrt }

/** WebVTT subtitles. */
export const vtt: FormatAdapter = { name: 'vtt', extensions: ['.vtt'], extract: extractVtt }
