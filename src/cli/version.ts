import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package root: the nearest folder above this module holding mtclean's package.json. */
export function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(folder, 'package.json')
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'mtclean') {
      return folder
    }
    const parent = dirname(folder)
    if (parent === folder) throw new Error('mtclean package.json not found')
    folder = parent
  }
}

/** mtclean's version from package.json. */
export function version(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version
}
