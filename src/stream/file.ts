import type { Finding } from '../engine/types.js'
import { interruptedMessage } from '../io/atomic-write.js'
import { Ordered } from '../parallel/ordered.js'
import { colorize, composeRegions, unifiedDiff } from '../report/diff.js'
import { err, ok, type Result } from '../result.js'
import { AtomicStreamWriter } from './atomic.js'
import { type Block, Blocker, type BlockSizes } from './blocks.js'
import {
  type BlockFix,
  countBreaks,
  type Place,
  placeFindings,
  type RelativeFinding,
} from './check.js'
import { ChunkEncoder, type FileScan, readDecoded } from './decode.js'

/** Runs block checks in this thread or on a worker pool. */
export interface BlockRunner {
  lint(path: string, block: Block): Promise<Result<RelativeFinding[]>>
  fix(path: string, block: Block): Promise<Result<BlockFix>>
  /** Blocks started ahead at most (1 runs them one by one). */
  width: number
}

/**
 * Read a file twice in chunks: once to check that it decodes (so a binary or undecodable file
 * gets one error and no findings, as a whole file would), once to check it block by block. The
 * second read must see the same bytes.
 */
async function passes(
  absolute: string,
  onBlock: (block: Block) => Promise<void>,
  sizes: BlockSizes,
  signal?: AbortSignal,
  onScan?: (scan: FileScan) => void,
): Promise<Result<FileScan & { cutLines: number }>> {
  const scan = await readDecoded(absolute, () => {}, signal)
  if (!scan.ok) return scan
  onScan?.(scan.value)
  const blocker = new Blocker(sizes)
  const read = await readDecoded(
    absolute,
    async (text) => {
      for (const block of blocker.push(text)) await onBlock(block)
    },
    signal,
  )
  if (!read.ok) return read
  for (const block of blocker.end()) await onBlock(block)
  if (read.value.sha256 !== scan.value.sha256) return err('changed while it was being read')
  return ok({ ...read.value, cutLines: blocker.cutLines })
}

/** What a streamed lint gives besides its findings. */
export interface StreamedLint {
  size: number
  /** Lines longer than the piece size, checked in pieces. */
  cutLines: number
}

/**
 * Lint a plain-text file of any size in bounded memory: blocks are checked (here or on
 * workers) and their findings handed to `onFindings` in order, as they are found.
 */
export async function streamLintFile(
  path: string,
  absolute: string,
  runner: BlockRunner,
  sizes: BlockSizes,
  onFindings: (findings: Finding[]) => Promise<void> | void,
): Promise<Result<StreamedLint>> {
  let failure: string | undefined
  const order = new Ordered<[Block, Result<RelativeFinding[]>]>(
    runner.width,
    async ([block, r]) => {
      if (!r.ok) {
        failure ??= r.error
        return
      }
      if (failure || r.value.length === 0) return
      await onFindings(placeFindings(r.value, block))
    },
  )
  const done = await passes(
    absolute,
    (block) => order.add(runner.lint(path, block).then((r) => [block, r] as const)),
    sizes,
  )
  await order.drain()
  if (!done.ok) return done
  if (failure) return err(failure)
  return ok({ size: done.value.size, cutLines: done.value.cutLines })
}

/** How to write a streamed fix. */
export interface StreamFixSettings {
  mode: 'preview' | 'write' | 'output-dir'
  /** Where the fixed text goes (`write`: the file itself; `output-dir`: its copy). */
  destination?: string
  /** Preview: colour the diff. */
  diffColor?: boolean
  /** Abandon the write (before the rename) when aborted. */
  signal?: AbortSignal
  /** Called before the temporary file is created; false skips the write as interrupted. */
  beforeWrite?: (destination: string) => Promise<boolean> | boolean
  /** Called just before the rename; false abandons the write as interrupted. */
  beforeRename?: (temporary: string) => Promise<boolean> | boolean
}

/** Callbacks of a streamed fix, in order. */
export interface StreamFixSink {
  /** Findings left, in the fixed text's offsets, block by block. */
  findings(findings: Finding[]): Promise<void> | void
  /** Changes applied in a block (offsets relative to the block's start in the input). */
  applied(changes: BlockFix['applied'], inputOffset: number): Promise<void> | void
  /** A piece of the preview diff. */
  diff?(text: string): Promise<void> | void
}

/** What a streamed fix did. */
export interface StreamedFix {
  size: number
  changed: boolean
  /** Lines longer than the piece size, fixed in pieces. */
  cutLines: number
}

/**
 * Fix a plain-text file of any size in bounded memory: blocks are fixed in order and written
 * through a temporary file as they come; at the end the file is replaced atomically if it is
 * unchanged on disk since it was read (or, previewing, a diff is printed block by block). Nothing
 * is replaced when no block changed or anything failed.
 */
export async function streamFixFile(
  path: string,
  absolute: string,
  runner: BlockRunner,
  sizes: BlockSizes,
  settings: StreamFixSettings,
  sink: StreamFixSink,
): Promise<Result<StreamedFix>> {
  let writer: AtomicStreamWriter | undefined
  let encoder: ChunkEncoder | undefined
  let failure: string | undefined
  let changed = false
  let headers = true
  const output: Place & { newlines: number } = { offset: 0, line: 1, column: 1, newlines: 0 }
  let started = false
  const start = async (): Promise<boolean> => {
    if (started) return failure === undefined
    started = true
    if (settings.mode === 'preview') return true
    if (settings.beforeWrite && !(await settings.beforeWrite(settings.destination!))) {
      failure = interruptedMessage
      return false
    }
    const opened = await AtomicStreamWriter.open(settings.destination!, {
      mustExist: settings.mode === 'write',
    })
    if (!opened.ok) failure = opened.error
    else writer = opened.value
    return opened.ok
  }
  const order = new Ordered<[Block, Result<BlockFix>]>(runner.width, async ([block, r]) => {
    if (failure) return
    if (!r.ok) {
      failure = r.error
      return
    }
    if (!(await start())) return
    const fixed = r.value
    const before = block.text.slice(block.start, block.end)
    const place: Place = { offset: output.offset, line: output.line, column: output.column }
    if (fixed.output !== before) changed = true
    if (writer && encoder) {
      const written = await writer.write(encoder.encode(fixed.output))
      if (!written.ok) {
        failure = written.error
        return
      }
    }
    if (settings.mode === 'preview' && fixed.output !== before && sink.diff) {
      const regions = composeRegions([...groupByPass(fixed.applied)])
      let text = unifiedDiff(path, before, fixed.output, { color: false, regions })
      text = shiftHunks(text, block.newlines, output.newlines)
      if (!headers) text = text.slice(text.indexOf('\n@@') + 1)
      headers = false
      await sink.diff(settings.diffColor ? colorize(text) : text)
    }
    if (fixed.remaining.length > 0) await sink.findings(placeFindings(fixed.remaining, place))
    if (fixed.applied.length > 0) await sink.applied(fixed.applied, block.offset)
    advance(output, fixed.output)
  })
  let read: Result<FileScan & { cutLines: number }>
  try {
    read = await passes(
      absolute,
      async (block) => {
        if (!failure) await order.add(runner.fix(path, block).then((r) => [block, r] as const))
      },
      sizes,
      settings.signal,
      (scan) => {
        encoder = new ChunkEncoder(scan.encoding)
      },
    )
    await order.drain()
  } catch (error) {
    // A worker that failed: nothing is replaced.
    await writer?.abort()
    return err(`not written: ${error instanceof Error ? error.message : String(error)}`)
  }
  const problem = !read.ok
    ? read.error === 'changed while it was being read'
      ? 'changed on disk since it was read; not written'
      : read.error
    : failure
  if (problem || !read.ok) {
    await writer?.abort()
    return err(problem === 'interrupted' ? interruptedMessage : (problem ?? 'not written'))
  }
  if (writer) {
    if (!changed && settings.mode === 'write') await writer.abort()
    else {
      const committed = await writer.commit(
        settings.mode === 'write'
          ? { size: read.value.size, sha256: read.value.sha256 }
          : undefined,
        settings.signal,
        settings.beforeRename,
      )
      if (!committed.ok) return committed
    }
  } else if (settings.mode === 'output-dir') {
    // An empty file gives one empty block, so `start` always ran; this is a safeguard.
    return err('nothing was written')
  }
  return ok({ size: read.value.size, changed, cutLines: read.value.cutLines })
}

function* groupByPass(
  applied: BlockFix['applied'],
): Generator<BlockFix['applied'][number]['edits']> {
  let pass = 1
  let edits: BlockFix['applied'][number]['edits'] = []
  for (const change of applied) {
    while (change.pass > pass) {
      yield edits
      edits = []
      pass++
    }
    edits.push(...change.edits)
  }
  if (edits.length > 0) yield edits
}

// Move a block's hunk headers to the block's lines in the whole old and new texts.
function shiftHunks(diff: string, oldBase: number, newBase: number): string {
  return diff.replace(
    /^@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@/gm,
    (_all, a: string, b: string, c: string, d: string) =>
      `@@ -${Number(a) + oldBase}${b} +${Number(c) + newBase}${d} @@`,
  )
}

// Advance a place past text (lines as vfile-location counts them; line feeds for diffs).
function advance(place: Place & { newlines: number }, text: string) {
  place.offset += text.length
  const breaks = countBreaks(text)
  if (breaks === 0) {
    place.column += text.length
    return
  }
  place.line += breaks
  let newlines = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++
  place.newlines += newlines
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
  place.column = text.length - lastBreak
}
