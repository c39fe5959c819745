import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { allRules } from '../../rules/index.js'
import type { LintOptions } from '../engine/lint.js'
import type { AnyRule, SeveritySetting } from '../engine/types.js'
import { err, ok, type Result } from '../result.js'
import { IgnoreMatcher, type IgnoreSet } from './ignore.js'
import { ConfigFinder, readConfigFile } from './load.js'
import { loadPackFolder } from './packs.js'
import { applyPreset, isPresetName, type PresetName } from './presets.js'
import { type ConfigContent, closest, describeValue } from './schema.js'

/** How to find and read configuration. */
export interface ConfigOptions {
  /** Folder that relative paths (and the shown file names) are relative to. */
  cwd: string
  /** `--config FILE`: use this file for every checked file instead of discovering one. */
  configFile?: string
  /** `--no-config`: use the `recommended` defaults and read no config file. */
  noConfig?: boolean
  /** `--no-ignore`: check files even when `ignore` or `.mtcleanignore` excludes them. */
  noIgnore?: boolean
  /** The known rules (default: `allRules` in rules/index.ts). */
  rules?: readonly AnyRule[]
  /** Loads a pack folder into rules (default: the Vale-style YAML loader). */
  loadPack?: (folder: string) => Result<AnyRule[]> | Promise<Result<AnyRule[]>>
}

/** A rule's resolved setting: severity and options. */
export type ResolvedSetting = [SeveritySetting, Record<string, unknown>]

/** One step of a config's `extends` chain, after resolution. */
export type ConfigLayer = { preset: PresetName } | { file: string; content: ConfigContent }

/** A config file with everything it extends resolved. */
export interface ResolvedConfig {
  /** The config file (absolute), or null when none applies (defaults). */
  file: string | null
  /** Presets and files applied, base first; the config file itself is last. */
  layers: ConfigLayer[]
  /** Built-in rules plus rules from packs. */
  rules: readonly AnyRule[]
  /** Every rule's severity and options. */
  settings: Record<string, ResolvedSetting>
  /** `ignore` patterns with the folder each is relative to. */
  ignore: IgnoreSet[]
  /** Pack folders (absolute). */
  packs: string[]
}

/** The configuration for one file. */
export interface FileConfig {
  config: ResolvedConfig
  /** Options for the lint engine: every rule with its configured severity and options. */
  lint: LintOptions
  /** Whether `ignore` or a `.mtcleanignore` excludes the file. */
  ignored: boolean
}

/**
 * Resolves configuration for files, caching what it reads. Configs do not cascade: the nearest
 * config file wins; use `extends` to build on another one.
 */
export class ConfigResolver {
  private readonly finder: ConfigFinder
  private readonly ignores = new IgnoreMatcher()
  private readonly loaded = new Map<string | null, Promise<Result<ResolvedConfig>>>()
  private readonly builtins: readonly AnyRule[]

  /** @param options Where to look and what to skip. */
  constructor(readonly options: ConfigOptions) {
    this.finder = new ConfigFinder((path) => this.display(path))
    this.builtins = options.rules ?? allRules
  }

  /** A path as shown in messages: relative to cwd when inside it. */
  display(path: string): string {
    const rel = relative(this.options.cwd, path)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
  }

  /**
   * The configuration for a file (absolute or relative to cwd; `-` means stdin, configured as
   * a file in cwd). Errors are one line naming the config file and key.
   */
  async forFile(path: string): Promise<Result<FileConfig>> {
    const absolute =
      path === '-' ? resolve(this.options.cwd, 'stdin') : resolve(this.options.cwd, path)
    const configFile = this.configFileFor(dirname(absolute))
    if (!configFile.ok) return configFile
    const config = await this.load(configFile.value)
    if (!config.ok) return config
    const ignored =
      path !== '-' &&
      !this.options.noIgnore &&
      this.ignores.isIgnored(absolute, config.value.ignore, true)
    return ok({ config: config.value, lint: lintOptionsOf(config.value), ignored })
  }

  /** The config file that applies in a folder (absolute), or null for the defaults. */
  configFileFor(folder: string): Result<string | null> {
    if (this.options.noConfig) return ok(null)
    if (this.options.configFile) return ok(resolve(this.options.cwd, this.options.configFile))
    return this.finder.find(folder)
  }

  /** Resolve a config file (or the defaults, for null), once. */
  load(file: string | null): Promise<Result<ResolvedConfig>> {
    let pending = this.loaded.get(file)
    if (!pending) {
      pending = this.resolveConfig(file)
      this.loaded.set(file, pending)
    }
    return pending
  }

  private async resolveConfig(file: string | null): Promise<Result<ResolvedConfig>> {
    const layers: ConfigLayer[] = []
    if (file) {
      const chain = this.collect(file, [])
      if (!chain.ok) return chain
      layers.push(...chain.value)
    }
    if (!layers.some((layer) => 'preset' in layer)) layers.unshift({ preset: 'recommended' })
    const packs: string[] = []
    const ignoreSets: IgnoreSet[] = []
    for (const layer of layers) {
      if (!('file' in layer)) continue
      const base = dirname(layer.file)
      for (const pack of layer.content.packs) {
        const folder = resolve(base, pack)
        if (!packs.includes(folder)) packs.push(folder)
      }
      if (layer.content.ignore.length > 0) ignoreSets.push({ base, patterns: layer.content.ignore })
    }
    const rules = [...this.builtins]
    const known = new Map(rules.map((rule) => [rule.meta.id, rule]))
    for (const folder of packs) {
      const loadPack = this.options.loadPack ?? loadPackFolder
      const loaded = await loadPack(folder)
      if (!loaded.ok) return err(loaded.error.split(folder).join(this.display(folder)))
      for (const rule of loaded.value) {
        if (known.has(rule.meta.id)) {
          return err(`${this.display(folder)}: rule id '${rule.meta.id}' is defined twice`)
        }
        known.set(rule.meta.id, rule)
        rules.push(rule)
      }
    }
    const settings: Record<string, ResolvedSetting> = {}
    for (const rule of rules) settings[rule.meta.id] = [rule.meta.severity, {}]
    for (const layer of layers) {
      if ('preset' in layer) {
        applyPreset(layer.preset, rules, settings)
        continue
      }
      for (const [id, setting] of Object.entries(layer.content.rules)) {
        const where = `${this.display(layer.file)}: rules.${id}`
        const rule = known.get(id)
        if (!rule) {
          const hint = closest(id, known.keys())
          return err(
            `${where}: unknown rule id (expected a rule from 'mtclean rules' or a pack rule '<Folder>.<File>'${hint ? `; did you mean '${hint}'?` : ''})`,
          )
        }
        if (Array.isArray(setting)) {
          const checked = checkOptions(rule, setting[1])
          if (!checked.ok) return err(`${where}[1]${checked.error}`)
          settings[id] = [setting[0], setting[1]]
        } else settings[id] = [setting, settings[id]?.[1] ?? {}]
      }
    }
    return ok({
      file,
      layers,
      rules,
      settings,
      ignore: ignoreSets,
      packs,
    })
  }

  private collect(file: string, stack: readonly string[]): Result<ConfigLayer[]> {
    if (stack.includes(file)) {
      const cycle = [...stack.slice(stack.indexOf(file)), file].map((f) => this.display(f))
      return err(
        `${this.display(stack[stack.length - 1]!)}: extends: circular (${cycle.join(' → ')})`,
      )
    }
    const read = readConfigFile(file)
    if (!read.ok) return err(`${this.display(file)}: ${read.error}`)
    if (read.value === null) {
      return err(`${this.display(file)}: no "mtclean" key (expected the config under "mtclean")`)
    }
    const layers: ConfigLayer[] = []
    for (const [index, entry] of read.value.extends.entries()) {
      if (isPresetName(entry)) {
        layers.push({ preset: entry })
        continue
      }
      if (!/^(?:\.{1,2}[\\/]|\/)/.test(entry)) {
        return err(
          `${this.display(file)}: extends[${index}]: expected 'recommended', 'strict' or a path starting with ./ or ../, got ${describeValue(entry)}`,
        )
      }
      const sub = this.collect(resolve(dirname(file), entry), [...stack, file])
      if (!sub.ok) return sub
      layers.push(...sub.value)
    }
    layers.push({ file, content: read.value })
    return ok(layers)
  }
}

/** Lint options for a resolved config. */
export function lintOptionsOf(config: ResolvedConfig): LintOptions {
  return { rules: config.rules, settings: config.settings }
}

/** Check configured options against a rule's defaults: known keys, same kind of value. */
function checkOptions(rule: AnyRule, options: Record<string, unknown>): Result<void> {
  const keys = Object.keys(options)
  if (keys.length === 0) return ok(undefined)
  const defaults = rule.defaults
  if (!defaults || Object.keys(defaults).length === 0) {
    return err(`: rule '${rule.meta.id}' takes no options (expected a severity alone)`)
  }
  for (const key of keys) {
    if (!Object.hasOwn(defaults, key)) {
      return err(`.${key}: unknown option (expected ${Object.keys(defaults).join(', ')})`)
    }
    const expected = kindOf(defaults[key])
    const actual = kindOf(options[key])
    if (expected !== 'null' && expected !== actual) {
      return err(`.${key}: expected ${expected}, got ${describeValue(options[key])}`)
    }
  }
  return ok(undefined)
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value}`
}

/**
 * Resolve the configuration for one file: nearest config (or `--config`), its `extends`
 * chain, packs and ignore patterns. For many files, reuse one `ConfigResolver`.
 */
export function resolveConfigFor(
  path: string,
  options: ConfigOptions,
): Promise<Result<FileConfig>> {
  return new ConfigResolver(options).forFile(path)
}
