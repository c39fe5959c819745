import { statSync } from 'node:fs'
import type { AnyRule } from '../engine/types.js'
import { describeFsError } from '../io/text-file.js'
import { err, type Result } from '../result.js'

/** Load a folder of Vale-style YAML rules (`packs:` in config) into rules `<Folder>.<File>`. */
export function loadPackFolder(folder: string): Result<AnyRule[]> {
  try {
    if (!statSync(folder).isDirectory()) return err(`${folder}: pack is not a folder`)
  } catch (error) {
    return err(`${folder}: cannot read pack folder: ${describeFsError(error)}`)
  }
  return err(`${folder}: pack loading is not available yet`)
}
