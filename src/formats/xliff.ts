import { err, ok, type Result } from '../result.js'
import { DecodedText } from './decoded.js'
import type { FormatAdapter } from './index.js'
import { decodeInto, encodeXmlText, type Token, tokenize } from './markup.js'
import { emitMessage } from './placeholders.js'
import { lineColumn, type ProseSegment, SegmentBuilder } from './segment.js'

// Inline elements whose tags are markup around prose (XLIFF 1.2: g, mrk, bx, ex; 2.x: pc,
// mrk, sc, ec, sm, em). Every other inline element (x, ph, bpt, ept, it, cp, unknown ones) is
// opaque: kept exactly, shown to the rules as it is.
const transparent = new Set(['g', 'mrk', 'bx', 'ex', 'pc', 'sc', 'ec', 'sm', 'em'])

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

function attribute(
  source: string,
  token: Extract<Token, { type: 'open' }>,
  name: string,
): string | undefined {
  const found = token.attributes.find((a) => localName(a.name) === name)
  return found ? source.slice(found.valueStart, found.valueEnd) : undefined
}

/** The index of the token closing the element opened at `index`. */
function closingIndex(tokens: readonly Token[], index: number): number {
  let depth = 0
  for (let i = index; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'open' && !token.selfClosing) depth++
    else if (token.type === 'close') {
      depth--
      if (depth === 0) return i
    }
  }
  return tokens.length - 1
}

/** A CDATA section as its own segment: tags and entities in it are opaque. */
function cdataSegment(source: string, start: number, end: number): ProseSegment | undefined {
  const builder = new SegmentBuilder(source)
  let cursor = start
  for (const match of source.slice(start, end).matchAll(/<[^<>]*>|&[#\w]+;/g)) {
    const at = start + match.index
    builder.slice(cursor, at)
    builder.opaque(at, at + match[0].length)
    cursor = at + match[0].length
  }
  builder.slice(cursor, end)
  return builder.build()
}

/** Segments of one `<target>`: tokens (from, to) exclusive of the target's own tags. */
function targetSegments(
  source: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  out: ProseSegment[],
) {
  let builder = new SegmentBuilder(source)
  const flush = () => {
    const segment = builder.build(encodeXmlText)
    if (segment) out.push(segment)
    builder = new SegmentBuilder(source)
  }
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    if (token.type === 'text') {
      const decoded = new DecodedText(source)
      decodeInto(decoded, source, token.start, token.end, 'xml')
      emitMessage(decoded, builder, { tags: 'opaque' })
    } else if (token.type === 'raw') {
      flush()
      const segment = cdataSegment(source, token.start, token.end)
      if (segment) out.push(segment)
    } else if (token.type === 'open') {
      const name = localName(token.name)
      const protectedMark =
        name === 'mrk' &&
        (attribute(source, token, 'mtype') === 'protected' ||
          attribute(source, token, 'translate') === 'no')
      if (transparent.has(name) && !protectedMark) continue
      const close = token.selfClosing ? i : closingIndex(tokens, i)
      builder.opaque(token.start, tokens[close]!.end)
      i = close
    }
  }
  flush()
}

/**
 * Extract the translations of an XLIFF 1.2 or 2.x file: the text of every `<target>` (not
 * those of `<alt-trans>` proposals, nor of units marked `translate="no"`). Inline codes are kept exactly; entities and CDATA are
 * decoded for checking, and fixes are re-encoded. Malformed XML is an error naming line:column.
 */
export function extractXliff(source: string): Result<ProseSegment[]> {
  const tokens = tokenize(source, 'xml')
  if (!tokens.ok) return tokens
  const list = tokens.value
  const root = list.find((t) => t.type === 'open')
  if (root?.type === 'open' && localName(root.name) !== 'xliff') {
    return err(
      `XLIFF error at ${lineColumn(source, root.start)}: the root element is <${root.name}>, expected <xliff>`,
    )
  }
  const segments: ProseSegment[] = []
  // Open elements; units marked translate="no" (and what they hold) are not checked.
  const path: string[] = []
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!
    if (token.type === 'close') path.pop()
    if (token.type !== 'open' || token.selfClosing) continue
    const name = localName(token.name)
    if (name === 'target' && !path.includes('alt-trans') && !path.includes('translate=no')) {
      const close = closingIndex(list, i)
      targetSegments(source, list, i + 1, close, segments)
      i = close
      continue
    }
    path.push(attribute(source, token, 'translate') === 'no' ? 'translate=no' : name)
  }
  return ok(segments)
}

/** XLIFF 1.2 and 2.x. */
export const xliff: FormatAdapter = {
  name: 'xliff',
  extensions: ['.xlf', '.xliff'],
  extract: extractXliff,
}
