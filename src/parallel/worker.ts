import { parentPort, workerData } from 'node:worker_threads'
import { parseCommand } from '../cli/args.js'
import type { FixOptions } from '../fix-files.js'
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol.js'
import { runTask } from './tasks.js'

// A worker thread of the pool: plans the run from the same arguments as the main thread (so
// config files, packs and presets resolve with the same functions), then runs tasks one at a time.

type Planner = (paths: readonly string[]) => Promise<Map<string, FixOptions>>

async function plannerFor(init: WorkerInit): Promise<{ planner: Planner; paths: string[] }> {
  if (init.command === 'lint') {
    const { lintFlags, planLint } = await import('../cli/commands/lint.js')
    const { values, positionals } = parseCommand('lint', init.args, lintFlags)
    const planner: Planner = async (paths) => {
      const plan = await planLint(values, paths, init.cwd)
      return new Map(plan.checks.map((c) => [c.target.path, c.options]))
    }
    return { planner, paths: positionals }
  }
  const { fixFlags, planFix } = await import('../cli/commands/fix.js')
  const { values, positionals } = parseCommand('fix', init.args, fixFlags)
  const unsafe = values.unsafe === true
  const planner: Planner = async (paths) => {
    const plan = await planFix(values, paths, init.cwd)
    return new Map(
      plan.checks.map((c) => [c.target.path, { ...c.options, ...(unsafe ? { unsafe } : {}) }]),
    )
  }
  return { planner, paths: positionals }
}

async function start(init: WorkerInit) {
  const { planner, paths } = await plannerFor(init)
  return { planner, planned: await planner(paths) }
}

const port = parentPort
if (port) {
  const init = workerData as WorkerInit
  const abort = new AbortController()
  const post = (reply: WorkerReply) => port.postMessage(reply)
  const ready = start(init)
  ready.then(
    () => post({ type: 'ready' }),
    (error: unknown) => post({ type: 'init-error', error: messageOf(error) }),
  )
  let queue = Promise.resolve()
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'abort') {
      abort.abort()
      return
    }
    queue = queue.then(async () => {
      try {
        const { planner, planned } = await ready
        // A file the run did not plan here (it appeared since): plan it alone.
        if (!planned.has(request.task.path)) {
          for (const [path, options] of await planner([request.task.path]))
            planned.set(path, options)
        }
        const result = await runTask(request.task, {
          options: (path) => planned.get(path),
          cwd: init.cwd,
          signal: abort.signal,
        })
        post({ type: 'result', result })
      } catch (error) {
        post({ type: 'error', error: messageOf(error) })
      }
    })
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
