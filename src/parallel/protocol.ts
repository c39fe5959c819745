import type { FileResult } from '../pipeline.js'
import type { Result } from '../result.js'
import type { Block } from '../stream/blocks.js'
import type { BlockFix, RelativeFinding } from '../stream/check.js'
import type { FixedCheck, FixSettings } from './fix-task.js'

/**
 * What a worker plans from: the command and its arguments exactly as given, the working folder
 * and the environment. Functions cannot cross threads, so each worker parses the same arguments
 * and resolves configuration (config files, packs, presets) with the same functions as the
 * main thread, then runs tasks that name a file by its planned path.
 */
export interface WorkerInit {
  command: 'lint' | 'fix'
  args: string[]
  cwd: string
  env: Record<string, string | undefined>
}

/** A unit of work for a worker (or for the main thread with `--jobs 1`). */
export type Task =
  | { kind: 'lint-file'; path: string; keepFile: boolean }
  | { kind: 'lint-block'; path: string; block: Block }
  | { kind: 'fix-file'; path: string; settings: FixSettings }
  | { kind: 'fix-block'; path: string; block: Block }

/** What a task gives back. */
export type TaskResult =
  | { kind: 'lint-file'; result: FileResult }
  | { kind: 'lint-block'; result: Result<RelativeFinding[]> }
  | { kind: 'fix-file'; result: FixedCheck }
  | { kind: 'fix-block'; result: Result<BlockFix> }

/** Messages from the main thread to a worker. */
export type WorkerRequest = { type: 'task'; task: Task } | { type: 'abort' }

/** Messages from a worker to the main thread. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'init-error'; error: string }
  | { type: 'result'; result: TaskResult }
  | { type: 'error'; error: string }
