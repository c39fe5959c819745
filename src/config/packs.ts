import type { AnyRule } from '../engine/types.js'
import { loadPackFolder as loadVale } from '../packs/load.js'
import type { Result } from '../result.js'

/**
 * Load a folder of Vale-style YAML rules (`packs:` in config) into rules `<Folder>.<File>`,
 * with the pack loader the built-in calque rule uses (patterns run on re2js, in linear time).
 */
export function loadPackFolder(folder: string): Result<AnyRule[]> {
  return loadVale(folder)
}
