import { defineRule } from '../src/engine/define-rule.js'

// Chinese counts in units of 万 (10^4) and 亿 (10^8); machine translation keeps the units:
// `5 ten thousand` (5万), `3 hundred million` (3亿), `880 billion 300 million` (8803亿).
// A figure followed by a unit, possibly several in a row; a range shares the last unit.
// At most 15 digits and 6 decimals: longer runs are not amounts (and stay cheap to parse).
const number = String.raw`\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?`
const unit = `hundred million|ten[- ]thousands?|hundred thousand|billion|million|thousand|hundred`
const figure = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,\-–])(?:${number})(?:(?:\s?[-–]\s?|\s+to\s+)(?:${number}))? (?:${unit})\b(?: (?:${number}) (?:${unit})\b)*(?!-)`,
  'gu',
)
const group = new RegExp(String.raw`(${number}) (${unit})\b`, 'gu')
const range = new RegExp(String.raw`^(${number})(\s?[-–]\s?|\s+to\s+)`, 'u')
// `ten thousands of` (数以万计), `hundred millions of`: English says `tens of thousands of`.
const plural = /\b([Tt]en|[Hh]undred) (thousands|millions) of\b/gu

/** Powers of ten for each unit. */
const powers: Record<string, number> = {
  hundred: 2,
  thousand: 3,
  'ten thousand': 4,
  'hundred thousand': 5,
  million: 6,
  'hundred million': 8,
  billion: 9,
}
/** Units English does not put after a figure: `5 ten thousand`, `3 hundred million`. */
const chinese = new Set(['ten thousand', 'hundred thousand', 'hundred million'])

/** An exact decimal: `n / 10^scale`. */
interface Decimal {
  n: bigint
  scale: number
}

function parse(text: string): Decimal {
  const [whole = '', fraction = ''] = text.replaceAll(',', '').split('.')
  return normal({ n: BigInt(whole + fraction), scale: fraction.length })
}

function normal(d: Decimal): Decimal {
  let { n, scale } = d
  while (scale > 0 && n % 10n === 0n) {
    n /= 10n
    scale--
  }
  return { n, scale }
}

function shift(d: Decimal, power: number): Decimal {
  if (power >= d.scale) return { n: d.n * 10n ** BigInt(power - d.scale), scale: 0 }
  return normal({ n: d.n, scale: d.scale - power })
}

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  const n = a.n * 10n ** BigInt(scale - a.scale) + b.n * 10n ** BigInt(scale - b.scale)
  return normal({ n, scale })
}

function below(d: Decimal, power: number): boolean {
  return d.n < 10n ** BigInt(power + d.scale)
}

/** `1234567` → `1,234,567` (a loop: a look-ahead regex would be quadratic on long runs). */
function groupThousands(digits: string): string {
  let out = digits.slice(0, digits.length % 3 || 3)
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return out
}

/** `12345.6` → `12,345.6`. */
function exact(d: Decimal): string {
  const digits = d.n.toString().padStart(d.scale + 1, '0')
  const whole = digits.slice(0, digits.length - d.scale)
  const fraction = digits.slice(digits.length - d.scale)
  const grouped = groupThousands(whole)
  return fraction ? `${grouped}.${fraction}` : grouped
}

/** The forms to suggest: `300 million` (and `300,000,000`), or `50,000` below a million. */
function spell(d: Decimal): string[] {
  for (const [word, power] of [
    ['billion', 9],
    ['million', 6],
  ] as const) {
    if (below(d, power)) continue
    const scaled = normal({ n: d.n, scale: d.scale + power })
    if (scaled.scale <= 3) return [`${exact(scaled)} ${word}`, exact(d)]
    return [exact(d)]
  }
  return [exact(d)]
}

function unitName(word: string): string {
  return word.replace(/[- ]thousands?$/, ' thousand')
}

/** The value of a run of `figure unit` groups, or undefined when they do not make one number. */
function total(groups: readonly { amount: Decimal; unit: string }[]): Decimal | undefined {
  let sum: Decimal | undefined
  let last = Number.POSITIVE_INFINITY
  for (const { amount, unit: name } of groups) {
    const power = powers[name]!
    const value = shift(amount, power)
    if (last !== Number.POSITIVE_INFINITY && (power >= last || !below(value, last)))
      return undefined
    sum = sum ? add(sum, value) : value
    last = power
  }
  return sum
}

export default defineRule({
  meta: {
    id: 'number-calque',
    category: 'numbers',
    severity: 'warn',
    fixable: 'suggestion',
    description:
      'Chinese number units translated literally (`5 ten thousand`, `3 hundred million`): suggests the figure',
    examples: [
      { bad: 'a fine of 5 ten thousand yuan', fixed: 'a fine of 50,000 yuan' },
      { bad: 'sales of 3 hundred million yuan', fixed: 'sales of 300 million yuan' },
      { bad: 'a budget of 880 billion 300 million yuan', fixed: 'a budget of 880.3 billion yuan' },
    ],
    good: ['ten thousand people', '5 thousand', '3 million', 'hundreds of millions of users'],
  },
  // Only what can be literal: a Chinese unit, or a second group after a unit.
  trigger:
    /\d (?:hundred million|ten[- ]thousand|hundred thousand|(?:billion|million|thousand|hundred) \d)|(?:[Tt]en|[Hh]undred) (?:thousands|millions) of\b/,
  check({ text, report }) {
    for (const match of text.matchAll(figure)) {
      const start = match.index
      const span = match[0]
      const head = range.exec(span)
      const found = [...span.slice(head ? head[0].length : 0).matchAll(group)]
      // Only several groups or a Chinese unit are literal; amounts are parsed only then.
      if (found.length < 2 && !found.some((g) => chinese.has(unitName(g[2]!)))) continue
      const groups = found.map((g) => ({ amount: parse(g[1]!), unit: unitName(g[2]!) }))
      const value = total(groups)
      if (!value) continue
      let forms = spell(value)
      if (head) {
        const lastUnit = groups.at(-1)!.unit
        if (groups.length > 1) continue
        const [low] = spell(shift(parse(head[1]!), powers[lastUnit]!))
        const [high] = spell(value)
        const suffix = / (?:million|billion)$/.exec(high!)?.[0] ?? ''
        const trimmedLow = suffix && low!.endsWith(suffix) ? low!.slice(0, -suffix.length) : low!
        forms = [`${trimmedLow}${head[2]}${high}`]
      }
      report({
        start,
        end: start + span.length,
        message: `Unexpected \`${span}\`, expected \`${forms[0]}\``,
        expected: forms,
        suggestions: forms.map((form) => ({
          label: `Replace with '${form}'`,
          edits: [{ start, end: start + span.length, text: form }],
        })),
      })
    }
    for (const match of text.matchAll(plural)) {
      const expected = `${match[1]}s of ${match[2]} of`
      const start = match.index
      const end = start + match[0].length
      report({
        start,
        end,
        message: `Unexpected \`${match[0]}\`, expected \`${expected}\``,
        expected: [expected],
        suggestions: [
          { label: `Replace with '${expected}'`, edits: [{ start, end, text: expected }] },
        ],
      })
    }
  },
})
