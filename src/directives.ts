import { location } from 'vfile-location'
import { activateRules, type LintOptions } from './engine/lint.js'
import type { Finding, RuleMeta, Severity } from './engine/types.js'

/** What an inline control does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line'

/** An inline control comment, `<!-- mtclean-disable rule-a, rule-b -- reason -->`. */
export interface Directive {
  kind: DirectiveKind
  /** Rule ids it names; empty means every rule. */
  ruleIds: string[]
  /** The text after `--`, if any. */
  reason?: string
  /** Source offsets of the whole comment, `end` exclusive. */
  start: number
  end: number
  /** 1-based lines of the comment's start and end. */
  line: number
  endLine: number
}

/** The rule id of findings about directives that suppress nothing. */
export const unusedDisableId = 'unused-disable'

/** Metadata of the `unused-disable` pseudo-rule, for reports that list rules. */
export const unusedDisableMeta: RuleMeta = {
  id: unusedDisableId,
  category: 'directive',
  severity: 'error',
  fixable: 'suggestion',
  description:
    'An mtclean-disable comment that suppresses nothing (reported with --report-unused-disables)',
  examples: [],
  good: [],
}

const kindPattern = /^mtclean-(disable-next-line|disable-line|disable|enable)(?=[\s,]|$)/
const reasonSeparator = /(?:^|\s)-{2,}(?:\s|$)/

/**
 * Find every inline control in a source text: HTML comments whose text starts with
 * `mtclean-disable`, `mtclean-enable`, `mtclean-disable-next-line` or `mtclean-disable-line`,
 * then optional rule ids (comma or space separated) and an optional `-- reason`.
 * Runs in linear time.
 */
export function parseDirectives(source: string): Directive[] {
  const directives: Directive[] = []
  if (!source.includes('mtclean-')) return directives
  let place: ReturnType<typeof location> | undefined
  let from = 0
  for (;;) {
    const open = source.indexOf('<!--', from)
    if (open === -1) break
    const close = source.indexOf('-->', open + 4)
    if (close === -1) break
    from = close + 3
    const body = source.slice(open + 4, close).trim()
    const kind = kindPattern.exec(body)
    if (!kind) continue
    let rest = body.slice(kind[0].length)
    let reason: string | undefined
    const separator = reasonSeparator.exec(rest)
    if (separator) {
      reason = rest.slice(separator.index + separator[0].length).trim()
      rest = rest.slice(0, separator.index)
    }
    place ??= location(source)
    const directive: Directive = {
      kind: kind[1] as DirectiveKind,
      ruleIds: rest.split(/[\s,]+/).filter(Boolean),
      start: open,
      end: close + 3,
      line: place.toPoint(open)?.line ?? 1,
      endLine: place.toPoint(close + 2)?.line ?? 1,
    }
    if (reason) directive.reason = reason
    directives.push(directive)
  }
  return directives
}

/** How to apply inline controls. */
export interface DirectiveOptions {
  /** Add a finding for every disable directive (or rule id in one) that suppresses nothing. */
  reportUnused?: boolean
  /** Severity of those findings (default `error`). */
  unusedSeverity?: Severity
  /** Rule ids that ran; a directive naming a known rule that did not run is not unused. */
  activeRuleIds?: ReadonlySet<string>
  /** Every known rule id; directives naming other ids are reported as unknown when unused. */
  knownRuleIds?: ReadonlySet<string>
}

interface Usage {
  directive: Directive
  /** Rule ids (or '' for a blanket directive) that suppressed at least one finding. */
  used: Set<string>
}

/**
 * Apply inline controls read from the source text to its findings: drop findings inside a
 * directive comment, and findings its directives disable. With `reportUnused`, add an
 * `unused-disable` finding for each directive (or named rule) that suppressed nothing.
 *
 * @param source The source text the findings' offsets refer to.
 * @param findings Findings sorted by position (as the engine returns them).
 */
export function applyDirectives(
  source: string,
  findings: readonly Finding[],
  options: DirectiveOptions = {},
): Finding[] {
  const directives = parseDirectives(source)
  if (directives.length === 0) return [...findings]
  const usages = directives.map((directive): Usage => ({ directive, used: new Set() }))
  const blocks = usages.filter(
    (u) => u.directive.kind === 'disable' || u.directive.kind === 'enable',
  )
  const byTargetLine = new Map<number, Usage[]>()
  for (const usage of usages) {
    const { kind, line, endLine } = usage.directive
    if (kind !== 'disable-next-line' && kind !== 'disable-line') continue
    const [first, last] =
      kind === 'disable-next-line' ? [endLine + 1, endLine + 1] : [line, endLine]
    for (let target = first; target <= last; target++) {
      const list = byTargetLine.get(target)
      if (list) list.push(usage)
      else byTargetLine.set(target, [usage])
    }
  }
  const kept: Finding[] = []
  let all: Usage | undefined
  const perRule = new Map<string, Usage>()
  const except = new Set<string>()
  let next = 0
  const sorted = [...findings].sort((a, b) => a.start - b.start)
  for (const finding of sorted) {
    if (insideDirective(finding, directives)) continue
    while (next < blocks.length && blocks[next]!.directive.end <= finding.start) {
      const usage = blocks[next++]!
      const { kind, ruleIds } = usage.directive
      if (ruleIds.length === 0) {
        all = kind === 'disable' ? usage : undefined
        perRule.clear()
        except.clear()
        continue
      }
      for (const id of ruleIds) {
        if (kind === 'disable') {
          perRule.set(id, usage)
          except.delete(id)
        } else {
          perRule.delete(id)
          if (all) except.add(id)
        }
      }
    }
    const id = finding.ruleId
    const byLine = byTargetLine.get(finding.line)?.find((u) => covers(u.directive, id))
    const by = byLine ?? perRule.get(id) ?? (all && !except.has(id) ? all : undefined)
    if (by) {
      by.used.add(by.directive.ruleIds.length === 0 ? '' : id)
      continue
    }
    kept.push(finding)
  }
  if (options.reportUnused) {
    const place = location(source)
    for (const usage of usages) kept.push(...unusedFindings(source, place, usage, options))
    kept.sort((a, b) => a.start - b.start || a.end - b.end)
  }
  return kept
}

/** Whether a finding overlaps a directive comment (directives are sorted and disjoint). */
function insideDirective(finding: Finding, directives: readonly Directive[]): boolean {
  const end = Math.max(finding.end, finding.start + 1)
  let low = 0
  let high = directives.length - 1
  let last = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (directives[middle]!.start < end) {
      last = middle
      low = middle + 1
    } else high = middle - 1
  }
  return last !== -1 && directives[last]!.end > finding.start
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId)
}

function unusedFindings(
  source: string,
  place: ReturnType<typeof location>,
  usage: Usage,
  options: DirectiveOptions,
): Finding[] {
  const { directive, used } = usage
  if (directive.kind === 'enable') return []
  const messages: string[] = []
  if (directive.ruleIds.length === 0) {
    if (used.size === 0)
      messages.push(`Unused mtclean-${directive.kind} directive (no problems were reported)`)
  } else {
    for (const id of directive.ruleIds) {
      if (used.has(id)) continue
      if (options.knownRuleIds && !options.knownRuleIds.has(id)) {
        messages.push(`Unused mtclean-${directive.kind} directive (unknown rule '${id}')`)
      } else if (!options.activeRuleIds || options.activeRuleIds.has(id)) {
        messages.push(
          `Unused mtclean-${directive.kind} directive (no problems were reported from '${id}')`,
        )
      }
    }
  }
  const from = place.toPoint(directive.start)
  const to = place.toPoint(directive.end)
  const whole = directive.ruleIds.length === 0 || messages.length === directive.ruleIds.length
  return messages.map((message) => ({
    ruleId: unusedDisableId,
    category: unusedDisableMeta.category,
    severity: options.unusedSeverity ?? 'error',
    message,
    line: from?.line ?? 1,
    column: from?.column ?? 1,
    endLine: to?.line ?? 1,
    endColumn: to?.column ?? 1,
    start: directive.start,
    end: directive.end,
    actual: source.slice(directive.start, directive.end),
    fix: null,
    suggestions: whole
      ? [
          {
            label: 'Remove the directive',
            edits: [{ start: directive.start, end: directive.end, text: '' }],
          },
        ]
      : [],
  }))
}

/** Directive options for a lint run: which rule ids are known and which ran. */
export function directiveOptionsFor(lint: LintOptions, reportUnused = false): DirectiveOptions {
  return {
    reportUnused,
    activeRuleIds: new Set(activateRules(lint).map((a) => a.rule.meta.id)),
    knownRuleIds: new Set(lint.rules.map((r) => r.meta.id)),
  }
}
