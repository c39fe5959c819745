import type { Root as NlcstRoot } from 'nlcst'

/** Severity of a finding. Config also accepts `off`. */
export type Severity = 'error' | 'warn' | 'info'

/** Severity as written in config: a severity or `off`. */
export type SeveritySetting = Severity | 'off'

/** The documented rule categories (CONTRIBUTING.md); built-in rules may add others. */
export const ruleCategories = [
  'hyphenation',
  'quotes',
  'spacing',
  'punctuation',
  'numbers',
  'repetition',
  'wording',
  'residue',
] as const

/** Whether a rule's fixes may be applied without asking. */
export type Fixable = 'safe' | 'suggestion' | false

/** One replacement in the checked text: UTF-16 offsets, `end` exclusive. */
export interface Edit {
  start: number
  end: number
  text: string
}

/** An alternative a person may choose. */
export interface Suggestion {
  label: string
  edits: Edit[]
}

/** A problem found in a text, in offsets of the whole text. */
export interface Finding {
  ruleId: string
  category: string
  severity: Severity
  message: string
  /** 1-based line and column of `start`. */
  line: number
  column: number
  /** 1-based line and column of `end`. */
  endLine: number
  endColumn: number
  /** 0-based UTF-16 offsets into the decoded text. */
  start: number
  end: number
  /** The flagged text. */
  actual: string
  /** Why it matters, in a sentence (e.g. the Chinese phrase behind a calque); optional. */
  note?: string
  /** A safe fix, applied by `mtclean fix` without asking, or null. */
  fix: Edit | null
  /** Changes that need a person: review, or `fix --unsafe`. */
  suggestions: Suggestion[]
  /** For a finding in a translation: the source segment it translates (bilingual input). */
  sourceSegment?: SourceSegment
}

/** The Chinese source of a translated segment, shown above the target in review. */
export interface SourceSegment {
  text: string
  /** 1-based line of the segment in its file. */
  line: number
  /** The source file, when it is not the checked file (`--source`). */
  path?: string
}

/** A rule's documented example: bad text, its fixed form, and the fixed form is good English. */
export interface RuleExample {
  bad: string
  /** What `bad` becomes once the rule's fix (or first suggestion) is applied; null when it only flags. */
  fixed: string | null
}

/** What a rule declares about itself. */
export interface RuleMeta {
  id: string
  category: string
  severity: Severity
  fixable: Fixable
  description: string
  /** Bad → fixed pairs. */
  examples: RuleExample[]
  /** Correct text the rule leaves alone. */
  good: string[]
}

/** What a rule passes to `report`. Offsets are relative to the text the rule was given. */
export interface Report {
  start: number
  end: number
  message: string
  /** Replacement for [start, end) when it is mechanical; requires `fixable: 'safe'`. */
  fix?: { start: number; end: number; text: string }
  /** Alternatives for a person; requires `fixable` other than false. */
  suggestions?: { label: string; edits: Edit[] }[]
  /** Expected replacements, for the message convention; informational. */
  expected?: string[]
  /** Why it matters, in a sentence; shown by review and in JSON/SARIF, not in the one-line report. */
  note?: string
}

/** Context given to a rule for one paragraph. */
export interface ParagraphContext<Options> {
  /** The paragraph text. Offsets reported are relative to it. */
  text: string
  /** The previous paragraph's text, or '' at the start of a document. */
  previous: string
  /** The next paragraph's text, or '' at the end. */
  next: string
  /** The paragraph parsed by retext-english; parsed lazily on first access. */
  readonly tree: NlcstRoot
  options: Options
  report: (report: Report) => void
}

/** Context given to a rule for the whole document (for cross-paragraph checks). */
export interface DocumentContext<Options> {
  paragraphs: readonly Paragraph[]
  options: Options
  /** Offsets are relative to the whole document text. */
  report: (report: Report) => void
}

/** A paragraph of the checked text: its text and where it starts in the whole text. */
export interface Paragraph {
  text: string
  offset: number
}

/** A rule: metadata plus a paragraph check and/or a document check. */
export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta
  /** Default options, merged with configured options once per run. */
  defaults?: Options
  /**
   * A cheap test on paragraph text: when it does not match, `check` is not called.
   * Must be a non-global, non-sticky RegExp.
   */
  trigger?: RegExp
  check?(context: ParagraphContext<Options>): void
  checkDocument?(context: DocumentContext<Options>): void
}

/** A rule of any options type, as the engine holds it. */
export type AnyRule = Rule<Record<string, unknown>>
