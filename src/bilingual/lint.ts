import { location } from 'vfile-location'
import { activate, compareFindings, type LintOptions, validateReport } from '../engine/lint.js'
import type { Edit, Finding, Report, Severity } from '../engine/types.js'
import type { AnyBilingualRule, BilingualDocument, BilingualPair, SourceSegment } from './types.js'

/** A finding with the Chinese source of its segment, for `review` to show above the target. */
/** A finding of bilingual input: an ordinary Finding, with `sourceSegment` set. */
export type BilingualFinding = Finding

/** The mark that stands for masked target text (inline codes, joints between pieces). */
export const maskChar = '\uFFFC'

interface ActiveBilingualRule {
  rule: AnyBilingualRule
  severity: Severity
  options: Record<string, unknown>
}

/** Resolve which bilingual rules run, with the same `only`/`disable`/settings as the engine. */
export function activateBilingualRules(
  rules: readonly AnyBilingualRule[],
  options: Pick<LintOptions, 'only' | 'disable' | 'settings'>,
): ActiveBilingualRule[] {
  return activate(rules, options)
}

/** The target text of a pair with its masked ranges replaced by U+FFFC (same length). */
export function maskedTarget(pair: BilingualPair): string {
  if (pair.masked.length === 0) return pair.target.text
  const chars = [...pair.target.text.split('')]
  for (const [start, end] of pair.masked) {
    for (let i = start; i < end && i < chars.length; i++) chars[i] = maskChar
  }
  return chars.join('')
}

interface PairReport extends Report {
  ruleId: string
  pair: number
}

/**
 * Run bilingual rules over the pairs of a document.
 *
 * @returns Reports with the index of their pair; offsets are in that pair's target text.
 */
export function runBilingualRules(
  document: BilingualDocument,
  active: readonly ActiveBilingualRule[],
): PairReport[] {
  const reports: PairReport[] = []
  const seen = document.pairs.map((pair) => ({
    source: pair.source.text,
    target: maskedTarget(pair),
    pair,
  }))
  const perPair = active.filter((a) => a.rule.checkPair)
  seen.forEach((view, index) => {
    // One context per pair; options and report change per rule, as in the monolingual engine.
    const context = { ...view, options: {} as Record<string, unknown>, report: (_: Report) => {} }
    for (const { rule, options } of perPair) {
      context.options = options
      context.report = (report) => {
        validateReport(rule, report, view.target.length)
        reports.push({ ...report, ruleId: rule.meta.id, pair: index })
      }
      rule.checkPair!(context)
    }
  })
  for (const { rule, options } of active) {
    if (!rule.checkPairs) continue
    rule.checkPairs({
      pairs: seen,
      options,
      report: (index, report) => {
        const view = seen[index]
        if (!view) throw new Error(`Rule ${rule.meta.id} reported on unknown pair ${index}`)
        validateReport(rule, report, view.target.length)
        reports.push({ ...report, ruleId: rule.meta.id, pair: index })
      },
    })
  }
  return reports
}

function toSourceOf(pair: BilingualPair) {
  const { target } = pair
  return (index: number) => {
    const local = Math.min(Math.max(index, 0), target.text.length)
    return target.toSource ? target.toSource(local) : target.offset + local
  }
}

/** An edit in file offsets, or null when it would touch masked text or markup. */
function mapEdit(file: string, pair: BilingualPair, view: string, edit: Edit): Edit | null {
  for (let i = edit.start; i < edit.end; i++) if (view[i] === maskChar) return null
  const toSource = toSourceOf(pair)
  const start = toSource(edit.start)
  const end = edit.end === edit.start ? start : toSource(edit.end)
  if (end < start || file.slice(start, end).includes('<')) return null
  const encode = pair.target.encode ?? ((t: string) => t)
  return { start, end, text: encode(edit.text) }
}

/** The file range a pair's target covers (empty targets: a point). */
export function targetRange(pair: BilingualPair): [number, number] {
  const toSource = toSourceOf(pair)
  return [toSource(0), toSource(pair.target.text.length)]
}

/**
 * Check a bilingual document: run the bilingual rules, turn their reports into Findings in
 * offsets of the checked file, give every finding inside a target (these and the monolingual
 * `findings`) its `sourceSegment`, and return all of them sorted.
 *
 * @param file The checked file's text.
 * @param document Its pairs, as a reader read them.
 * @param findings The monolingual findings of the same file.
 * @param rules The bilingual rules to choose from.
 * @param options Rule selection and settings, as for the monolingual engine.
 */
export function lintPairs(
  file: string,
  document: BilingualDocument,
  findings: readonly Finding[],
  rules: readonly AnyBilingualRule[],
  options: Pick<LintOptions, 'only' | 'disable' | 'settings'>,
): BilingualFinding[] {
  const active = activateBilingualRules(rules, options)
  const byId = new Map(active.map((a) => [a.rule.meta.id, a]))
  const views = document.pairs.map(maskedTarget)
  const place = location(file)
  const out: BilingualFinding[] = []
  for (const report of runBilingualRules(document, active)) {
    const pair = document.pairs[report.pair]!
    const toSource = toSourceOf(pair)
    const start = toSource(report.start)
    const end = Math.max(start, toSource(report.end))
    const view = views[report.pair]!
    const fix = report.fix ? mapEdit(file, pair, view, report.fix) : null
    const suggestions = (report.suggestions ?? []).flatMap((s) => {
      const edits = s.edits.map((e) => mapEdit(file, pair, view, e))
      return edits.every((e) => e !== null) ? [{ label: s.label, edits: edits as Edit[] }] : []
    })
    const { rule, severity } = byId.get(report.ruleId)!
    const from = place.toPoint(start)
    const to = place.toPoint(end)
    out.push({
      ruleId: report.ruleId,
      category: rule.meta.category,
      severity,
      message: report.message,
      line: from?.line ?? 1,
      column: from?.column ?? 1,
      endLine: to?.line ?? from?.line ?? 1,
      endColumn: to?.column ?? from?.column ?? 1,
      start,
      end,
      actual: file.slice(start, end),
      fix,
      suggestions,
      sourceSegment: pair.source,
    })
  }
  const ranges = document.pairs.map((pair) => ({ range: targetRange(pair), pair }))
  ranges.sort((a, b) => a.range[0] - b.range[0])
  // Findings of rules that supersede monolingual ones, by the pair they are in.
  const stronger = new Map<SourceSegment, BilingualFinding[]>()
  for (const f of out) {
    if (!byId.get(f.ruleId)?.rule.meta.supersedes?.length || !f.sourceSegment) continue
    const list = stronger.get(f.sourceSegment) ?? []
    list.push(f)
    stronger.set(f.sourceSegment, list)
  }
  for (const finding of findings) {
    const pair = pairAt(ranges, finding.start)
    const superseded = (pair ? (stronger.get(pair.source) ?? []) : []).some(
      (s) =>
        byId.get(s.ruleId)!.rule.meta.supersedes!.includes(finding.ruleId) &&
        s.start <= finding.start &&
        finding.end <= s.end,
    )
    if (superseded) continue
    out.push(pair ? { ...finding, sourceSegment: pair.source } : { ...finding })
  }
  return out.sort(compareFindings)
}

function pairAt(
  ranges: readonly { range: [number, number]; pair: BilingualPair }[],
  offset: number,
) {
  let low = 0
  let high = ranges.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (ranges[middle]!.range[0] <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  if (found === -1) return undefined
  const { range, pair } = ranges[found]!
  return offset <= range[1] ? pair : undefined
}
