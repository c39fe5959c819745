import { randomBytes } from 'node:crypto'
import { chmod, open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { err, ok, type Result } from '../result.js'
import { describeFsError } from './text-file.js'

/** What the file must still hold for the write to go ahead. */
export interface WriteGuard {
  /** The bytes read earlier; when the file now differs, the write is refused. */
  expected?: Buffer
  /** File mode to give the new file. */
  mode?: number
}

/**
 * Replace a file atomically: write a temporary file in the same folder, flush it, then rename
 * it over the target. A reader (or a crash) sees the old file or the new one, never a mix.
 * With `expected`, a file changed on disk since it was read is left alone.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  guard: WriteGuard = {},
): Promise<Result<void>> {
  if (guard.expected) {
    let current: Buffer
    try {
      current = await readFile(path)
    } catch (error) {
      return err(`cannot re-read before writing: ${describeFsError(error)}`)
    }
    if (!current.equals(guard.expected))
      return err('changed on disk since it was read; not written')
  }
  const temporary = join(
    dirname(path),
    `.${basename(path)}.mtclean-${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    const handle = await open(temporary, 'wx', guard.mode ?? 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (guard.mode !== undefined) await chmod(temporary, guard.mode & 0o7777)
    await rename(temporary, path)
    return ok(undefined)
  } catch (error) {
    await unlink(temporary).catch(() => {})
    return err(`cannot write: ${describeFsError(error)}`)
  }
}
