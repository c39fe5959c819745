import type { RuleSetting } from '../engine/lint.js'
import type { SeveritySetting } from '../engine/types.js'
import { err, ok, type Result } from '../result.js'

/** The keys a config file may hold. */
export const configKeys = ['extends', 'rules', 'ignore', 'packs'] as const

/** Accepted severities in config. */
export const severitySettings: readonly SeveritySetting[] = ['off', 'info', 'warn', 'error']

/** One config file's content, checked for shape (rule ids are checked once packs are known). */
export interface ConfigContent {
  /** Presets and config file paths, as written. */
  extends: string[]
  /** Settings by rule id, in file order. */
  rules: Record<string, RuleSetting>
  /** Ignore patterns (gitignore syntax), relative to the config file's folder. */
  ignore: string[]
  /** Pack folders, as written (relative to the config file's folder). */
  packs: string[]
}

const expectedSetting = `expected "off", "info", "warn" or "error", or [severity, {options}]`

/** Describe a value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return String(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Check one severity value; `key` names it in the message. */
export function checkSetting(value: unknown, key: string): Result<RuleSetting> {
  if (typeof value === 'string') {
    if ((severitySettings as readonly string[]).includes(value)) return ok(value as SeveritySetting)
    return err(`${key}: ${expectedSetting}, got ${describeValue(value)}`)
  }
  if (Array.isArray(value)) {
    const [severity, options, ...rest] = value
    if (rest.length > 0) return err(`${key}: ${expectedSetting}, got a list of ${value.length}`)
    if (
      typeof severity !== 'string' ||
      !(severitySettings as readonly string[]).includes(severity)
    ) {
      return err(`${key}[0]: ${expectedSetting}, got ${describeValue(severity)}`)
    }
    if (options === undefined) return ok(severity as SeveritySetting)
    if (!isPlainObject(options))
      return err(`${key}[1]: expected a mapping of rule options, got ${describeValue(options)}`)
    return ok([severity as SeveritySetting, { ...options }])
  }
  return err(`${key}: ${expectedSetting}, got ${describeValue(value)}`)
}

function stringList(value: unknown, key: string, what: string): Result<string[]> {
  if (value === null || value === undefined) return ok([])
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list))
    return err(`${key}: expected ${what} or a list of them, got ${describeValue(value)}`)
  for (const [index, item] of list.entries()) {
    if (typeof item !== 'string' || item.trim() === '') {
      return err(`${key}[${index}]: expected ${what}, got ${describeValue(item)}`)
    }
  }
  return ok(list as string[])
}

/**
 * Check a parsed config value for shape. Errors are `key: what was expected, got what`;
 * the caller prefixes the file name.
 */
export function checkConfigContent(value: unknown): Result<ConfigContent> {
  if (value === null || value === undefined)
    return ok({ extends: [], rules: {}, ignore: [], packs: [] })
  if (!isPlainObject(value)) {
    return err(`expected a mapping with keys ${configKeys.join(', ')}, got ${describeValue(value)}`)
  }
  for (const key of Object.keys(value)) {
    if (!(configKeys as readonly string[]).includes(key)) {
      const hint = closest(key, configKeys)
      return err(
        `${key}: unknown key (expected ${listOr(configKeys)}${hint ? `; did you mean '${hint}'?` : ''})`,
      )
    }
  }
  const extendsList = stringList(
    value.extends,
    'extends',
    "a preset ('recommended', 'strict') or a config file path",
  )
  if (!extendsList.ok) return extendsList
  const ignore = stringList(value.ignore, 'ignore', 'a glob pattern')
  if (!ignore.ok) return ignore
  const packs = stringList(value.packs, 'packs', 'a folder path')
  if (!packs.ok) return packs
  const rules: Record<string, RuleSetting> = {}
  if (value.rules !== null && value.rules !== undefined) {
    if (!isPlainObject(value.rules)) {
      return err(
        `rules: expected a mapping from rule id to severity, got ${describeValue(value.rules)}`,
      )
    }
    for (const [id, setting] of Object.entries(value.rules)) {
      const checked = checkSetting(setting, `rules.${id}`)
      if (!checked.ok) return checked
      rules[id] = checked.value
    }
  }
  return ok({ extends: extendsList.value, rules, ignore: ignore.value, packs: packs.value })
}

/** `a, b or c`. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

/** The candidate nearest to `word` by edit distance, when it is close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3))
    ? best
    : undefined
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Number.POSITIVE_INFINITY
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}
