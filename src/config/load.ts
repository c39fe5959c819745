import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parseDocument } from 'yaml'
import { decodeText, describeFsError } from '../io/text-file.js'
import { err, ok, type Result } from '../result.js'
import { type ConfigContent, checkConfigContent } from './schema.js'

/** Config file names looked for in each folder, in order of precedence. */
export const configFileNames = [
  '.mtcleanrc.json',
  '.mtcleanrc.yaml',
  '.mtcleanrc.yml',
  'package.json',
] as const

/** The key holding mtclean's config in package.json. */
export const packageKey = 'mtclean'

/** Parse JSON, turning a syntax error into one line with line and column. */
export function parseJson(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /at position (\d+)/.exec(message)
    const base = message
      .replace(/ ?\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d[\s\S]*$/, '')
    if (!position) return err(`invalid JSON: ${base}`)
    const at = Number(position[1])
    const before = text.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    return err(`invalid JSON at line ${line}, column ${column}: ${base}`)
  }
}

/** Parse YAML (one document), turning the first error into one line. */
export function parseYaml(text: string): Result<unknown> {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  const first = document.errors[0]
  if (first) {
    const position = first.linePos?.[0]
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    return err(
      position
        ? `invalid YAML at line ${position.line}, column ${position.col}: ${message}`
        : `invalid YAML: ${message}`,
    )
  }
  try {
    return ok(document.toJS({ maxAliasCount: 100 }))
  } catch (error) {
    return err(
      `invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    )
  }
}

/**
 * Read one config file: `.json` as JSON, `package.json` by its `mtclean` key, anything else as
 * YAML (JSON is YAML too). `null` means a package.json without the key. Errors name no file:
 * the caller prefixes it.
 */
export function readConfigFile(path: string): Result<ConfigContent | null> {
  let text: string
  try {
    const decoded = decodeText(readFileSync(path))
    if (!decoded.ok) return decoded
    text = decoded.value.text
  } catch (error) {
    return err(`cannot read: ${describeFsError(error)}`)
  }
  const isPackage = basename(path) === 'package.json'
  const parsed = path.endsWith('.json') ? parseJson(text) : parseYaml(text)
  if (!parsed.ok) return parsed
  let value = parsed.value
  if (isPackage) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return err('expected a JSON object')
    if (!Object.hasOwn(value, packageKey)) return ok(null)
    value = (value as Record<string, unknown>)[packageKey]
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return err(`${packageKey}: expected a mapping with keys extends, rules, ignore, packs`)
    }
    const checked = checkConfigContent(value)
    return checked.ok ? checked : err(`${packageKey}.${checked.error}`)
  }
  return checkConfigContent(value)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Finds the nearest config file for a folder, walking up; remembers every folder it saw. */
export class ConfigFinder {
  /** @param display How to show a path in an error message. */
  constructor(private readonly display: (path: string) => string = (path) => path) {}

  private readonly found = new Map<string, string | null>()
  private readonly packages = new Map<string, Result<boolean>>()

  /**
   * The nearest config file at or above `folder` (absolute), or null. A package.json counts
   * only when it has an `mtclean` key; a package.json that cannot be parsed is an error.
   */
  find(folder: string): Result<string | null> {
    const visited: string[] = []
    let current = folder
    let result: string | null = null
    for (;;) {
      const known = this.found.get(current)
      if (known !== undefined) {
        result = known
        break
      }
      visited.push(current)
      const here = this.inFolder(current)
      if (!here.ok) return here
      if (here.value) {
        result = here.value
        break
      }
      const parent = dirname(current)
      if (parent === current) break
      current = parent
    }
    for (const folder of visited) this.found.set(folder, result)
    return ok(result)
  }

  private inFolder(folder: string): Result<string | null> {
    for (const name of configFileNames) {
      const path = join(folder, name)
      if (!isFile(path)) continue
      if (name !== 'package.json') return ok(path)
      const has = this.packageHasKey(path)
      if (!has.ok) return err(`${this.display(path)}: ${has.error}`)
      if (has.value) return ok(path)
    }
    return ok(null)
  }

  private packageHasKey(path: string): Result<boolean> {
    let cached = this.packages.get(path)
    if (!cached) {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch (error) {
        return err(`cannot read: ${describeFsError(error)}`)
      }
      const parsed = parseJson(text)
      cached = parsed.ok
        ? ok(
            typeof parsed.value === 'object' &&
              parsed.value !== null &&
              Object.hasOwn(parsed.value, packageKey),
          )
        : parsed
      this.packages.set(path, cached)
    }
    return cached
  }
}
