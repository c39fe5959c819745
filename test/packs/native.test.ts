import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calquePack } from '../../rules/calque.js'
import { lintText } from '../../src/engine/lint.js'
import { nativePattern, nativeUnsafe, translateRe2 } from '../../src/packs/native.js'
import { compilePattern, findAllOf, wholeGroups } from '../../src/packs/pattern.js'
import { packRules } from '../../src/packs/rule.js'
import type { PackSpec } from '../../src/packs/spec.js'

// Trusted packs (the built-in calque pack) run their entries as native JS RegExps translated from
// RE2. The translator refuses what it does not understand; what it accepts must find exactly what
// re2js finds, with the same groups, on every text the native path is used for.

const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 100)

describe('translateRe2', () => {
  it.each([
    ['market subjects', 'market subjects'],
    ['dragon[- ]head (enterprises?|firms?)', 'dragon[\\- ]head (enterprises?|firms?)'],
    ["people['’]s livelihood", "people['’]s livelihood"],
    ['^(?:Sudden|Heavy)[!！] ?', '^(?:Sudden|Heavy)[!！] ?'],
    ['step(,? [^.;!?]{1,80}? (?:will|shall))', 'step(,? [^.;!?]{1,80}? (?:will|shall))'],
    ['\\s+x\\S', '[\\t\\n\\f\\r ]+x[^\\t\\n\\f\\r ]'],
    ['[^\\s]+', '[^\\t\\n\\f\\r ]+'],
    ['[\\w\\d.]', '[\\w\\d.]'],
    ['a.b', 'a[^\\n]b'],
    ["a\\'b\\-c\\!\\ d", "a'b-c! d"],
    ['a\\.b\\*c\\/d\\{', 'a\\.b\\*c\\/d\\{'],
    ['a{,3}', 'a\\{,3\\}'],
    ['a]b}', 'a\\]b\\}'],
    ['[]a-]', '[\\]a\\-]'],
    ['[^]x]', '[^\\]x]'],
    ['[a\\-z]', '[a\\-z]'],
    ['[a-z0-9_]+', '[a-z0-9_]+'],
    ['[\\d-z]', '[\\d\\-z]'],
    ['a{2}b{2,}c{2,3}?', 'a{2}b{2,}c{2,3}?'],
    ['\\bword\\B', '\\bword\\B'],
    ['x\\ty\\n', 'x\\ty\\n'],
    ['(a|b)+', '(a|b)+'],
    ['(a|)b', '(a|)b'],
    ['$x^', '$x^'],
  ])('%s → %s', (source, js) => {
    expect(translateRe2(source)).toBe(js)
  })

  it.each([
    ['(?P<name>x)', 'named group'],
    ['(?<name>x)', 'named group'],
    ['(?i)x', 'inline flags'],
    ['(?i:x)', 'inline flags'],
    ['\\Ax', '\\A'],
    ['x\\z', '\\z'],
    ['\\Qa.b\\E', '\\Q…\\E'],
    ['[[:alpha:]]', 'POSIX class'],
    ['\\pL', 'Unicode class'],
    ['\\p{Greek}', 'Unicode class'],
    ['\\PL', 'Unicode class'],
    ['\\x41', 'hex escape'],
    ['\\x{41}', 'hex escape'],
    ['\\101', 'octal escape'],
    ['\\C', 'any byte'],
    ['\\a', 'bell'],
    ['[\\S]', 'negated class escape in a class'],
    ['[\\W]', 'negated class escape in a class'],
    ['[a-z-0]', 'a - after a range'],
    ['[a-\\d]', 'a class escape as a range end'],
    ['café', 'a letter with case beyond ASCII'],
    ['[é]', 'a letter with case beyond ASCII'],
    ['[à-ÿ]', 'a range beyond ASCII'],
    ['😀', 'a character beyond U+FFFF'],
    ['(?:(a)|b)+', 'a group inside a repeated group'],
    ['(a*)*', 'a repeated group that may match empty text'],
    ['(?:a?){2}', 'a repeated group that may match empty text'],
    ['(?:|ab)?', 'a repeated group that may match empty text'],
    ['(a|)?b', 'a repeated group that may match empty text'],
    ['(?:\\b)?', 'a repeated group that may match empty text'],
    ['\\b+', 'a repeated assertion'],
    ['a**', 'a repeated repetition'],
    ['a{2}{3}', 'a repeated repetition'],
    ['a{1001}', 'a count RE2 refuses'],
    ['(ab', 'unbalanced'],
    ['ab)', 'unbalanced'],
  ])('refuses %s (%s)', (source) => {
    expect(translateRe2(source)).toBeUndefined()
  })

  it('texts holding K, ſ or a character beyond U+FFFF take the re2js path', () => {
    expect(['\u212a', '\u017f', '😀', 'plain text'].map((t) => nativeUnsafe.test(t))).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  // Random patterns in (and out of) the translated subset, and texts of the same words: where a
  // translation exists, it finds exactly what re2js finds, with the same groups.
  const words = ['ab', 'abc', 'ba', 'the', "'s", '’s', 'x', '1', '!', '！']
  const word = fc.constantFrom(...words, 'AB', 'The')
  const member = fc.constantFrom(...words, '', 'a b')
  const atom = fc.oneof(
    { arbitrary: word, weight: 4 },
    fc.constantFrom(
      '[- ]',
      '[ab]',
      '[^a ]',
      '[a-c]',
      '\\w',
      '\\W',
      '\\s',
      '\\S',
      '\\d',
      '.',
      '\\b',
      '\\B',
      '^',
      '$',
      "['’]",
      '[!！]',
      '\\.',
      '\\!',
    ),
    fc.array(member, { minLength: 1, maxLength: 3 }).map((ws) => `(${ws.join('|')})`),
    fc.array(member, { minLength: 1, maxLength: 3 }).map((ws) => `(?:${ws.join('|')})`),
    {
      arbitrary: fc
        .tuple(fc.constantFrom('ab', 'ba', 'x'), fc.constantFrom('ab', 'ba', 'x'))
        .map(([a, b]) => `(?:(${a})|(${b}))`),
      weight: 2,
    },
  )
  const quantifier = fc.constantFrom('', '', '', '?', '+', '*', '{2}', '{1,3}', '??', '+?', '*?')
  const piece = fc.tuple(atom, quantifier).map(([a, q]) => a + q)
  const pattern = fc
    .array(fc.array(piece, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 })
    .map((alternatives) => alternatives.map((a) => a.join('')).join('|'))
  const text = fc
    .array(
      fc.tuple(
        fc.constantFrom(...words, 'AB', 'The', 'é', '\n', '\t', '\r', '\v', '\u00a0', '\u2028'),
        fc.constantFrom('', ' ', '  ', '-', '.'),
      ),
      {
        maxLength: 10,
      },
    )
    .map((parts) => parts.map(([w, g]) => w + g).join(''))

  it('finds what re2js finds, with the same groups (random patterns and texts)', () => {
    let compared = 0
    fc.assert(
      fc.property(
        pattern,
        text,
        fc.boolean(),
        fc.boolean(),
        (source, sample, ignoreCase, nonword) => {
          const bounded = compilePattern(
            nonword ? `(?:${source})` : `\\b(?:${source})\\b`,
            ignoreCase,
          )
          if (!bounded.ok) return
          const native = nativePattern(source, ignoreCase, nonword)
          if (!native) return
          compared++
          const expected: string[][] = []
          const matcher = bounded.value.matcher(sample)
          while (matcher.find()) {
            const groups = [String(matcher.start())]
            for (let g = 0; g <= bounded.value.groupCount(); g++)
              groups.push(matcher.group(g) ?? '')
            expected.push(groups)
          }
          const actual = [...sample.matchAll(native)].map((m) => [
            String(m.index),
            ...[...m].map((g) => g ?? ''),
          ])
          expect(actual, `/${native.source}/${native.flags} on ${JSON.stringify(sample)}`).toEqual(
            expected,
          )
        },
      ),
      { numRuns: numRuns * 30 },
    )
    expect(compared).toBeGreaterThan(numRuns * 10)
  })
})

describe('the built-in pack on the native path', () => {
  const files = calquePack()
  const native = packRules(files, { trusted: true }).rules
  const portable = packRules(files).rules
  const lint = (rules: typeof native, text: string) => JSON.stringify(lintText(text, { rules }))

  it('every entry translates', () => {
    for (const { spec, id } of files) {
      for (const entry of spec.entries) {
        expect(
          nativePattern(entry.source, spec.ignorecase, spec.nonword),
          `${id}: ${entry.source}`,
        ).toBeInstanceOf(RegExp)
      }
    }
  })

  const withNative = (spec: PackSpec): PackSpec => ({
    ...spec,
    set: {
      ...spec.set,
      native: spec.entries.map((e) => nativePattern(e.source, spec.ignorecase, spec.nonword)),
    },
  })
  const samplesDir = new URL('../../samples/', import.meta.url)
  const samples = readdirSync(samplesDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, samplesDir), 'utf8'))
  const lines = samples.flatMap((s) => s.split('\n')).filter((l) => l.trim() !== '')
  const examples = files.flatMap((f) =>
    f.spec.entries.flatMap((e) => (e.example ? [e.example.bad, e.example.good] : [])),
  )

  it('matches entries as re2js does, with the groups re2js reads ($1 in suggestions)', () => {
    let matched = 0
    for (const { spec } of files) {
      const fast = withNative(spec)
      for (const text of [...lines, ...examples]) {
        const expected = findAllOf(spec.set, text)
        const actual = findAllOf(fast.set, text)
        expect(actual.map(({ groups: _, ...m }) => m)).toEqual(expected)
        for (const match of actual) {
          matched++
          expect(match.groups).toEqual(wholeGroups(spec.entries[match.index]!.pattern, match.text))
        }
      }
    }
    expect(matched).toBeGreaterThan(examples.length / 2)
  })

  it('gives the same findings as re2js on the samples and every example', () => {
    for (const text of [...samples, ...examples]) {
      expect(lint(native, text)).toBe(lint(portable, text))
    }
    expect(JSON.parse(lint(native, examples.join('\n'))).length).toBeGreaterThan(40)
  })

  it('gives the same findings as re2js on random mixtures (with K, ſ and emoji at times)', () => {
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom(...lines, ...examples), weight: 6 },
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('\u212a', '\u017f', '😀', 'K', 'ſtrike hard', 'public ſecurity organs'),
    )
    const text = fc
      .array(fc.tuple(piece, fc.constantFrom(' ', '\n', '\n\n', '', '! ')), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.map(([p, gap]) => p + gap).join(''))
    fc.assert(
      fc.property(text, (sample) => {
        expect(lint(native, sample)).toBe(lint(portable, sample))
      }),
      { numRuns: numRuns * 5 },
    )
  })
})
