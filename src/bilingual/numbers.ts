/**
 * The numeral normaliser: every figure of a Chinese or English text with its value, so the
 * figures of a source and its translation can be compared whatever their script or scale.
 */

/** What a figure stands for. */
export type FigureKind = 'number' | 'percent' | 'year' | 'month' | 'day' | 'ordinal' | 'time'

/** A figure found in a text. */
export interface Figure {
  /** UTF-16 offsets of the figure in the text it was read from, `end` exclusive. */
  start: number
  end: number
  /** The figure as written (`1.7万`, `5 ten thousand`). */
  text: string
  /** What it stands for. */
  value: number
  /** Every value it may stand for, `value` first (`22年` is 22, 2022 or 1922). */
  values: readonly number[]
  /** Rounding slack: `1.7 million` stands for anything within 50,000 of 1,700,000. */
  tolerance: number
  kind: FigureKind
  /**
   * Whether the other language must render it. Figures that are not required (`一`, number
   * words, month names, `两会`-style set phrases) only count as matches for the other side.
   */
  required: boolean
  /** An English scale calqued from Chinese (`5 ten thousand`, `880 billion 300 million`). */
  calque: boolean
  /** The multiplier of a trailing unit (万, million…), 1 when none; ranges share it. */
  scale: number
}

// ---------------------------------------------------------------------------------------------
// Chinese

const cnDigits: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
}
const cnSmall: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
}
const cnBig: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 }

const numeralClass = '0-9〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万萬亿億'
// A run of numerals, with decimal points (`.`, `点`) and thousands commas between numerals.
// The separators are outside the class, so the repetition is unambiguous (linear time).
const cnRun = new RegExp(
  `[${numeralClass}]+(?:(?:[.点]|,(?=[0-9]{3}(?![0-9])))[${numeralClass}]+)*`,
  'gu',
)
const cnDigitChar = /[〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖]/u
const cnDigitBeforeUnit = /[〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖0-9][十拾百佰千仟万萬亿億]/u
const asciiDigit = /[0-9]/
const latinLetter = /[A-Za-z]/
const maxRun = 40

// Measure words and units that make a Chinese numeral a count (`三起`, `两名`, `五万元`).
// `分` is left out: `十分` is "very".
const measureChars = new Set([
  ...'个名人位件起项家所座条辆台部本张次场届轮批户间套种类只头匹棵株份篇首期支架艘列节门道处片块层栋幢组队对双副股笔宗枚颗粒例吨克斤米里亩升度元角秒岁年月日号天周时点倍级代国省市县区镇村页章款集版楼卷册盒箱瓶包袋桶杯碗%‰',
])
const measureWords = [
  '公斤',
  '千克',
  '公里',
  '千米',
  '平方',
  '立方',
  '公顷',
  '美元',
  '欧元',
  '港元',
  '日元',
  '英镑',
  '分钟',
  '小时',
  '季度',
  '百分点',
  '个百分点',
  '人次',
  '千瓦',
  '毫米',
  '厘米',
  '英里',
  '海里',
]
// A figure right after these is vague (`几十`, `数百`, `上千`, `成千`) or lexical (`初三`).
const vagueBefore = new Set([...'几数上成好若初'])
const weekdayBefore = ['星期', '礼拜', '周']
const documentSuffix = /^[年月日号]/u

/** Replace full-width digits, `％`, `．`, `～`, `－` by their ASCII forms; lengths are kept. */
export function normalizeWidth(text: string): string {
  return text.replace(/[０-９％．～－]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

interface Parsed {
  value: number
  tolerance: number
  /** The multiplier of the trailing big unit(s), 1 when none. */
  scale: number
  /** A string of Chinese digits without units (`二〇二二`). */
  digitString: boolean
}

const tidy = (value: number) => Number(value.toPrecision(12))

/** The value of a Chinese (or mixed) integer such as `一千二百`, `3亿5千万`, `二〇二二`. */
function parseInteger(s: string): Parsed | undefined {
  if (s === '') return undefined
  if (/^[0-9]+$/.test(s)) return { value: Number(s), tolerance: 0, scale: 1, digitString: false }
  if (s.length === 1 && cnBig[s] !== undefined) {
    return { value: cnBig[s]!, tolerance: 0, scale: cnBig[s]!, digitString: false }
  }
  let total = 0
  let section = 0
  let number: number | undefined
  let lastSmall = Number.POSITIVE_INFINITY
  let wan = false
  let units = false
  let lastUnit = 1
  let tail = 1
  let colloquial = false
  let chineseDigits = 0
  let prev: 'start' | 'digit' | 'zero' | 'ascii' | 'small' | 'big' = 'start'
  let i = 0
  while (i < s.length) {
    const c = s[i]!
    if (asciiDigit.test(c)) {
      let j = i
      while (j < s.length && asciiDigit.test(s[j]!)) j++
      if (prev === 'digit' || prev === 'zero') return undefined
      number = Number(s.slice(i, j))
      prev = 'ascii'
      colloquial = false
      tail = 1
      i = j
      continue
    }
    const digit = cnDigits[c]
    if (digit !== undefined) {
      chineseDigits++
      if (prev === 'ascii') return undefined
      if (prev === 'digit') {
        if (units) return undefined
        number = number! * 10 + digit
      } else if (prev === 'zero') {
        number = units ? digit : number! * 10 + digit
        colloquial = false
      } else {
        colloquial = prev === 'small' || prev === 'big'
        number = digit
      }
      if (digit === 0) colloquial = false
      prev = digit === 0 ? 'zero' : 'digit'
      tail = 1
      i++
      continue
    }
    const small = cnSmall[c]
    if (small !== undefined) {
      if (small >= lastSmall || prev === 'zero') return undefined
      if (number === undefined && prev !== 'start' && prev !== 'big') return undefined
      section += (number ?? 1) * small
      number = undefined
      lastSmall = small
      units = true
      prev = 'small'
      lastUnit = small
      tail = 1
      i++
      continue
    }
    const big = cnBig[c]
    if (big !== undefined) {
      if (prev === 'start' || prev === 'zero') return undefined
      if (big === 1e4) {
        if (wan) return undefined
        section = (section + (number ?? 0)) * 1e4
        wan = true
      } else {
        total = (total + section + (number ?? 0)) * 1e8
        section = 0
        wan = false
      }
      number = undefined
      lastSmall = Number.POSITIVE_INFINITY
      units = true
      prev = 'big'
      lastUnit = big
      tail *= big
      i++
      continue
    }
    return undefined
  }
  let last = number ?? 0
  // Colloquial `一万二` (12,000), `三百五` (350): a last digit right after a unit of 100 or more.
  if (colloquial && prev === 'digit' && lastUnit >= 100) last *= lastUnit / 10
  return {
    value: tidy(total + section + last),
    tolerance: 0,
    scale: prev === 'big' ? tail : 1,
    digitString: !units && chineseDigits >= 2,
  }
}

/** The value of a Chinese numeral, integer or decimal (`1.7万`, `三点五`, `一千二百`). */
export function parseChineseNumber(run: string): Parsed | undefined {
  const s = normalizeWidth(run).replaceAll(',', '')
  const dot = s.search(/[.点]/u)
  if (dot === -1) return parseInteger(s)
  const whole = s.slice(0, dot)
  if (/[万萬亿億]/u.test(whole)) return undefined
  const integer = parseInteger(whole)
  const rest = /^([0-9〇零一二两三四五六七八九]+)([万萬亿億]*)$/u.exec(s.slice(dot + 1))
  if (!integer || !rest) return undefined
  let fraction = ''
  for (const c of rest[1]!) fraction += asciiDigit.test(c) ? c : String(cnDigits[c])
  let scale = 1
  for (const c of rest[2]!) scale *= cnBig[c]!
  const value = tidy((integer.value + Number(`0.${fraction}`)) * scale)
  const tolerance = scale > 1 ? 0.5 * 10 ** -fraction.length * scale : 0
  return { value, tolerance, scale, digitString: false }
}

interface Piece {
  start: number
  end: number
  parsed: Parsed
  /** A piece of a run that did not parse whole (`十四五`): never required. */
  fragment?: boolean
}

/** Split a run that does not parse as one numeral (`十四五`) into the longest parsable pieces. */
function splitRun(run: string, offset: number): Piece[] {
  const pieces: Piece[] = []
  let i = 0
  while (i < run.length) {
    let found: Piece | undefined
    for (let j = run.length; j > i; j--) {
      const piece = run.slice(i, j)
      if (/[.点,]$/u.test(piece)) continue
      const parsed = parseChineseNumber(piece)
      if (parsed) {
        found = { start: offset + i, end: offset + j, parsed, fragment: true }
        break
      }
    }
    if (!found) {
      i++
      continue
    }
    pieces.push(found)
    i = found.end - offset
  }
  return pieces
}

interface Context {
  text: string
  start: number
  end: number
}

function followedByMeasure(after: string): boolean {
  const rest = after.replace(/^[余多]/u, '')
  if (measureChars.has(rest[0] ?? '')) return true
  return measureWords.some((w) => rest.startsWith(w))
}

function figure(
  context: Context,
  value: number,
  fields: Partial<Omit<Figure, 'start' | 'end' | 'text' | 'value'>> = {},
): Figure {
  return {
    start: context.start,
    end: context.end,
    text: context.text.slice(context.start, context.end),
    value,
    values: fields.values ?? [value],
    tolerance: fields.tolerance ?? 0,
    kind: fields.kind ?? 'number',
    required: fields.required ?? false,
    calque: false,
    scale: fields.scale ?? 1,
  }
}

/** Figures of one numeral run (or piece of one) in Chinese text. */
function classifyChinese(original: string, text: string, piece: Piece, out: Figure[]) {
  const { start, end, parsed } = piece
  const raw = text.slice(start, end)
  const context = { text: original, start, end }
  const before = text.slice(Math.max(0, start - 3), start)
  const after = text.slice(end, end + 5)
  const hasAscii = asciiDigit.test(raw)
  const hasChineseDigit = cnDigitChar.test(raw)
  // Weekdays (`周三`, `星期五`) are names, not figures.
  if (
    !hasAscii &&
    parsed.value >= 1 &&
    parsed.value <= 7 &&
    weekdayBefore.some((w) => before.endsWith(w)) &&
    !/^[个年月天]/u.test(after)
  ) {
    return
  }
  // The `百` of `百分之`, and the `千` of `千分之`, introduce a percentage.
  if (/^[百千]$/u.test(raw) && /^分[之点]/u.test(after)) return
  const percentBefore = before.endsWith('百分之') || before.endsWith('千分之')
  const percentAfter = /^(?:%|‰|个?百分点)/u.test(after)
  const ordinal = before.endsWith('第')
  // `几十`, `数百`, `上千`, `十来个`; Arabic figures are never vague (`以上3000元`).
  const vague = !hasAscii && (vagueBefore.has(before.at(-1) ?? '') || /^[几来]/u.test(after))
  let kind: FigureKind = percentBefore || percentAfter ? 'percent' : ordinal ? 'ordinal' : 'number'
  let values = [parsed.value]
  let value = parsed.value
  // `三成` is 30%.
  if (
    !hasAscii &&
    /^[一二两三四五六七八九]$/u.test(raw) &&
    after.startsWith('成') &&
    !/^成[为立功果本员熟绩就交年都]/u.test(after)
  ) {
    value = parsed.value * 10
    values = [value, parsed.value]
    kind = 'percent'
  }
  // `5千米` is 5 km; `2022年` a year; `22年` may be 2022.
  if (/千$/u.test(raw) && /^[米克瓦]/u.test(after)) values.push(value / 1000)
  if (after.startsWith('年') && kind === 'number') {
    if (hasAscii && /^[0-9]{4}$/.test(raw)) kind = 'year'
    else if (parsed.digitString && raw.length === 4) kind = 'year'
    if (/^[0-9]{2}$/.test(raw)) values.push(2000 + value, 1900 + value)
  }
  if (after.startsWith('月') && value >= 1 && value <= 12 && kind === 'number') kind = 'month'
  if (/^[日号]/u.test(after) && value >= 1 && value <= 31 && kind === 'number') kind = 'day'
  let required: boolean
  if (vague || piece.fragment || value === 0 || value === 1) required = false
  else if (hasAscii) required = true
  else if (!hasChineseDigit) required = false
  else {
    required =
      kind !== 'number' ||
      followedByMeasure(after) ||
      documentSuffix.test(after) ||
      cnDigitBeforeUnit.test(raw)
  }
  if (parsed.digitString && !documentSuffix.test(after) && kind === 'number') {
    // `九二共识`, `七一`: a string of digits that is a name, not a count. Each digit, and a
    // two-digit string read as a year, satisfy figures of the other side.
    required = false
    for (const c of raw) {
      const d = cnDigits[c]
      if (d !== undefined) values.push(d)
    }
    if (raw.length === 2) values.push(1900 + value, 2000 + value)
  }
  out.push(
    figure(context, value, {
      values: [...new Set(values)],
      tolerance: parsed.tolerance,
      kind,
      required,
      scale: parsed.scale,
    }),
  )
}

const approximate = /^([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]*)$/u

/**
 * Every figure of a Chinese text: Arabic, full-width and Chinese numerals with their units
 * (`1.7万` 17,000, `3亿5千万` 350,000,000, `一千二百`, `两万`), decimals (`三点五`),
 * percentages (`百分之五`, `５％`, `三成`), ranges (`5至8万` 50,000 and 80,000), dates
 * (`2022年8月10日`), times (`3点30分`) and ordinals (`第三`). Vague (`几十`, `数百`), lexical
 * (`统一`, `四川`) and weekday numerals are left out or marked as not required.
 */
export function chineseFigures(text: string): Figure[] {
  const normal = normalizeWidth(text)
  const figures: Figure[] = []
  for (const match of normal.matchAll(cnRun)) {
    const run = match[0]
    const offset = match.index
    if (run.length > maxRun) continue
    const context = { text, start: offset, end: offset + run.length }
    // Codes such as `5G`, `G20`, `C919`.
    const before = normal[offset - 1] ?? ''
    const after = normal[offset + run.length] ?? ''
    if (asciiDigit.test(run[0]!) && latinLetter.test(before)) continue
    if (asciiDigit.test(run.at(-1)!) && latinLetter.test(after)) continue
    // Dates written `2022.08.10`.
    const dotted = /^([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})$/.exec(run)
    if (dotted) {
      let at = offset
      const kinds: FigureKind[] = ['year', 'month', 'day']
      dotted.slice(1).forEach((part, k) => {
        figures.push(
          figure({ text, start: at, end: at + part.length }, Number(part), {
            kind: kinds[k]!,
            required: Number(part) > 1,
          }),
        )
        at += part.length + 1
      })
      continue
    }
    // Clock times: `3点30分`, `10点`, where `点` follows an Arabic digit or precedes `分`.
    const clock = /^([0-9]+|[^.点]+)点([^.点]+)$/u.exec(run)
    if (clock && (asciiDigit.test(clock[1]!.at(-1)!) || after === '分')) {
      const hour = parseChineseNumber(clock[1]!)
      const minute = parseChineseNumber(clock[2]!)
      if (hour && minute) {
        const split = offset + clock[1]!.length
        figures.push(
          figure({ text, start: offset, end: split }, hour.value, {
            kind: 'time',
            required: hour.value > 1,
          }),
        )
        figures.push(
          figure({ text, start: split + 1, end: context.end }, minute.value, {
            kind: 'time',
            required: minute.value > 1,
          }),
        )
        continue
      }
    }
    // Approximations: `三四个` (3 or 4), `五六十` (50 or 60), `两三千`.
    const approx = approximate.exec(run)
    if (approx) {
      const first = cnDigits[approx[1]!]!
      const second = cnDigits[approx[2]!]!
      if (second === first + 1) {
        const unit = approx[3] ? (parseInteger(`一${approx[3]}`)?.value ?? 1) : 1
        figures.push(figure(context, first * unit))
        figures.push(figure(context, second * unit))
        continue
      }
    }
    const parsed = parseChineseNumber(run)
    const pieces = parsed ? [{ start: offset, end: context.end, parsed }] : splitRun(run, offset)
    for (const piece of pieces) classifyChinese(text, normal, piece, figures)
  }
  shareRanges(text, figures, /^\s*(?:至|到|~|-|—|–|——|、|或)\s*$/u)
  return figures
}

/**
 * In a range or list (`5至8万`, `3、4月`, `5 to 8 million`) the first figure takes the second's
 * unit, kind and need: `5至8万` is 50,000 to 80,000.
 */
function shareRanges(text: string, figures: Figure[], joiner: RegExp) {
  for (let i = figures.length - 2; i >= 0; i--) {
    const a = figures[i]!
    const b = figures[i + 1]!
    if (a.end > b.start || !joiner.test(text.slice(a.end, b.start))) continue
    if (b.scale > 1 && a.scale === 1 && a.value * b.scale <= b.value * 10) {
      const scaled = tidy(a.value * b.scale)
      figures[i] = {
        ...a,
        value: scaled,
        values: [scaled, ...a.values],
        scale: b.scale,
        tolerance: b.tolerance,
      }
    }
    const current = figures[i]!
    if (current.kind === 'number' && b.kind !== 'number' && b.kind !== 'ordinal') {
      figures[i] = { ...current, kind: b.kind }
    }
    if (b.required && !figures[i]!.required && figures[i]!.value > 1)
      figures[i] = { ...figures[i]!, required: true }
  }
}

// ---------------------------------------------------------------------------------------------
// English

const smallWords: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}
const scaleWords: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
}
const ordinalWords: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
}
const monthWords: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
}
// Words that render a Chinese numeral without a figure (`两` both, `十年` a decade).
const lexicalWords: Readonly<Record<string, number>> = {
  once: 1,
  single: 1,
  twice: 2,
  both: 2,
  double: 2,
  dual: 2,
  pair: 2,
  couple: 2,
  twin: 2,
  thrice: 3,
  triple: 3,
  quadruple: 4,
  dozen: 12,
  decade: 10,
  decades: 10,
  century: 100,
  centennial: 100,
  centenary: 100,
  millennium: 1000,
}
const ordinalSuffix = new Set(['st', 'nd', 'rd', 'th'])
// Case matters: `5G` is a code, `5g` five grams.
const unitSuffix = new Set([
  'km',
  'kg',
  'cm',
  'mm',
  'm',
  't',
  'g',
  'MW',
  'kW',
  'GW',
  'kWh',
  'ha',
  'mu',
  'pm',
  'am',
  'sqm',
  'h',
  'hrs',
  'yuan',
])
const currencyBefore = new Set(['rmb', 'cny', 'usd', 'us', 'hk', 'hkd', 'eur', 'gbp', 'jpy', 'rs'])

const enToken = /[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[A-Za-z]+/g
const enDate = /(?<![0-9.])([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|\.[0-9])/g
const enTime = /(?<![0-9.:])([0-9]{1,2}):([0-9]{2})(?![0-9]|:[0-9])/g

interface Token {
  text: string
  lower: string
  start: number
  end: number
  numeric: boolean
}

const decimalsOf = (digits: string) => {
  const dot = digits.indexOf('.')
  return dot === -1 ? 0 : digits.length - dot - 1
}

/**
 * Every figure of an English text: digits (`17,000`, `3.5`), scales (`1.7 million`), number
 * words (`ten thousand`, `twenty-five`), percentages (`3.5%`, `5 percent`), dates
 * (`August 10, 2022`, `10 August`, `2022-08-10`), times (`10:30`), ordinals (`20th`, `third`),
 * decades (`1990s`) and the scales machine translation calques from Chinese: `5 ten thousand`
 * (50,000), `3 hundred million`, `880 billion 300 million` (880.3 billion). Figures written in
 * digits are required; words, months and ordinal words only satisfy figures of the source.
 * Codes (`5G`, `COVID-19`, `G20`) and vague plurals (`thousands of`) are left out.
 */
export function englishFigures(text: string): Figure[] {
  const figures: Figure[] = []
  const consumed: [number, number][] = []
  for (const m of text.matchAll(enDate)) {
    let at = m.index
    const parts = [m[1]!, m[3]!, m[4]!]
    const kinds: FigureKind[] = ['year', 'month', 'day']
    parts.forEach((part, k) => {
      figures.push(
        figure({ text, start: at, end: at + part.length }, Number(part), {
          kind: kinds[k]!,
          required: Number(part) > 1,
        }),
      )
      at += part.length + 1
    })
    consumed.push([m.index, m.index + m[0].length])
  }
  for (const m of text.matchAll(enTime)) {
    if (consumed.some(([s, e]) => m.index >= s && m.index < e)) continue
    const hour = m[1]!
    const split = m.index + hour.length + 1
    figures.push(
      figure({ text, start: m.index, end: m.index + hour.length }, Number(hour), {
        kind: 'time',
        required: Number(hour) > 1,
      }),
    )
    figures.push(
      figure({ text, start: split, end: split + 2 }, Number(m[2]), {
        kind: 'time',
        required: Number(m[2]) > 1,
      }),
    )
    consumed.push([m.index, m.index + m[0].length])
  }
  const tokens: Token[] = [...text.matchAll(enToken)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
    numeric: asciiDigit.test(m[0][0]!),
  }))
  const gap = (a: Token, b: Token | undefined) => (b ? text.slice(a.end, b.start) : '\u0000')
  const spaced = (a: Token, b: Token | undefined) =>
    b !== undefined && /^[ \u00a0]+$/.test(gap(a, b))
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]!
    if (consumed.some(([s, e]) => token.start >= s && token.start < e)) {
      i++
      continue
    }
    if (token.numeric) {
      i = readDigits(text, tokens, i, figures, spaced)
      continue
    }
    const word = token.lower
    if (
      smallWords[word] !== undefined ||
      scaleWords[word] !== undefined ||
      (word === 'a' &&
        scaleWords[tokens[i + 1]?.lower ?? ''] !== undefined &&
        spaced(token, tokens[i + 1]))
    ) {
      i = readWords(text, tokens, i, figures)
      continue
    }
    const context = { text, start: token.start, end: token.end }
    const ordinal = ordinalWords[word]
    if (ordinal !== undefined) figures.push(figure(context, ordinal, { kind: 'ordinal' }))
    const month = monthWords[word]
    if (month !== undefined) {
      const next = tokens[i + 1]
      const previous = tokens[i - 1]
      const nearNumber =
        (next?.numeric === true && /^[ .,]*$/.test(gap(token, next))) ||
        (previous?.numeric === true && /^ +$/.test(gap(previous, token)))
      if (word !== 'may' || nearNumber) figures.push(figure(context, month, { kind: 'month' }))
    }
    const lexical = lexicalWords[word]
    if (lexical !== undefined) figures.push(figure(context, lexical))
    i++
  }
  figures.sort((a, b) => a.start - b.start)
  shareRanges(text, figures, /^\s*(?:-|–|—|to|and|or)\s*$/u)
  // `2021-22`: the second year may be written with two digits.
  for (let k = 1; k < figures.length; k++) {
    const a = figures[k - 1]!
    const b = figures[k]!
    if (
      a.kind === 'year' &&
      /^[0-9]{2}$/.test(b.text) &&
      /^[-–]$/.test(text.slice(a.end, b.start))
    ) {
      const full = Math.floor(a.value / 100) * 100 + b.value
      figures[k] = { ...b, values: [...b.values, full], kind: 'year' }
    }
  }
  return figures
}

type Spaced = (a: Token, b: Token | undefined) => boolean

/** A figure written in digits, with its suffix, scale words and calqued scale chains. */
function readDigits(
  text: string,
  tokens: Token[],
  i: number,
  out: Figure[],
  spaced: Spaced,
): number {
  const token = tokens[i]!
  const previous = tokens[i - 1]
  const before = text[token.start - 1] ?? ''
  // Codes: `G20`, `COVID-19`, `1.2.3`; a currency code may touch the figure (`RMB5 billion`).
  if (
    latinLetter.test(before) &&
    !(previous && previous.end === token.start && currencyBefore.has(previous.lower))
  ) {
    return i + 1
  }
  if (before === '-' && latinLetter.test(text[token.start - 2] ?? '')) return i + 1
  if (before === '.' && asciiDigit.test(text[token.start - 2] ?? '')) return i + 1
  if (text[token.end] === '.' && asciiDigit.test(text[token.end + 1] ?? '')) {
    let j = i + 1
    while (j < tokens.length && tokens[j]!.numeric && text[tokens[j]!.start - 1] === '.') j++
    return j
  }
  const digits = token.text.replaceAll(',', '')
  let value = Number(digits)
  let end = token.end
  let next = i + 1
  let kind: FigureKind = 'number'
  let scale = 1
  let calque = false
  let tolerance = 0
  const suffix = tokens[next]
  if (suffix && suffix.start === token.end && !suffix.numeric) {
    if (ordinalSuffix.has(suffix.lower)) kind = 'ordinal'
    else if (suffix.lower === 's' && /^[0-9]{4}$/.test(digits)) kind = 'year'
    else if (suffix.lower === 'bn') scale = 1e9
    else if (!unitSuffix.has(suffix.text)) return next + 1
    end = suffix.end
    next++
  }
  if (kind === 'number' && scale === 1) {
    const scaled = readScale(tokens, next, spaced)
    if (scaled) {
      scale = scaled.scale
      calque = scaled.calque
      end = tokens[scaled.next - 1]!.end
      next = scaled.next
    }
  }
  if (scale > 1) {
    tolerance = 0.5 * 10 ** -decimalsOf(digits) * scale
    value = tidy(value * scale)
    // `880 billion 300 million`: further figures with smaller scales are added (a calque).
    for (;;) {
      const figureToken = tokens[next]
      if (!figureToken?.numeric || !spaced(tokens[next - 1]!, figureToken)) break
      const more = readScale(tokens, next + 1, spaced)
      const rest = Number(figureToken.text.replaceAll(',', ''))
      if (!more && rest < scale && rest >= 1 && Number.isInteger(rest) && scale >= 1000) {
        // `1 thousand 200`: a bare remainder after a scale.
        value = tidy(value + rest)
        tolerance = 0
        calque = true
        end = figureToken.end
        next++
        break
      }
      if (!more || more.scale >= scale) break
      value = tidy(value + Number(figureToken.text.replaceAll(',', '')) * more.scale)
      scale = more.scale
      tolerance = 0
      calque = true
      end = tokens[more.next - 1]!.end
      next = more.next
    }
  }
  const after = text.slice(end, end + 20).toLowerCase()
  if (/^ ?%|^ ?(?:percent|per cent|percentage point)/.test(after)) kind = 'percent'
  if (
    kind === 'number' &&
    scale === 1 &&
    /^[0-9]{4}$/.test(token.text) &&
    value >= 1000 &&
    value <= 2100
  )
    kind = 'year'
  out.push({
    start: token.start,
    end,
    text: text.slice(token.start, end),
    value,
    values: [value],
    tolerance,
    kind,
    required: value !== 0,
    calque,
    scale,
  })
  return next
}

/** Scale words after a figure: `million`, `ten thousand` (a calque), `hundred million` (one too). */
function readScale(tokens: Token[], i: number, spaced: Spaced) {
  const first = tokens[i]
  if (!first || !spaced(tokens[i - 1]!, first)) return undefined
  const second = tokens[i + 1]
  const big = scaleWords[second?.lower ?? '']
  if (
    (first.lower === 'ten' || first.lower === 'hundred') &&
    big !== undefined &&
    big > 100 &&
    spaced(first, second)
  ) {
    return { scale: (first.lower === 'ten' ? 10 : 100) * big, calque: true, next: i + 2 }
  }
  const scale = scaleWords[first.lower]
  if (scale === undefined) return undefined
  return { scale, calque: false, next: i + 1 }
}

/** A number written in words: `twenty-five`, `three hundred and fifty thousand`, `a million`. */
function readWords(text: string, tokens: Token[], i: number, out: Figure[]): number {
  const start = tokens[i]!.start
  let total = 0
  let current = 0
  let seen = false
  let end = tokens[i]!.end
  let j = i
  if (tokens[j]!.lower === 'a') {
    current = 1
    j++
  }
  while (j < tokens.length) {
    let token = tokens[j]!
    if (j > i) {
      // `three hundred and fifty`: `and` joins number words after a scale word.
      if (
        token.lower === 'and' &&
        scaleWords[tokens[j - 1]!.lower] !== undefined &&
        /^ $/.test(text.slice(tokens[j - 1]!.end, token.start))
      ) {
        const following = tokens[j + 1]
        if (!following || smallWords[following.lower] === undefined) break
        if (text.slice(token.end, following.start) !== ' ') break
        j++
        token = following
      } else if (!/^[ -]$/.test(text.slice(tokens[j - 1]!.end, token.start))) break
    }
    const small = smallWords[token.lower]
    const scale = scaleWords[token.lower]
    if (small !== undefined) {
      current += small
    } else if (scale !== undefined) {
      if (scale === 100) current = (current || 1) * 100
      else {
        total += (current || 1) * scale
        current = 0
      }
    } else break
    seen = true
    end = token.end
    j++
  }
  if (!seen) return i + 1
  // Plural scales (`hundreds of`, `tens of thousands`) are vague: not in the word lists.
  const value = total + current
  const after = text.slice(end, end + 20).toLowerCase()
  const kind: FigureKind = /^ ?(?:percent|per cent|%)/.test(after) ? 'percent' : 'number'
  out.push(figure({ text, start, end }, value, { kind }))
  return j
}

// ---------------------------------------------------------------------------------------------
// Comparing and writing figures

/** Whether two figures stand for the same value (any of their values, within rounding). */
export function sameValue(a: Figure, b: Figure): boolean {
  for (const x of a.values) {
    for (const y of b.values) {
      const slack = Math.max(a.tolerance, b.tolerance, 1e-9 * Math.max(Math.abs(x), Math.abs(y), 1))
      if (Math.abs(x - y) <= slack) return true
    }
  }
  return false
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false })

/**
 * A value as an English figure: digits with thousands commas below a million (`50,000`), a scale
 * word from a million up when that is exact to three decimals (`880.3 billion`, `350 million`).
 */
export function formatEnglish(value: number): string {
  const magnitude = Math.abs(value)
  for (const [name, scale] of [
    ['trillion', 1e12],
    ['billion', 1e9],
    ['million', 1e6],
  ] as const) {
    if (magnitude < scale) continue
    const mantissa = tidy(value / scale)
    if (Math.abs(mantissa * 1000 - Math.round(mantissa * 1000)) < 1e-6) {
      return `${plain.format(mantissa)} ${name}`
    }
    break
  }
  return grouped.format(value)
}

/** A figure's value for a message: `17,000`, `2022` (years plain), `5%`. */
export function describeFigure(figure: Figure): string {
  const shown =
    figure.kind === 'year' || figure.kind === 'time'
      ? plain.format(figure.value)
      : formatEnglish(figure.value)
  return figure.kind === 'percent' ? `${shown}%` : shown
}
