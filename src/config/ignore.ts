import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import ignore, { type Ignore } from 'ignore'

/** The ignore file honoured in every folder, in gitignore syntax. */
export const ignoreFileName = '.mtcleanignore'

/** Ignore patterns and the folder they are relative to. */
export interface IgnoreSet {
  base: string
  patterns: readonly string[]
}

interface Compiled {
  base: string
  matcher: Ignore
}

/** `path` relative to `base` with `/` separators, or undefined when it is outside `base`. */
export function relativeInside(base: string, path: string): string | undefined {
  const rel = relative(base, path)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined
  return sep === '/' ? rel : rel.split(sep).join('/')
}

/**
 * Decides whether a file is ignored: by `.mtcleanignore` files in its folder and every folder
 * above (outer first, inner files win, as with nested .gitignore files) and by config `ignore`
 * patterns (relative to their config file). Negated patterns (`!keep.txt`) re-include.
 */
export class IgnoreMatcher {
  private readonly files = new Map<string, Compiled | null>()
  private readonly sets = new Map<string, Compiled>()

  /** Whether `path` (absolute) is ignored given the config's ignore sets. */
  isIgnored(path: string, sets: readonly IgnoreSet[], useIgnoreFiles = true): boolean {
    const layers: Compiled[] = []
    if (useIgnoreFiles) layers.push(...this.ignoreFilesAbove(dirname(path)))
    for (const set of sets) layers.push(this.compile(set))
    let ignored = false
    for (const layer of layers) {
      const rel = relativeInside(layer.base, path)
      if (rel === undefined) continue
      const result = layer.matcher.test(rel)
      if (result.ignored) ignored = true
      else if (result.unignored) ignored = false
    }
    return ignored
  }

  private compile(set: IgnoreSet): Compiled {
    const key = `${set.base}\0${set.patterns.join('\0')}`
    let compiled = this.sets.get(key)
    if (!compiled) {
      compiled = { base: set.base, matcher: ignore().add(set.patterns) }
      this.sets.set(key, compiled)
    }
    return compiled
  }

  private ignoreFilesAbove(folder: string): Compiled[] {
    const found: Compiled[] = []
    let current = folder
    for (;;) {
      const layer = this.ignoreFileIn(current)
      if (layer) found.push(layer)
      const parent = dirname(current)
      if (parent === current) break
      current = parent
    }
    return found.reverse()
  }

  private ignoreFileIn(folder: string): Compiled | null {
    let layer = this.files.get(folder)
    if (layer === undefined) {
      layer = null
      try {
        const text = readFileSync(join(folder, ignoreFileName), 'utf8')
        layer = { base: folder, matcher: ignore().add(text) }
      } catch {
        // No ignore file here (or unreadable): nothing to add.
      }
      this.files.set(folder, layer)
    }
    return layer
  }
}
