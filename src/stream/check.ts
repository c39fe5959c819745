import { type Change, fixText } from '../engine/fix.js'
import type { Finding } from '../engine/types.js'
import type { FixOptions } from '../fix-files.js'
import { type CheckOptions, lintSource } from '../pipeline.js'
import { err, ok, type Result } from '../result.js'
import type { Block } from './blocks.js'

/**
 * Findings of one block, placed relative to the block's region: offsets from its start, `line`
 * as lines after its first line (0 = the first), columns as in that line when `line` is 0
 * (add the region's own column, minus 1, to place them in the whole text).
 */
export type RelativeFinding = Finding

/** Where a block's region starts in a whole text: offset, 1-based line and column. */
export interface Place {
  offset: number
  line: number
  column: number
}

/** Count line breaks as vfile-location does: `\r\n`, `\r` and `\n` each end a line. */
export function countBreaks(text: string, from = 0, to = text.length): number {
  let breaks = 0
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) breaks++
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) breaks++
  }
  return breaks
}

/**
 * Move region-relative findings to their place in a whole text. The findings are moved in place:
 * they are the fresh copies `lintBlock` and `fixBlock` made (or a worker's, cloned on arrival).
 */
export function placeFindings(findings: RelativeFinding[], place: Place): Finding[] {
  for (const f of findings) {
    if (f.line === 0) f.column += place.column - 1
    if (f.endLine === 0) f.endColumn += place.column - 1
    f.start += place.offset
    f.end += place.offset
    f.line += place.line
    f.endLine += place.line
    if (f.fix) f.fix = shiftEdit(f.fix, place.offset)
    f.suggestions = f.suggestions.map((s) => ({
      label: s.label,
      edits: s.edits.map((e) => shiftEdit(e, place.offset)),
    }))
  }
  return findings
}

function shiftEdit<E extends { start: number; end: number }>(edit: E, by: number): E {
  return { ...edit, start: edit.start + by, end: edit.end + by }
}

// Make findings of `text` relative to the region starting at `start` (see RelativeFinding).
function relative(findings: readonly Finding[], text: string, start: number): RelativeFinding[] {
  if (findings.length === 0) return []
  const firstLine = 1 + countBreaks(text, 0, start)
  return findings.map((f) => ({
    ...f,
    start: f.start - start,
    end: f.end - start,
    line: f.line - firstLine,
    endLine: f.endLine - firstLine,
    fix: f.fix ? shiftEdit(f.fix, -start) : null,
    suggestions: f.suggestions.map((s) => ({
      label: s.label,
      edits: s.edits.map((e) => shiftEdit(e, -start)),
    })),
  }))
}

function inRegion(finding: Finding, start: number, end: number, last: boolean): boolean {
  return finding.start >= start && (finding.start < end || (last && finding.start === end))
}

/**
 * Lint one block of a streamed plain-text file with the same pipeline as a whole file, and
 * keep the findings that start in its region (relative to it).
 *
 * @param path The file's path (chooses the format: plain text).
 */
export function lintBlock(
  path: string,
  block: Block,
  options: CheckOptions,
): Result<RelativeFinding[]> {
  const result = lintSource(path, block.text, options)
  if (!result.ok) return result
  const kept = result.value.filter((f) => inRegion(f, block.start, block.end, block.last))
  return ok(relative(kept, block.text, block.start))
}

/** What fixing one block gave. */
export interface BlockFix {
  /** The region's fixed text. */
  output: string
  /** Findings left, relative to the fixed region. */
  remaining: RelativeFinding[]
  /** Changes applied, by pass, with offsets relative to the region in that pass's text. */
  applied: { ruleId: string; pass: number; edits: Change['edits'] }[]
}

class Broken extends Error {}

/**
 * Fix one block: the fixer runs on the block's text (context included, so rules see the same
 * neighbours as in the whole file) but only takes changes whose edits stay in the region;
 * findings starting in the region whose edits reach outside it are left for review.
 */
export function fixBlock(path: string, block: Block, options: FixOptions): Result<BlockFix> {
  const { start } = block
  const after = block.text.length - block.end
  const original = new WeakMap<Finding, Finding>()
  const lint = (text: string): Finding[] => {
    const result = lintSource(path, text, options)
    if (!result.ok) throw new Broken(result.error)
    const end = text.length - after
    const kept: Finding[] = []
    for (const finding of result.value) {
      if (!inRegion(finding, start, end, block.last)) continue
      const edits = [
        ...(finding.fix ? [finding.fix] : []),
        ...finding.suggestions.flatMap((s) => s.edits),
      ]
      if (edits.every((e) => e.start >= start && e.end <= end)) kept.push(finding)
      else {
        const stripped = { ...finding, fix: null, suggestions: [] }
        original.set(stripped, finding)
        kept.push(stripped)
      }
    }
    return kept
  }
  let fixed: ReturnType<typeof fixText>
  try {
    fixed = fixText(block.text, lint, {
      ...(options.unsafe ? { unsafe: true } : {}),
      ...(options.maxPasses !== undefined ? { maxPasses: options.maxPasses } : {}),
    })
  } catch (error) {
    if (error instanceof Broken) return err(error.message)
    throw error
  }
  const output = fixed.output.slice(start, fixed.output.length - after)
  if (
    !fixed.output.startsWith(block.text.slice(0, start)) ||
    !fixed.output.endsWith(block.text.slice(block.end))
  ) {
    throw new Error('a streamed fix changed text outside its block')
  }
  const remaining = relative(
    fixed.remaining.map((f) => original.get(f) ?? f),
    fixed.output,
    start,
  )
  const applied = fixed.steps.flatMap((step, index) =>
    step.map((change) => ({
      ruleId: change.ruleId,
      pass: index + 1,
      edits: change.edits.map((e) => shiftEdit(e, -start)),
    })),
  )
  return ok({ output, remaining, applied })
}
