import { location } from 'vfile-location'
import type { Segment } from '../engine/lint.js'
import { DecodedText } from '../formats/decoded.js'
import { jsonEscapes } from '../formats/json.js'
import { decodeInto, type Token, tokenize } from '../formats/markup.js'
import { emitMessage } from '../formats/placeholders.js'
import { extractPo } from '../formats/po.js'
import { type ProseSegment, SegmentBuilder } from '../formats/segment.js'
import { extractXliff } from '../formats/xliff.js'
import { err, ok, type Result } from '../result.js'
import { hasHan } from './cjk.js'
import { maskChar } from './lint.js'
import type { BilingualDocument, BilingualOptions, BilingualPair, SourceSegment } from './types.js'

// ---------------------------------------------------------------------------------------------
// Targets: the format adapter's segments, joined per target, with masks for non-prose

/** Ranges of a segment's text that are opaque source (inline codes, placeholders). */
function masksOf(segment: Segment): [number, number][] {
  const opaque = (segment as ProseSegment).opaque ?? []
  if (opaque.length === 0 || !segment.toSource) return []
  const masks: [number, number][] = []
  for (let i = 0; i < segment.text.length; i++) {
    const at = segment.toSource(i)
    if (!opaque.some(([s, e]) => at >= s && at < e)) continue
    const last = masks.at(-1)
    if (last && last[1] === i) last[1] = i + 1
    else masks.push([i, i + 1])
  }
  return masks
}

interface Target {
  segment: Segment
  masked: [number, number][]
}

/**
 * One target from the adapter's segments that lie in it (a CDATA section makes a segment of its
 * own): their texts joined by a masked mark, with a map back to the file. `at` places an empty
 * target.
 */
function joinTarget(pieces: readonly Segment[], at: number): Target {
  if (pieces.length === 0) return { segment: { text: '', offset: at }, masked: [] }
  if (pieces.length === 1) return { segment: pieces[0]!, masked: masksOf(pieces[0]!) }
  const starts: number[] = []
  const masked: [number, number][] = []
  let text = ''
  pieces.forEach((piece, k) => {
    if (k > 0) {
      masked.push([text.length, text.length + 1])
      text += maskChar
    }
    starts.push(text.length)
    for (const [s, e] of masksOf(piece)) masked.push([text.length + s, text.length + e])
    text += piece.text
  })
  const map = (piece: Segment, local: number) =>
    piece.toSource ? piece.toSource(local) : piece.offset + local
  const segment: Segment = {
    text,
    offset: pieces[0]!.offset,
    toSource: (index) => {
      let k = starts.length - 1
      while (k > 0 && starts[k]! > index) k--
      const piece = pieces[k]!
      const local = index - starts[k]!
      // The joint after a piece maps to the start of the next one.
      if (local > piece.text.length) return map(pieces[k + 1] ?? piece, 0)
      return map(piece, local)
    },
  }
  const encode = pieces[0]!.encode
  if (encode) segment.encode = encode
  return { segment, masked }
}

/** The adapter's segments that start inside [start, end], in order. */
function piecesIn(segments: readonly Segment[], start: number, end: number): Segment[] {
  return segments.filter((s) => s.offset >= start && s.offset <= end)
}

function makePair(
  file: string,
  place: ReturnType<typeof location>,
  fields: {
    id: string
    source: SourceSegment
    target: Target
    markup: [number, number]
    context?: string
  },
): BilingualPair {
  const { segment, masked } = fields.target
  const pair: BilingualPair = {
    id: fields.id,
    source: fields.source,
    target: segment,
    targetLine: place.toPoint(segment.offset)?.line ?? 1,
    targetMarkup: file.slice(fields.markup[0], fields.markup[1]),
    masked,
    plain: masked.length === 0,
  }
  if (fields.context !== undefined) pair.context = fields.context
  return pair
}

/** Whether the sources are Chinese: at least half of the non-empty ones hold Han characters. */
function chinese(sources: readonly string[]): boolean {
  const filled = sources.filter((s) => s.trim() !== '')
  return filled.length > 0 && filled.filter(hasHan).length * 2 >= filled.length
}

// ---------------------------------------------------------------------------------------------
// XLIFF

const transparent = new Set(['g', 'mrk', 'bx', 'ex', 'pc', 'sc', 'ec', 'sm', 'em'])
const localName = (name: string) => name.slice(name.indexOf(':') + 1)

function attribute(file: string, token: Token, name: string): string | undefined {
  if (token.type !== 'open') return undefined
  const found = token.attributes.find((a) => localName(a.name) === name)
  return found ? file.slice(found.valueStart, found.valueEnd) : undefined
}

function closing(tokens: readonly Token[], index: number): number {
  let depth = 0
  for (let i = index; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'open' && !token.selfClosing) depth++
    else if (token.type === 'close' && --depth === 0) return i
  }
  return tokens.length - 1
}

/** The text of an XLIFF `<source>`: entities decoded, inline codes as one masked mark each. */
function xliffText(file: string, tokens: readonly Token[], from: number, to: number): string {
  let text = ''
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    if (token.type === 'text') {
      const decoded = new DecodedText(file)
      decodeInto(decoded, file, token.start, token.end, 'xml')
      text += decoded.text
    } else if (token.type === 'raw') {
      text += file.slice(token.start, token.end).replace(/<[^<>]*>/g, maskChar)
    } else if (token.type === 'open') {
      if (transparent.has(localName(token.name))) continue
      text += maskChar
      if (!token.selfClosing) i = closing(tokens, i)
    }
  }
  return text
}

/** Pairs of an XLIFF 1.2 (`<trans-unit>`) or 2.x (`<segment>` in `<unit>`) file. */
function readXliff(file: string): Result<BilingualDocument | undefined> {
  const tokens = tokenize(file, 'xml')
  if (!tokens.ok) return tokens
  const list = tokens.value
  const language = list.find(
    (t) =>
      t.type === 'open' &&
      ['file', 'xliff'].includes(localName(t.name)) &&
      (attribute(file, t, 'source-language') ?? attribute(file, t, 'srcLang')),
  )
  const declared =
    language &&
    (attribute(file, language, 'source-language') ?? attribute(file, language, 'srcLang'))
  if (declared && !/^zh/i.test(declared)) return ok(undefined)
  const segments = extractXliff(file)
  if (!segments.ok) return segments
  const place = location(file)
  const pairs: BilingualPair[] = []
  const sources: string[] = []
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!
    if (token.type !== 'open' || token.selfClosing) continue
    const name = localName(token.name)
    if (name !== 'trans-unit' && name !== 'segment') continue
    const end = closing(list, i)
    const unitId =
      attribute(file, token, 'id') ??
      attribute(file, findParent(list, i, 'unit') ?? token, 'id') ??
      String(pairs.length + 1)
    let source: { from: number; to: number; at: number } | undefined
    let target: { from: number; to: number } | undefined
    for (let j = i + 1; j < end; j++) {
      const child = list[j]!
      if (child.type !== 'open' || child.selfClosing) continue
      const childName = localName(child.name)
      const close = closing(list, j)
      if (childName === 'source' && !source) source = { from: j, to: close, at: list[close]!.end }
      else if (childName === 'target' && !target) target = { from: j, to: close }
      j = close
    }
    if (!source) {
      i = end
      continue
    }
    const sourceStart = list[source.from]!.end
    const text = xliffText(file, list, source.from + 1, source.to)
    sources.push(text)
    const contentStart = target ? list[target.from]!.end : source.at
    const contentEnd = target ? list[target.to]!.start : source.at
    pairs.push(
      makePair(file, place, {
        id: unitId,
        source: { text, line: place.toPoint(sourceStart)?.line ?? 1 },
        target: joinTarget(piecesIn(segments.value, contentStart, contentEnd), contentStart),
        markup: [contentStart, contentEnd],
      }),
    )
    i = end
  }
  if (!chinese(sources)) return ok(undefined)
  return ok({ kind: 'xliff', pairs, segments: segments.value })
}

function findParent(tokens: readonly Token[], index: number, name: string): Token | undefined {
  let depth = 0
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!
    if (token.type === 'close') depth++
    else if (token.type === 'open' && !token.selfClosing) {
      if (depth === 0) return localName(token.name) === name ? token : undefined
      depth--
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// PO

const poEscapes: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
}

/** The content ranges of the quoted strings on a PO line from `at`. */
function poString(file: string, at: number, lineEnd: number): [number, number] | undefined {
  const open = file.indexOf('"', at)
  if (open === -1 || open >= lineEnd) return undefined
  let i = open + 1
  while (i < lineEnd && file[i] !== '"') i += file[i] === '\\' ? 2 : 1
  return i < lineEnd ? [open + 1, i] : undefined
}

function poDecode(file: string, strings: readonly [number, number][]): string {
  let text = ''
  for (const [start, end] of strings) {
    text += file.slice(start, end).replace(/\\(.)/g, (_, c: string) => poEscapes[c] ?? c)
  }
  return text
}

interface PoEntry {
  context?: [number, number][]
  id?: [number, number][]
  plural?: [number, number][]
  strings: { index: number; ranges: [number, number][] }[]
  line: number
}

/** Pairs of a PO file whose msgids are Chinese: `msgid` ↔ `msgstr` (`msgid_plural` ↔ `msgstr[n>0]`). */
function readPo(file: string): Result<BilingualDocument | undefined> {
  const segments = extractPo(file)
  if (!segments.ok) return segments
  const entries: PoEntry[] = []
  let entry: PoEntry | undefined
  let current: [number, number][] | undefined
  for (const line of linesOf(file)) {
    const raw = file.slice(line.start, line.end)
    const text = raw.trimStart()
    const at = line.start + raw.length - text.length
    if (text.startsWith('"')) {
      const range = current ? poString(file, at, line.end) : undefined
      if (range) current!.push(range)
      continue
    }
    const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*"/.exec(text)
    if (!keyword) {
      current = undefined
      continue
    }
    const range = poString(file, at, line.end)
    const ranges: [number, number][] = range ? [range] : []
    const word = keyword[1]!
    if (word === 'msgctxt' || (word === 'msgid' && !(entry?.context && !entry.id))) {
      entry = { strings: [], line: line.number }
      entries.push(entry)
    }
    if (!entry) continue
    if (word === 'msgctxt') entry.context = ranges
    else if (word === 'msgid') {
      entry.id = ranges
      entry.line = line.number
    } else if (word === 'msgid_plural') entry.plural = ranges
    else entry.strings.push({ index: Number(keyword[2] ?? 0), ranges })
    current = ranges
  }
  const place = location(file)
  const pairs: BilingualPair[] = []
  const sources: string[] = []
  for (const e of entries) {
    const id = poDecode(file, e.id ?? [])
    if (id === '' && !e.context) continue
    const plural = e.plural ? poDecode(file, e.plural) : undefined
    sources.push(id)
    for (const { index, ranges } of e.strings) {
      const text = index > 0 && plural !== undefined ? plural : id
      const start = ranges[0]?.[0] ?? 0
      const end = ranges.at(-1)?.[1] ?? start
      const pair: Parameters<typeof makePair>[2] = {
        id: `line ${e.line}${e.strings.length > 1 ? ` [${index}]` : ''}`,
        source: { text, line: e.line },
        target: joinTarget(piecesIn(segments.value, start, end), start),
        markup: [start, end],
      }
      // Plural forms translate the same source differently on purpose: keep them apart.
      const form = e.strings.length > 1 ? `\u0001[${index}]` : ''
      if (e.context || form) pair.context = `${e.context ? poDecode(file, e.context) : ''}${form}`
      pairs.push(makePair(file, place, pair))
    }
  }
  if (!chinese(sources)) return ok(undefined)
  return ok({ kind: 'po', pairs, segments: segments.value })
}

// ---------------------------------------------------------------------------------------------
// TSV and JSONL

const sourceNames = [
  'source',
  'src',
  'zh',
  'zh-cn',
  'zh_cn',
  'zh-hans',
  'chinese',
  'cn',
  '中文',
  '原文',
]
const targetNames = [
  'target',
  'tgt',
  'en',
  'en-us',
  'en_us',
  'english',
  'translation',
  'mt',
  '英文',
  '译文',
]

/** A segment moved `by` code units further into the file. */
function shift(segment: ProseSegment, by: number): ProseSegment {
  const moved: ProseSegment = { text: segment.text, offset: segment.offset + by }
  const inner = segment.toSource
  if (inner) moved.toSource = (index) => inner(index) + by
  if (segment.encode) moved.encode = segment.encode
  if (segment.runs)
    moved.runs = segment.runs.map((r) => ({ ...r, start: r.start + by, end: r.end + by }))
  if (segment.opaque) moved.opaque = segment.opaque.map(([s, e]) => [s + by, e + by] as const)
  return moved
}

/**
 * The target segment of one line of a TSV or JSONL file (placeholders opaque, as the format
 * adapters make them). The line is built on its own, so cost stays linear in the file.
 *
 * @param fill Adds the target's text to `decoded`, in offsets of the line.
 */
function lineTarget(
  file: string,
  line: Line,
  at: number,
  fill: (decoded: DecodedText, local: string) => void,
  encode?: (text: string) => string,
): Target {
  const local = file.slice(line.start, line.end)
  const decoded = new DecodedText(local)
  fill(decoded, local)
  const builder = new SegmentBuilder(local)
  emitMessage(decoded, builder)
  const built = builder.build(encode)
  if (!built) return { segment: { text: '', offset: at }, masked: [] }
  const segment = shift(built, line.start)
  return { segment, masked: masksOf(segment) }
}

interface Line {
  start: number
  end: number
  number: number
}

function linesOf(file: string): Line[] {
  const lines: Line[] = []
  let number = 0
  for (let offset = 0; offset <= file.length; ) {
    let end = file.indexOf('\n', offset)
    if (end === -1) end = file.length
    number++
    const stop = end > offset && file[end - 1] === '\r' ? end - 1 : end
    lines.push({ start: offset, end: stop, number })
    offset = end + 1
  }
  if (lines.length > 1 && lines.at(-1)!.start === lines.at(-1)!.end && file.endsWith('\n'))
    lines.pop()
  return lines
}

function columnOf(
  header: readonly string[],
  wanted: string | undefined,
  defaults: readonly string[],
): number {
  const names = header.map((h) => h.trim().toLowerCase())
  if (wanted !== undefined) return names.indexOf(wanted.trim().toLowerCase())
  return names.findIndex((n) => defaults.includes(n))
}

/** Pairs of a TSV file: by header names (`--source-field`, `--target-field`), or two columns. */
function readTsv(file: string, options: BilingualOptions): Result<BilingualDocument | undefined> {
  const lines = linesOf(file).filter((l) => l.end > l.start)
  const first = lines[0]
  if (!first) return ok(undefined)
  const header = file.slice(first.start, first.end).split('\t')
  let sourceColumn = columnOf(header, options.sourceField, sourceNames)
  let targetColumn = columnOf(header, options.targetField, targetNames)
  let rows = lines.slice(1)
  if (sourceColumn === -1 || targetColumn === -1) {
    const named = options.sourceField ?? options.targetField
    if (named !== undefined) {
      const missing =
        sourceColumn === -1 ? (options.sourceField ?? 'source') : (options.targetField ?? 'target')
      return err(
        `TSV error at 1:1: no column named '${missing}' in the header (${header.join(', ')})`,
      )
    }
    // No header: two columns, Chinese first.
    const cells = lines.map((l) => file.slice(l.start, l.end).split('\t'))
    if (!cells.every((c) => c.length === 2) || !chinese(cells.map((c) => c[0]!)))
      return ok(undefined)
    sourceColumn = 0
    targetColumn = 1
    rows = lines
  }
  const place = location(file)
  const pairs: BilingualPair[] = []
  const segments: Segment[] = []
  const seen: string[] = []
  for (const row of rows) {
    const cells = file.slice(row.start, row.end).split('\t')
    const starts: number[] = []
    let at = row.start
    for (const cell of cells) {
      starts.push(at)
      at += cell.length + 1
    }
    const source = cells[sourceColumn] ?? ''
    const target = cells[targetColumn]
    const targetStart = target === undefined ? row.end : starts[targetColumn]!
    const local = targetStart - row.start
    const built = lineTarget(file, row, targetStart, (decoded) =>
      decoded.literal(local, local + (target ?? '').length),
    )
    if (built.segment.text !== '') segments.push(built.segment)
    seen.push(source)
    pairs.push(
      makePair(file, place, {
        id: `row ${row.number}`,
        source: { text: source, line: row.number },
        target: built,
        markup: [targetStart, targetStart + (target ?? '').length],
      }),
    )
  }
  if (!chinese(seen)) return ok(undefined)
  return ok({ kind: 'tsv', pairs, segments })
}

/** A JSON value scanner over one line: the raw ranges of string values by key path. */
class JsonLine {
  strings = new Map<string, [number, number]>()
  constructor(
    readonly text: string,
    readonly base: number,
  ) {}

  value(i: number, path: string): number {
    i = this.space(i)
    const c = this.text[i]
    if (c === '{') return this.object(i, path)
    if (c === '[') return this.array(i, path)
    if (c === '"') {
      const end = this.string(i)
      this.strings.set(path, [i + 1, end - 1])
      return end
    }
    let j = i
    while (j < this.text.length && /[^\s,\]}]/.test(this.text[j]!)) j++
    return j
  }

  object(i: number, path: string): number {
    i = this.space(i + 1)
    while (i < this.text.length && this.text[i] !== '}') {
      const keyEnd = this.string(i)
      const key = JSON.parse(this.text.slice(i, keyEnd)) as string
      i = this.space(keyEnd)
      i = this.value(i + 1, path === '' ? key : `${path}.${key}`)
      i = this.space(i)
      if (this.text[i] === ',') i = this.space(i + 1)
    }
    return i + 1
  }

  array(i: number, path: string): number {
    i = this.space(i + 1)
    let n = 0
    while (i < this.text.length && this.text[i] !== ']') {
      i = this.space(this.value(i, `${path}[${n++}]`))
      if (this.text[i] === ',') i = this.space(i + 1)
    }
    return i + 1
  }

  string(i: number): number {
    let j = i + 1
    while (j < this.text.length && this.text[j] !== '"') j += this.text[j] === '\\' ? 2 : 1
    return j + 1
  }

  space(i: number): number {
    while (i < this.text.length && /\s/.test(this.text[i]!)) i++
    return i
  }
}

/** Decode the raw content of a JSON string into `decoded`, escape by escape. */
function decodeJsonInto(decoded: DecodedText, file: string, start: number, end: number) {
  let cursor = start
  for (let i = file.indexOf('\\', start); i !== -1 && i < end; i = file.indexOf('\\', cursor)) {
    decoded.literal(cursor, i)
    const c = file[i + 1]!
    if (c === 'u') {
      decoded.escape(String.fromCharCode(Number.parseInt(file.slice(i + 2, i + 6), 16)), i, i + 6)
      cursor = i + 6
    } else {
      decoded.escape(jsonEscapes[c] ?? c, i, i + 2)
      cursor = i + 2
    }
  }
  decoded.literal(cursor, end)
}

const encodeJson = (text: string) => JSON.stringify(text).slice(1, -1)

/** Pairs of a JSONL file: one object a line, with a source and a target field (dotted paths). */
function readJsonl(file: string, options: BilingualOptions): Result<BilingualDocument | undefined> {
  const place = location(file)
  const records: { line: Line; scan: JsonLine }[] = []
  for (const line of linesOf(file)) {
    const text = file.slice(line.start, line.end)
    if (text.trim() === '') continue
    try {
      const value: unknown = JSON.parse(text)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return err(`JSONL error at ${line.number}:1: not a JSON object`)
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'invalid JSON'
      return err(`JSONL error at ${line.number}:1: ${reason}`)
    }
    const scan = new JsonLine(text, line.start)
    scan.value(0, '')
    records.push({ line, scan })
  }
  const first = records[0]
  if (!first) return ok(undefined)
  const pick = (wanted: string | undefined, defaults: readonly string[]) => {
    if (wanted !== undefined) return wanted
    const keys = [...first.scan.strings.keys()]
    return (
      keys.find((k) => defaults.includes(k.toLowerCase())) ??
      keys.find((k) => k.startsWith('translation.') && defaults.includes(k.slice(12).toLowerCase()))
    )
  }
  const sourceField = pick(options.sourceField, sourceNames)
  const targetField = pick(options.targetField, targetNames)
  if (sourceField === undefined || targetField === undefined) {
    if (options.sourceField !== undefined || options.targetField !== undefined) {
      return err(
        `JSONL error at ${first.line.number}:1: no string field '${sourceField === undefined ? (options.sourceField ?? 'source') : (options.targetField ?? 'target')}'`,
      )
    }
    return ok(undefined)
  }
  const pairs: BilingualPair[] = []
  const segments: Segment[] = []
  const seen: string[] = []
  for (const { line, scan } of records) {
    const sourceRange = scan.strings.get(sourceField)
    const targetRange = scan.strings.get(targetField)
    if (!sourceRange) continue
    const source = JSON.parse(`"${scan.text.slice(sourceRange[0], sourceRange[1])}"`) as string
    const start = targetRange ? line.start + targetRange[0] : line.end
    const end = targetRange ? line.start + targetRange[1] : line.end
    const built = lineTarget(
      file,
      line,
      start,
      (decoded, local) => decodeJsonInto(decoded, local, start - line.start, end - line.start),
      encodeJson,
    )
    if (built.segment.text !== '') segments.push(built.segment)
    seen.push(source)
    pairs.push(
      makePair(file, place, {
        id: `line ${line.number}`,
        source: { text: source, line: line.number },
        target: built,
        markup: [start, end],
      }),
    )
  }
  if (!chinese(seen)) return ok(undefined)
  return ok({ kind: 'jsonl', pairs, segments })
}

// ---------------------------------------------------------------------------------------------
// Line-aligned files

/** Pairs of two line-aligned files: line n of the source with line n of the translation. */
function readAligned(
  file: string,
  options: BilingualOptions & { sourceText: string },
): Result<BilingualDocument> {
  const source = options.sourceText
  const sourceLines = linesOf(source)
  const targetLines = linesOf(file)
  const name = options.sourcePath ?? 'the source'
  if (sourceLines.length !== targetLines.length) {
    return err(
      `${name} has ${sourceLines.length} lines and the translation ${targetLines.length}: line-aligned files need one line per segment`,
    )
  }
  const place = location(file)
  const pairs: BilingualPair[] = []
  const segments: Segment[] = []
  targetLines.forEach((line, index) => {
    const from = sourceLines[index]!
    const text = source.slice(from.start, from.end)
    const target = file.slice(line.start, line.end)
    if (text.trim() === '' && target.trim() === '') return
    const segment: Segment = { text: target, offset: line.start }
    if (target.trim() !== '') segments.push(segment)
    const sourceSegment: SourceSegment = { text, line: from.number }
    if (options.sourcePath !== undefined) sourceSegment.path = options.sourcePath
    pairs.push(
      makePair(file, place, {
        id: `line ${line.number}`,
        source: sourceSegment,
        target: { segment, masked: [] },
        markup: [line.start, line.end],
      }),
    )
  })
  return ok({ kind: 'aligned', pairs, segments })
}

// ---------------------------------------------------------------------------------------------

const kinds: Readonly<Record<string, 'xliff' | 'po' | 'tsv' | 'jsonl'>> = {
  xlf: 'xliff',
  xliff: 'xliff',
  po: 'po',
  pot: 'po',
  tsv: 'tsv',
  tab: 'tsv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
}

/** Which bilingual reader a path (or `--format-in` name) calls for, if any. */
export function bilingualKindFor(
  path: string,
  formatName?: string,
): 'xliff' | 'po' | 'tsv' | 'jsonl' | undefined {
  const name = (formatName ?? path.slice(path.lastIndexOf('.') + 1))
    .toLowerCase()
    .replace(/^\./, '')
  return kinds[name]
}

/**
 * Read a file as bilingual input when it is one: a line-aligned translation of
 * `options.sourceText`, an XLIFF or PO file with Chinese sources, or a TSV/JSONL file with
 * source and target fields.
 *
 * @returns The document, undefined when the file is not bilingual, or one clear error.
 */
export function readBilingual(
  path: string,
  file: string,
  formatName: string | undefined,
  options: BilingualOptions = {},
): Result<BilingualDocument | undefined> {
  if (options.sourceText !== undefined)
    return readAligned(file, { ...options, sourceText: options.sourceText })
  switch (bilingualKindFor(path, formatName)) {
    case 'xliff':
      return readXliff(file)
    case 'po':
      return readPo(file)
    case 'tsv':
      return readTsv(file, options)
    case 'jsonl':
      return readJsonl(file, options)
    default:
      return ok(undefined)
  }
}
