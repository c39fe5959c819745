/** Quotation marks, brackets and title marks of a source and its translation, counted. */

const count = (text: string, char: string) => {
  let n = 0
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++
  return n
}
const pairsOf = (text: string, open: string, close: string) =>
  Math.max(count(text, open), count(text, close))

/** A marked span of a text: `“百日行动”`, `《长津湖》`, `（记者 张三）`. */
export interface Span {
  start: number
  end: number
  text: string
}

/** Spans between an opening and a closing mark (not nested, linear). */
export function spansOf(text: string, open: string, close: string): Span[] {
  const spans: Span[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf(open, from)
    if (start === -1) break
    const end = text.indexOf(close, start + open.length)
    if (end === -1) break
    spans.push({ start, end: end + close.length, text: text.slice(start, end + close.length) })
    from = end + close.length
  }
  return spans
}

/** Quoted phrases of a Chinese source: `“…”`, `「…」`, `『…』` and straight `"…"`. */
export function sourceQuotes(source: string): number {
  return (
    pairsOf(source, '“', '”') +
    pairsOf(source, '「', '」') +
    pairsOf(source, '『', '』') +
    Math.ceil(count(source, '"') / 2)
  )
}

/** Quoted spans of a Chinese source, as written, for messages. */
export function sourceQuoteSpans(source: string): Span[] {
  return [
    ...spansOf(source, '“', '”'),
    ...spansOf(source, '「', '」'),
    ...spansOf(source, '『', '』'),
  ].sort((a, b) => a.start - b.start)
}

/** Single quotation marks of a Chinese source (`‘…’`, nested quotes): an allowance, never required. */
export function sourceSingleQuotes(source: string): number {
  return pairsOf(source, '‘', '’')
}

/** How many pairs of double quotation marks a translation may hold: fewest and most. */
export function targetQuotes(target: string): { low: number; high: number } {
  const curly =
    pairsOf(target, '“', '”') + pairsOf(target, '「', '」') + pairsOf(target, '『', '』')
  const straight = count(target, '"')
  return { low: curly + Math.floor(straight / 2), high: curly + Math.ceil(straight / 2) }
}

const italicMarkup = /<(?:i|em|cite)\b|&lt;(?:i|em|cite)&gt;|subType="xlf:i"/g
const ctype = /ctype="([^"]*)"/g
const italicPlain = /(?:^|[\s(])([*_])[^*_\s][^*_\n]*\1(?=[\s.,;:!?)]|$)/g

/** Italic spans of a translation: markup (`<i>`, `<g ctype="italic">`) or `*…*`, `_…_`. */
export function targetItalics(text: string, markup: string): number {
  const styled = [...markup.matchAll(ctype)].filter((m) => m[1]!.includes('italic')).length
  return (markup.match(italicMarkup)?.length ?? 0) + styled + (text.match(italicPlain)?.length ?? 0)
}

// Titles that English writes without quotes or italics: laws, regulations and official
// documents (capitalised instead), newspapers and periodicals (AP style).
const unmarkedTitle =
  /(?:法|法典|条例|规定|办法|细则|决定|意见|通知|方案|预案|规划|纲要|计划|报告|倡议书|许可证|证明|公约|协定|宪法|章程|准则|标准|指南|白皮书|公报|决议|规则|制度|日报|晚报|时报|报|周刊|杂志|月刊|期刊)》$/u

const periodicalAfter = /^(?:杂志|日报|晚报|报|期刊|周刊|月刊)/u

/** Book titles of a Chinese source (`《长津湖》`), without those English leaves unmarked. */
export function markedTitles(source: string): Span[] {
  return [...spansOf(source, '《', '》'), ...spansOf(source, '〈', '〉')].filter(
    (s) => !unmarkedTitle.test(s.text) && !periodicalAfter.test(source.slice(s.end, s.end + 2)),
  )
}

/** Every `《…》` and `〈…〉` of a text, whatever its kind. */
export function allTitles(text: string): number {
  return pairsOf(text, '《', '》') + pairsOf(text, '〈', '〉')
}

/** Bracket pairs of a text: `()`, `（）`, `[]`, `【】`, `〔〕`. */
export function bracketSpans(text: string): Span[] {
  return [
    ...spansOf(text, '(', ')'),
    ...spansOf(text, '（', '）'),
    ...spansOf(text, '[', ']'),
    ...spansOf(text, '【', '】'),
    ...spansOf(text, '〔', '〕'),
  ].sort((a, b) => a.start - b.start)
}

/** How many bracket pairs a text holds (an unpaired mark counts as one). */
export function bracketCount(text: string): number {
  return (
    pairsOf(text, '(', ')') +
    pairsOf(text, '（', '）') +
    pairsOf(text, '[', ']') +
    pairsOf(text, '【', '】') +
    pairsOf(text, '〔', '〕')
  )
}
