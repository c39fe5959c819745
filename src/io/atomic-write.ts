import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { access, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { err, ok, type Result } from '../result.js'
import { describeFsError } from './text-file.js'

/** What the file must still hold for the write to go ahead, and how to write it. */
export interface WriteGuard {
  /** The bytes read earlier; when the file now differs, the write is refused. */
  expected?: Buffer
  /** File mode to give the new file (permission bits; other bits are ignored). */
  mode?: number
  /** When aborted before the rename, the temporary file is removed and the target left alone. */
  signal?: AbortSignal
  /**
   * Called once the temporary file is written and flushed, just before the rename; resolving
   * false abandons the write the same way as `signal`. For tests and callers that must pause.
   */
  beforeRename?: (temporary: string) => Promise<boolean> | boolean
}

/** The message of a write abandoned through `signal` or `beforeRename`. */
export const interruptedMessage = 'interrupted before it was replaced; not written'

/** Whether a file name is one of the temporary files `writeFileAtomic` creates. */
export function isTemporaryName(name: string): boolean {
  return /^\..+\.mtclean-[0-9a-f]{12}\.tmp$/.test(name)
}

/**
 * Replace a file atomically: write a temporary file in the same folder, flush it, then rename
 * it over the target and flush the folder. A reader (or a crash) sees the old file or the new
 * one, never a mix. A symbolic link is followed (the file it points to is replaced). With
 * `expected`, a file changed on disk since it was read is left alone. A read-only file (no write
 * permission bit, or not writable by this user) is refused. The owner is kept when allowed.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  guard: WriteGuard = {},
): Promise<Result<void>> {
  const checked = await writableTarget(path, guard.expected !== undefined)
  if (!checked.ok) return checked
  const { target, before } = checked.value
  if (guard.expected) {
    let current: Buffer
    try {
      current = await readFile(target)
    } catch (error) {
      return err(`cannot re-read before writing: ${describeFsError(error)}`)
    }
    if (!current.equals(guard.expected))
      return err('changed on disk since it was read; not written')
  }
  const folder = dirname(target)
  const temporary = join(
    folder,
    `.${basename(target)}.mtclean-${randomBytes(6).toString('hex')}.tmp`,
  )
  const mode = (guard.mode ?? before?.mode ?? 0o644) & 0o7777
  let created = false
  try {
    const handle = await open(temporary, 'wx', mode)
    created = true
    try {
      await handle.writeFile(data)
      if (before && (before.uid !== process.getuid?.() || before.gid !== process.getgid?.())) {
        await handle.chown(before.uid, before.gid).catch(() => {})
      }
      // open() applies the umask; chmod after chown, which may clear set-id bits.
      await handle.chmod(mode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (guard.signal?.aborted || (guard.beforeRename && !(await guard.beforeRename(temporary)))) {
      await unlink(temporary).catch(() => {})
      return err(interruptedMessage)
    }
    if (guard.expected && before && (await changedSince(target, before))) {
      await unlink(temporary).catch(() => {})
      return err('changed on disk since it was read; not written')
    }
    await rename(temporary, target)
    await syncFolder(folder)
    return ok(undefined)
  } catch (error) {
    if (created) await unlink(temporary).catch(() => {})
    return err(`cannot write: ${describeFsError(error)}`)
  }
}

/**
 * Where a write to `path` lands (symlinks followed) and what is there now, refusing a folder, a
 * read-only file, or — when `mustExist` — a file deleted since it was read.
 */
export async function writableTarget(
  path: string,
  mustExist: boolean,
): Promise<Result<{ target: string; before: Stats | undefined }>> {
  let target = path
  let before: Stats | undefined
  try {
    target = await realpath(path)
    before = await stat(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return err(`cannot write: ${describeFsError(error)}`)
    }
    if (mustExist) return err('deleted since it was read; not written')
  }
  if (before) {
    if (before.isDirectory()) return err('cannot write: is a directory')
    if ((before.mode & 0o222) === 0) return err('cannot write: read-only file')
    try {
      await access(target, constants.W_OK)
    } catch (error) {
      return err(`cannot write: ${describeFsError(error)}`)
    }
  }
  return ok({ target, before })
}

/** A cheap second look just before a rename, to narrow the window after the byte comparison. */
export async function changedSince(path: string, before: Stats): Promise<boolean> {
  try {
    const now = await stat(path)
    return now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino
  } catch {
    return true
  }
}

/** Flush a folder so a rename in it survives a power cut; not every file system allows it. */
export async function syncFolder(folder: string) {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // EISDIR/EINVAL/EPERM on some systems: the rename is still atomic, only less durable.
  }
}
