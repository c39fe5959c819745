import { mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { bilingualKindFor } from '../bilingual/readers.js'
import { UsageError } from '../cli/io.js'
import type { PlannedCheck } from '../config/index.js'
import { type AppliedChange, mirrorPath, sameFile } from '../fix-files.js'
import { formatFor, plainText } from '../formats/index.js'
import type { CheckOptions, FileResult } from '../pipeline.js'
import { type BlockSizes, defaultBlockSizes } from '../stream/blocks.js'
import { type BlockRunner, streamFixFile, streamLintFile } from '../stream/file.js'
import { Spill } from '../stream/spill.js'
import type { FixedCheck, FixSettings } from './fix-task.js'
import { guardHeap } from './memory.js'
import { Ordered } from './ordered.js'
import { defaultJobs, WorkerFailure, WorkerPool } from './pool.js'
import type { Task, TaskResult, WorkerInit } from './protocol.js'
import { runTask, type TaskContext } from './tasks.js'

/** How a run uses threads and memory. */
export interface RunSettings {
  /** Worker threads (1: everything in the main thread). */
  jobs: number
  /** `--jobs` was given: use the pool even for little work. */
  explicit: boolean
  /** Plain-text files larger than this many bytes are streamed block by block. */
  streamBytes: number
  /** Other files larger than this are refused (they must be read whole). */
  wholeBytes: number
  sizes: BlockSizes
  /** Prints a note about a file (lines checked in pieces). */
  note?: (message: string) => void
}

/** Flag table entry for `--jobs`. */
export const jobsFlag = { jobs: { type: 'string', short: 'j' } } as const

/** Help lines for `--jobs`, with descriptions starting at `column`. */
export function jobsHelp(column: number): string {
  const flag = '  -j, --jobs N'.padEnd(column)
  return `${flag}check files on N threads (default: the number of cores; 1 starts no
${' '.repeat(column)}worker thread); the output is the same whatever N
`
}

const mib = 1 << 20

/**
 * Settings from `--jobs` and the environment: MTCLEAN_STREAM_BYTES (default 1 MiB),
 * MTCLEAN_WHOLE_BYTES (default 256 MiB), MTCLEAN_BLOCK_CHARS (256 Ki), MTCLEAN_MAX_LINE (256 Ki).
 */
export function runSettings(
  jobs: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): RunSettings {
  if (jobs !== undefined && !/^[1-9]\d{0,3}$/.test(jobs)) {
    throw new UsageError(`--jobs takes a number of threads from 1, got '${jobs}'`)
  }
  const number = (name: string, fallback: number, min: number) => {
    const value = env[name]
    if (value === undefined || value === '') return fallback
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new UsageError(`${name} must be a whole number of at least ${min}, got '${value}'`)
    return Number(value)
  }
  return {
    jobs: jobs !== undefined ? Number(jobs) : defaultJobs(),
    explicit: jobs !== undefined,
    streamBytes: number('MTCLEAN_STREAM_BYTES', mib, 0),
    wholeBytes: number('MTCLEAN_WHOLE_BYTES', 256 * mib, 1),
    sizes: {
      block: number('MTCLEAN_BLOCK_CHARS', defaultBlockSizes.block, 1),
      maxLine: number('MTCLEAN_MAX_LINE', defaultBlockSizes.maxLine, 16),
      contextLines: defaultBlockSizes.contextLines,
    },
  }
}

/** Whether a file of this format can be streamed: plain text that is not one side of a pair. */
export function streamable(path: string, options: CheckOptions): boolean {
  return (
    formatFor(path, options.formatName) === plainText &&
    bilingualKindFor(path, options.formatName) === undefined &&
    options.bilingual?.sourceText === undefined
  )
}

/** How a planned file is handled. */
export type Route =
  | { kind: 'error'; error: string }
  | { kind: 'whole'; size: number; local: boolean }
  | { kind: 'stream'; size: number; absolute: string }

/** Decide, from its size and format, how each planned file is read. */
export async function routesOf(
  checks: readonly PlannedCheck[],
  cwd: string,
  settings: RunSettings,
): Promise<Route[]> {
  const routes: Route[] = []
  for (const { target, options } of checks) {
    if ('error' in target) {
      routes.push({ kind: 'error', error: target.error })
      continue
    }
    if (target.path === '-') {
      routes.push({ kind: 'whole', size: 0, local: true })
      continue
    }
    const absolute = resolve(cwd, target.path)
    let size = 0
    try {
      const info = await stat(absolute)
      size = info.isFile() ? info.size : 0
    } catch {
      // Reading it reports why.
    }
    if (size > settings.streamBytes && streamable(target.path, options))
      routes.push({ kind: 'stream', size, absolute })
    else if (size > settings.wholeBytes) {
      const mb = (size / 1e6).toFixed(0)
      routes.push({
        kind: 'error',
        error: `too large to check (${mb} MB): only plain text is read in pieces; other formats are read whole up to ${(settings.wholeBytes / 1e6).toFixed(0)} MB (MTCLEAN_WHOLE_BYTES)`,
      })
    } else routes.push({ kind: 'whole', size, local: false })
  }
  return routes
}

/**
 * Where tasks run: on a worker pool, or in this thread. The pool starts only when it pays: more
 * than one file (or a streamed one) and at least 1 MiB to check, or `--jobs` given. A task a
 * worker could not run (the worker failed) runs here instead, with the same result.
 */
export class Execution {
  private readonly unguard = guardHeap()

  private constructor(
    private readonly pool: WorkerPool | undefined,
    private readonly local: TaskContext,
  ) {}

  /**
   * @param init What workers plan from (the command's arguments).
   * @param local Options of the planned files, for tasks run in this thread.
   * @param routes How each file is read (decides whether the pool pays).
   * @param allowPool False forces this thread (stdin, test pauses).
   */
  static start(
    init: WorkerInit,
    local: TaskContext,
    routes: readonly Route[],
    settings: RunSettings,
    allowPool = true,
  ): Execution {
    const work = routes.filter((r) => r.kind === 'stream' || (r.kind === 'whole' && !r.local))
    const bytes = work.reduce((sum, r) => sum + (r.kind === 'error' ? 0 : r.size), 0)
    const streamed = work.some((r) => r.kind === 'stream')
    const pays =
      settings.jobs > 1 &&
      allowPool &&
      (work.length > 1 || streamed) &&
      (settings.explicit || bytes >= mib)
    // The main thread is one of the `jobs` threads: it takes tasks when the workers are busy.
    const threads = Math.min(settings.jobs, streamed ? settings.jobs : work.length)
    const pool = pays
      ? new WorkerPool(threads - 1, init, (task) => runTask(task, local))
      : undefined
    return new Execution(pool, local)
  }

  /** The write step's pauses and stdin, as given for this thread. */
  get hooks(): TaskContext['hooks'] {
    return this.local.hooks
  }

  /** Threads checking files (1: this one alone). */
  get threads(): number {
    return this.pool?.runners ?? 1
  }

  /** Files (or blocks) started ahead of the one being reported. */
  get width(): number {
    return this.pool ? this.pool.runners * 4 : 1
  }

  /** Run a task on the pool, or here. */
  run(task: Task, here = false): Promise<TaskResult> {
    if (!this.pool || here) return runTask(task, this.local)
    return this.pool.run(task).catch((error: unknown) => {
      if (error instanceof WorkerFailure) return runTask(task, this.local)
      throw error
    })
  }

  /** Blocks of a streamed file, checked on the pool or here. */
  blocks(): BlockRunner {
    return {
      width: this.pool ? this.pool.runners * 2 : 1,
      lint: async (path, block) => {
        const r = await this.run({ kind: 'lint-block', path, block })
        if (r.kind !== 'lint-block') throw new Error('unexpected task result')
        return r.result
      },
      fix: async (path, block) => {
        const r = await this.run({ kind: 'fix-block', path, block })
        if (r.kind !== 'fix-block') throw new Error('unexpected task result')
        return r.result
      },
    }
  }

  /** Tell workers to abandon writes not yet renamed. */
  abort(): void {
    this.pool?.abort()
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    this.unguard()
    await this.pool?.close()
  }
}

/** Gets each file's findings in input order: all at once, or block by block (`more`). */
export type LintVisitor = (result: FileResult, more: boolean) => Promise<void> | void

/**
 * Lint planned files in input order, whatever thread checks them: usual files whole (with their
 * text only when `keepFile`), large plain-text files block by block as the findings come.
 */
export async function lintChecks(
  checks: readonly PlannedCheck[],
  routes: readonly Route[],
  execution: Execution,
  settings: RunSettings,
  visit: LintVisitor,
  keepFile: boolean,
): Promise<void> {
  type Item = { result: FileResult } | { stream: PlannedCheck; absolute: string }
  const order = new Ordered<Item>(execution.width, async (item) => {
    if ('result' in item) return visit(item.result, false)
    const path = item.stream.target.path
    let done: Awaited<ReturnType<typeof streamLintFile>>
    try {
      done = await streamLintFile(
        path,
        item.absolute,
        execution.blocks(),
        settings.sizes,
        (findings) => visit({ path, findings }, true),
      )
    } catch (error) {
      done = { ok: false, error: `internal error: ${messageOf(error)}` }
    }
    if (done.ok && done.value.cutLines > 0)
      settings.note?.(piecesNote(path, done.value.cutLines, settings))
    await visit({ path, findings: [], ...(done.ok ? {} : { error: done.error }) }, false)
  })
  for (const [index, check] of checks.entries()) {
    const route = routes[index]!
    const path = check.target.path
    if (route.kind === 'error') {
      await order.add(Promise.resolve({ result: { path, findings: [], error: route.error } }))
    } else if (route.kind === 'stream') {
      await order.add(Promise.resolve({ stream: check, absolute: route.absolute }))
    } else {
      const work = execution
        .run({ kind: 'lint-file', path, keepFile }, route.local)
        .then((r): Item => {
          if (r.kind !== 'lint-file') throw new Error('unexpected task result')
          return { result: r.result }
        })
        .catch(
          (error: unknown): Item => ({
            result: { path, findings: [], error: `internal error: ${messageOf(error)}` },
          }),
        )
      await order.add(work)
    }
  }
  await order.drain()
}

/** Gets each file's outcome in input order: whole, or block by block (`more`) for a streamed one. */
export type FixVisitor = (fixed: FixedCheck, more: boolean) => Promise<void> | void

/**
 * Fix planned files in input order. Usual files are fixed whole (on the pool or here); a large
 * plain-text file is fixed block by block and written through a temporary file; what is reported
 * about it (findings left, changes) is kept on disk until it is written, so a file not written
 * reports nothing but its error. Stops starting files once `signal` is aborted; returns how many
 * were not processed.
 */
export async function fixChecks(
  checks: readonly PlannedCheck[],
  routes: readonly Route[],
  execution: Execution,
  run: RunSettings,
  settings: FixSettings,
  visit: FixVisitor,
  signal: AbortSignal,
): Promise<number> {
  type Item = { fixed: FixedCheck } | { stream: PlannedCheck; absolute: string; size: number }
  const order = new Ordered<Item>(execution.width, async (item) => {
    if ('fixed' in item) return visit(item.fixed, false)
    await visit(await fixStreamed(item.stream, item.absolute, item.size), false)
  })
  const fixStreamed = async (check: PlannedCheck, absolute: string, size: number) => {
    const path = check.target.path
    const direct = settings.mode === 'preview'
    const findings = direct ? undefined : await Spill.create<FixedCheck['findings'][number]>()
    const applied = settings.json ? await Spill.create<AppliedChange>() : undefined
    const perRule = new Map<string, number>()
    const copy =
      settings.mode === 'output-dir'
        ? mirrorPath(settings.outputRoot!, path, settings.cwd)
        : undefined
    try {
      if (copy) {
        if (await sameFile(copy, absolute)) {
          return {
            ...unchanged(path),
            bytes: size,
            error: 'the output copy would replace the input; not written',
          }
        }
        try {
          await mkdir(dirname(copy), { recursive: true })
        } catch (error) {
          return {
            ...unchanged(path),
            bytes: size,
            error: `cannot create ${dirname(copy)}: ${messageOf(error)}`,
          }
        }
      }
      const done = await streamFixFile(
        path,
        absolute,
        execution.blocks(),
        run.sizes,
        {
          mode: settings.mode === 'stdin' ? 'preview' : settings.mode,
          ...(settings.mode === 'write' ? { destination: absolute } : {}),
          ...(copy ? { destination: copy } : {}),
          diffColor: settings.diffColor,
          signal,
          ...(execution.hooks?.beforeWrite ? { beforeWrite: execution.hooks.beforeWrite } : {}),
          ...(execution.hooks?.beforeRename ? { beforeRename: execution.hooks.beforeRename } : {}),
        },
        {
          findings: async (list) => {
            if (findings) await findings.add(list)
            else await visit({ ...unchanged(path), findings: list }, true)
          },
          applied: async (changes, offset) => {
            for (const c of changes) perRule.set(c.ruleId, (perRule.get(c.ruleId) ?? 0) + 1)
            if (!applied) return
            await applied.add(
              changes.map((c) => ({
                ruleId: c.ruleId,
                pass: c.pass,
                edits: c.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })),
              })),
            )
          },
          diff: async (text) => {
            if (!settings.json) await visit({ ...unchanged(path), diff: text }, true)
          },
        },
      )
      if (!done.ok) return { ...unchanged(path), bytes: size, error: done.error }
      if (done.value.cutLines > 0) run.note?.(piecesNote(path, done.value.cutLines, run))
      if (findings)
        for await (const list of findings.read())
          await visit({ ...unchanged(path), findings: list }, true)
      const final: FixedCheck = {
        ...unchanged(path),
        changed: done.value.changed,
        perRule: [...perRule],
        bytes: done.value.size,
      }
      if (applied) {
        // The JSON report lists the changes of a streamed file from disk, batch by batch.
        for await (const list of applied.read())
          await visit({ ...unchanged(path), applied: list }, true)
      }
      return final
    } finally {
      await findings?.dispose()
      await applied?.dispose()
    }
  }
  let notProcessed = 0
  for (const [index, check] of checks.entries()) {
    if (signal.aborted) {
      notProcessed = checks.length - index
      break
    }
    const route = routes[index]!
    const path = check.target.path
    if (route.kind === 'error') {
      const fixed: FixedCheck = { ...unchanged(path), error: route.error }
      await order.add(Promise.resolve({ fixed }))
    } else if (route.kind === 'stream' && settings.mode !== 'stdin') {
      await order.add(
        Promise.resolve({ stream: check, absolute: route.absolute, size: route.size }),
      )
    } else {
      const work = execution
        .run({ kind: 'fix-file', path, settings }, route.kind === 'whole' && route.local)
        .then((r): Item => {
          if (r.kind !== 'fix-file') throw new Error('unexpected task result')
          return { fixed: r.result }
        })
        .catch(
          (error: unknown): Item => ({
            fixed: { ...unchanged(path), error: `internal error: ${messageOf(error)}` },
          }),
        )
      await order.add(work)
    }
  }
  await order.drain()
  return notProcessed
}

function piecesNote(path: string, lines: number, settings: RunSettings): string {
  const many = lines === 1 ? 'line was' : 'lines were'
  return `${path}: ${lines} ${many} longer than ${settings.sizes.maxLine} characters and checked in pieces (cut at sentence ends or spaces)`
}

/** The outcome of a file `fix` changed nothing in (yet): no findings, changes or bytes. */
function unchanged(path: string): FixedCheck {
  return { path, findings: [], applied: [], perRule: [], changed: false, bytes: 0 }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
