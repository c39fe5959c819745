import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { packageRoot } from '../cli/version.js'
import type { Task, TaskResult, WorkerInit, WorkerReply, WorkerRequest } from './protocol.js'

/** The number of threads `--jobs` defaults to: the cores Node may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism())
}

/**
 * The worker entry as built: `worker.js` next to this module when it runs from dist (the CLI
 * bundle's `dist/cli/worker.js`, or `dist/src/parallel/worker.js`); from the TypeScript sources
 * (tests), the built one under the package root.
 */
export function workerEntry(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url))
  if (existsSync(here)) return here
  return join(packageRoot(), 'dist', 'src', 'parallel', 'worker.js')
}

interface Pending {
  task: Task
  resolve: (result: TaskResult) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  /** Tasks sent and not answered, oldest first (a worker answers in order). */
  sent: Pending[]
  failed: boolean
}

/** A worker failed to start or died; the task is run in the main thread instead. */
export class WorkerFailure extends Error {}

/** Tasks queued in each worker, so it never waits for the main thread between two. */
const depth = 2

/**
 * Heap limits of a worker: a small young generation and a capped old one keep each thread's
 * memory near what it holds (the tasks are bounded: whole files under the streaming threshold,
 * or one block of a large one).
 */
const workerLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 192 }

/**
 * A pool of worker threads running mtclean tasks, with the main thread as one more runner.
 * Each worker plans the same run from the same serialisable description (`WorkerInit`: the
 * command's arguments, cwd and environment), so it resolves configuration with the same
 * functions as the main thread, then runs tasks that name a file by its planned path. Tasks go
 * to the first free runner; results come back as promises (the caller keeps them in order).
 */
export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private closed = false
  private localBusy = false

  /**
   * @param size Worker threads to start.
   * @param init What each worker plans from.
   * @param local Runs a task in the main thread (it takes one when the workers are busy), or
   *   undefined to keep the main thread free.
   */
  constructor(
    readonly size: number,
    private readonly init: WorkerInit,
    private readonly local?: (task: Task) => Promise<TaskResult>,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn())
  }

  /** Runners: the workers, plus the main thread when it takes tasks. */
  get runners(): number {
    return this.size + (this.local ? 1 : 0)
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry(), {
      workerData: this.init,
      stdout: false,
      stderr: false,
      resourceLimits: workerLimits,
    })
    worker.unref()
    const slot: Slot = { worker, sent: [], failed: false }
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'ready') return
      if (message.type === 'init-error') {
        this.fail(slot, new WorkerFailure(message.error))
        return
      }
      const pending = slot.sent.shift()
      if (pending) {
        if (message.type === 'result') pending.resolve(message.result)
        else pending.reject(new WorkerFailure(message.error))
      }
      this.dispatch()
    })
    worker.on('error', (error) => this.fail(slot, error))
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`exit code ${code}`))
    })
    return slot
  }

  // A worker that failed: its tasks fail with WorkerFailure (the caller runs them here).
  private fail(slot: Slot, error: Error) {
    if (slot.failed) return
    slot.failed = true
    for (const pending of slot.sent.splice(0))
      pending.reject(new WorkerFailure(`a worker thread stopped: ${error.message}`))
    void slot.worker.terminate().catch(() => 0)
    this.dispatch()
  }

  /** Run one task on the next free runner. */
  run(task: Task): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new WorkerFailure('the worker pool is closed'))
    return new Promise<TaskResult>((resolve, reject) => {
      this.queue.push({ task, resolve, reject })
      this.dispatch()
    })
  }

  private dispatch() {
    for (const slot of this.slots) {
      while (!slot.failed && slot.sent.length < depth && this.queue.length > 0) {
        const pending = this.queue.shift()!
        slot.sent.push(pending)
        const message: WorkerRequest = { type: 'task', task: pending.task }
        slot.worker.postMessage(message)
      }
      // Only a worker with work keeps the process alive.
      if (slot.sent.length > 0) slot.worker.ref()
      else slot.worker.unref()
    }
    const alive = this.slots.some((s) => !s.failed)
    if (this.queue.length === 0 || this.localBusy) return
    if (!this.local) {
      if (!alive)
        for (const pending of this.queue.splice(0))
          pending.reject(new WorkerFailure('no worker thread is running'))
      return
    }
    // The main thread takes the next task when the workers' queues are full (or none is left).
    const pending = this.queue.shift()!
    this.localBusy = true
    const local = this.local
    setImmediate(() => {
      local(pending.task)
        .then(pending.resolve, pending.reject)
        .finally(() => {
          this.localBusy = false
          this.dispatch()
        })
    })
  }

  /** Ask every worker to abandon writes not yet renamed (SIGINT/SIGTERM during `fix`). */
  abort(): void {
    const message: WorkerRequest = { type: 'abort' }
    for (const slot of this.slots) if (!slot.failed) slot.worker.postMessage(message)
  }

  /** Stop the workers (tasks not yet started fail). */
  async close(): Promise<void> {
    this.closed = true
    for (const pending of this.queue.splice(0))
      pending.reject(new WorkerFailure('the worker pool is closed'))
    await Promise.all(this.slots.map((slot) => slot.worker.terminate().catch(() => 0)))
  }
}
