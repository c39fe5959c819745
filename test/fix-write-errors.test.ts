import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from '../src/io/atomic-write.js'

// SIMULATED: full disks and read-only file systems cannot be created portably in a test, so
// these tests make node:fs/promises fail with the errno the kernel would give. The real-kernel
// cases (a read-only file, a read-only folder, a file-size limit) are in test/cli-fix-safety.test.ts.
const failure = vi.hoisted(() => ({ step: '' as '' | 'write' | 'open' | 'rename', code: '' }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const fail = () => Object.assign(new Error(`${failure.code}: simulated`), { code: failure.code })
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const [path, flags] = args
      const temporary = typeof path === 'string' && path.endsWith('.tmp') && flags === 'wx'
      if (temporary && failure.step === 'open') throw fail()
      const handle = await real.open(...args)
      if (temporary && failure.step === 'write') {
        // The disk fills up part way: some bytes land in the temporary file, then ENOSPC.
        return new Proxy(handle, {
          get(target, key) {
            if (key === 'writeFile') {
              return async (data: Uint8Array) => {
                await target.writeFile(data.subarray(0, 3))
                throw fail()
              }
            }
            const value = Reflect.get(target, key)
            return typeof value === 'function' ? value.bind(target) : value
          },
        })
      }
      return handle
    },
    rename: async (...args: Parameters<typeof real.rename>) => {
      if (failure.step === 'rename') throw fail()
      return real.rename(...args)
    },
  }
})

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mtclean-write-errors-'))
  failure.step = ''
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('writeFileAtomic when the file system fails (simulated errno)', () => {
  it.each([
    ['write', 'ENOSPC', 'cannot write: no space left on device'],
    ['open', 'EROFS', 'cannot write: read-only file system'],
    ['open', 'EACCES', 'cannot write: permission denied'],
    ['rename', 'EIO', 'cannot write: EIO: simulated'],
  ] as const)(
    '%s failing with %s: one clear error, the file and folder as before',
    async (step, code, message) => {
      const path = join(folder, 'a.txt')
      await writeFile(path, 'old text\n')
      failure.step = step
      failure.code = code
      const result = await writeFileAtomic(path, Buffer.from('new text\n'), {
        expected: Buffer.from('old text\n'),
      })
      expect(result).toEqual({ ok: false, error: message })
      expect(await readFile(path, 'utf8')).toBe('old text\n')
      expect(await readdir(folder)).toEqual(['a.txt'])
    },
  )
})
