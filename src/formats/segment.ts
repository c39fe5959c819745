import { location } from 'vfile-location'
import type { Segment } from '../engine/lint.js'
import type { Edit, Finding } from '../engine/types.js'

/**
 * A source range of prose that edits may change. Runs of one segment are in source order;
 * between two runs lies markup the rules do not see (`joinBefore`) or opaque source.
 */
export interface Run {
  start: number
  end: number
  /** Index of the segment the run belongs to (set when runs are collected). */
  segment: number
  /** Only hidden markup separates this run from the previous run of its segment. */
  joinBefore: boolean
  /** Markup right before/after the run must keep its neighbour (Markdown emphasis). */
  sealedBefore: boolean
  sealedAfter: boolean
}

/**
 * A segment that knows which source bytes are prose. `runs` are the only source ranges an
 * edit may change; `opaque` ranges are shown to the rules as they are (code, placeholders)
 * but findings that touch them are dropped and no edit may change them.
 */
export interface ProseSegment extends Segment {
  runs?: readonly Run[]
  opaque?: readonly (readonly [number, number])[]
}

interface Unit {
  text: string
  start: number
  end: number
  /** `text` is exactly `source.slice(start, end)`, one code unit per code unit. */
  identity: boolean
  opaque: boolean
  /** Hidden markup lies between the previous unit and this one. */
  gap: 'none' | 'plain' | 'sealed'
  /** Start of this unit in the segment text (set on build). */
  at: number
}

const spaceOnly = /^[ \t\n\r\f\v\u00a0]*$/
const htmlSpace = /[ \t\n\f\r]+|[^ \t\n\f\r]+/g

/** Options for a segment builder. */
export interface BuilderOptions {
  /** Collapse runs of HTML whitespace into one space, as a browser renders them. */
  collapseWhitespace?: boolean
}

/**
 * Build one prose segment from pieces of a source text: copied slices, decoded escapes or
 * entities, and opaque source. Source between pieces is markup the rules do not see. The
 * result maps every offset of its text back to the source: a decoded character maps to the
 * start of its escape and the end of the text to the end of the last piece, so an edit never
 * splits an escape. Leading and trailing white space is left out.
 */
export class SegmentBuilder {
  readonly #source: string
  readonly #collapse: boolean
  #units: Unit[] = []
  #sealed = false
  #hasProse = false

  constructor(source: string, options: BuilderOptions = {}) {
    this.#source = source
    this.#collapse = options.collapseWhitespace === true
  }

  /** Whether nothing has been added yet. */
  get empty(): boolean {
    return this.#units.length === 0
  }

  /** Mark the markup at this point as sealed: no edit may touch its edges. */
  seal(): void {
    this.#sealed = true
  }

  /** Prose copied from `source[start, end)`; `\r\n` is seen by the rules as `\n`. */
  slice(start: number, end: number): void {
    if (end <= start) return
    const source = this.#source
    if (this.#collapse) {
      const chunk = source.slice(start, end)
      for (const match of chunk.matchAll(htmlSpace)) {
        const s = start + match.index
        const e = s + match[0].length
        if (/^[ \t\n\f\r]/.test(match[0])) {
          if (this.#endsInSpace()) continue
          this.#push(' ', s, e, match[0] === ' ', false)
        } else this.#push(match[0], s, e, true, false)
      }
      return
    }
    let cursor = start
    for (;;) {
      const cr = indexWithin(source, '\r\n', cursor, end)
      if (cr === -1) break
      if (cr > cursor) this.#push(source.slice(cursor, cr), cursor, cr, true, false)
      this.#push('\n', cr, cr + 2, false, false)
      cursor = cr + 2
    }
    if (cursor < end) this.#push(source.slice(cursor, end), cursor, end, true, false)
  }

  /** One decoded piece: `text` stands for `source[start, end)` (an escape or entity). */
  decoded(text: string, start: number, end: number): void {
    if (text === '') return
    if (this.#collapse && /^[ \t\n\f\r]+$/.test(text)) {
      if (this.#endsInSpace()) return
      this.#push(' ', start, end, false, false)
      return
    }
    this.#push(text, start, end, text === this.#source.slice(start, end), false)
  }

  /** Source the rules see as it is, but that no edit may change (code, placeholders). */
  opaque(start: number, end: number): void {
    if (end <= start) return
    this.#push(this.#source.slice(start, end), start, end, true, true)
  }

  #endsInSpace(): boolean {
    const last = this.#units.at(-1)
    return !this.#hasProse || last === undefined || (!last.opaque && /[ \t\n\f\r]$/.test(last.text))
  }

  #push(text: string, start: number, end: number, identity: boolean, opaque: boolean) {
    if (!opaque && !this.#hasProse && !this.#units.length) {
      // Leading white space is not part of the segment.
      if (spaceOnly.test(text)) return
      if (identity) {
        const trimmed = text.replace(/^[ \t\n\r\f\v\u00a0]+/, '')
        start += text.length - trimmed.length
        text = trimmed
      }
    }
    const last = this.#units.at(-1)
    const gap = last && last.end < start ? (this.#sealed ? 'sealed' : 'plain') : 'none'
    const sealedStart = !last && this.#sealed
    this.#sealed = false
    if (last && gap === 'none' && last.identity && identity && last.opaque === opaque) {
      last.text += text
      last.end = end
    } else {
      const unit: Unit = { text, start, end, identity, opaque, gap, at: 0 }
      if (sealedStart) unit.gap = 'sealed'
      this.#units.push(unit)
    }
    if (!opaque) this.#hasProse = true
  }

  /**
   * Finish the segment.
   *
   * @param encode Turns replacement text into source form (escaping), when the format has escapes.
   * @returns The segment, or undefined when it holds no prose.
   */
  build(encode?: (text: string) => string): ProseSegment | undefined {
    const units = this.#units
    let sealedAfter = this.#sealed
    // Trailing white space is not part of the segment.
    while (units.length > 0) {
      const last = units.at(-1)!
      if (last.opaque) break
      if (spaceOnly.test(last.text)) {
        units.pop()
        sealedAfter = false
        continue
      }
      if (last.identity) {
        let keep = last.text.length
        while (keep > 0 && spaceOnly.test(last.text[keep - 1]!)) keep--
        const trimmed = last.text.slice(0, keep)
        if (trimmed.length !== last.text.length) sealedAfter = false
        last.end -= last.text.length - trimmed.length
        last.text = trimmed
      }
      break
    }
    if (!units.some((u) => !u.opaque)) return undefined
    let text = ''
    for (const unit of units) {
      unit.at = text.length
      text += unit.text
    }
    const runs: Run[] = []
    const opaque: [number, number][] = []
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!
      if (unit.opaque) {
        const previous = opaque.at(-1)
        if (previous && previous[1] === unit.start) previous[1] = unit.end
        else opaque.push([unit.start, unit.end])
        continue
      }
      const before = units[i - 1]
      const run = runs.at(-1)
      if (run && before && !before.opaque && unit.gap === 'none') {
        run.end = unit.end
        continue
      }
      if (run) run.sealedAfter = unit.gap === 'sealed'
      runs.push({
        start: unit.start,
        end: unit.end,
        segment: 0,
        joinBefore: before !== undefined && !before.opaque && unit.gap !== 'none',
        sealedBefore: unit.gap === 'sealed',
        sealedAfter: false,
      })
    }
    const lastUnit = units.at(-1)!
    if (!lastUnit.opaque) runs.at(-1)!.sealedAfter = sealedAfter
    const first = units[0]!
    const segment: ProseSegment = { text, offset: first.start, runs, opaque }
    if (encode) segment.encode = encode
    if (units.length === 1 && first.identity && !first.opaque) return segment
    segment.toSource = (index: number) => {
      if (index >= text.length) return lastUnit.end
      let low = 0
      let high = units.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (units[middle]!.at <= index) low = middle
        else high = middle - 1
      }
      const unit = units[low]!
      return unit.identity ? unit.start + (index - unit.at) : unit.start
    }
    return segment
  }
}

/**
 * The first `needle` in `source[from, to)`, or -1. Unlike `indexOf` with a bound check after
 * it, this never scans past `to` (which would make a scan per piece quadratic).
 */
export function indexWithin(source: string, needle: string, from: number, to: number): number {
  if (from >= to) return -1
  const at = source.slice(from, to).indexOf(needle)
  return at === -1 ? -1 : from + at
}

/** A position in a source text, 1-based, for error messages. */
export function lineColumn(source: string, offset: number): string {
  let line = 1
  let lineStart = 0
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return `${line}:${offset - lineStart + 1}`
}

/**
 * Keep findings to the prose of their segments: drop findings that touch opaque source, and
 * drop any fix or suggestion whose edits would change a byte outside the prose runs (markup,
 * placeholders, the edges of sealed markup). Segments without runs are not restricted. With
 * the source, a finding that ends just after hidden markup (`59%**`) ends before it (`59%`).
 */
export function confineToProse(
  findings: Finding[],
  segments: readonly Segment[],
  source?: string,
): Finding[] {
  const runs: Run[] = []
  const opaque: (readonly [number, number])[] = []
  segments.forEach((segment, index) => {
    const prose = segment as ProseSegment
    for (const run of prose.runs ?? []) runs.push({ ...run, segment: index })
    opaque.push(...(prose.opaque ?? []))
  })
  if (runs.length === 0) return findings
  runs.sort((a, b) => a.start - b.start)
  opaque.sort((a, b) => a[0] - b[0])
  const place = source === undefined ? undefined : location(source)
  const out: Finding[] = []
  for (const original of findings) {
    if (touchesOpaque(opaque, original.start, original.end)) continue
    let finding = original
    const end = narrowEnd(runs, finding.start, finding.end)
    const point = end !== finding.end ? place?.toPoint(end) : undefined
    if (point && source !== undefined) {
      finding = {
        ...finding,
        end,
        endLine: point.line,
        endColumn: point.column,
        actual: source.slice(finding.start, end),
      }
    }
    const fix = finding.fix ? confineEdit(runs, finding.fix) : null
    const suggestions = finding.suggestions.flatMap((s) => {
      const edits = s.edits.map((e) => confineEdit(runs, e))
      return edits.every((e) => e !== null) ? [{ label: s.label, edits: edits as Edit[] }] : []
    })
    out.push({ ...finding, fix, suggestions })
  }
  return out
}

// An end at the start of a run joined over hidden markup ends, in prose terms, at the end of
// the previous run.
function narrowEnd(runs: readonly Run[], start: number, end: number): number {
  let low = 0
  let high = runs.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const run = runs[middle]!
    if (run.start === end) {
      const previous = runs[middle - 1]
      const joined = run.joinBefore && previous && previous.segment === run.segment
      return joined && start < previous.end ? previous.end : end
    }
    if (run.start < end) low = middle + 1
    else high = middle - 1
  }
  return end
}

function touchesOpaque(opaque: readonly (readonly [number, number])[], start: number, end: number) {
  // The last range that starts before `end` (or at `start` for an empty finding).
  let low = 0
  let high = opaque.length - 1
  let found = -1
  const limit = Math.max(end, start + 1)
  while (low <= high) {
    const middle = (low + high) >> 1
    if (opaque[middle]![0] < limit) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  if (found === -1) return false
  const [s, e] = opaque[found]!
  return start === end ? start > s && start < e : start < e && end > s
}

/** The edit, possibly narrowed over hidden markup, or null when it would change non-prose. */
function confineEdit(runs: readonly Run[], edit: Edit): Edit | null {
  let { start, end } = edit
  let low = 0
  let high = runs.length - 1
  let index = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (runs[middle]!.start <= start) {
      index = middle
      low = middle + 1
    } else high = middle - 1
  }
  if (index === -1) return null
  let run = runs[index]!
  const next = runs[index + 1]
  // An edit that starts at the end of a run starts, in prose terms, at the next joined run.
  if (start < end && start === run.end && next?.joinBefore && next.segment === run.segment) {
    if (end >= next.start) {
      start = next.start
      run = next
      index++
    }
  }
  const after = runs[index + 1]
  // An edit that ends at the start of the next joined run ends, in prose terms, here.
  if (start < end && after?.joinBefore && after.segment === run.segment && end === after.start) {
    end = run.end
  }
  if (start < run.start || end > run.end || start > end) return null
  if ((start === run.start && run.sealedBefore) || (end === run.end && run.sealedAfter)) return null
  return start === edit.start && end === edit.end ? edit : { start, end, text: edit.text }
}
