import { type BilingualOptions, lintBilingual, readBilingual } from './bilingual/index.js'
import { applyDirectives, directiveOptionsFor } from './directives.js'
import { type LintOptions, lintSegments } from './engine/lint.js'
import type { Finding } from './engine/types.js'
import { confineToProse, formatFor } from './formats/index.js'
import { decodeText, readTextFile, type TextFile } from './io/text-file.js'
import type { Target } from './io/walk.js'
import { err, ok, type Result } from './result.js'

/** One checked file: its findings, or the one problem that stopped it. */
export interface FileResult {
  /** The path as given on the command line (`-` for stdin). */
  path: string
  /** The file as read, when it was read. */
  file?: TextFile
  findings: Finding[]
  /** Why the file could not be checked (unreadable, binary, malformed…). */
  error?: string
}

/** How to check files. */
export interface CheckOptions {
  lint: LintOptions
  /** Force a format instead of choosing by file ending. */
  formatName?: string
  /** Add `unused-disable` findings for inline disable comments that suppress nothing. */
  reportUnusedDisables?: boolean
  /** Bilingual input: a line-aligned source file (`--source`), TSV/JSONL field names. */
  bilingual?: BilingualOptions
}

/** Lint the text of one source, choosing the format by path (or `formatName`). */
export function lintSource(path: string, text: string, options: CheckOptions): Result<Finding[]> {
  // Bilingual input (XLIFF/PO with Chinese sources, TSV/JSONL with source and target fields,
  // `--source`) also gets the bilingual checks; its reader supplies the target segments.
  const bilingual = readBilingual(path, text, options.formatName, options.bilingual)
  if (!bilingual.ok) return bilingual
  const format = formatFor(path, options.formatName)
  if (!format && !bilingual.value) return err(`unknown input format '${options.formatName}'`)
  const segments = bilingual.value ? ok(bilingual.value.segments) : format!.extract(text)
  if (!segments.ok) return segments
  const confined = confineToProse(
    lintSegments(text, segments.value, options.lint),
    segments.value,
    text,
  )
  const findings = bilingual.value
    ? lintBilingual(text, bilingual.value, confined, options.lint)
    : confined
  return ok(
    applyDirectives(
      text,
      findings,
      directiveOptionsFor(options.lint, options.reportUnusedDisables),
    ),
  )
}

/** Read all of a stream into bytes. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/** Read (from disk or stdin) and lint one target. Never throws for bad input. */
export async function checkTarget(
  target: Target,
  options: CheckOptions,
  stdin: NodeJS.ReadableStream,
  cwd: string,
): Promise<FileResult> {
  if ('error' in target) return { path: target.path, findings: [], error: target.error }
  let file: TextFile
  if (target.path === '-') {
    const bytes = await readStream(stdin)
    const decoded = decodeText(bytes)
    if (!decoded.ok) return { path: '-', findings: [], error: decoded.error }
    file = {
      path: '-',
      text: decoded.value.text,
      encoding: decoded.value.encoding,
      bytes,
      mode: 0o644,
    }
  } else {
    const read = await readTextFile(
      target.path.startsWith('/') ? target.path : `${cwd}/${target.path}`,
    )
    if (!read.ok) return { path: target.path, findings: [], error: read.error }
    file = { ...read.value, path: target.path }
  }
  const findings = lintSource(
    target.path === '-' ? (options.formatName ?? 'stdin.txt') : target.path,
    file.text,
    options,
  )
  if (!findings.ok) return { path: target.path, file, findings: [], error: findings.error }
  return { path: target.path, file, findings: findings.value }
}
