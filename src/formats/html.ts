import { ok, type Result } from '../result.js'
import { DecodedText } from './decoded.js'
import type { FormatAdapter } from './index.js'
import {
  type Attribute,
  decodeInto,
  encodeAttribute,
  encodeXmlText,
  type Token,
  tokenize,
} from './markup.js'
import { type ProseSegment, SegmentBuilder } from './segment.js'

/** Elements whose content is never prose to check. */
const skipped = new Set([
  'pre',
  'textarea',
  'svg',
  'math',
  'template',
  'object',
  'canvas',
  'audio',
  'video',
  'iframe',
])
/** Inline elements kept exactly and shown to the rules as they are (code and the like). */
const opaqueInline = new Set([
  'code',
  'kbd',
  'samp',
  'var',
  'tt',
  'br',
  'wbr',
  'img',
  'input',
  'embed',
])
/** Inline elements whose tags are markup around prose. */
const transparentInline = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
])
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
const altElements = new Set(['img', 'area', 'input'])

type Open = Extract<Token, { type: 'open' }>

/** The index of the token closing the element opened at `index`, or the last token. */
function closingIndex(tokens: readonly Token[], index: number, name: string): number {
  let depth = 0
  for (let i = index; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'open' && token.name === name && !token.selfClosing) depth++
    else if (token.type === 'close' && token.name === name) {
      depth--
      if (depth === 0) return i
    }
  }
  return tokens.length - 1
}

/** The prose attributes of a tag: `title` on any element, `alt` on images and image inputs. */
function proseAttributes(token: Open): Attribute[] {
  return token.attributes.filter(
    (a) =>
      a.valueEnd > a.valueStart &&
      (a.name === 'title' || (a.name === 'alt' && altElements.has(token.name))),
  )
}

function attributeSegment(source: string, attribute: Attribute): ProseSegment | undefined {
  const builder = new SegmentBuilder(source)
  const decoded = new DecodedText(source)
  decodeInto(decoded, source, attribute.valueStart, attribute.valueEnd, 'html')
  decoded.emit(builder, 0, decoded.text.length)
  return builder.build(encodeAttribute(attribute.quote))
}

/**
 * Extract the text of an HTML document, one segment per block element (paragraph, heading,
 * list item, table cell…), with white space collapsed as a browser does, entities decoded
 * and re-encoded in fixes, plus `alt` and `title` attribute values. Never `<script>`,
 * `<style>`, `<code>`, `<pre>`, `<textarea>`, comments, other attributes, or elements marked
 * `translate="no"`. HTML is parsed
 * forgivingly, as browsers do, so it never fails.
 */
export function extractHtml(source: string): Result<ProseSegment[]> {
  const tokens = tokenize(source, 'html')
  if (!tokens.ok) return tokens
  const list = tokens.value
  const segments: ProseSegment[] = []
  let builder = new SegmentBuilder(source, { collapseWhitespace: true })
  const flush = () => {
    const segment = builder.build(encodeXmlText)
    if (segment) segments.push(segment)
    builder = new SegmentBuilder(source, { collapseWhitespace: true })
  }
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!
    if (token.type === 'text') {
      const decoded = new DecodedText(source)
      decodeInto(decoded, source, token.start, token.end, 'html')
      decoded.emit(builder, 0, decoded.text.length)
      continue
    }
    if (token.type === 'raw') {
      flush()
      continue
    }
    if (token.type === 'other') continue
    const name = token.name
    if (token.type === 'close') {
      if (!transparentInline.has(name)) flush()
      continue
    }
    // `translate="no"` marks content that must stay as it is (names, code, brands).
    const keep = token.attributes.some(
      (a) =>
        a.name === 'translate' && source.slice(a.valueStart, a.valueEnd).toLowerCase() === 'no',
    )
    if (skipped.has(name) || (keep && !transparentInline.has(name) && !opaqueInline.has(name))) {
      flush()
      if (!token.selfClosing && !voidElements.has(name)) i = closingIndex(list, i, name)
      continue
    }
    const attributes = keep ? [] : proseAttributes(token)
    if (opaqueInline.has(name) || keep) {
      const close = voidElements.has(name) || token.selfClosing ? i : closingIndex(list, i, name)
      const end = list[close]!.end
      // Alt and title of an image are segments of their own: leave their values out.
      const holes = close === i ? attributes : []
      let cursor = token.start
      for (const hole of holes) {
        builder.opaque(cursor, hole.valueStart)
        cursor = hole.valueEnd
      }
      builder.opaque(cursor, end)
      for (const hole of holes) {
        const segment = attributeSegment(source, hole)
        if (segment) segments.push(segment)
      }
      i = close
      continue
    }
    if (!transparentInline.has(name)) flush()
    for (const attribute of attributes) {
      const segment = attributeSegment(source, attribute)
      if (segment) segments.push(segment)
    }
  }
  flush()
  // Attribute segments were added when their tag was read: put everything in source order.
  return ok(segments.sort((a, b) => a.offset - b.offset))
}

/** HTML documents and fragments. */
export const html: FormatAdapter = {
  name: 'html',
  extensions: ['.html', '.htm'],
  extract: extractHtml,
}
