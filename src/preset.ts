import type { Root } from 'nlcst'
import type { Preset } from 'unified'
import { lintRule } from 'unified-lint-rule'
import type { VFile } from 'vfile'
import { builtinRules } from '../rules/index.js'
import { runRules } from './engine/lint.js'
import { splitParagraphs } from './engine/paragraphs.js'
import type { AnyRule } from './engine/types.js'

/** Where a rule's documentation lives. */
export function ruleUrl(id: string): string {
  return `https://github.com/mtclean/mtclean#${id}`
}

/**
 * Wrap a rule as a unified plugin (via unified-lint-rule): it checks the file's text paragraph
 * by paragraph and adds vfile messages with `ruleId`, `source`, `place`, `actual`, `expected`,
 * `url`, plus `fix` and `suggestions` as data.
 */
export function retextPlugin(rule: AnyRule) {
  return lintRule<Root, Record<string, unknown> | undefined>(
    { origin: `mtclean:${rule.meta.id}`, url: ruleUrl(rule.meta.id) },
    (_tree: Root, file: VFile, options) => {
      const text = String(file.value ?? '')
      const active = [
        { rule, severity: rule.meta.severity, options: { ...rule.defaults, ...(options ?? {}) } },
      ]
      for (const report of runRules(splitParagraphs(text), active)) {
        const message = file.message(report.message, {
          place: { start: pointAt(text, report.start), end: pointAt(text, report.end) },
        })
        message.actual = text.slice(report.start, report.end)
        message.expected = report.expected ?? (report.fix ? [report.fix.text] : [])
        Object.assign(message, { fix: report.fix ?? null, suggestions: report.suggestions ?? [] })
      }
    },
  )
}

function pointAt(text: string, offset: number) {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1, offset }
}

/**
 * Every built-in rule as a retext preset:
 * `unified().use(retextEnglish).use(mtcleanPreset).use(retextStringify)`.
 */
export const mtcleanPreset: Preset = { plugins: builtinRules.map(retextPlugin) }
