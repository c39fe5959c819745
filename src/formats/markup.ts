import { characterEntitiesLegacy } from 'character-entities-legacy'
import { decodeNamedCharacterReference } from 'decode-named-character-reference'
import { err, ok, type Result } from '../result.js'
import type { DecodedText } from './decoded.js'
import { indexWithin, lineColumn } from './segment.js'

/** XML (strict: errors on malformed input) or HTML (forgiving, like a browser). */
export type MarkupMode = 'xml' | 'html'

/** An attribute of a start tag, with the source range of its value (without quotes). */
export interface Attribute {
  name: string
  valueStart: number
  valueEnd: number
  /** The quote around the value, or '' when unquoted (HTML) or absent. */
  quote: '"' | "'" | ''
}

/** A token of an XML or HTML source, with exact source offsets. */
export type Token =
  | {
      type: 'open'
      name: string
      start: number
      end: number
      attributes: Attribute[]
      selfClosing: boolean
    }
  | { type: 'close'; name: string; start: number; end: number }
  | { type: 'text'; start: number; end: number }
  /** Raw text: CDATA content (XML), or the content of `<script>`/`<style>`… (HTML). */
  | { type: 'raw'; start: number; end: number; outerStart: number; outerEnd: number }
  | { type: 'other'; start: number; end: number }

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const legacy = new Set(characterEntitiesLegacy)
const reference = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}))(;?)/y
const htmlRawText = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
])
const htmlEscapableRawText = new Set(['textarea', 'title'])
const nameChar = /[^\s/>="'<]/

/**
 * Decode one character reference (`&amp;`, `&#233;`, `&#x1F600;`, and in HTML every named
 * reference, plus the legacy ones written without `;`).
 *
 * @returns The decoded text, or undefined when `ref` is not a reference in this mode.
 */
export function decodeEntity(ref: string, mode: MarkupMode): string | undefined {
  reference.lastIndex = 0
  const match = reference.exec(ref)
  if (!match || match[0].length !== ref.length) return undefined
  const [, decimal, hex, name, semicolon] = match
  if (decimal !== undefined || hex !== undefined) {
    if (mode === 'xml' && !semicolon) return undefined
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16)
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    if (mode === 'xml') return valid ? String.fromCodePoint(code) : undefined
    return valid ? String.fromCodePoint(code) : '\ufffd'
  }
  if (mode === 'xml') return semicolon ? xmlEntities[name!] : undefined
  if (semicolon) {
    const value = decodeNamedCharacterReference(name!)
    return value === false ? undefined : value
  }
  return legacy.has(name!) ? decodeNamedCharacterReference(name!) || undefined : undefined
}

/**
 * Add `source[start, end)` to decoded text, decoding character references. Unknown
 * references stay as they are (the tokenizer has already rejected them in XML).
 */
export function decodeInto(
  decoded: DecodedText,
  source: string,
  start: number,
  end: number,
  mode: MarkupMode,
) {
  let cursor = start
  let amp = indexWithin(source, '&', cursor, end)
  while (amp !== -1) {
    reference.lastIndex = amp
    const match = reference.exec(source)
    const stop = match ? amp + match[0].length : -1
    const value = match && stop <= end ? decodeEntity(match[0], mode) : undefined
    if (value !== undefined) {
      decoded.literal(cursor, amp)
      decoded.escape(value, amp, stop)
      cursor = stop
    }
    amp = indexWithin(source, '&', value !== undefined ? stop : amp + 1, end)
  }
  decoded.literal(cursor, end)
}

/** Escape replacement text for XML or HTML character data. */
export function encodeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** Escape replacement text for an attribute value with the given quote ('' = unquoted). */
export function encodeAttribute(quote: Attribute['quote']): (text: string) => string {
  return (text) =>
    text.replace(quote === '' ? /[&<>"'=`\s]/g : quote === '"' ? /[&<"]/g : /[&<']/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : `&#${c.codePointAt(0)};`,
    )
}

function fail(source: string, offset: number, message: string): Result<never> {
  return err(`XML syntax error at ${lineColumn(source, offset)}: ${message}`)
}

/** Check that every `&` in `source[start, end)` starts a valid XML reference. */
function checkReferences(source: string, start: number, end: number): Result<true> {
  for (
    let amp = indexWithin(source, '&', start, end);
    amp !== -1;
    amp = indexWithin(source, '&', amp + 1, end)
  ) {
    reference.lastIndex = amp
    const match = reference.exec(source)
    if (!match || amp + match[0].length > end || decodeEntity(match[0], 'xml') === undefined) {
      const shown = match ? match[0] : '&'
      return fail(source, amp, `\`${shown}\` is not a valid reference (write \`&amp;\` for \`&\`)`)
    }
  }
  return ok(true)
}

/**
 * Split an XML or HTML source into tokens with exact offsets. In XML mode, malformed input
 * (an unclosed or mismatched tag, an unquoted attribute, a bad `&` reference, unterminated
 * CDATA or comments) is an error naming line:column; HTML mode never fails.
 */
export function tokenize(source: string, mode: MarkupMode): Result<Token[]> {
  const xml = mode === 'xml'
  const tokens: Token[] = []
  const open: { name: string; start: number }[] = []
  let i = 0
  let textStart = 0
  const flushText = (end: number): Result<true> => {
    if (end > textStart) {
      if (xml) {
        const checked = checkReferences(source, textStart, end)
        if (!checked.ok) return checked
        if (open.length === 0 && /\S/.test(source.slice(textStart, end))) {
          return fail(
            source,
            textStart + source.slice(textStart, end).search(/\S/),
            'text outside the root element',
          )
        }
      }
      tokens.push({ type: 'text', start: textStart, end })
    }
    return ok(true)
  }
  while (i < source.length) {
    const lt = source.indexOf('<', i)
    if (lt === -1) break
    const next = source[lt + 1] ?? ''
    let end = -1
    let token: Token | undefined
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4)
      if (close === -1) {
        if (xml) return fail(source, lt, 'unterminated comment')
        end = source.length
      } else end = close + 3
      token = { type: 'other', start: lt, end }
    } else if (source.startsWith('<![CDATA[', lt)) {
      const close = source.indexOf(']]>', lt + 9)
      if (close === -1) {
        if (xml) return fail(source, lt, 'unterminated CDATA section')
        end = source.length
        token = { type: 'other', start: lt, end }
      } else {
        end = close + 3
        token = xml
          ? { type: 'raw', start: lt + 9, end: close, outerStart: lt, outerEnd: end }
          : { type: 'other', start: lt, end }
      }
    } else if (next === '!' || next === '?') {
      end = skipDeclaration(source, lt)
      if (end === -1) {
        if (xml)
          return fail(
            source,
            lt,
            next === '?' ? 'unterminated processing instruction' : 'unterminated declaration',
          )
        end = source.length
      }
      token = { type: 'other', start: lt, end }
    } else if (next === '/' && nameChar.test(source[lt + 2] ?? '')) {
      const gt = source.indexOf('>', lt)
      if (gt === -1) {
        if (xml) return fail(source, lt, 'unterminated end tag')
        break
      }
      let name = /^[^\s/>]+/.exec(source.slice(lt + 2, gt))![0]
      if (!xml) name = name.toLowerCase()
      end = gt + 1
      token = { type: 'close', name, start: lt, end }
      if (xml) {
        if (/\S/.test(source.slice(lt + 2 + name.length, gt)))
          return fail(source, lt, `malformed end tag </${name}>`)
        const top = open.pop()
        if (!top) return fail(source, lt, `</${name}> closes no element`)
        if (top.name !== name) {
          return fail(
            source,
            lt,
            `expected </${top.name}> (opened at ${lineColumn(source, top.start)}), found </${name}>`,
          )
        }
      }
    } else if (/[A-Za-z_:\u00c0-\uffff]/.test(next)) {
      const parsed = parseStartTag(source, lt, mode)
      if (!parsed.ok) return parsed
      token = parsed.value
      end = token.end
      if (xml && !token.selfClosing) open.push({ name: token.name, start: lt })
    } else {
      if (xml) return fail(source, lt, 'a literal `<` must be written `&lt;`')
      i = lt + 1
      continue
    }
    const flushed = flushText(lt)
    if (!flushed.ok) return flushed
    tokens.push(token)
    i = end
    textStart = end
    if (!xml && token.type === 'open' && !token.selfClosing) {
      const raw = htmlRawText.has(token.name) || htmlEscapableRawText.has(token.name)
      if (raw) {
        const closeAt = token.name === 'plaintext' ? -1 : findRawEnd(source, end, token.name)
        const stop = closeAt === -1 ? source.length : closeAt
        if (htmlRawText.has(token.name)) {
          tokens.push({ type: 'raw', start: end, end: stop, outerStart: end, outerEnd: stop })
        } else if (stop > end) tokens.push({ type: 'text', start: end, end: stop })
        i = stop
        textStart = stop
      }
    }
  }
  const flushed = flushText(source.length)
  if (!flushed.ok) return flushed
  if (xml) {
    const top = open.at(-1)
    if (top) return fail(source, top.start, `<${top.name}> is never closed`)
    if (!tokens.some((t) => t.type === 'open')) return fail(source, 0, 'no root element')
  }
  return ok(tokens)
}

function findRawEnd(source: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}(?=[\\s/>])`, 'gi')
  pattern.lastIndex = from
  const match = pattern.exec(source)
  return match ? match.index : -1
}

// `<!DOCTYPE …[…]>`, `<!…>` and `<?…?>`: the end offset, or -1 when unterminated.
function skipDeclaration(source: string, at: number): number {
  if (source[at + 1] === '?') {
    const close = source.indexOf('?>', at + 2)
    return close === -1 ? -1 : close + 2
  }
  let depth = 0
  let quote = ''
  for (let i = at + 2; i < source.length; i++) {
    const c = source[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '>' && depth <= 0) return i + 1
  }
  return -1
}

function parseStartTag(
  source: string,
  at: number,
  mode: MarkupMode,
): Result<Extract<Token, { type: 'open' }>> {
  const xml = mode === 'xml'
  let i = at + 1
  const nameStart = i
  while (i < source.length && nameChar.test(source[i]!)) i++
  let name = source.slice(nameStart, i)
  if (!xml) name = name.toLowerCase()
  const attributes: Attribute[] = []
  const seen = new Set<string>()
  // The tag, ending at `end` (HTML: an unterminated tag runs to the end of the input).
  const tag = (end: number, selfClosing = false) =>
    ok({ type: 'open' as const, name, start: at, end, attributes, selfClosing })
  for (;;) {
    const before = i
    while (i < source.length && /\s/.test(source[i]!)) i++
    const c = source[i]
    if (c === undefined) {
      if (xml) return fail(source, at, `unterminated tag <${name}>`)
      return tag(source.length)
    }
    if (c === '>') return tag(i + 1)
    if (c === '/' && source[i + 1] === '>') return tag(i + 2, true)
    if (xml && (i === before || !nameChar.test(c)))
      return fail(source, i, `malformed tag <${name}>`)
    if (c === '/' || c === '"' || c === "'" || c === '<' || c === '=') {
      i++
      continue
    }
    const attrStart = i
    while (i < source.length && nameChar.test(source[i]!)) i++
    let attrName = source.slice(attrStart, i)
    if (!xml) attrName = attrName.toLowerCase()
    if (xml && seen.has(attrName)) return fail(source, attrStart, `duplicate attribute ${attrName}`)
    seen.add(attrName)
    let j = i
    while (j < source.length && /\s/.test(source[j]!)) j++
    if (source[j] !== '=') {
      if (xml) return fail(source, attrStart, `attribute ${attrName} has no value`)
      attributes.push({ name: attrName, valueStart: i, valueEnd: i, quote: '' })
      continue
    }
    j++
    while (j < source.length && /\s/.test(source[j]!)) j++
    const quote = source[j]
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, j + 1)
      if (close === -1) {
        if (xml) return fail(source, j, `unterminated value of attribute ${attrName}`)
        return tag(source.length)
      }
      if (xml) {
        const lt = source.indexOf('<', j + 1)
        if (lt !== -1 && lt < close) return fail(source, lt, 'a literal `<` in an attribute value')
        const checked = checkReferences(source, j + 1, close)
        if (!checked.ok) return checked
      }
      attributes.push({ name: attrName, valueStart: j + 1, valueEnd: close, quote })
      i = close + 1
    } else {
      if (xml) return fail(source, j, `the value of attribute ${attrName} must be quoted`)
      let k = j
      while (k < source.length && !/[\s>]/.test(source[k]!)) k++
      attributes.push({ name: attrName, valueStart: j, valueEnd: k, quote: '' })
      i = k
    }
  }
}
