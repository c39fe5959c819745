import type { AnyRule } from '../engine/types.js'
import { expandTargets, type Target } from '../io/walk.js'
import type { CheckOptions } from '../pipeline.js'
import { err, ok, type Result } from '../result.js'
import { type ConfigOptions, ConfigResolver, type FileConfig } from './resolve.js'
import { closest } from './schema.js'

export { ignoreFileName } from './ignore.js'
export { configFileNames } from './load.js'
export { presetNames } from './presets.js'
export type { ConfigOptions, FileConfig, ResolvedConfig, ResolvedSetting } from './resolve.js'
export { ConfigResolver, lintOptionsOf, resolveConfigFor } from './resolve.js'

/** What a command asks for on top of the config: rule selection, input format, directives. */
export interface PlanOptions extends ConfigOptions {
  /** `--rule`: run only these rule ids. */
  only?: readonly string[]
  /** `--disable`: do not run these rule ids. */
  disable?: readonly string[]
  /** `--format-in`. */
  formatName?: string
  /** `--report-unused-disables`. */
  reportUnusedDisables?: boolean
}

/** A file to check with its options, or a path that could not be expanded. */
export type PlannedCheck = { target: Target; options: CheckOptions }

/** Files to check and the rules known across their configs. */
export interface CheckPlan {
  checks: PlannedCheck[]
  /** Files left out by `ignore` or `.mtcleanignore`. */
  ignored: string[]
  /** Every rule that may report (built-ins and pack rules), for reports that list rules. */
  rules: AnyRule[]
  resolver: ConfigResolver
}

/**
 * Expand command-line paths and resolve each file's configuration: the one call `lint`, `fix`
 * and `review` share. Ignored files are left out; `--rule`/`--disable` ids are checked against
 * the built-in and pack rules. Errors (a broken config, an unknown rule id) are one line.
 */
export async function planChecks(
  paths: readonly string[],
  options: PlanOptions,
): Promise<Result<CheckPlan>> {
  const resolver = new ConfigResolver(options)
  if (options.configFile && !options.noConfig) {
    const file = resolver.configFileFor(options.cwd)
    if (!file.ok) return file
    const loaded = await resolver.load(file.value)
    if (!loaded.ok) return loaded
  }
  const targets = await expandTargets(paths.length > 0 ? paths : ['.'], options.cwd)
  const checks: PlannedCheck[] = []
  const ignored: string[] = []
  const rules = new Map<string, AnyRule>()
  const pending: { target: Target; config?: FileConfig }[] = []
  for (const target of targets) {
    if ('error' in target) {
      pending.push({ target })
      continue
    }
    const config = await resolver.forFile(target.path)
    if (!config.ok) return config
    if (config.value.ignored) {
      ignored.push(target.path)
      continue
    }
    for (const rule of config.value.config.rules)
      if (!rules.has(rule.meta.id)) rules.set(rule.meta.id, rule)
    pending.push({ target, config: config.value })
  }
  if (rules.size === 0) {
    const defaults = await resolver.load(null)
    if (!defaults.ok) return defaults
    for (const rule of defaults.value.rules) rules.set(rule.meta.id, rule)
  }
  for (const [flag, ids] of [
    ['--rule', options.only],
    ['--disable', options.disable],
  ] as const) {
    for (const id of ids ?? []) {
      if (rules.has(id)) continue
      const hint = closest(id, rules.keys())
      return err(
        `${flag}: unknown rule '${id}'${hint ? ` (did you mean '${hint}'?)` : " (see 'mtclean rules')"}`,
      )
    }
  }
  for (const { target, config } of pending) {
    const settings = { ...config?.lint.settings }
    // Asking for a rule by name runs it even where the config turns it off.
    for (const id of options.only ?? []) {
      const setting = settings[id]
      const rule = rules.get(id)
      if (rule && Array.isArray(setting) && setting[0] === 'off')
        settings[id] = [rule.meta.severity, setting[1]]
      else if (rule && setting === 'off') settings[id] = rule.meta.severity
    }
    const check: CheckOptions = {
      lint: {
        rules: config?.lint.rules ?? [],
        settings,
        ...(options.only && options.only.length > 0 ? { only: options.only } : {}),
        ...(options.disable && options.disable.length > 0 ? { disable: options.disable } : {}),
      },
    }
    if (options.formatName) check.formatName = options.formatName
    if (options.reportUnusedDisables) check.reportUnusedDisables = true
    checks.push({ target, options: check })
  }
  return ok({ checks, ignored, rules: [...rules.values()], resolver })
}
