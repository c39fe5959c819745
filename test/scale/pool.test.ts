import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planLint } from '../../src/cli/commands/lint.js'
import { Ordered } from '../../src/parallel/ordered.js'
import { WorkerFailure, WorkerPool } from '../../src/parallel/pool.js'
import type { Task, TaskResult } from '../../src/parallel/protocol.js'
import { runTask } from '../../src/parallel/tasks.js'
import { assertBuilt } from '../helpers/cli.js'
import { removeFolder, temporaryFolder } from '../helpers/fixtures.js'
import { writeCorpusFiles } from './helpers.js'

// The pool on its own (the built worker entry): tasks run on worker threads plan the run from
// the arguments and give what the main thread gives; a worker that cannot start fails its tasks
// with WorkerFailure (the caller then runs them itself).

let folder: string
let paths: string[]

beforeAll(async () => {
  assertBuilt()
  folder = await temporaryFolder('mtclean-pool-')
  paths = (await writeCorpusFiles(folder, 6, 8000)).map((p) => p.slice(folder.length + 1))
})
afterAll(() => removeFolder(folder))

async function local(task: Task): Promise<TaskResult> {
  const plan = await planLint({}, paths, folder)
  const options = new Map(plan.checks.map((c) => [c.target.path, c.options]))
  return runTask(task, { options: (p) => options.get(p), cwd: folder })
}

describe('WorkerPool', () => {
  it('runs every task on its worker threads with the results of the main thread', async () => {
    // No main-thread runner: every task must be run by a worker.
    const pool = new WorkerPool(2, { command: 'lint', args: ['.'], cwd: folder, env: {} })
    try {
      const tasks: Task[] = paths.map((path) => ({ kind: 'lint-file', path, keepFile: false }))
      const results = await Promise.all(tasks.map((task) => pool.run(task)))
      for (const [index, task] of tasks.entries()) {
        expect(results[index]).toEqual(await local(task))
      }
      const findings = results.flatMap((r) => (r.kind === 'lint-file' ? r.result.findings : []))
      expect(findings.length).toBeGreaterThan(20)
    } finally {
      await pool.close()
    }
  })

  it('fails the tasks of workers that cannot plan the run (a broken config)', async () => {
    const pool = new WorkerPool(1, {
      command: 'lint',
      args: ['--config', join(folder, 'missing.yaml'), '.'],
      cwd: folder,
      env: {},
    })
    try {
      await expect(
        pool.run({ kind: 'lint-file', path: paths[0]!, keepFile: false }),
      ).rejects.toBeInstanceOf(WorkerFailure)
    } finally {
      await pool.close()
    }
  })

  it('hands tasks to the main-thread runner too, and keeps going when workers fail', async () => {
    const ran: number[] = []
    const pool = new WorkerPool(
      1,
      {
        command: 'lint',
        args: ['--config', join(folder, 'missing.yaml'), '.'],
        cwd: folder,
        env: {},
      },
      async (task) => {
        ran.push(threadId)
        return local(task)
      },
    )
    try {
      const results = await Promise.all(
        paths.map((path) =>
          pool.run({ kind: 'lint-file', path, keepFile: false }).catch((error: unknown) => error),
        ),
      )
      // Tasks the failed worker held fail with WorkerFailure; the main thread ran the rest.
      const failed = results.filter((r) => r instanceof WorkerFailure)
      expect(failed.length + ran.length).toBe(paths.length)
      expect(ran.length).toBeGreaterThan(0)
      expect(new Set(ran)).toEqual(new Set([threadId]))
    } finally {
      await pool.close()
    }
  })
})

describe('Ordered', () => {
  it('hands results over in the order the work was added, with at most `width` in flight', async () => {
    const seen: number[] = []
    let inFlight = 0
    let most = 0
    const order = new Ordered<number>(3, (value) => {
      seen.push(value)
    })
    for (let i = 0; i < 20; i++) {
      inFlight++
      most = Math.max(most, inFlight)
      const delay = (i * 7) % 5
      await order.add(
        new Promise<number>((done) =>
          setTimeout(() => {
            inFlight--
            done(i)
          }, delay),
        ),
      )
    }
    await order.drain()
    expect(seen).toEqual([...Array(20).keys()])
    expect(most).toBeLessThanOrEqual(3)
  })
})
