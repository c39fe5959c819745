import { err, ok, type Result } from '../result.js'
import { DecodedText } from './decoded.js'
import type { FormatAdapter } from './index.js'
import { emitMessage } from './placeholders.js'
import { lineColumn, type ProseSegment, SegmentBuilder } from './segment.js'

const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
/** JSON's single-character escapes: the letter after `\\` → the character. */
export const jsonEscapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/** Escape replacement text for a JSON string. */
export function encodeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

function fail(source: string, offset: number, message: string): Result<never> {
  return err(`JSON syntax error at ${lineColumn(source, offset)}: ${message}`)
}

function describe(source: string, at: number): string {
  if (at >= source.length) return 'unexpected end of input'
  const c = source.codePointAt(at)!
  return `unexpected ${c < 0x20 ? `control character U+${c.toString(16).padStart(4, '0')}` : `\`${String.fromCodePoint(c)}\``}`
}

/**
 * Read a JSON string starting at `at` (a `"`).
 *
 * @returns The decoded text with its source map and the offset after the closing quote.
 */
function readString(source: string, at: number): Result<{ decoded: DecodedText; end: number }> {
  const decoded = new DecodedText(source)
  let i = at + 1
  let literalFrom = i
  while (i < source.length) {
    const c = source.charCodeAt(i)
    if (c === 0x22) {
      decoded.literal(literalFrom, i)
      return ok({ decoded, end: i + 1 })
    }
    if (c < 0x20) return fail(source, i, `${describe(source, i)} in a string`)
    if (c === 0x5c) {
      decoded.literal(literalFrom, i)
      const next = source[i + 1]
      if (next !== undefined && next in jsonEscapes) {
        decoded.escape(jsonEscapes[next]!, i, i + 2)
        i += 2
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        decoded.escape(
          String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16)),
          i,
          i + 6,
        )
        i += 6
      } else return fail(source, i, 'invalid escape in a string')
      literalFrom = i
      continue
    }
    i++
  }
  return fail(source, at, 'unterminated string')
}

function skipSpace(source: string, at: number): number {
  let i = at
  while (i < source.length) {
    const c = source.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break
    i++
  }
  return i
}

/** One JSON string value as a prose segment, placeholders opaque and tags hidden. */
function stringSegment(source: string, decoded: DecodedText): ProseSegment | undefined {
  const builder = new SegmentBuilder(source)
  emitMessage(decoded, builder)
  return builder.build(encodeJson)
}

/**
 * Extract the string values of a JSON document (flat or nested i18n resources, or any JSON):
 * never keys, numbers or literals. Escapes are decoded for the rules and re-encoded in fixes;
 * placeholders (`{name}`, `{{count}}`, `%s`, ICU syntax…) are never changed.
 */
export function extractJson(source: string): Result<ProseSegment[]> {
  const segments: ProseSegment[] = []
  const stack: ('object' | 'array')[] = []
  let i = skipSpace(source, 0)
  // Iterative, so deep nesting cannot overflow the call stack.
  for (;;) {
    // Expect a value at i.
    const c = source[i]
    let closedValue = true
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i = skipSpace(source, i + 1)
      if (source[i] === close) i++
      else {
        stack.push(c === '{' ? 'object' : 'array')
        if (c === '{') {
          const key = readKey(source, i)
          if (!key.ok) return key
          i = key.value
        }
        closedValue = false
      }
    } else if (c === '"') {
      const string = readString(source, i)
      if (!string.ok) return string
      const segment = stringSegment(source, string.value.decoded)
      if (segment) segments.push(segment)
      i = string.value.end
    } else if (source.startsWith('true', i) || source.startsWith('null', i)) i += 4
    else if (source.startsWith('false', i)) i += 5
    else {
      number.lastIndex = i
      const match = number.exec(source)
      if (!match) return fail(source, i, `${describe(source, i)}, expected a value`)
      i += match[0].length
    }
    if (!closedValue) continue
    // After a value: a comma, a closing bracket, or the end.
    for (;;) {
      i = skipSpace(source, i)
      const top = stack.at(-1)
      if (top === undefined) {
        if (i < source.length) return fail(source, i, `${describe(source, i)} after the JSON value`)
        return ok(segments)
      }
      const close = top === 'object' ? '}' : ']'
      if (source[i] === close) {
        stack.pop()
        i++
        continue
      }
      if (source[i] !== ',')
        return fail(source, i, `${describe(source, i)}, expected \`,\` or \`${close}\``)
      i = skipSpace(source, i + 1)
      if (top === 'object') {
        const key = readKey(source, i)
        if (!key.ok) return key
        i = key.value
      }
      break
    }
  }
}

/** Read `"key" :` at `at`; returns the offset of the value. */
function readKey(source: string, at: number): Result<number> {
  if (source[at] !== '"') return fail(source, at, `${describe(source, at)}, expected a key`)
  const key = readString(source, at)
  if (!key.ok) return key
  const colon = skipSpace(source, key.value.end)
  if (source[colon] !== ':')
    return fail(source, colon, `${describe(source, colon)}, expected \`:\``)
  return ok(skipSpace(source, colon + 1))
}

/** JSON resources (i18next, ICU, vue-i18n, Chrome messages…) and any other JSON. */
export const json: FormatAdapter = {
  name: 'json',
  extensions: ['.json'],
  extract: extractJson,
}
