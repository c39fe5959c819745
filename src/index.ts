import { builtinRules } from '../rules/index.js'
import { type FixResult, type FixSelection, fixText as fixWith } from './engine/fix.js'
import { type LintOptions, lintText as lintWith } from './engine/lint.js'
import type { Finding } from './engine/types.js'

export { builtinRules } from '../rules/index.js'
export { defineRule } from './engine/define-rule.js'
export type { Change, FixResult, FixSelection } from './engine/fix.js'
export { applyChanges } from './engine/fix.js'
export type { LintOptions, RuleSetting, Segment } from './engine/lint.js'
export { lintSegments } from './engine/lint.js'
export type * from './engine/types.js'
export { mtcleanPreset, retextPlugin } from './preset.js'

/** Options for the library entry points: as `LintOptions`, with `rules` defaulting to the built-ins. */
export type TextOptions = Partial<LintOptions>

/**
 * Lint a text with mtclean's rules.
 *
 * @param text The text to check (no BOM).
 * @param options Rule selection and settings; rules default to every built-in rule.
 * @returns Findings sorted by position.
 */
export function lintText(text: string, options: TextOptions = {}): Finding[] {
  return lintWith(text, { ...options, rules: options.rules ?? builtinRules })
}

/**
 * Apply fixes to a text until it is stable (safe fixes only unless `unsafe`).
 *
 * @returns The fixed text, the changes applied and the findings left.
 */
export function fixText(text: string, options: TextOptions & FixSelection = {}): FixResult {
  return fixWith(text, (t) => lintText(t, options), options)
}

export { allRules } from '../rules/index.js'
export { addToBaseline, readBaseline } from './baseline.js'
export type { BilingualOptions } from './bilingual/index.js'
export { lintBilingual } from './bilingual/index.js'
export type { CheckPlan, PlannedCheck, PlanOptions } from './config/index.js'
export { planChecks, resolveConfigFor } from './config/index.js'
export { processJsonl } from './jsonl.js'
export { loadPackFolder } from './packs/load.js'
export type { CheckOptions, FileResult } from './pipeline.js'
export { lintSource } from './pipeline.js'
