import type { Root as NlcstRoot } from 'nlcst'
import retextEnglish from 'retext-english'
import { unified } from 'unified'
import { location } from 'vfile-location'
import { splitParagraphs } from './paragraphs.js'
import type {
  AnyRule,
  Edit,
  Finding,
  Paragraph,
  Report,
  RuleMeta,
  Severity,
  SeveritySetting,
  Suggestion,
} from './types.js'

/** A rule's configured severity, optionally with options, as in ESLint and unified-lint-rule. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>]

/** A rule made ready for one run: resolved severity and options. */
export interface ActiveRule {
  rule: AnyRule
  severity: Severity
  options: Record<string, unknown>
}

/**
 * A piece of prose in a source text. `text` is what the rules see; `toSource` maps an offset in
 * `text` (0…text.length) to an offset in the source, and `encode` turns replacement text into
 * source form (for formats with escapes). Plain text uses neither.
 */
export interface Segment {
  text: string
  offset: number
  toSource?: (index: number) => number
  encode?: (text: string) => string
}

/** Options for linting. */
export interface LintOptions {
  /** Rules to run; defaults to every built-in rule (passed by the caller to avoid a cycle). */
  rules: readonly AnyRule[]
  /** Per-rule severity or `[severity, options]`, by rule id. */
  settings?: Readonly<Record<string, RuleSetting>>
  /** When given, run only these rule ids. */
  only?: readonly string[]
  /** Rule ids not to run. */
  disable?: readonly string[]
}

const parser = unified().use(retextEnglish).freeze()

/** Parse one paragraph into an nlcst tree with the shared, frozen processor. */
export function parseParagraph(text: string): NlcstRoot {
  return parser.parse(text) as NlcstRoot
}

/** Resolve which rules run, with which severity and options. */
export function activateRules(options: LintOptions): ActiveRule[] {
  return activate(options.rules, options)
}

/** A rule of any kind (monolingual or bilingual) as far as activation is concerned. */
interface Activatable {
  meta: { id: string; severity: Severity }
  defaults?: object
}

/**
 * Apply `only`, `disable` and per-rule settings (`severity` or `[severity, options]`) to a
 * list of rules: those left run, with their severity and options merged over the defaults.
 */
export function activate<R extends Activatable>(
  rules: readonly R[],
  options: Pick<LintOptions, 'only' | 'disable' | 'settings'>,
): { rule: R; severity: Severity; options: Record<string, unknown> }[] {
  const active: { rule: R; severity: Severity; options: Record<string, unknown> }[] = []
  for (const rule of rules) {
    const id = rule.meta.id
    if (options.only && options.only.length > 0 && !options.only.includes(id)) continue
    if (options.disable?.includes(id)) continue
    const setting = options.settings?.[id]
    const [level, configured] = Array.isArray(setting) ? setting : [setting, undefined]
    if (level === 'off') continue
    active.push({
      rule,
      severity: level ?? rule.meta.severity,
      options: { ...(rule.defaults ?? {}), ...(configured ?? {}) },
    })
  }
  return active
}

/** A report from a rule, with offsets already made absolute in the checked text. */
export interface RawReport extends Report {
  ruleId: string
}

/** Receives each validated report, its paragraph (none for a document's), and the rule. */
type ReportSink = (report: Report, paragraph: Paragraph | undefined, active: ActiveRule) => void

// Run the active rules over paragraphs, handing each report to `sink`.
function checkParagraphs(
  paragraphs: readonly Paragraph[],
  active: readonly ActiveRule[],
  sink: ReportSink,
) {
  if (active.length === 0) return
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!
    let tree: NlcstRoot | undefined
    // The rule being run: checks are synchronous, so one report function serves them all.
    let current = active[0]!
    const report = (found: Report) => {
      validateReport(current.rule, found, paragraph.text.length)
      sink(found, paragraph, current)
    }
    const context = {
      text: paragraph.text,
      previous: paragraphs[index - 1]?.text ?? '',
      next: paragraphs[index + 1]?.text ?? '',
      get tree() {
        tree ??= parseParagraph(paragraph.text)
        return tree
      },
      options: {} as Record<string, unknown>,
      report,
    }
    for (const entry of active) {
      current = entry
      const rule = entry.rule
      if (!rule.check) continue
      if (rule.trigger && !rule.trigger.test(paragraph.text)) continue
      context.options = entry.options
      context.report = report
      rule.check(context)
    }
  }
  for (const entry of active) {
    if (!entry.rule.checkDocument) continue
    entry.rule.checkDocument({
      paragraphs,
      options: entry.options,
      report: (report) => {
        validateReport(entry.rule, report, Number.POSITIVE_INFINITY)
        sink(report, undefined, entry)
      },
    })
  }
}

/**
 * Run the active rules over paragraphs of one text and collect their reports, with offsets
 * relative to the start of that text. Used by the engine and by the retext preset.
 */
export function runRules(paragraphs: readonly Paragraph[], active: readonly ActiveRule[]) {
  const reports: RawReport[] = []
  checkParagraphs(paragraphs, active, (report, paragraph, { rule }) => {
    reports.push(shift(report, paragraph?.offset ?? 0, rule.meta.id))
  })
  return reports
}

function moveEdit(edit: Edit, by: number): Edit {
  return { start: edit.start + by, end: edit.end + by, text: edit.text }
}

function moveSuggestions(suggestions: readonly Suggestion[], by: number): Suggestion[] {
  return suggestions.map((s) => ({ label: s.label, edits: s.edits.map((e) => moveEdit(e, by)) }))
}

// A report with its offsets and edits moved by `by`, and its rule id.
function shift(report: Report, by: number, ruleId: string): RawReport {
  const shifted: RawReport = { ...report, ruleId, start: report.start + by, end: report.end + by }
  if (report.fix) shifted.fix = moveEdit(report.fix, by)
  if (report.suggestions) shifted.suggestions = moveSuggestions(report.suggestions, by)
  return shifted
}

/** Reject reports a rule's declaration does not allow: a programmer error, so it throws. */
export function validateReport(
  rule: { meta: Pick<RuleMeta, 'id' | 'fixable'> },
  report: Report,
  length: number,
) {
  const id = rule.meta.id
  if (report.fix && rule.meta.fixable !== 'safe') {
    throw new Error(`Rule ${id} reported a fix but declares fixable: ${rule.meta.fixable}`)
  }
  if (report.suggestions?.length && rule.meta.fixable === false) {
    throw new Error(`Rule ${id} reported suggestions but declares fixable: false`)
  }
  checkRange(id, report, length)
  if (report.fix) checkRange(id, report.fix, length)
  for (const s of report.suggestions ?? []) for (const edit of s.edits) checkRange(id, edit, length)
}

function checkRange(id: string, range: { start: number; end: number }, length: number) {
  if (!(range.start >= 0 && range.end >= range.start && range.end <= length)) {
    throw new Error(`Rule ${id} reported an invalid range [${range.start}, ${range.end})`)
  }
}

/** Options for `lintText`. */
export type LintTextOptions = LintOptions

/**
 * Lint a whole text, checked paragraph by paragraph.
 *
 * @param text The decoded text (no BOM).
 * @param options Rules and their settings.
 * @returns Findings sorted by position, in offsets and 1-based line/column of `text`.
 */
export function lintText(text: string, options: LintTextOptions): Finding[] {
  const segments: Segment[] = splitParagraphs(text)
  return lintSegments(text, segments, options)
}

/**
 * Lint prose segments of a source text, mapping every offset back to the source.
 *
 * @param source The full source text (findings' lines and columns refer to it).
 * @param segments The prose to check, with maps back to `source`.
 * @param options Rules and their settings.
 */
export function lintSegments(
  source: string,
  segments: readonly Segment[],
  options: LintOptions,
): Finding[] {
  const active = activateRules(options)
  if (active.length === 0 || segments.length === 0) return []
  const identity = segments.every((s) => !s.toSource && !s.encode)
  const place = location(source)
  const findings: Finding[] = []
  // A finding from a report whose offsets lie `by` before the source's; `where` gives the line
  // and column of both ends when they are known already.
  const add = (
    report: Report,
    by: number,
    active: ActiveRule,
    where?: { line: number; column: number; endColumn: number },
  ) => {
    const start = report.start + by
    const end = report.end + by
    const from = where ? undefined : place.toPoint(start)
    const to = where ? undefined : place.toPoint(end)
    const fix = report.fix
    const finding: Finding = {
      ruleId: active.rule.meta.id,
      category: active.rule.meta.category,
      severity: active.severity,
      message: report.message,
      line: where?.line ?? from?.line ?? 1,
      column: where?.column ?? from?.column ?? 1,
      endLine: where?.line ?? to?.line ?? 1,
      endColumn: where?.endColumn ?? to?.column ?? 1,
      start,
      end,
      actual: source.slice(start, end),
      fix: !fix ? null : by === 0 ? fix : moveEdit(fix, by),
      suggestions: !report.suggestions
        ? []
        : by === 0
          ? (report.suggestions as Suggestion[])
          : moveSuggestions(report.suggestions, by),
    }
    if (report.note) finding.note = report.note
    findings.push(finding)
  }
  if (identity) {
    // Plain paragraphs: offsets only move by the paragraph's, so findings are built directly;
    // a paragraph without a line break holds one line, so its start's point gives theirs.
    let last: { paragraph: Paragraph; line: number; column: number; oneLine: boolean } | undefined
    checkParagraphs(segments as Paragraph[], active, (report, paragraph, entry) => {
      if (!paragraph) return add(report, 0, entry)
      if (last?.paragraph !== paragraph) {
        const point = place.toPoint(paragraph.offset)
        const oneLine = !/[\r\n]/.test(paragraph.text)
        last = { paragraph, line: point?.line ?? 1, column: point?.column ?? 1, oneLine }
      }
      if (!last.oneLine) return add(report, paragraph.offset, entry)
      add(report, paragraph.offset, entry, {
        line: last.line,
        column: last.column + report.start,
        endColumn: last.column + report.end,
      })
    })
  } else {
    const paragraphs = layOut(segments)
    checkParagraphs(paragraphs, active, (report, paragraph, entry) => {
      const shifted = shift(report, paragraph?.offset ?? 0, entry.rule.meta.id)
      const mapped = mapReport(shifted, segments, paragraphs)
      if (mapped) add(mapped, 0, entry)
    })
  }
  return findings.sort(compareFindings)
}

/** Order findings by start, then end, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}

// Mapped segments are laid end to end (with one separator) in a virtual text so document-level
// rules see consistent offsets; reports are then mapped back per segment.
function layOut(segments: readonly Segment[]): Paragraph[] {
  let offset = 0
  return segments.map((s) => {
    const paragraph = { text: s.text, offset }
    offset += s.text.length + 1
    return paragraph
  })
}

function mapReport(
  report: RawReport,
  segments: readonly Segment[],
  paragraphs: readonly Paragraph[],
): RawReport | undefined {
  let low = 0
  let high = paragraphs.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (paragraphs[middle]!.offset <= report.start) low = middle
    else high = middle - 1
  }
  const index = low
  const segment = segments[index]!
  const base = paragraphs[index]!.offset
  const toSource = (i: number) => {
    const local = Math.min(Math.max(i - base, 0), segment.text.length)
    return segment.toSource ? segment.toSource(local) : segment.offset + local
  }
  const encode = segment.encode ?? ((t: string) => t)
  const edit = (e: Edit): Edit => ({
    start: toSource(e.start),
    end: toSource(e.end),
    text: encode(e.text),
  })
  const mapped: RawReport = { ...report, start: toSource(report.start), end: toSource(report.end) }
  if (report.fix) mapped.fix = edit(report.fix)
  if (report.suggestions) {
    mapped.suggestions = report.suggestions.map((s) => ({
      label: s.label,
      edits: s.edits.map(edit),
    }))
  }
  return mapped
}
