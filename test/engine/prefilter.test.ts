import { describe, expect, it } from 'vitest'
import cjkResidue from '../../rules/cjk-residue.js'
import { maybeCjk, Prefiltered } from '../../src/engine/prefilter.js'

// The CJK classes the rules test with, behind `maybeCjk`.
const classes = [
  cjkResidue.trigger!,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u,
]

describe('maybeCjk', () => {
  it.each(classes.map((c) => [c.source.slice(0, 40), c] as const))(
    'lets through every character %s… matches',
    (_name, exact) => {
      const missed: string[] = []
      for (let code = 0; code <= 0x10ffff; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue
        const character = String.fromCodePoint(code)
        if (RegExp.prototype.test.call(exact, character) && !maybeCjk.test(character)) {
          missed.push(code.toString(16))
        }
      }
      expect(missed).toEqual([])
    },
  )

  it('keeps plain English, curly quotes and dashes out', () => {
    expect(maybeCjk.test('“Fine,” she said — it’s 5 … 10 km/h, ±2 °C, €3.')).toBe(false)
  })
})

describe('Prefiltered', () => {
  const han = new Prefiltered(/\p{Script=Han}/u, maybeCjk)

  it('answers as the full expression does', () => {
    expect(han.test('the 通知 was issued')).toBe(true)
    expect(han.test('the notice was issued')).toBe(false)
    // The prefilter passes full-width digits; the full expression still decides.
    expect(han.test('５ items')).toBe(false)
    expect(han.source).toBe('\\p{Script=Han}')
    expect(han.flags).toBe('u')
  })
})
