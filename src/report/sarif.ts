import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { location } from 'vfile-location'
import { fingerprint } from '../baseline.js'
import type { Edit, RuleMeta, Severity } from '../engine/types.js'
import type { FileResult } from '../pipeline.js'
import { ruleUrl } from '../preset.js'

/** A rule as the SARIF report describes it: its metadata and, for pack rules, a link. */
export interface ReportedRule {
  meta: RuleMeta
  /** Documentation address; defaults to the rule's section of mtclean's README. */
  url?: string
}

/** Options for the SARIF report. */
export interface SarifOptions {
  /** Every rule that may appear in the results (their metadata goes in `tool.driver.rules`). */
  rules: readonly ReportedRule[]
  /** Folder that artifact URIs are relative to (`%SRCROOT%`). */
  cwd: string
  /** mtclean's version. */
  version: string
}

type Level = 'error' | 'warning' | 'note'

const levels: Record<Severity, Level> = { error: 'error', warn: 'warning', info: 'note' }

/** SARIF wants messages to be sentences. */
function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

function pascal(id: string): string {
  return id
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')
}

function artifactLocation(path: string, cwd: string) {
  if (path === '-') return { uri: 'stdin', uriBaseId: '%SRCROOT%' }
  const absolute = resolve(cwd, path)
  const rel = relative(cwd, absolute)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    return { uri: pathToFileURL(absolute).href }
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
}

function describeRule({ meta, url }: ReportedRule) {
  const examples = meta.examples.map((e) => `\`${e.bad}\` → \`${e.fixed}\``)
  const fix =
    meta.fixable === 'safe'
      ? 'Fix: safe, applied by `mtclean fix`.'
      : meta.fixable === 'suggestion'
        ? 'Fix: a suggestion for a person to accept (`mtclean review`).'
        : 'Fix: none; the text needs a person.'
  const full = sentence(meta.description)
  return {
    id: meta.id,
    // SARIF1001: a rule's name must differ from its id (ignoring case), so one-word ids get none.
    ...(pascal(meta.id).toLowerCase() === meta.id.toLowerCase() ? {} : { name: pascal(meta.id) }),
    shortDescription: { text: full },
    fullDescription: { text: `${full} ${fix}` },
    helpUri: url ?? ruleUrl(meta.id),
    help: {
      text: [full, ...examples.map((e) => `Example: ${e}`), fix].join('\n'),
      markdown: [
        `**${meta.id}** (${meta.category}): ${full}`,
        ...examples.map((e) => `- ${e}`),
        '',
        fix,
      ].join('\n'),
    },
    defaultConfiguration: { level: levels[meta.severity] },
    properties: { tags: [meta.category], fixable: meta.fixable === false ? 'no' : meta.fixable },
  }
}

/**
 * The SARIF 2.1.0 report: one run with mtclean's rule metadata, results with regions
 * (lines, UTF-16 columns, character offsets), baseline-style fingerprints, and fixes
 * (the safe fix and each suggestion as `artifactChanges`). Unreadable files become
 * tool execution notifications.
 */
export function reportSarif(results: readonly FileResult[], options: SarifOptions): string {
  const rules = dedupe(options.rules)
  const index = new Map(rules.map((rule, i) => [rule.meta.id, i]))
  const sarifResults: unknown[] = []
  const notifications: unknown[] = []
  for (const result of results) {
    const artifact = artifactLocation(result.path, options.cwd)
    if (result.error) {
      notifications.push({
        level: 'error',
        message: { text: sentence(`${result.path}: ${result.error}`) },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      })
      continue
    }
    const source = result.file?.text ?? ''
    const place = location(source)
    const region = (start: number, end: number) => {
      const from = place.toPoint(start)
      const to = place.toPoint(end)
      return {
        startLine: from?.line ?? 1,
        startColumn: from?.column ?? 1,
        endLine: to?.line ?? from?.line ?? 1,
        endColumn: to?.column ?? from?.column ?? 1,
        charOffset: start,
        charLength: end - start,
      }
    }
    const change = (description: string, edits: readonly Edit[]) => ({
      description: { text: sentence(description) },
      artifactChanges: [
        {
          artifactLocation: artifact,
          replacements: edits.map((edit) => ({
            deletedRegion: region(edit.start, edit.end),
            insertedContent: { text: edit.text },
          })),
        },
      ],
    })
    for (const finding of result.findings) {
      const fixes = []
      if (finding.fix) fixes.push(change(fixLabel(source, finding.fix), [finding.fix]))
      for (const suggestion of finding.suggestions)
        fixes.push(change(suggestion.label, suggestion.edits))
      const ruleIndex = index.get(finding.ruleId)
      sarifResults.push({
        ruleId: finding.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: levels[finding.severity],
        message: {
          text: sentence(
            finding.note ? `${sentence(finding.message)} ${finding.note}` : finding.message,
          ),
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact,
              region: {
                startLine: finding.line,
                startColumn: finding.column,
                endLine: finding.endLine,
                endColumn: finding.endColumn,
                charOffset: finding.start,
                charLength: finding.end - finding.start,
                snippet: { text: finding.actual },
              },
              ...optional('contextRegion', contextOf(source, finding.start, finding.end, place)),
            },
          },
        ],
        partialFingerprints: { 'mtcleanContext/v1': fingerprint(finding, source) },
        ...(fixes.length > 0 ? { fixes } : {}),
      })
    }
  }
  const run = {
    tool: {
      driver: {
        name: 'mtclean',
        version: options.version,
        semanticVersion: options.version,
        informationUri: 'https://github.com/mtclean/mtclean',
        rules: rules.map(describeRule),
      },
    },
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${options.cwd}${sep}`).href } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

/**
 * The whole lines around a span, as SARIF's `contextRegion`; undefined when that would not be a
 * proper superset of the span (SARIF1008), as for a finding that is a whole line.
 */
function contextOf(source: string, start: number, end: number, place: ReturnType<typeof location>) {
  const from = source.lastIndexOf('\n', start - 1) + 1
  let to = source.indexOf('\n', end)
  if (to === -1) to = source.length
  if (to > end && source[to - 1] === '\r') to--
  if (from === start && to === end) return undefined
  const first = place.toPoint(from)
  const last = place.toPoint(to)
  return {
    startLine: first?.line ?? 1,
    startColumn: first?.column ?? 1,
    endLine: last?.line ?? first?.line ?? 1,
    endColumn: last?.column ?? first?.column ?? 1,
    charOffset: from,
    charLength: to - from,
    snippet: { text: source.slice(from, to) },
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function fixLabel(source: string, edit: Edit): string {
  const old = source.slice(edit.start, edit.end)
  if (edit.text === '') return `Delete \`${old}\``
  return old === '' ? `Insert \`${edit.text}\`` : `Replace \`${old}\` with \`${edit.text}\``
}

function dedupe(rules: readonly ReportedRule[]): ReportedRule[] {
  const seen = new Set<string>()
  return rules.filter((rule) => !seen.has(rule.meta.id) && seen.add(rule.meta.id))
}
