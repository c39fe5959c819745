import type { DecodedText } from './decoded.js'
import type { SegmentBuilder } from './segment.js'

/** A span of a message that is not prose: kept for the rules to see (`opaque`) or hidden. */
export interface Span {
  start: number
  end: number
  kind: 'opaque' | 'hidden'
}

const doubleBrace = /\{\{[^{}]*\}\}/y
const printf =
  /%(?:\d+\$)?[-+ #0]*(?:[1-9]\d*)?(?:\.\d+)?(?:ll|l|h|z)?[sdifuxX@%]|%\([^()\s]{1,64}\)[sdif]/y
const i18nextNesting = /\$t\([^()]*\)/y
const dollarName = /\$[A-Z_][A-Z0-9_]*\$|\$\{[^{}]*\}/y
const vueLinked = /@(?:\.[a-z]+)?:(?:[\w.-]+|\([\w.-]+\))/y
const pairedTag = /<\/?[A-Za-z0-9][\w.-]*(?:\s[^<>]*)?>/y
const selfClosingTag = /<[A-Za-z0-9][\w.-]*(?:\s[^<>]*)?\/>/y
const icuName = /[^\s{},#]+/y
const icuKeyword = /[a-z]+/y
const icuSelector = /offset:\s*\d+|=?[\w-]+/y
const space = /\s*/y

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at
  const match = pattern.exec(text)
  return match ? at + match[0].length : -1
}

/**
 * Find the placeholders of a localisation message: `{name}`, `{{count}}`, `%s`, `%1$s`,
 * `%(name)s`, `$t(key)`, `$NAME$`, `${x}`, `@:key`, ICU `{n, plural, …}` / `{x, select, …}`
 * (only the text of the branches is prose; `#` is a placeholder) and tags (`<1>…</1>` are
 * hidden, `<br/>` is opaque). A `%` right after a digit is a percent sign.
 *
 * @returns Non-prose spans in order; everything else is prose.
 */
export function placeholderSpans(text: string, options: MessageOptions = {}): Span[] {
  const spans: Span[] = []
  scanMessage(text, 0, text.length, false, spans, 0)
  if (options.tags === 'opaque') for (const span of spans) span.kind = 'opaque'
  return spans
}

/** How to treat a message's tags. */
export interface MessageOptions {
  /** `hidden` (JSON: `<1>…</1>` are markup) or `opaque` (escaped markup in XLIFF or PO text). */
  tags?: 'hidden' | 'opaque'
}

// Scan prose in [from, to), adding non-prose spans; inside plural branches `#` is a placeholder.
function scanMessage(
  text: string,
  from: number,
  to: number,
  plural: boolean,
  spans: Span[],
  depth: number,
) {
  let i = from
  while (i < to) {
    const c = text[i]!
    let end = -1
    let kind: Span['kind'] = 'opaque'
    if (c === '{') {
      end = matchAt(doubleBrace, text, i)
      if (end === -1 || end > to) {
        const nested: Span[] = []
        end = depth < 16 ? parseArgument(text, i, to, nested, depth) : -1
        if (end !== -1) {
          spans.push(...nested)
          i = end
          continue
        }
      }
    } else if (c === '%' && !/\d/.test(text[i - 1] ?? '')) end = matchAt(printf, text, i)
    else if (c === '$') {
      end = matchAt(i18nextNesting, text, i)
      if (end === -1) end = matchAt(dollarName, text, i)
    } else if (c === '@') end = matchAt(vueLinked, text, i)
    else if (c === '<') {
      end = matchAt(selfClosingTag, text, i)
      if (end === -1) {
        end = matchAt(pairedTag, text, i)
        kind = 'hidden'
      }
    } else if (c === '#' && plural) end = i + 1
    if (end !== -1 && end <= to) {
      spans.push({ start: i, end, kind })
      i = end
    } else i++
  }
}

/**
 * Parse an ICU argument `{…}` at `at`. Its syntax is opaque, the text of plural/select
 * branches is scanned as prose.
 *
 * @returns The end of the argument, or -1 when it is not one.
 */
function parseArgument(text: string, at: number, to: number, spans: Span[], depth: number): number {
  let i = matchAt(space, text, at + 1)
  const nameEnd = matchAt(icuName, text, i)
  if (nameEnd === -1) return -1
  i = matchAt(space, text, nameEnd)
  if (text[i] === '}') {
    spans.push({ start: at, end: i + 1, kind: 'opaque' })
    return i + 1
  }
  if (text[i] !== ',') return -1
  i = matchAt(space, text, i + 1)
  const typeEnd = matchAt(icuKeyword, text, i)
  if (typeEnd === -1) return -1
  const type = text.slice(i, typeEnd)
  i = matchAt(space, text, typeEnd)
  if (text[i] === '}') {
    spans.push({ start: at, end: i + 1, kind: 'opaque' })
    return i + 1
  }
  if (text[i] !== ',') return -1
  i++
  if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') {
    // A format style (`{n, number, ::currency/EUR}`): opaque up to its closing brace.
    const close = text.indexOf('}', i)
    if (close === -1 || close >= to || text.slice(i, close).includes('{')) return -1
    spans.push({ start: at, end: close + 1, kind: 'opaque' })
    return close + 1
  }
  let opaqueFrom = at
  for (;;) {
    i = matchAt(space, text, i)
    if (text[i] === '}') {
      spans.push({ start: opaqueFrom, end: i + 1, kind: 'opaque' })
      return i + 1
    }
    const selectorEnd = matchAt(icuSelector, text, i)
    if (selectorEnd === -1) return -1
    const selector = text.slice(i, selectorEnd)
    i = matchAt(space, text, selectorEnd)
    if (selector.startsWith('offset:')) continue
    if (text[i] !== '{') return -1
    const close = matchingBrace(text, i, to)
    if (close === -1) return -1
    spans.push({ start: opaqueFrom, end: i + 1, kind: 'opaque' })
    scanMessage(text, i + 1, close, type !== 'select', spans, depth + 1)
    opaqueFrom = close
    i = close + 1
  }
}

/** The index of the `}` closing the `{` at `open`, counting nesting, or -1. */
function matchingBrace(text: string, open: number, to: number): number {
  let depth = 0
  for (let i = open; i < to; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}

/** Add a decoded localisation message to a segment: placeholders opaque, tags hidden. */
export function emitMessage(
  decoded: DecodedText,
  builder: SegmentBuilder,
  options: MessageOptions = {},
): void {
  let cursor = 0
  for (const span of placeholderSpans(decoded.text, options)) {
    decoded.emit(builder, cursor, span.start)
    if (span.kind === 'opaque') decoded.emitOpaque(builder, span.start, span.end)
    cursor = span.end
  }
  decoded.emit(builder, cursor, decoded.text.length)
}
