import { defineRule } from '../src/engine/define-rule.js'
import type { Report } from '../src/engine/types.js'

/**
 * Characters that make up untranslated CJK text (Han, kana, bopomofo and CJK symbols that have
 * no English equivalent). Shared with `cjk-residue` so the two rules never report the same
 * character: this rule leaves punctuation between two such characters to `cjk-residue`.
 */
export const cjkTextChar =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3003\u3004\u3006\u3012\u3013\u3020\u3030\u3036\u3037\u303c-\u303f\u30fb\u30fc\u31c0-\u31ef\u2ff0-\u2fff]/u

/**
 * Full-width and CJK punctuation this rule maps to English, one character at a time (`——` and
 * `……` count only when doubled). `cjk-residue` lets these sit inside a run of Chinese text.
 */
export const cjkPunctuationChar =
  /[\u3000-\u3002\u3008-\u3011\u3014-\u301f\uff01-\uff64\uffe0-\uffe6\u2014\u2015\u2026\u22ef]/u

// Where a run may start; `~`, `—` and `…` are checked further in `readToken`.
const candidate =
  /[\u3000-\u3002\u3008-\u3011\u3014-\u301f\uff01-\uff64\uffe0-\uffe6\u2014\u2015\u2026\u22ef~]/g

type Kind = 'open' | 'close' | 'word' | 'dash' | 'range' | 'space'

interface Token {
  start: number
  end: number
  text: string
  kind: Kind
  /** The mapping is a guess: offer it as a suggestion, not a fix. */
  ambiguous?: boolean
  /** A second reading offered as another suggestion. */
  alt?: string
}

// Fixed mappings of CJK punctuation. `open` wants a space before and none after, `close` none
// before and a space after; `word` keeps the spacing it has.
const mapped: Record<string, [string, Kind, boolean?, string?]> = {
  '，': [',', 'close'],
  '、': [',', 'close'],
  '､': [',', 'close'],
  '。': ['.', 'close'],
  '｡': ['.', 'close'],
  '．': ['.', 'close'],
  '：': [':', 'close'],
  '；': [';', 'close'],
  '？': ['?', 'close'],
  '！': ['!', 'close'],
  '（': ['(', 'open'],
  '）': [')', 'close'],
  '｟': ['(', 'open'],
  '｠': [')', 'close'],
  '［': ['[', 'open'],
  '］': [']', 'close'],
  '｛': ['{', 'open'],
  '｝': ['}', 'close'],
  '【': ['[', 'open'],
  '】': [']', 'close'],
  '〔': ['[', 'open'],
  '〕': [']', 'close'],
  '〖': ['[', 'open'],
  '〗': [']', 'close'],
  '〘': ['[', 'open'],
  '〙': [']', 'close'],
  '〚': ['[', 'open'],
  '〛': [']', 'close'],
  '「': ['"', 'open'],
  '」': ['"', 'close'],
  '｢': ['"', 'open'],
  '｣': ['"', 'close'],
  '〝': ['"', 'open'],
  '〞': ['"', 'close'],
  '〟': ['"', 'close'],
  // Nested quotes and book titles: a person picks quotes or italics.
  '『': ['"', 'open', true, "'"],
  '』': ['"', 'close', true, "'"],
  '《': ['"', 'open', true],
  '》': ['"', 'close', true],
  '〈': ['"', 'open', true],
  '〉': ['"', 'close', true],
}

// Full-width currency and signs outside the FF01–FF5E block.
const signs: Record<string, string> = {
  '￠': '¢',
  '￡': '£',
  '￢': '¬',
  '￣': '¯',
  '￤': '¦',
  '￥': '¥',
  '￦': '₩',
}

const isDigit = (c: string | undefined) =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'))
const isBlank = (c: string | undefined) => c === ' ' || c === '\t'

function digitsAfter(text: string, from: number): number {
  let i = from
  while (isDigit(text[i])) i++
  return i - from
}

// A range sign sits between a number (or a percentage) and a number, spaces allowed.
function inRange(text: string, start: number, end: number): boolean {
  let before = start - 1
  while (isBlank(text[before])) before--
  let after = end
  while (isBlank(text[after])) after++
  const left = text[before]
  return (isDigit(left) || left === '%' || left === '％') && isDigit(text[after])
}

/** The target token at `i`, or undefined when the character there is fine. */
function readToken(text: string, i: number): Token | undefined {
  const c = text[i]!
  const code = c.charCodeAt(0)
  const between = isDigit(text[i - 1]) && isDigit(text[i + 1])
  if (c === '—' || c === '―' || c === '…' || c === '⋯') {
    let end = i + 1
    const dash = c === '—' || c === '―'
    while (
      end < text.length &&
      (dash ? text[end] === '—' || text[end] === '―' : text[end] === '…' || text[end] === '⋯')
    ) {
      end++
    }
    if (end - i < 2) return undefined
    return dash
      ? { start: i, end, text: '—', kind: 'dash' }
      : { start: i, end, text: '...', kind: 'close' }
  }
  if (c === '~' || c === '～' || c === '〜') {
    if (inRange(text, i, i + 1)) return { start: i, end: i + 1, text: '-', kind: 'range' }
    if (c === '~') return undefined
    return { start: i, end: i + 1, text: '~', kind: 'word', ambiguous: true }
  }
  if (c === '\u3000') return { start: i, end: i + 1, text: ' ', kind: 'space' }
  const token = { start: i, end: i + 1 }
  if (c === '，' && between) {
    // `1，000` is a thousands separator, `1，2，3` a list: only a person can tell.
    const thousands = digitsAfter(text, i + 1) === 3 && !isDigit(text[i + 4])
    if (thousands) return { ...token, text: ',', kind: 'word', ambiguous: true, alt: ', ' }
  }
  if (c === '。' && between)
    return { ...token, text: '.', kind: 'word', ambiguous: true, alt: '. ' }
  if (c === '．' && between) return { ...token, text: '.', kind: 'word' }
  if (c === '：' && (between || text[i + 1] === '/')) return { ...token, text: ':', kind: 'word' }
  const entry = mapped[c]
  if (entry) {
    const [out, kind, ambiguous, alt] = entry
    return {
      ...token,
      text: out,
      kind,
      ...(ambiguous ? { ambiguous } : {}),
      ...(alt === undefined ? {} : { alt }),
    }
  }
  if (code >= 0xff01 && code <= 0xff5e) {
    return { ...token, text: String.fromCharCode(code - 0xfee0), kind: 'word' }
  }
  const sign = signs[c]
  if (sign) return { ...token, text: sign, kind: 'word' }
  return undefined
}

type Side = Kind | 'start' | 'end'

// The kind of an English character next to a run, for spacing.
function sideKind(text: string, index: number, side: 'left' | 'right'): Side {
  const c = text[index]
  if (c === undefined) return side === 'left' ? 'start' : 'end'
  if (/\s/u.test(c)) return side === 'left' ? 'open' : 'close'
  if ('([{“‘«'.includes(c)) return 'open'
  if (')]}”’».,;:!?%'.includes(c)) return 'close'
  if ('-–—/'.includes(c)) return 'dash'
  if (c === '"' || c === "'") {
    // A straight quote opens after a space or a bracket, and closes otherwise.
    if (side === 'left') {
      const before = text[index - 1]
      return before === undefined || /[\s([{]/u.test(before) ? 'open' : 'close'
    }
    const after = text[index + 1]
    return after === undefined || /[\s)\]}.,;:!?]/u.test(after) ? 'close' : 'open'
  }
  return 'word'
}

const punctuation = (kind: Side) => kind === 'open' || kind === 'close' || kind === 'range'

// The space to put between two neighbours, given the whitespace `gap` that was there.
function separator(a: Side, b: Side, aInRun: boolean, bInRun: boolean, gap: string): string {
  const plain = gap.includes('\u3000') ? ' ' : gap
  if (a === 'start' || b === 'end') return gap.includes('\u3000') ? '' : gap
  if (!((aInRun && punctuation(a)) || (bInRun && punctuation(b)))) return plain
  if (a === 'range' || b === 'range') return ''
  if (a === 'open' || b === 'close') return ''
  if (a === 'close') return ' '
  if (b === 'open') return a === 'dash' ? plain : ' '
  return plain
}

function display(run: string): string {
  if (/^\u3000+$/u.test(run)) return 'ideographic space (U+3000)'
  return `\`${run}\``
}

/**
 * Full-width and Chinese punctuation left in English. One report per run of such characters
 * (spaces between them included), whose fix also sets the spacing around the run. Choices:
 * `——` → `—` (spacing kept); `……` → `...`; `~`/`～` between two numbers → `-` (the ASCII hyphen,
 * like every other replacement here; safe only between numbers); `「」` → `"`; curly quotes are
 * English and left alone. Suggestions only: `《》〈〉` (quotes or italics?), `『』` (double or
 * single quotes?), `1，000` (thousands or list?), `2019。2020`, and `～` outside a range.
 * Punctuation between two Chinese characters is part of the untranslated run (`cjk-residue`).
 */
export default defineRule({
  meta: {
    id: 'cjk-punctuation',
    category: 'punctuation',
    severity: 'error',
    fixable: 'safe',
    description:
      'Full-width and Chinese punctuation (`，。（）【】——……`, `１２３`, `50~80mm`) in English',
    examples: [
      { bad: 'roads，bridges and tunnels', fixed: 'roads, bridges and tunnels' },
      {
        bad: 'the hukou（household registration）system',
        fixed: 'the hukou (household registration) system',
      },
      { bad: 'rainfall of 50~80mm', fixed: 'rainfall of 50-80mm' },
      { bad: 'the work——including repairs', fixed: 'the work—including repairs' },
      { bad: 'a total of １２３ cases', fixed: 'a total of 123 cases' },
    ],
    good: [
      'Rainfall of 50-80 mm is expected — stay indoors.',
      'She said, “It’s the ‘best’ result so far…”',
      'Use ~/config or type ~5 for an estimate.',
    ],
  },
  trigger:
    /[\u3000-\u3002\u3008-\u3011\u3014-\u301f\uff01-\uff64\uffe0-\uffe6]|[\u2014\u2015]{2}|[\u2026\u22ef]{2}|[\d%][ \t]*~[ \t]*\d/u,
  check({ text, report }) {
    const find = new RegExp(candidate.source, 'g')
    let i = 0
    while (i < text.length) {
      find.lastIndex = i
      const hit = find.exec(text)
      if (!hit) break
      const first = readToken(text, hit.index)
      if (!first) {
        i = hit.index + 1
        continue
      }
      const tokens = [first]
      let end = first.end
      for (;;) {
        let next = end
        while (isBlank(text[next])) next++
        const token = next < text.length ? readToken(text, next) : undefined
        if (!token) break
        tokens.push(token)
        end = token.end
      }
      i = end
      const result = fixRun(text, tokens)
      if (result) report(result)
    }
  },
})

// Build the report for one run of tokens: its spacing, its replacement, fix or suggestion.
function fixRun(text: string, tokens: Token[]): Report | undefined {
  const runStart = tokens[0]!.start
  const runEnd = tokens[tokens.length - 1]!.end
  // Punctuation inside Chinese text belongs to the untranslated run (`cjk-residue`).
  let left = runStart - 1
  while (left >= 0 && /[\s\u3000]/u.test(text[left]!)) left--
  let right = runEnd
  while (right < text.length && /[\s\u3000]/u.test(text[right]!)) right++
  const leftChar = left >= 0 ? text[left] : undefined
  const rightChar = text[right]
  if (leftChar && rightChar && cjkTextChar.test(leftChar) && cjkTextChar.test(rightChar)) {
    return undefined
  }
  let start = runStart
  while (isBlank(text[start - 1])) start--
  let end = runEnd
  while (isBlank(text[end])) end++

  const pieces = tokens.filter((t) => t.kind !== 'space')
  const build = (useAlt: boolean) => {
    let out = ''
    let previous: Side = sideKind(text, start - 1, 'left')
    let previousInRun = false
    let cursor = start
    for (const piece of pieces) {
      out += separator(previous, piece.kind, previousInRun, true, text.slice(cursor, piece.start))
      out += useAlt && piece.alt !== undefined ? piece.alt : piece.text
      previous = piece.kind
      previousInRun = true
      cursor = piece.end
    }
    const last = sideKind(text, end, 'right')
    out += separator(previous, last, previousInRun, false, text.slice(cursor, end))
    return out
  }
  const original = text.slice(start, end)
  const replacement = build(false)
  const edit = minimalEdit(original, replacement, start)
  if (!edit) return undefined
  const actual = text.slice(runStart, runEnd)
  const expected = replacement.trim() || replacement
  const message = expected
    ? `Unexpected ${display(actual)}, expected \`${expected}\``
    : `Unexpected ${display(actual)}`
  // The report covers the run and whatever spacing the edit changes around it.
  const range = { start: Math.min(edit.start, runStart), end: Math.max(edit.end, runEnd) }
  const base = { ...range, message, expected: [expected] }
  if (!pieces.some((p) => p.ambiguous)) return { ...base, fix: edit }
  const suggestions = [{ label: `Replace with \`${expected}\``, edits: [edit] }]
  if (pieces.some((p) => p.alt !== undefined)) {
    const other = build(true)
    const second = minimalEdit(original, other, start)
    if (second && other !== replacement) {
      suggestions.push({ label: `Replace with \`${other.trim()}\``, edits: [second] })
    }
  }
  return { ...base, suggestions }
}

// The smallest edit turning `from` into `to`, in offsets shifted by `offset`.
function minimalEdit(from: string, to: string, offset: number) {
  if (from === to) return undefined
  let head = 0
  while (head < from.length && head < to.length && from[head] === to[head]) head++
  let tail = 0
  while (
    tail < from.length - head &&
    tail < to.length - head &&
    from[from.length - 1 - tail] === to[to.length - 1 - tail]
  ) {
    tail++
  }
  return {
    start: offset + head,
    end: offset + from.length - tail,
    text: to.slice(head, to.length - tail),
  }
}
