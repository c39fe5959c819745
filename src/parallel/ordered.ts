/**
 * Starts work ahead and hands the results over in the order the work was added, with at most
 * `width` pieces started and not yet handed over (so memory stays bounded). A rejected piece
 * rejects `add` or `drain` when its turn comes.
 */
export class Ordered<T> {
  private readonly queue: Promise<T>[] = []

  /**
   * @param width Pieces in flight at most (1: each is handed over before the next starts).
   * @param consume Gets each result, in order.
   */
  constructor(
    private readonly width: number,
    private readonly consume: (value: T) => Promise<void> | void,
  ) {}

  /** Add started work; waits while `width` pieces are in flight. */
  async add(work: Promise<T>): Promise<void> {
    work.catch(() => {})
    this.queue.push(work)
    while (this.queue.length >= Math.max(1, this.width))
      await this.consume(await this.queue.shift()!)
  }

  /** Hand over everything still in flight. */
  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.consume(await this.queue.shift()!)
  }
}
