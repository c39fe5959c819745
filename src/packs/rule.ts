import { defineRule } from '../engine/define-rule.js'
import type { AnyRule, Edit, ParagraphContext, Report, RuleMeta } from '../engine/types.js'
import { LiteralPrefilter, literalsOf } from './literals.js'
import { nativePattern, nativeUnsafe, translateRe2 } from './native.js'
import {
  extendSet,
  findAll,
  findAllOf,
  matchesWhole,
  type PatternMatch,
  wholeGroups,
} from './pattern.js'
import type { PackSpec } from './spec.js'

/** A pack rule's metadata: a rule's, plus the YAML's `link`. */
export interface PackRuleMeta extends RuleMeta {
  /** Where the rule is documented (`link:`), if given. */
  url?: string
}

type Check = (context: ParagraphContext<Record<string, unknown>>) => void

/** How a pack rule runs. */
export interface PackRuleOptions {
  /**
   * The pack ships with mtclean (its patterns are reviewed and checked for ReDoS): entries whose
   * RE2 source translates run as native JS RegExps. Never for user packs.
   */
  trusted?: boolean
}

/**
 * Build an engine rule from a validated pack rule. Matching runs on re2js (linear time): a
 * literal prefilter, or else one DFA pass over a paragraph, tells which entries to run, so no
 * JS trigger is built from user patterns. Trusted packs run translatable entries natively.
 *
 * @param pack The validated YAML rule.
 * @param id The rule id, `<Folder>.<File>`.
 * @param options `trusted` only for the built-in packs.
 */
export function packRule(pack: PackSpec, id: string, options: PackRuleOptions = {}): AnyRule {
  const spec = options.trusted ? nativeSpec(pack) : pack
  const meta: PackRuleMeta = {
    id,
    category: spec.category,
    severity: spec.severity,
    fixable: spec.fixable,
    description: spec.description ?? describeMessage(spec.message),
    examples: [],
    good: spec.entries.flatMap((e) => (e.example ? [e.example.good] : [])),
  }
  if (spec.link !== undefined) meta.url = spec.link
  const check: Check =
    spec.kind === 'substitution'
      ? (context) => substitute(spec, context)
      : spec.kind === 'existence'
        ? (context) => exist(spec, context)
        : (context) => repeat(spec, context)
  return defineRule({ meta, check })
}

/** Several rules of one pack, and the trigger they share when they share a literal scan. */
export interface PackRules {
  rules: AnyRule[]
  /** Matches a paragraph that an entry of any of the rules may match (when all have literals). */
  trigger?: RegExp
}

/**
 * Build the rules of a pack's files so that they share one literal scan: files whose entries all
 * have required literals get their candidates from one scan of the paragraph, and when every
 * file has them the scan is also returned as a trigger (a paragraph is scanned once in all).
 *
 * @param files The validated files, in order, with their rule ids.
 * @param options As for `packRule`.
 */
export function packRules(
  files: readonly { id: string; spec: PackSpec }[],
  options: PackRuleOptions = {},
): PackRules {
  const lists: (readonly string[])[] = []
  const ranges = files.map(({ spec }) => {
    const own = spec.set.prefilter
    const literals =
      own instanceof LiteralPrefilter
        ? own.literals
        : own
          ? literalsOf(spec.entries.map((e) => e.source))
          : undefined
    if (!literals) return undefined
    lists.push(...literals)
    return { from: lists.length - literals.length, to: lists.length }
  })
  const shared = lists.length > 0 ? new LiteralPrefilter(lists) : undefined
  const rules = files.map(({ id, spec }, index) => {
    const range = ranges[index]
    if (!shared || !range) return packRule(spec, id, options)
    const prefilter = shared.slice(range.from, range.to)
    return packRule({ ...spec, set: extendSet(spec.set, { prefilter }) }, id, options)
  })
  return shared && ranges.every(Boolean) ? { rules, trigger: shared.trigger() } : { rules }
}

/** The spec with a native RegExp for each entry whose RE2 source translates. */
function nativeSpec(spec: PackSpec): PackSpec {
  const native = spec.entries.map((e) => nativePattern(e.source, spec.ignorecase, spec.nonword))
  // Exceptions are whole-match tests: anchored, native where every one translates.
  const exceptions = spec.exceptions.map((e) => translateRe2(e.pattern()))
  const whole = exceptions.every((e) => e !== undefined)
    ? exceptions.map((e) => new RegExp(`^(?:${e})$`, spec.ignorecase ? 'i' : ''))
    : undefined
  return {
    ...spec,
    set: extendSet(spec.set, { native }),
    ...(whole ? { nativeExceptions: whole } : {}),
  }
}

function isException(spec: PackSpec, text: string): boolean {
  if (spec.nativeExceptions && !nativeUnsafe.test(text)) {
    return spec.nativeExceptions.some((pattern) => pattern.test(text))
  }
  return spec.exceptions.some((pattern) => matchesWhole(pattern, text))
}

function substitute(spec: PackSpec, { text, report }: ParagraphContext<Record<string, unknown>>) {
  for (const match of findAllOf(spec.set, text)) {
    if (isException(spec, match.text)) continue
    const entry = spec.entries[match.index]!
    const groups = match.groups ?? wholeGroups(entry.pattern, match.text) ?? [match.text]
    const replacements = unique(
      entry.replacements.map((r) => {
        const expanded = expand(r, groups)
        return spec.capitalize ? matchCase(expanded, match.text) : expanded
      }),
    )
    const same = (r: string) =>
      spec.ignorecase ? r.toLowerCase() === match.text.toLowerCase() : r === match.text
    if (replacements.some(same)) continue
    const expected = replacements.length > 1 ? sentence(replacements) : (replacements[0] ?? '')
    const template = replacements.length > 1 ? unquoteFirst(spec.message) : spec.message
    report(
      withEdits(spec, match, replacements, {
        start: match.start,
        end: match.end,
        message: format(template, [expected, match.text]),
        expected: replacements,
        ...(entry.reason ? { note: entry.reason } : {}),
      }),
    )
  }
}

function exist(spec: PackSpec, { text, report }: ParagraphContext<Record<string, unknown>>) {
  for (const match of findAllOf(spec.set, text)) {
    if (isException(spec, match.text)) continue
    const entry = spec.entries[match.index]
    const message = format(spec.message, [match.text])
    const base: Report = { start: match.start, end: match.end, message }
    if (entry?.reason) base.note = entry.reason
    if (!spec.action) {
      report(base)
    } else if (spec.action.name === 'remove') {
      const removal = removalOf(text, match)
      report(withEdits(spec, removal, [''], { ...base, expected: [] }, match.text))
    } else {
      report(withEdits(spec, match, spec.action.params, { ...base, expected: spec.action.params }))
    }
  }
}

function repeat(spec: PackSpec, { text, report }: ParagraphContext<Record<string, unknown>>) {
  if (spec.set.prefilter?.candidates(text)?.length === 0) return
  let previous: PatternMatch | undefined
  let count = 0
  for (const match of spec.combined ? findAll(spec.combined, text) : []) {
    const same =
      previous !== undefined &&
      (spec.ignorecase
        ? previous.text.toLowerCase() === match.text.toLowerCase()
        : previous.text === match.text) &&
      text.slice(previous.end, match.start).trim() === '' &&
      (!spec.alpha || /^\p{L}+$/u.test(match.text))
    count = same ? count + 1 : 0
    if (same && previous && count > spec.max && !isException(spec, match.text)) {
      const removal = {
        start: previous.end,
        end: match.end,
        text: text.slice(previous.end, match.end),
      }
      report(
        withEdits(
          spec,
          removal,
          [''],
          {
            start: previous.start,
            end: match.end,
            message: format(spec.message, [match.text]),
            expected: [match.text],
          },
          match.text,
        ),
      )
      count = 0
    }
    previous = match
  }
}

/** Add the fix or suggestions a report may carry, as the rule's `fixable` allows. */
function withEdits(
  spec: PackSpec,
  span: { start: number; end: number },
  replacements: readonly string[],
  report: Report,
  removed?: string,
): Report {
  if (spec.fixable === false || replacements.length === 0) return report
  const edits = replacements.map((text): Edit => ({ start: span.start, end: span.end, text }))
  if (spec.fixable === 'safe') return { ...report, fix: edits[0]! }
  return {
    ...report,
    suggestions: edits.map((edit) => ({
      label: edit.text === '' ? `Delete '${removed ?? ''}'` : `Replace with '${edit.text}'`,
      edits: [edit],
    })),
  }
}

/** The span to delete for a removed match: the match and one space beside it. */
function removalOf(text: string, match: PatternMatch): PatternMatch {
  const before = text[match.start - 1]
  const after = text[match.end]
  if (before === ' ' && (after === undefined || after === ' ' || /[.,;:!?)]/.test(after))) {
    return { start: match.start - 1, end: match.end, text: text.slice(match.start - 1, match.end) }
  }
  if (match.start === 0 && after === ' ') {
    return { start: 0, end: match.end + 1, text: text.slice(0, match.end + 1) }
  }
  return match
}

/** Expand `$1`, `${1}` and `$$` in a replacement from a match's groups. */
export function expand(replacement: string, groups: readonly string[]): string {
  return replacement.replace(
    /\$(?:\{(\d+)\}|(\d)|(\$))/g,
    (_all, braced?: string, bare?: string) => {
      const index = braced ?? bare
      return index === undefined ? '$' : (groups[Number(index)] ?? '')
    },
  )
}

/** Give a replacement the capital first letter of the text it replaces (Vale's `capitalize`). */
function matchCase(replacement: string, observed: string): string {
  const first = observed.charAt(0)
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return replacement
  return replacement.charAt(0).toUpperCase() + replacement.slice(1)
}

/**
 * Fill `%s` placeholders in order, as Vale does with Go's Sprintf; `%%` is a literal `%`.
 * A placeholder with no value left is dropped.
 */
export function format(template: string, values: readonly string[]): string {
  let index = 0
  return template.replace(/%%|%s/g, (token) => (token === '%%' ? '%' : (values[index++] ?? '')))
}

/** With several alternatives Vale quotes each, so the first quoted `'%s'` loses its quotes. */
function unquoteFirst(message: string): string {
  for (const quoted of ["'%s'", '"%s"']) {
    if (message.split(quoted).length - 1 === 2) return message.replace(quoted, '%s')
  }
  return message
}

/** `'a', 'b' or 'c'`. */
function sentence(items: readonly string[]): string {
  const quoted = items.map((item) => `'${item}'`)
  return quoted.length > 1
    ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
    : (quoted[0] ?? '')
}

function describeMessage(message: string): string {
  return format(message, ['…', '…'])
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}
