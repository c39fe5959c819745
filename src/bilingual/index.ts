import { bilingualRules } from '../../rules/bilingual/index.js'
import type { LintOptions } from '../engine/lint.js'
import type { Finding } from '../engine/types.js'
import { type BilingualFinding, lintPairs } from './lint.js'
import type { BilingualDocument } from './types.js'

export { bilingualRuleEntries, bilingualRules } from '../../rules/bilingual/index.js'
export type { BilingualFinding } from './lint.js'
export { bilingualKindFor, readBilingual } from './readers.js'
export type * from './types.js'

/**
 * The bilingual lint entry: check a bilingual document with the bilingual rules (selected and
 * configured as `lint` says) and merge their findings with the file's monolingual ones. Every
 * finding in a target carries the Chinese `sourceSegment`.
 */
export function lintBilingual(
  file: string,
  document: BilingualDocument,
  findings: readonly Finding[],
  lint: Pick<LintOptions, 'only' | 'disable' | 'settings'>,
): BilingualFinding[] {
  return lintPairs(file, document, findings, bilingualRules, lint)
}
