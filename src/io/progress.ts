import type { Output } from '../cli/io.js'

/** Where and how to draw a progress bar. */
export interface ProgressOptions {
  stream: Output
  /** Files to process. */
  total: number
  /** Bytes to process, when known: the ETA then follows bytes rather than files. */
  totalBytes?: number
  /** Milliseconds since some fixed point; injectable for tests. */
  now?: () => number
  /** Draw nothing until this many milliseconds have passed (short runs never show a bar). */
  delay?: number
  /** Redraw at most this often, in milliseconds. */
  interval?: number
}

/** A progress bar on one terminal line. */
export interface Progress {
  /** One more file is done; `bytes` is its size. */
  advance(bytes: number): void
  /** Print a whole line above the bar (the bar is redrawn below it). */
  log(text: string): void
  /** Take the bar off the line (before other output to the same terminal); the next update redraws it. */
  clear(): void
  /** Remove the bar. */
  done(): void
}

/** What a progress line shows. */
export interface ProgressState {
  done: number
  total: number
  bytes: number
  totalBytes?: number
  /** Seconds since the start. */
  elapsed: number
  /** Terminal width. */
  columns: number
}

/**
 * Whether to show a progress bar on `stream`: only on a terminal, and never in CI (`CI` set to
 * anything but '', '0' or 'false').
 */
export function wantsProgress(
  stream: Output,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const ci = env.CI
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false
  return stream.isTTY === true
}

/** Format a duration in seconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** The progress line: `[████░░░░] 12/40 files  3.2 MB/s  ETA 0:42`, fitted to `columns`. */
export function formatProgress(state: ProgressState): string {
  const { done, total, bytes, elapsed } = state
  const rate = elapsed > 0 ? bytes / 1e6 / elapsed : 0
  let eta = '--:--'
  if (done >= total) eta = '0:00'
  else if (elapsed > 0 && done > 0) {
    const left =
      state.totalBytes !== undefined && bytes > 0
        ? ((state.totalBytes - bytes) / bytes) * elapsed
        : ((total - done) / done) * elapsed
    eta = formatDuration(left)
  }
  const text = ` ${done}/${total} files  ${rate.toFixed(1)} MB/s  ETA ${eta}`
  const width = Math.max(0, Math.min(30, state.columns - text.length - 3))
  if (width < 5) return text.trimStart().slice(0, Math.max(0, state.columns - 1))
  const fraction = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(fraction * width)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${text}`
}

const clearLine = '\r\u001B[2K'

/** Start a progress bar; draws nothing before `delay` has passed. */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now())
  const delay = options.delay ?? 500
  const interval = options.interval ?? 100
  const started = now()
  let done = 0
  let bytes = 0
  let shown = false
  let lastDraw = Number.NEGATIVE_INFINITY
  let finished = false
  const draw = () => {
    const line = formatProgress({
      done,
      total: options.total,
      bytes,
      ...(options.totalBytes !== undefined ? { totalBytes: options.totalBytes } : {}),
      elapsed: (now() - started) / 1000,
      columns: options.stream.columns || 80, // 0 when the terminal size is unknown
    })
    options.stream.write(`${clearLine}${line}`)
    shown = true
    lastDraw = now()
  }
  return {
    advance(size) {
      if (finished) return
      done++
      bytes += size
      const time = now()
      if (time - started >= delay && time - lastDraw >= interval) draw()
    },
    log(text) {
      if (shown) options.stream.write(clearLine)
      options.stream.write(text.endsWith('\n') ? text : `${text}\n`)
      if (shown && !finished) draw()
    },
    clear() {
      if (shown) options.stream.write(clearLine)
      shown = false
      lastDraw = Number.NEGATIVE_INFINITY
    },
    done() {
      if (shown) options.stream.write(clearLine)
      shown = false
      finished = true
    },
  }
}

/** A progress bar that draws nothing, for pipes and CI; `log` still prints. */
export function silentProgress(stream: Output): Progress {
  return {
    advance() {},
    log(text) {
      stream.write(text.endsWith('\n') ? text : `${text}\n`)
    },
    clear() {},
    done() {},
  }
}
