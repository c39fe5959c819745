import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collect: (() => void) | undefined | null

// V8's `gc`, made available at run time (null when the engine refuses).
function collector(): (() => void) | null {
  if (collect !== undefined) return collect
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    collect = typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    collect = null
  }
  return collect
}

/**
 * Keep the main thread's heap near what it holds during a long run. V8 sizes the heap for
 * speed on a machine with much memory and lets garbage pile up; streaming a large file makes
 * garbage fast. While the guard runs, a full collection happens whenever the used heap passes
 * `limit` bytes (checked every 50 ms; a few collections per run). Workers have their own heap
 * limits instead. Returns a function that stops the guard.
 */
export function guardHeap(limit = 64 * 1024 * 1024): () => void {
  const gc = collector()
  if (!gc) return () => {}
  const timer = setInterval(() => {
    if (process.memoryUsage().heapUsed > limit) gc()
  }, 50)
  timer.unref()
  return () => clearInterval(timer)
}
