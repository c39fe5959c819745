/**
 * A regular expression whose `test` first runs a cheap `prefilter` (any text it matches must be
 * matched by the prefilter) and the full expression only on texts that pass. Unicode script
 * classes such as `\p{Script=Han}` are slow to scan for; a range of code units is fast.
 */
export class Prefiltered extends RegExp {
  readonly prefilter: RegExp

  /**
   * @param expression The exact expression (its source and flags are kept).
   * @param prefilter A fast expression matching at least every text `expression` matches.
   */
  constructor(expression: RegExp, prefilter: RegExp) {
    super(expression.source, expression.flags)
    this.prefilter = prefilter
  }

  override test(text: string): boolean {
    return this.prefilter.test(text) && super.test(text)
  }
}

/**
 * Code units that can start a Han, Hiragana, Katakana, Bopomofo or Hangul character, or CJK and
 * full-width punctuation (every one is at or above U+2E80, but for Hangul jamo U+1100–U+11FF
 * and two Bopomofo tone marks); surrogates let astral characters through.
 */
export const maybeCjk = /[\u02ea\u02eb\u1100-\u11ff\u2e80-\uffff]/
