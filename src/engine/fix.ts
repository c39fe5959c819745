import type { Edit, Finding } from './types.js'

/** A finding's change taken as one unit: all its edits, or none. */
export interface Change {
  ruleId: string
  edits: Edit[]
}

/** What one fix run did. */
export interface FixResult {
  /** The fixed text. */
  output: string
  /** Changes applied, in the offsets of the text they were applied to (pass by pass). */
  applied: Change[]
  /** The same changes grouped by pass: `steps[i]` is in the offsets of the text pass i+1 began with. */
  steps: Change[][]
  /** Passes run. */
  passes: number
  /** Findings left in `output` (by the last lint). */
  remaining: Finding[]
}

/** Which changes to take from findings. */
export interface FixSelection {
  /** Also take the first suggestion of findings without a safe fix. */
  unsafe?: boolean
  /** Stop after this many passes (ESLint's default: 10). */
  maxPasses?: number
}

/** The change `fix` would make for a finding, if any. */
export function changeOf(finding: Finding, unsafe = false): Change | undefined {
  if (finding.fix) return { ruleId: finding.ruleId, edits: [finding.fix] }
  const first = finding.suggestions[0]
  if (unsafe && first && first.edits.length > 0)
    return { ruleId: finding.ruleId, edits: first.edits }
  return undefined
}

function spanOf(change: Change): [number, number] {
  let start = Number.POSITIVE_INFINITY
  let end = Number.NEGATIVE_INFINITY
  for (const e of change.edits) {
    start = Math.min(start, e.start)
    end = Math.max(end, e.end)
  }
  return [start, end]
}

/**
 * Apply non-overlapping changes to a text, ESLint style: sorted by position, a change that
 * starts at or before the end of one already taken is left for the next pass.
 *
 * @returns The new text, the changes taken and those left.
 */
export function applyChanges(text: string, changes: readonly Change[]) {
  const sorted = [...changes].sort((a, b) => {
    const [as, ae] = spanOf(a)
    const [bs, be] = spanOf(b)
    return as - bs || ae - be
  })
  const taken: Change[] = []
  const left: Change[] = []
  let last = Number.NEGATIVE_INFINITY
  for (const change of sorted) {
    const [start, end] = spanOf(change)
    if (start <= last) {
      left.push(change)
      continue
    }
    taken.push(change)
    last = end
  }
  const edits = taken.flatMap((c) => c.edits).sort((a, b) => a.start - b.start || a.end - b.end)
  let output = ''
  let cursor = 0
  for (const edit of edits) {
    output += text.slice(cursor, edit.start) + edit.text
    cursor = edit.end
  }
  output += text.slice(cursor)
  return { output, taken, left }
}

/**
 * Fix a text until nothing fixable is left: lint, apply the non-overlapping changes, lint
 * again, at most `maxPasses` times; stop early if a pass produces a text seen before.
 *
 * @param text The text to fix.
 * @param lint Lints a text (the caller binds rules, settings and format).
 * @param selection Which changes to take.
 */
export function fixText(
  text: string,
  lint: (text: string) => Finding[],
  selection: FixSelection = {},
): FixResult {
  const maxPasses = selection.maxPasses ?? 10
  // Texts seen are remembered by a hash, so a long text is not kept once per pass.
  const seen = new Set<string>([fingerprint(text)])
  const applied: Change[] = []
  const steps: Change[][] = []
  let output = text
  let findings = lint(output)
  let passes = 0
  while (passes < maxPasses) {
    const changes = findings
      .map((f) => changeOf(f, selection.unsafe))
      .filter((c): c is Change => c !== undefined)
    if (changes.length === 0) break
    const next = applyChanges(output, changes)
    passes++
    const key = fingerprint(next.output)
    if (next.output === output || seen.has(key)) break
    seen.add(key)
    applied.push(...next.taken)
    steps.push(next.taken)
    output = next.output
    findings = lint(output)
  }
  return { output, applied, steps, passes, remaining: findings }
}

// cyrb53 over UTF-16 code units, with the length: a collision only ends fixing a pass early.
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${text.length}:${(h2 >>> 0).toString(36)}:${(h1 >>> 0).toString(36)}`
}
