import type { AnyRule } from '../engine/types.js'
import type { AnyBilingualRule, BilingualRule } from './types.js'

/** Declare a bilingual rule; checks that it has a check. */
export function defineBilingualRule<Options extends object = Record<string, unknown>>(
  rule: BilingualRule<Options>,
): AnyBilingualRule {
  if (!rule.checkPair && !rule.checkPairs) {
    throw new Error(`Rule ${rule.meta.id}: needs checkPair or checkPairs`)
  }
  return rule as unknown as AnyBilingualRule
}

/**
 * A bilingual rule as the monolingual engine and the config see it: its metadata (so ids,
 * severities and `--rule`/`--disable` resolve) and no check, so the engine skips it.
 */
export function registryEntry(rule: AnyBilingualRule): AnyRule {
  const { examples, good: _good, supersedes: _supersedes, ...meta } = rule.meta
  const entry: AnyRule = {
    meta: { ...meta, examples: examples.map(({ bad, fixed }) => ({ bad, fixed })), good: [] },
  }
  if (rule.defaults) entry.defaults = rule.defaults
  return entry
}
