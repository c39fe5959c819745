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

/**
 * A trigger whose `test` is answered by a function rather than by its pattern (the engine calls
 * nothing else on a trigger); the pattern's source says what the function looks for.
 */
export class AnsweredTrigger extends RegExp {
  /**
   * @param pattern What the answer looks for (its source and flags are kept; it never runs).
   * @param answer Whether a paragraph needs the rule's check.
   */
  constructor(
    pattern: RegExp,
    private readonly answer: (text: string) => boolean,
  ) {
    super(pattern.source, pattern.flags)
  }

  override test(text: string): boolean {
    return this.answer(text)
  }
}

/**
 * `compute`, remembering the last text's result: a trigger and its rule's check then scan a
 * paragraph once.
 */
export function rememberLast<T>(compute: (text: string) => T): (text: string) => T {
  let lastText: string | undefined
  let lastResult: T
  return (text) => {
    if (text !== lastText) {
      lastResult = compute(text)
      lastText = text
    }
    return lastResult
  }
}
