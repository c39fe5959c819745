import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { type FileHandle, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { changedSince, interruptedMessage, syncFolder, writableTarget } from '../io/atomic-write.js'
import { describeFsError } from '../io/text-file.js'
import { err, ok, type Result } from '../result.js'
import { hashFile } from './decode.js'

/** What the file must still be for the rename to go ahead (in-place writes). */
export interface Expected {
  size: number
  sha256: string
}

/**
 * Writes a file through a temporary file in the same folder, piece by piece, then renames it
 * over the target: a reader (or a crash) sees the old file or the new one, never a mix. The
 * same checks and naming as `writeFileAtomic` (`.NAME.mtclean-XXXXXXXXXXXX.tmp`, mode and owner
 * kept, read-only files refused); the stale check compares size and SHA-256 with what was read.
 */
export class AtomicStreamWriter {
  private failed: string | undefined
  private finished = false

  private constructor(
    private readonly target: string,
    private readonly temporary: string,
    private readonly handle: FileHandle,
    private readonly before: Stats | undefined,
  ) {}

  /**
   * Start writing `path` (a symbolic link is followed). With `expected`, the target must exist:
   * a file deleted since it was read is refused.
   */
  static async open(
    path: string,
    options: { mode?: number; mustExist?: boolean } = {},
  ): Promise<Result<AtomicStreamWriter>> {
    const checked = await writableTarget(path, options.mustExist === true)
    if (!checked.ok) return checked
    const { target, before } = checked.value
    const folder = dirname(target)
    const temporary = join(
      folder,
      `.${basename(target)}.mtclean-${randomBytes(6).toString('hex')}.tmp`,
    )
    const mode = (options.mode ?? before?.mode ?? 0o644) & 0o7777
    try {
      const handle = await open(temporary, 'wx', mode)
      return ok(new AtomicStreamWriter(target, temporary, handle, before))
    } catch (error) {
      return err(`cannot write: ${describeFsError(error)}`)
    }
  }

  /** Append bytes; a failure (a full disk) is kept and returned by `commit`. */
  async write(bytes: Uint8Array): Promise<Result<void>> {
    if (this.failed) return err(this.failed)
    try {
      let done = 0
      while (done < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done)
        done += bytesWritten
      }
      return ok(undefined)
    } catch (error) {
      this.failed = `cannot write: ${describeFsError(error)}`
      return err(this.failed)
    }
  }

  /**
   * Flush, check and rename. With `expected`, the target must still have that size and SHA-256
   * (and not have changed in the meantime); otherwise nothing is replaced. An aborted `signal`,
   * or `beforeRename` resolving false, abandons the write.
   */
  async commit(
    expected?: Expected,
    signal?: AbortSignal,
    beforeRename?: (temporary: string) => Promise<boolean> | boolean,
  ): Promise<Result<void>> {
    if (this.finished) return err('already finished')
    if (this.failed) {
      await this.abort()
      return err(this.failed)
    }
    const mode = (this.before?.mode ?? 0o644) & 0o7777
    try {
      const { before } = this
      if (before && (before.uid !== process.getuid?.() || before.gid !== process.getgid?.())) {
        await this.handle.chown(before.uid, before.gid).catch(() => {})
      }
      await this.handle.chmod(mode)
      await this.handle.sync()
      await this.handle.close()
    } catch (error) {
      await this.abort()
      return err(`cannot write: ${describeFsError(error)}`)
    }
    if (signal?.aborted || (beforeRename && !(await beforeRename(this.temporary)))) {
      await this.abort()
      return err(interruptedMessage)
    }
    if (expected) {
      const now = await hashFile(this.target)
      if (!now.ok) {
        await this.abort()
        return err(
          now.error === 'no such file or directory'
            ? 'deleted since it was read; not written'
            : `cannot re-read before writing: ${now.error}`,
        )
      }
      if (now.value.size !== expected.size || now.value.sha256 !== expected.sha256) {
        await this.abort()
        return err('changed on disk since it was read; not written')
      }
      if (this.before && (await changedSince(this.target, this.before))) {
        await this.abort()
        return err('changed on disk since it was read; not written')
      }
    }
    try {
      await rename(this.temporary, this.target)
      this.finished = true
    } catch (error) {
      await this.abort()
      return err(`cannot write: ${describeFsError(error)}`)
    }
    await syncFolder(dirname(this.target))
    return ok(undefined)
  }

  /** Give up: remove the temporary file; the target is untouched. */
  async abort(): Promise<void> {
    if (this.finished) return
    this.finished = true
    await this.handle.close().catch(() => {})
    await unlink(this.temporary).catch(() => {})
  }
}
