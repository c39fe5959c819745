import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  foldsPlainly,
  LiteralPrefilter,
  literalPrefilter,
  requiredLiterals,
} from '../../src/packs/literals.js'
import { compilePattern, findAll } from '../../src/packs/pattern.js'

// The literal prefilter: which entries of a pack may match a paragraph, from one scan for the
// literals every match of an entry contains. It must never leave out an entry that matches.

const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 100)

function compiled(source: string, ignoreCase = true) {
  const pattern = compilePattern(source, ignoreCase)
  if (!pattern.ok) throw new Error(pattern.error)
  return pattern.value
}

describe('requiredLiterals', () => {
  it.each([
    // A member of a run that may be empty after trimming gives no guarantee: no literals.
    ['(abc|) ', undefined],
    ['(?:abc|x)y', undefined],
    // A POSIX class is one class, not a class followed by a literal `]`.
    ['[[:alpha:]]bcd', ['bcd']],
    ['x[[:digit:]]yz', undefined],
    // A character beyond U+FFFF is one atom (its quantifier applies to all of it).
    ['abc😀?', ['abc']],
    ['abc😀', ['abc😀']],
    // \Q…\E is not read.
    ['abc\\Qdef|\\E', undefined],
    // A letter with case beyond ASCII ends a literal run; a caseless character does not.
    ['café society', ['society']],
    ['naïve approach', ['ve approach']],
    ['Straße', ['stra']],
    ['the people’s livelihood', ['the people’s livelihood']],
    ['[ÀÁ]bcd', ['bcd']],
    ['(?:Éclat|Élan) ahead', ['ahead']],
    // Escaped punctuation is itself; escaped letters are not understood.
    ['a\\.b\\-c', ['a.b-c']],
    ['abc\\ d', ['abc d']],
    ['abc\\x41', undefined],
    ['ab(?i)cd', ['abcd']],
    ['(?P<name>alpha)+ beta', ['alpha']],
    ['(?i:Alpha|Beta) gamma', ['alpha gamma', 'beta gamma']],
    ['foo|barbaz', ['foo', 'barbaz']],
    ['foo|barbaz|foo', ['foo', 'barbaz']],
  ])('%s → %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected)
  })
})

describe('case folding the prefilter relies on (checked against re2js and V8)', () => {
  const codePoints: number[] = []
  for (let c = 0x80; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) codePoints.push(c)
  const plain = codePoints.filter((c) => foldsPlainly(String.fromCodePoint(c)))
  const cased = codePoints.filter((c) => !foldsPlainly(String.fromCodePoint(c)))
  const ranges = (list: number[]) => {
    const out: string[] = []
    const hex = (c: number) => `\\x{${c.toString(16)}}`
    let from = list[0]!
    let to = from
    for (const c of [...list.slice(1), -1]) {
      if (c === to + 1) to = c
      else {
        out.push(from === to ? hex(from) : `${hex(from)}-${hex(to)}`)
        from = to = c
      }
    }
    return `[${out.join('')}]`
  }
  const matchesIn = (source: string, text: string) =>
    findAll(compiled(source), text).map((m) => m.text.codePointAt(0)!.toString(16))
  const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('')
  const casedText = String.fromCodePoint(...cased)

  it('RE2 folds no caseless character (beyond ASCII) into another', () => {
    expect(plain.length).toBeGreaterThan(1_000_000)
    expect(matchesIn(ranges(plain), casedText + ascii)).toEqual([])
    // The same check finds a fold when there is one.
    expect(matchesIn(ranges([...plain, 0xe9].sort((a, b) => a - b)), 'É')).toEqual(['c9'])
  })

  it('RE2 folds ASCII letters only into K (U+212A) and ſ (U+017F) beyond ASCII', () => {
    let text = ''
    for (const c of codePoints) text += String.fromCodePoint(c)
    expect(matchesIn('[a-z]', text)).toEqual(['17f', '212a'])
  })

  it('a non-u JS scan folds ASCII letters into no other character, and nothing into a caseless one', () => {
    const intoAscii: string[] = []
    const intoPlain: string[] = []
    for (let c = 0x80; c < 0x10000; c++) {
      const char = String.fromCharCode(c)
      if (/[a-z]/i.test(char)) intoAscii.push(char)
      const upper = char.toUpperCase()
      if (
        upper.length === 1 &&
        upper !== char &&
        upper.charCodeAt(0) >= 0x80 &&
        foldsPlainly(upper)
      )
        intoPlain.push(char)
    }
    expect(intoAscii).toEqual([])
    expect(intoPlain).toEqual([])
  })
})

describe('LiteralPrefilter', () => {
  const sources = ['the masses', 'the masses of the people', 'masses of (?:the )?people', 'mass']
  const prefilter = literalPrefilter(sources)!

  it('names the entries whose literals a text holds, overlapping or nested', () => {
    expect(prefilter.candidates('Nothing to see.')).toEqual([])
    expect(prefilter.candidates('THE MASSES cheered')).toEqual([0, 3])
    // 'the masses of the people' hides 'masses of' and 'the masses' in one stretch of text.
    expect(prefilter.candidates('for the masses of the people')).toEqual([0, 1, 2, 3])
    expect(prefilter.candidates('a mass')).toEqual([3])
  })

  it('cannot tell for a text holding K or ſ (RE2 folds them into k and s)', () => {
    expect(prefilter.candidates('the maſſes')).toBeUndefined()
    expect(prefilter.candidates('\u212aelvin and nothing else')).toBeUndefined()
    const k = literalPrefilter(['kelvin scale'])!
    expect(k.candidates('\u212aelvin scale')).toBeUndefined()
    expect(k.candidates('KELVIN SCALE')).toEqual([0])
  })

  it('keeps the answer for the last text', () => {
    const text = 'the masses of the people'
    const first = prefilter.candidates(text)
    expect(prefilter.candidates(`${text}`)).toBe(first)
    expect(prefilter.candidates('other text')).toEqual([])
  })

  it('slices share the scan, renumbered', () => {
    const shared = new LiteralPrefilter([['alpha'], ['beta'], ['gamma'], ['alphabet']])
    const left = shared.slice(0, 2)
    const right = shared.slice(2, 4)
    expect(left.candidates('an alphabet')).toEqual([0])
    expect(right.candidates('an alphabet')).toEqual([1])
    expect(right.candidates('gamma rays')).toEqual([0])
    expect(left.candidates('Straſſe beta')).toBeUndefined()
  })

  it('is a trigger that passes texts some entry may match, and those it cannot tell', () => {
    const trigger = prefilter.trigger()
    expect(trigger.global || trigger.sticky).toBe(false)
    expect(trigger.test('the masses')).toBe(true)
    expect(trigger.test('nothing here')).toBe(false)
    expect(trigger.test('\u017f')).toBe(true)
  })

  it('is built only when every entry has literals', () => {
    expect(literalPrefilter(['market subjects', '\\w+ss'])).toBeUndefined()
    expect(literalPrefilter([])).toBeUndefined()
    expect(() => new LiteralPrefilter([['abc'], []])).toThrow(/non-empty literal/)
  })

  // Patterns built from a few overlapping words, classes, groups and quantifiers; texts from the
  // same words run together or apart, with K, ſ, accented and astral letters now and then.
  // Whatever re2js finds, the prefilter names.
  const words = ['abc', 'bca', 'cab', 'ab', 'kid', 'sis', 'lé', 'the', '’s', 'x']
  const word = fc.constantFrom(...words)
  const member = fc.constantFrom(...words, '', 'the ')
  const atom = fc.oneof(
    { arbitrary: word, weight: 4 },
    fc.constantFrom('[- ]', '[ab]', '\\w', '\\s', '.', '[^x]', '\\b', "['’]", '[[:alpha:]]'),
    fc.array(member, { minLength: 1, maxLength: 3 }).map((ws) => `(${ws.join('|')})`),
    fc.array(member, { minLength: 1, maxLength: 3 }).map((ws) => `(?:${ws.join('|')})`),
  )
  const piece = fc
    .tuple(atom, fc.constantFrom('', '', '', '?', '+', '*', '{2}', '{0,2}', '??'))
    .map(([a, q]) => (a === '\\b' ? a : a + q))
  const complex = fc
    .array(fc.array(piece, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
    .map((alternatives) => alternatives.map((a) => a.join('')).join('|'))
  const pattern = fc.oneof(word, complex)
  const gap = fc.oneof(
    { arbitrary: fc.constantFrom('', '', ' ', '-'), weight: 12 },
    fc.constantFrom('\u212a', '\u017f', 'K', '😀', 'é', 'É'),
  )
  const text = fc
    .array(fc.tuple(fc.constantFrom(...words, 'ABC', 'THE', "'s", 'LÉ'), gap), { maxLength: 8 })
    .map((parts) => parts.map(([w, g]) => w + g).join(''))

  it('never leaves out an entry re2js matches (random patterns and texts)', () => {
    let named = 0
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), text, (sources, sample) => {
        const valid = sources.filter((s) => {
          const p = compilePattern(s, true)
          return p.ok && !p.value.matcher('').matches()
        })
        const filter = literalPrefilter(valid)
        if (!filter) return
        const candidates = filter.candidates(sample)
        if (candidates === undefined) return
        for (const [index, source] of valid.entries()) {
          for (const ignoreCase of [true, false]) {
            if (findAll(compiled(source, ignoreCase), sample).length > 0) {
              named++
              expect(candidates, `${source} on ${sample}`).toContain(index)
            }
          }
        }
      }),
      { numRuns: numRuns * 30 },
    )
    expect(named).toBeGreaterThan(0)
  })
})
