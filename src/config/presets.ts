import type { AnyRule, SeveritySetting } from '../engine/types.js'

/** Names of the built-in presets, usable in `extends`. */
export const presetNames = ['recommended', 'strict'] as const

/** A built-in preset name. */
export type PresetName = (typeof presetNames)[number]

/** Descriptions of the presets, for `init` and the docs. */
export const presetDescriptions: Record<PresetName, string> = {
  recommended: 'every rule at its default severity (the default)',
  strict: 'every rule at error, judgement calls included',
}

/** Whether `name` is a built-in preset. */
export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name)
}

/** The severity a preset gives a rule. */
export function presetSeverity(preset: PresetName, rule: AnyRule): SeveritySetting {
  return preset === 'strict' ? 'error' : rule.meta.severity
}

/**
 * Apply a preset over settings: every known rule gets the preset's severity, keeping any
 * options set earlier.
 */
export function applyPreset(
  preset: PresetName,
  rules: readonly AnyRule[],
  settings: Record<string, [SeveritySetting, Record<string, unknown>]>,
): void {
  for (const rule of rules) {
    const id = rule.meta.id
    settings[id] = [presetSeverity(preset, rule), settings[id]?.[1] ?? {}]
  }
}
