import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { parseJson } from './config/load.js'
import type { Finding } from './engine/types.js'
import { writeFileAtomic } from './io/atomic-write.js'
import { describeFsError } from './io/text-file.js'
import { err, ok, type Result } from './result.js'

/** One accepted finding: rule, file, and a fingerprint of the flagged text and its context. */
export interface BaselineEntry {
  /** The file, relative to the baseline file's folder, with `/` separators. */
  file: string
  rule: string
  /** Hash of the rule id, the flagged text and up to 24 characters either side on its line. */
  fingerprint: string
  /** How many findings share this file, rule and fingerprint. */
  count: number
  /** The flagged text, for people reading the file. */
  text: string
}

/** A baseline file's content. */
export interface Baseline {
  version: 1
  entries: BaselineEntry[]
}

/** A checked file as the baseline needs it. */
export interface BaselineInput {
  /** Path as given (relative to cwd, or absolute; `-` for stdin). */
  path: string
  /** The source text the findings refer to, when the file was read. */
  source?: string
  findings: Finding[]
}

const contextWidth = 24

/** An empty baseline. */
export function emptyBaseline(): Baseline {
  return { version: 1, entries: [] }
}

/**
 * A finding's fingerprint: independent of line numbers, so inserting text above it keeps it;
 * editing the flagged text or its nearby context on the same line changes it.
 */
export function fingerprint(
  finding: Pick<Finding, 'ruleId' | 'start' | 'end'>,
  source: string,
): string {
  const lineStart = source.lastIndexOf('\n', finding.start - 1) + 1
  let lineEnd = source.indexOf('\n', finding.end)
  if (lineEnd === -1) lineEnd = source.length
  const before = source.slice(Math.max(lineStart, finding.start - contextWidth), finding.start)
  const after = source.slice(finding.end, Math.min(lineEnd, finding.end + contextWidth))
  const squash = (text: string) => text.replace(/\s+/g, ' ')
  const key = [
    finding.ruleId,
    squash(before),
    source.slice(finding.start, finding.end),
    squash(after),
  ]
  return createHash('sha256').update(key.join('\0')).digest('hex').slice(0, 20)
}

/** The key a file has in a baseline stored at `baselineFile`. */
export function baselineFileKey(baselineFile: string, path: string, cwd: string): string {
  if (path === '-') return '<stdin>'
  const rel = relative(dirname(resolve(cwd, baselineFile)), resolve(cwd, path))
  return isAbsolute(rel) ? rel : rel.split(sep).join('/')
}

/** Read a baseline file; a missing file is an error unless `missingOk` (then it is empty). */
export async function readBaseline(path: string, missingOk = false): Promise<Result<Baseline>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return ok(emptyBaseline())
    return err(`${path}: cannot read baseline: ${describeFsError(error)}`)
  }
  const parsed = parseJson(text)
  if (!parsed.ok) return err(`${path}: ${parsed.error}`)
  return checkBaseline(parsed.value, path)
}

function checkBaseline(value: unknown, path: string): Result<Baseline> {
  const expected = `${path}: expected a baseline written by 'mtclean lint --update-baseline'`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err(`${expected}`)
  const record = value as Record<string, unknown>
  if (record.version !== 1)
    return err(`${path}: version: expected 1, got ${String(record.version)}`)
  if (!Array.isArray(record.entries)) return err(`${path}: entries: expected a list`)
  const entries: BaselineEntry[] = []
  for (const [index, entry] of record.entries.entries()) {
    const e = entry as Partial<BaselineEntry> | null
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof e.file !== 'string' ||
      typeof e.rule !== 'string' ||
      typeof e.fingerprint !== 'string' ||
      typeof e.count !== 'number' ||
      !Number.isInteger(e.count) ||
      e.count < 1
    ) {
      return err(`${path}: entries[${index}]: expected {file, rule, fingerprint, count, text}`)
    }
    entries.push({
      file: e.file,
      rule: e.rule,
      fingerprint: e.fingerprint,
      count: e.count,
      text: String(e.text ?? ''),
    })
  }
  return ok({ version: 1, entries })
}

/** Serialise a baseline: entries sorted, one stable document. */
export function formatBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(
    (a, b) =>
      compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint),
  )
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Write a baseline file atomically, creating its folder when missing. */
export async function writeBaseline(path: string, baseline: Baseline): Promise<Result<void>> {
  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (error) {
    return err(`${path}: cannot create its folder: ${describeFsError(error)}`)
  }
  const written = await writeFileAtomic(path, Buffer.from(formatBaseline(baseline)))
  return written.ok ? written : err(`${path}: ${written.error}`)
}

const entryKey = (file: string, rule: string, print: string) => `${file}\0${rule}\0${print}`

/** What comparing findings with a baseline found. */
export interface BaselineMatch {
  /** Per input, the findings the baseline does not hold. */
  fresh: Finding[][]
  /** How many findings the baseline held. */
  matched: number
  /** Entries (with the count left over) for checked or deleted files that matched nothing. */
  stale: BaselineEntry[]
}

/**
 * Compare findings with a baseline. Entries are counted: two identical findings need an entry
 * with count 2. Entries for files not checked in this run, or (with `ranRules`) of rules that
 * did not run, are neither matched nor stale, unless the file no longer exists.
 */
export function matchBaseline(
  baseline: Baseline,
  baselineFile: string,
  inputs: readonly BaselineInput[],
  cwd: string,
  ranRules?: ReadonlySet<string>,
): BaselineMatch {
  const left = new Map<string, number>()
  for (const e of baseline.entries) {
    const key = entryKey(e.file, e.rule, e.fingerprint)
    left.set(key, (left.get(key) ?? 0) + e.count)
  }
  const checked = new Set<string>()
  let matched = 0
  const fresh = inputs.map((input) => {
    const file = baselineFileKey(baselineFile, input.path, cwd)
    checked.add(file)
    if (input.source === undefined) return input.findings
    return input.findings.filter((finding) => {
      const key = entryKey(file, finding.ruleId, fingerprint(finding, input.source!))
      const count = left.get(key) ?? 0
      if (count === 0) return true
      left.set(key, count - 1)
      matched++
      return false
    })
  })
  const base = dirname(resolve(cwd, baselineFile))
  const stale: BaselineEntry[] = []
  for (const e of baseline.entries) {
    const key = entryKey(e.file, e.rule, e.fingerprint)
    const count = left.get(key) ?? 0
    if (count === 0) continue
    if (checked.has(e.file) ? ranRules && !ranRules.has(e.rule) : fileExists(base, e.file)) continue
    const take = Math.min(count, e.count)
    left.set(key, count - take)
    stale.push({ ...e, count: take })
  }
  return { fresh, matched, stale }
}

function fileExists(base: string, file: string): boolean {
  return file === '<stdin>' || existsSync(resolve(base, file))
}

/**
 * A new baseline recording the current findings of the checked files; entries for files not
 * checked (or, with `ranRules`, of rules that did not run) are kept while the file exists,
 * entries of deleted files are dropped.
 *
 * @returns The baseline, how many findings it records for checked files, and how many old
 *   entries (counted) were pruned.
 */
export function updateBaseline(
  previous: Baseline,
  baselineFile: string,
  inputs: readonly BaselineInput[],
  cwd: string,
  ranRules?: ReadonlySet<string>,
): { baseline: Baseline; recorded: number; pruned: number } {
  const { stale } = matchBaseline(previous, baselineFile, inputs, cwd, ranRules)
  const checked = new Set(inputs.map((i) => baselineFileKey(baselineFile, i.path, cwd)))
  const counts = new Map<string, BaselineEntry>()
  const add = (entry: BaselineEntry) => {
    const key = entryKey(entry.file, entry.rule, entry.fingerprint)
    const existing = counts.get(key)
    if (existing) existing.count += entry.count
    else counts.set(key, { ...entry })
  }
  const staleKeys = new Set(stale.filter((e) => !checked.has(e.file)).map((e) => e.file))
  for (const e of previous.entries) {
    // Kept: entries of files not checked (unless deleted) and of rules that did not run.
    if (checked.has(e.file) ? ranRules && !ranRules.has(e.rule) : !staleKeys.has(e.file)) add(e)
  }
  let recorded = 0
  for (const input of inputs) {
    if (input.source === undefined) continue
    const file = baselineFileKey(baselineFile, input.path, cwd)
    for (const finding of input.findings) {
      add(entryOf(file, finding, input.source))
      recorded++
    }
  }
  const pruned = stale.reduce((sum, e) => sum + e.count, 0)
  return { baseline: { version: 1, entries: [...counts.values()] }, recorded, pruned }
}

function entryOf(file: string, finding: Finding, source: string): BaselineEntry {
  return {
    file,
    rule: finding.ruleId,
    fingerprint: fingerprint(finding, source),
    count: 1,
    text: finding.actual,
  }
}

/**
 * Record one finding in a baseline file (created when missing), so it is never reported again:
 * what the review UI's "skip for good" calls.
 *
 * @param baselineFile The baseline file (absolute or relative to `cwd`).
 * @param path The checked file the finding is in (absolute or relative to `cwd`).
 * @param finding The finding, with offsets into `source`.
 * @param source The text of the checked file.
 */
export async function addToBaseline(
  baselineFile: string,
  path: string,
  finding: Finding,
  source: string,
  cwd: string = process.cwd(),
): Promise<Result<void>> {
  const target = resolve(cwd, baselineFile)
  const read = await readBaseline(target, true)
  if (!read.ok) return read
  const entry = entryOf(baselineFileKey(target, path, cwd), finding, source)
  const existing = read.value.entries.find(
    (e) => e.file === entry.file && e.rule === entry.rule && e.fingerprint === entry.fingerprint,
  )
  if (existing) existing.count++
  else read.value.entries.push(entry)
  return writeBaseline(target, read.value)
}
