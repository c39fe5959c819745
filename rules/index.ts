import type { AnyRule } from '../src/engine/types.js'
import { bilingualRuleEntries } from './bilingual/index.js'
import calque from './calque.js'
import casing from './casing.js'
import cjkPunctuation from './cjk-punctuation.js'
import cjkResidue from './cjk-residue.js'
import hyphenSpace from './hyphen-space.js'
import missingSpace from './missing-space.js'
import numberCalque from './number-calque.js'
import quotePairing from './quote-pairing.js'
import quoteSpacing from './quote-spacing.js'
import repeatedFigure from './repeated-figure.js'
import repeatedParagraph from './repeated-paragraph.js'
import repeatedWord from './repeated-word.js'
import scrapeResidue from './scrape-residue.js'
import spaceBeforePunctuation from './space-before-punctuation.js'
import spacedNumber from './spaced-number.js'

/** Every built-in rule, in documentation order. */
export const builtinRules: readonly AnyRule[] = [
  hyphenSpace,
  quoteSpacing,
  quotePairing,
  missingSpace,
  spaceBeforePunctuation,
  spacedNumber,
  cjkPunctuation,
  cjkResidue,
  repeatedWord,
  repeatedFigure,
  repeatedParagraph,
  numberCalque,
  casing,
  calque,
  scrapeResidue,
]

/**
 * Every rule mtclean knows: the built-in rules and the bilingual checks (which run only on
 * bilingual input). Config validation, `--rule`, `mtclean rules` and the docs use this list.
 */
export const allRules: readonly AnyRule[] = [...builtinRules, ...bilingualRuleEntries]
