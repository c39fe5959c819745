import type { AnyRule, Rule } from './types.js'

/**
 * Declare a rule. Identity function that checks the declaration's shape at type level
 * and that its trigger is safe to reuse.
 */
export function defineRule<Options extends object = Record<string, unknown>>(
  rule: Rule<Options>,
): AnyRule {
  if (rule.trigger && (rule.trigger.global || rule.trigger.sticky)) {
    throw new Error(`Rule ${rule.meta.id}: trigger must not be global or sticky`)
  }
  if (!rule.check && !rule.checkDocument) {
    throw new Error(`Rule ${rule.meta.id}: needs check or checkDocument`)
  }
  return rule as unknown as AnyRule
}
