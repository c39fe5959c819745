import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import type { AnyRule } from '../engine/types.js'
import { err, ok, type Result } from '../result.js'
import { packRule, packRules } from './rule.js'
import { type PackReadOptions, type PackSpec, parsePackSpec } from './spec.js'

export type { PackRuleMeta } from './rule.js'
export type { PackEntry, PackKind, PackSpec } from './spec.js'

/** One rule file of a pack, validated. */
export interface PackFile {
  /** `<Folder>.<File>`. */
  id: string
  path: string
  spec: PackSpec
}

const ruleFile = /\.ya?ml$/i
const ruleName = /^[A-Za-z0-9_-]+$/

/**
 * Parse one Vale-style YAML rule into an engine rule.
 *
 * @param yamlText The file's text.
 * @param id The rule id (`<Folder>.<File>`).
 * @param fileName Named in error messages.
 * @returns The rule, or one line naming the file, the key and what was expected.
 */
export function parsePackRule(yamlText: string, id: string, fileName: string): Result<AnyRule> {
  const spec = parsePackSpec(yamlText, fileName)
  return spec.ok ? ok(packRule(spec.value, id)) : spec
}

/** Read and validate one rule file of the pack `packName`; its id is `<packName>.<File>`. */
export function readPackFile(
  path: string,
  packName: string,
  options: PackReadOptions = {},
): Result<PackFile> {
  const name = basename(path, extname(path))
  if (!ruleName.test(name)) {
    return err(
      `${path}: the file name gives the rule id and must use only letters, digits, '_' and '-'`,
    )
  }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return err(`${path}: cannot read rule file: ${reason(error)}`)
  }
  const spec = parsePackSpec(text.replace(/^\uFEFF/, ''), path, options)
  return spec.ok ? ok({ id: `${packName}.${name}`, path, spec: spec.value }) : spec
}

/**
 * Load one rule file of the pack `packName`.
 *
 * @param path The `.yml`/`.yaml` file.
 * @param packName The pack (folder) name: the rule id is `<packName>.<File>`.
 */
export function loadRuleFile(path: string, packName: string): Result<AnyRule> {
  const file = readPackFile(path, packName)
  return file.ok ? ok(packRule(file.value.spec, file.value.id)) : file
}

/**
 * Read and validate every `.yml`/`.yaml` rule directly in a pack folder, sorted by file name.
 * The first broken file stops loading with its error.
 */
export function readPackFolder(dir: string, options: PackReadOptions = {}): Result<PackFile[]> {
  let names: string[]
  try {
    if (!statSync(dir).isDirectory()) return err(`${dir}: pack is not a folder`)
    names = readdirSync(dir)
  } catch (error) {
    return err(`${dir}: cannot read pack folder: ${reason(error)}`)
  }
  const pack = basename(resolve(dir))
  if (!ruleName.test(pack)) {
    return err(
      `${dir}: the folder name gives the rule ids and must use only letters, digits, '_' and '-'`,
    )
  }
  const files: PackFile[] = []
  const seen = new Map<string, string>()
  for (const name of names.filter((n) => ruleFile.test(n)).sort()) {
    const path = join(dir, name)
    if (!statSync(path).isFile()) continue
    const file = readPackFile(path, pack, options)
    if (!file.ok) return file
    const other = seen.get(file.value.id)
    if (other) return err(`${path}: rule id ${file.value.id} is also defined by ${other}`)
    seen.set(file.value.id, path)
    files.push(file.value)
  }
  if (files.length === 0) return err(`${dir}: pack folder holds no .yml or .yaml rule files`)
  return ok(files)
}

/**
 * Load a pack: every `.yml`/`.yaml` file in `dir` is one rule with id `<Folder>.<File>`.
 *
 * @param dir The pack folder.
 * @returns The rules, or the first error (one line naming the file, the key and what was expected).
 */
export function loadPackFolder(dir: string): Result<AnyRule[]> {
  const files = readPackFolder(dir)
  // The folder's rules share one literal scan of each paragraph.
  return files.ok ? ok(packRules(files.value).rules) : files
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}
