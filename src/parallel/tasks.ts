import { Readable } from 'node:stream'
import type { FixOptions } from '../fix-files.js'
import { checkTarget } from '../pipeline.js'
import { err } from '../result.js'
import { fixBlock, lintBlock } from '../stream/check.js'
import { type FixHooks, fixCheck } from './fix-task.js'
import type { Task, TaskResult } from './protocol.js'

/** What a task needs: each planned file's options, the working folder, cancellation. */
export interface TaskContext {
  /** The options planned for a file (for `fix`, with `unsafe`), or undefined if not planned. */
  options(path: string): FixOptions | undefined
  cwd: string
  signal?: AbortSignal
  /** The main thread's stdin (for `-`) and the write step's pauses; never set in workers. */
  hooks?: FixHooks
}

/** Run one task here (in a worker, or in the main thread with `--jobs 1`). Never throws for bad input. */
export async function runTask(task: Task, context: TaskContext): Promise<TaskResult> {
  const options = context.options(task.path)
  const missing = `${task.path} was not planned by this run`
  switch (task.kind) {
    case 'lint-file': {
      if (!options)
        return { kind: task.kind, result: { path: task.path, findings: [], error: missing } }
      const stdin = context.hooks?.stdin ?? Readable.from([])
      const result = await checkTarget({ path: task.path }, options, stdin, context.cwd)
      if (!task.keepFile) delete result.file
      return { kind: task.kind, result }
    }
    case 'lint-block':
      return {
        kind: task.kind,
        result: options ? lintBlock(task.path, task.block, options) : err(missing),
      }
    case 'fix-file': {
      if (!options) {
        return {
          kind: task.kind,
          result: {
            path: task.path,
            findings: [],
            applied: [],
            perRule: [],
            changed: false,
            bytes: 0,
            error: missing,
          },
        }
      }
      const hooks: FixHooks = {
        ...context.hooks,
        ...(context.signal ? { signal: context.signal } : {}),
      }
      return {
        kind: task.kind,
        result: await fixCheck({ path: task.path }, options, task.settings, hooks),
      }
    }
    case 'fix-block':
      return {
        kind: task.kind,
        result: options ? fixBlock(task.path, task.block, options) : err(missing),
      }
  }
}
