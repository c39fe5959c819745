// RE2 → JavaScript RegExp, for trusted patterns only (the built-in packs): V8 runs them several
// times faster than re2js. The translator is conservative: it parses the RE2 source into a small
// tree and returns undefined for anything it does not fully understand, so the pattern keeps
// running on re2js.
//
// Translated patterns run without JS's u flag (with it, V8 runs `\b` under the i flag about ten
// times slower), so they see UTF-16 code units and fold case as JS's non-u i flag does. That
// matches RE2 on any text without K (U+212A), ſ (U+017F) or a character beyond U+FFFF, given
// that the pattern's letters are ASCII and its other characters have no case: RE2 folds K and ſ
// into k and s, and counts a code point where a non-u pattern counts two code units. A text
// holding any of those takes the re2js path (`nativeUnsafe`).

import { foldsPlainly } from './literals.js'

type Node =
  | { kind: 'alternation'; items: Node[] }
  | { kind: 'sequence'; items: Node[] }
  | { kind: 'group'; capture: boolean; body: Node }
  | { kind: 'repeat'; body: Node; min: number; max: number; lazy: boolean }
  | { kind: 'atom'; js: string; width: 'zero' | 'one' }

const syntax = '^$\\.*+?()[]{}|/'
const whitespace = '\\t\\n\\f\\r '
const controls: Readonly<Record<string, string>> = {
  t: '\\t',
  n: '\\n',
  r: '\\r',
  f: '\\f',
  v: '\\v',
}

/** Whether a character folds (and counts) alike in RE2 and a non-u JS pattern. */
function plain(char: string): boolean {
  return char.length === 1 && foldsPlainly(char)
}

/** A character as it stands outside a class (valid with or without the u flag). */
function literal(char: string): string {
  if (!plain(char)) throw new Refused()
  return syntax.includes(char) ? `\\${char}` : char
}

/** A character as it stands in a class (valid with or without the u flag). */
function classLiteral(char: string): string {
  if (!plain(char)) throw new Refused()
  return '\\]^-['.includes(char) ? `\\${char}` : char
}

/** Whether a class member (as emitted: `a`, `\\]`, `\\t`) stands for an ASCII character. */
const ascii = (member: string) => member.charCodeAt(member.length - 1) < 0x80

const isPunctuation = (char: string) => /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(char)

class Refused extends Error {}

/** Parses one RE2 source; throws Refused on anything outside the understood subset. */
class Parser {
  private at = 0

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation()
    if (this.at !== this.source.length) throw new Refused()
    return node
  }

  private peek(): string | undefined {
    const code = this.source.codePointAt(this.at)
    return code === undefined ? undefined : String.fromCodePoint(code)
  }

  private next(): string {
    const char = this.peek()
    if (char === undefined) throw new Refused()
    this.at += char.length
    return char
  }

  private alternation(): Node {
    const items = [this.sequence()]
    while (this.peek() === '|') {
      this.at++
      items.push(this.sequence())
    }
    return items.length === 1 ? items[0]! : { kind: 'alternation', items }
  }

  private sequence(): Node {
    const items: Node[] = []
    for (let char = this.peek(); char !== undefined && char !== '|' && char !== ')'; ) {
      items.push(this.quantified(this.atom()))
      char = this.peek()
    }
    return { kind: 'sequence', items }
  }

  private quantified(body: Node): Node {
    const char = this.peek()
    let min: number
    let max: number
    if (char === '*' || char === '+' || char === '?') {
      this.at++
      min = char === '+' ? 1 : 0
      max = char === '?' ? 1 : Number.POSITIVE_INFINITY
    } else if (char === '{') {
      const counted = /^\{(\d+)(,(\d+)?)?\}/.exec(this.source.slice(this.at, this.at + 24))
      if (!counted) return body
      this.at += counted[0].length
      min = Number(counted[1])
      max =
        counted[2] === undefined ? min : counted[3] === undefined ? Infinity : Number(counted[3])
      if (min > 1000 || (max !== Infinity && (max > 1000 || max < min))) throw new Refused()
    } else return body
    const lazy = this.peek() === '?'
    if (lazy) this.at++
    const after = this.peek()
    if (after !== undefined && '*+?{'.includes(after)) throw new Refused()
    // JS refuses an empty turn of a loop (even of `?`) and backtracks into the body for a
    // longer one; RE2 takes the empty turn. So no repeated body may match empty text.
    if (nullable(body)) throw new Refused()
    if (max > 1 && innerCaptures(body)) throw new Refused()
    return { kind: 'repeat', body, min, max, lazy }
  }

  private atom(): Node {
    const char = this.next()
    switch (char) {
      case '(':
        return this.group()
      case '[':
        return { kind: 'atom', js: this.characterClass(), width: 'one' }
      case '.':
        return { kind: 'atom', js: '[^\\n]', width: 'one' }
      case '^':
      case '$':
        return { kind: 'atom', js: char, width: 'zero' }
      case '\\':
        return this.escape()
      case '*':
      case '+':
      case '?':
        throw new Refused()
      default:
        return { kind: 'atom', js: literal(char), width: 'one' }
    }
  }

  private group(): Node {
    let capture = true
    if (this.peek() === '?') {
      if (this.source.slice(this.at, this.at + 2) !== '?:') throw new Refused()
      this.at += 2
      capture = false
    }
    const body = this.alternation()
    if (this.next() !== ')') throw new Refused()
    return { kind: 'group', capture, body }
  }

  private escape(): Node {
    const char = this.next()
    if (char === 'b' || char === 'B') return { kind: 'atom', js: `\\${char}`, width: 'zero' }
    if ('dDwW'.includes(char)) return { kind: 'atom', js: `\\${char}`, width: 'one' }
    if (char === 's') return { kind: 'atom', js: `[${whitespace}]`, width: 'one' }
    if (char === 'S') return { kind: 'atom', js: `[^${whitespace}]`, width: 'one' }
    const control = controls[char]
    if (control) return { kind: 'atom', js: control, width: 'one' }
    if (isPunctuation(char)) return { kind: 'atom', js: literal(char), width: 'one' }
    throw new Refused()
  }

  /** A class, read after its `[`: members re-emitted in JS form (no POSIX or Unicode classes). */
  private characterClass(): string {
    let js = '['
    if (this.peek() === '^') {
      this.at++
      js += '^'
    }
    let members = 0
    for (;;) {
      let char = this.next()
      if (char === ']' && members > 0) break
      members++
      if (char === '[' && this.peek() === ':') throw new Refused()
      if (char === '\\') {
        const escaped = this.next()
        if (escaped === 'd' || escaped === 'w') {
          js += `\\${escaped}`
          continue
        }
        if (escaped === 's') {
          js += whitespace
          continue
        }
        const control = controls[escaped]
        if (control) char = control
        else if (isPunctuation(escaped)) char = classLiteral(escaped)
        else throw new Refused()
      } else char = classLiteral(char)
      // A range `x-y` (a `-` first or last in the class is a plain `-`).
      if (this.peek() === '-' && this.source[this.at + 1] !== ']') {
        this.at++
        let end = this.next()
        if (end === '\\') {
          const escaped = this.next()
          const control = controls[escaped]
          if (control) end = control
          else if (isPunctuation(escaped)) end = classLiteral(escaped)
          else throw new Refused()
        } else if (end === '[') throw new Refused()
        else end = classLiteral(end)
        // Only ASCII ranges: a range of other characters may hold letters that fold differently.
        if (!ascii(char) || !ascii(end)) throw new Refused()
        js += `${char}-${end}`
        if (this.peek() === '-' && this.source[this.at + 1] !== ']') throw new Refused()
      } else js += char
    }
    return `${js}]`
  }
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'alternation':
      return node.items.some(nullable)
    case 'sequence':
      return node.items.every(nullable)
    case 'group':
      return nullable(node.body)
    case 'repeat':
      return node.min === 0 || nullable(node.body)
    case 'atom':
      return node.width === 'zero'
  }
}

/** Whether a capturing group sits inside `node` below its top (a repeated group's last turn). */
function innerCaptures(node: Node): boolean {
  const captures = (n: Node): boolean => {
    switch (n.kind) {
      case 'alternation':
      case 'sequence':
        return n.items.some(captures)
      case 'group':
        return n.capture || captures(n.body)
      case 'repeat':
        return captures(n.body)
      case 'atom':
        return false
    }
  }
  return node.kind === 'group' ? captures(node.body) : captures(node)
}

function emit(node: Node): string {
  switch (node.kind) {
    case 'alternation':
      return node.items.map(emit).join('|')
    case 'sequence':
      return node.items.map(emit).join('')
    case 'group':
      return `(${node.capture ? '' : '?:'}${emit(node.body)})`
    case 'repeat': {
      const { min, max } = node
      const count =
        min === 0 && max === 1
          ? '?'
          : min === 0 && max === Infinity
            ? '*'
            : min === 1 && max === Infinity
              ? '+'
              : max === Infinity
                ? `{${min},}`
                : min === max
                  ? `{${min}}`
                  : `{${min},${max}}`
      return `${emit(node.body)}${count}${node.lazy ? '?' : ''}`
    }
    case 'atom':
      return node.js
  }
}

/**
 * JavaScript source that, without the u flag, matches as the RE2 source does on texts without
 * K, ſ or characters beyond U+FFFF, with the same capturing groups; undefined for anything
 * outside the understood subset (named groups, inline flags, \A \z \Q \E \C, \p classes, POSIX
 * classes, \x, octal, letters beyond ASCII, …). The source is also valid with the u flag.
 */
export function translateRe2(source: string): string | undefined {
  let js: string
  try {
    js = emit(new Parser(source).parse())
  } catch (error) {
    if (error instanceof Refused) return undefined
    throw error
  }
  try {
    new RegExp(js, 'u')
    new RegExp(js)
  } catch {
    return undefined
  }
  return js
}

/**
 * A global JS RegExp for one pack entry, bounded as the pack's re2js pattern is (`\b…\b` unless
 * `nonword`), or undefined when the source does not translate. Only for trusted patterns.
 */
export function nativePattern(
  source: string,
  ignoreCase: boolean,
  nonword: boolean,
): RegExp | undefined {
  const js = translateRe2(source)
  if (js === undefined) return undefined
  try {
    return new RegExp(nonword ? `(?:${js})` : `\\b(?:${js})\\b`, ignoreCase ? 'gi' : 'g')
  } catch {
    return undefined
  }
}

/** Characters that make a text take the re2js path even where a native pattern exists. */
export const nativeUnsafe = /[\u212a\u017f\ud800-\udfff]/
