import { registryEntry } from '../../src/bilingual/define.js'
import type { AnyBilingualRule } from '../../src/bilingual/types.js'
import type { AnyRule } from '../../src/engine/types.js'
import bracketMismatch from './bracket-mismatch.js'
import emptyTarget from './empty-target.js'
import inconsistentTranslation from './inconsistent-translation.js'
import lengthRatio from './length-ratio.js'
import numberMismatch from './number-mismatch.js'
import quoteMismatch from './quote-mismatch.js'
import titleUnmarked from './title-unmarked.js'
import untranslated from './untranslated.js'

/** Every bilingual rule (a check of the translation against its Chinese source), in documentation order. */
export const bilingualRules: readonly AnyBilingualRule[] = [
  numberMismatch,
  untranslated,
  emptyTarget,
  quoteMismatch,
  titleUnmarked,
  bracketMismatch,
  lengthRatio,
  inconsistentTranslation,
]

/**
 * The bilingual rules as entries for the rule registry (config, `--rule`, `mtclean rules`,
 * reports): their metadata, and no monolingual check, so the engine skips them.
 */
export const bilingualRuleEntries: readonly AnyRule[] = bilingualRules.map(registryEntry)
