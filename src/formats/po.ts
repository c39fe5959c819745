import { err, ok, type Result } from '../result.js'
import { DecodedText } from './decoded.js'
import type { FormatAdapter } from './index.js'
import { emitMessage } from './placeholders.js'
import { indexWithin, lineColumn, type ProseSegment, SegmentBuilder } from './segment.js'

const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[ \t]|"|$)/
const simpleEscapes: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  '?': '?',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
}

/** A quoted string of a PO file: where its content lies in the source. */
interface QuotedString {
  start: number
  end: number
}

interface Entry {
  context: boolean
  id: QuotedString[]
  strings: QuotedString[][]
  /** The keyword whose strings continuation lines extend. */
  current: QuotedString[] | undefined
}

/** Re-escape replacement text for a PO string. */
export function encodePo(text: string): string {
  return text.replace(/[\\"\n\t\r]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\${c}`,
  )
}

/**
 * Read one quoted string starting at `at` (a `"`), ending before `lineEnd`.
 *
 * @returns The content range, or an error naming the position.
 */
function readString(source: string, at: number, lineEnd: number): Result<QuotedString> {
  let i = at + 1
  while (i < lineEnd) {
    const c = source[i]
    if (c === '"') {
      const rest = source.slice(i + 1, lineEnd)
      const garbage = rest.search(/[^ \t\r]/)
      if (garbage !== -1) return fail(source, i + 1 + garbage, 'unexpected text after a string')
      return ok({ start: at + 1, end: i })
    }
    if (c === '\\') {
      const length = escapeLength(source, i, lineEnd)
      if (length === 0) return fail(source, i, `unknown escape \`\\${source[i + 1] ?? ''}\``)
      i += length
      continue
    }
    i++
  }
  return fail(source, at, 'unterminated string')
}

/** Length of the escape at `at` (a backslash), or 0 when it is not a valid escape. */
function escapeLength(source: string, at: number, limit: number): number {
  const next = source[at + 1]
  if (next === undefined || at + 1 >= limit) return 0
  if (next in simpleEscapes) return 2
  if (/[0-7]/.test(next)) {
    let n = 1
    while (n < 3 && /[0-7]/.test(source[at + 1 + n] ?? '')) n++
    return 1 + n
  }
  if (next === 'x' && /[0-9a-fA-F]/.test(source[at + 2] ?? '')) {
    let n = 1
    while (n < 2 && /[0-9a-fA-F]/.test(source[at + 2 + n] ?? '')) n++
    return 2 + n
  }
  return 0
}

function decodeEscape(sequence: string): string {
  const body = sequence.slice(1)
  if (body in simpleEscapes) return simpleEscapes[body]!
  if (body[0] === 'x') return String.fromCharCode(Number.parseInt(body.slice(1), 16))
  return String.fromCharCode(Number.parseInt(body, 8))
}

function fail(source: string, offset: number, message: string): Result<never> {
  return err(`PO syntax error at ${lineColumn(source, offset)}: ${message}`)
}

/** Add a string's decoded content, escape by escape. */
function addString(decoded: DecodedText, source: string, string: QuotedString) {
  let cursor = string.start
  let i = indexWithin(source, '\\', cursor, string.end)
  while (i !== -1) {
    decoded.literal(cursor, i)
    const length = escapeLength(source, i, string.end)
    decoded.escape(decodeEscape(source.slice(i, i + length)), i, i + length)
    cursor = i + length
    i = indexWithin(source, '\\', cursor, string.end)
  }
  decoded.literal(cursor, string.end)
}

function segmentsOf(source: string, entry: Entry, out: ProseSegment[]) {
  const header = !entry.context && entry.id.every((s) => s.end === s.start)
  if (header) return
  for (const strings of entry.strings) {
    const decoded = new DecodedText(source)
    for (const string of strings) addString(decoded, source, string)
    const builder = new SegmentBuilder(source)
    emitMessage(decoded, builder, { tags: 'opaque' })
    const segment = builder.build(encodePo)
    if (segment) out.push(segment)
  }
}

/**
 * Extract the translations of a gettext PO/POT file: every `msgstr` and `msgstr[n]`, with
 * continuation lines joined and escapes decoded. Comments (`#, fuzzy`, `#~` obsolete
 * entries), `msgctxt`, `msgid` and the header entry are never checked.
 */
export function extractPo(source: string): Result<ProseSegment[]> {
  const segments: ProseSegment[] = []
  let entry: Entry | undefined
  let offset = 0
  while (offset < source.length) {
    let lineEnd = source.indexOf('\n', offset)
    if (lineEnd === -1) lineEnd = source.length
    const next = lineEnd + 1
    let start = offset
    while (start < lineEnd && (source[start] === ' ' || source[start] === '\t')) start++
    const first = source[start]
    if (start >= lineEnd || first === '\r' || first === '#') {
      offset = next
      continue
    }
    if (first === '"') {
      if (!entry?.current) return fail(source, start, 'a string continues no keyword')
      const string = readString(source, start, lineEnd)
      if (!string.ok) return string
      entry.current.push(string.value)
      offset = next
      continue
    }
    const match = keyword.exec(source.slice(start, Math.min(lineEnd, start + 20)))
    if (!match) {
      return fail(
        source,
        start,
        'expected a keyword (msgctxt, msgid, msgid_plural, msgstr) or a string',
      )
    }
    const word = match[1]!
    let quote = start + word.length
    while (quote < lineEnd && (source[quote] === ' ' || source[quote] === '\t')) quote++
    if (source[quote] !== '"') return fail(source, quote, `expected a string after ${word}`)
    const string = readString(source, quote, lineEnd)
    if (!string.ok) return string
    if (word === 'msgctxt' || word === 'msgid') {
      // A msgid right after a msgctxt belongs to the same entry; anything else starts one.
      const continues = word === 'msgid' && entry?.context === true && entry.id.length === 0
      if (entry && !continues) {
        if (entry.strings.length === 0) {
          return fail(source, start, `${word} before the msgstr of the previous entry`)
        }
        segmentsOf(source, entry, segments)
        entry = undefined
      }
      entry ??= { context: false, id: [], strings: [], current: undefined }
      if (word === 'msgctxt') {
        entry.context = true
        entry.current = [string.value]
      } else {
        entry.id = [string.value]
        entry.current = entry.id
      }
    } else if (word === 'msgid_plural') {
      if (!entry || entry.id.length === 0) return fail(source, start, 'msgid_plural without msgid')
      entry.current = [string.value]
    } else {
      if (!entry || entry.id.length === 0) return fail(source, start, `${word} without msgid`)
      const strings = [string.value]
      entry.strings.push(strings)
      entry.current = strings
    }
    offset = next
  }
  if (entry) {
    if (entry.strings.length === 0) return fail(source, source.length, 'entry without msgstr')
    segmentsOf(source, entry, segments)
  }
  return ok(segments)
}

/** gettext PO and POT files. */
export const po: FormatAdapter = {
  name: 'po',
  extensions: ['.po', '.pot'],
  extract: extractPo,
}
