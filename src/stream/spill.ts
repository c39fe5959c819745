import { createReadStream } from 'node:fs'
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * A list kept on disk (JSON Lines in a private temporary folder) instead of in memory: what a
 * streamed fix reports only once its file is safely written. Read it back once, then dispose.
 */
export class Spill<T> {
  private count = 0

  private constructor(
    private readonly folder: string,
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  /** Create an empty spill. */
  static async create<T>(): Promise<Spill<T>> {
    const folder = await mkdtemp(join(tmpdir(), 'mtclean-spill-'))
    const file = join(folder, 'items.jsonl')
    return new Spill<T>(folder, file, await open(file, 'w'))
  }

  /** Items added so far. */
  get size(): number {
    return this.count
  }

  /** Append items. */
  async add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return
    let text = ''
    for (const item of items) text += `${JSON.stringify(item)}\n`
    this.count += items.length
    await this.handle.write(text)
  }

  /** The items, in order, in batches. */
  async *read(batch = 1000): AsyncGenerator<T[]> {
    await this.handle.sync().catch(() => {})
    const lines = createInterface({ input: createReadStream(this.file), crlfDelay: Infinity })
    let items: T[] = []
    for await (const line of lines) {
      if (line === '') continue
      items.push(JSON.parse(line) as T)
      if (items.length >= batch) {
        yield items
        items = []
      }
    }
    if (items.length > 0) yield items
  }

  /** Remove the file. */
  async dispose(): Promise<void> {
    await this.handle.close().catch(() => {})
    await rm(this.folder, { recursive: true, force: true })
  }
}
