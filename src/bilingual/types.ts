import type { Segment } from '../engine/lint.js'
import type { Fixable, Report, Severity, SourceSegment } from '../engine/types.js'

export type { SourceSegment } from '../engine/types.js'

/** One source segment and its translation. */
export interface BilingualPair {
  /** What names the pair in messages: an XLIFF id, a PO line, a TSV row, a line number. */
  id: string
  source: SourceSegment
  /**
   * The translation as rules see it, with its map back to the checked file. Its text is '' when
   * the target is empty or missing; `offset` is then where it would go.
   */
  target: Segment
  /** 1-based line of the target in the checked file. */
  targetLine: number
  /** The target as stored (markup included), e.g. to see `<g ctype="italic">`. */
  targetMarkup: string
  /**
   * Ranges of the target text that are not prose (inline codes, placeholders, the joints
   * between pieces): rules see them as U+FFFC and no edit may touch them.
   */
  masked: readonly (readonly [number, number])[]
  /** What keeps identical sources apart (a PO `msgctxt`). */
  context?: string
  /** The target text is one unbroken stretch of the file: a whole-segment replacement is safe. */
  plain: boolean
}

/** Which bilingual reader read a file. */
export type BilingualKind = 'xliff' | 'po' | 'tsv' | 'jsonl' | 'aligned'

/** A bilingual file as read: its pairs and the segments monolingual rules check. */
export interface BilingualDocument {
  kind: BilingualKind
  pairs: BilingualPair[]
  /** The target prose for the monolingual rules (the format adapter's, or the reader's own). */
  segments: Segment[]
}

/** How to read bilingual input; set by `--source`, `--source-field`, `--target-field`. */
export interface BilingualOptions {
  /** The text of a line-aligned source file (`--source zh.txt`): the checked file is its translation. */
  sourceText?: string
  /** Its path, as given, for messages and `sourceSegment.path`. */
  sourcePath?: string
  /** The TSV column or JSONL field of the source (dotted for nested JSON: `translation.zh`). */
  sourceField?: string
  /** The TSV column or JSONL field of the target. */
  targetField?: string
}

/** A documented case of a bilingual rule: the source, a bad translation and a good one. */
export interface BilingualExample {
  source: string
  bad: string
  /** A correct translation; for fixable rules, what `bad` becomes once the fix is applied. */
  fixed: string
}

/** A correct pair the rule leaves alone. */
export interface BilingualGood {
  source: string
  target: string
}

/** What a bilingual rule declares about itself (the same fields as a monolingual rule). */
export interface BilingualRuleMeta {
  id: string
  category: string
  severity: Severity
  fixable: Fixable
  description: string
  examples: BilingualExample[]
  good: BilingualGood[]
  /**
   * Monolingual rules that say the same thing less surely: their findings inside one of this
   * rule's findings are dropped (`untranslated` proves what `cjk-residue` suspects).
   */
  supersedes?: readonly string[]
}

/** Context given to a bilingual rule for one pair. Offsets reported are in `target`. */
export interface PairContext<Options> {
  /** The Chinese source; inline codes are masked with U+FFFC. */
  source: string
  /** The English target; inline codes (placeholders, tags) are masked with U+FFFC. */
  target: string
  pair: BilingualPair
  options: Options
  report: (report: Report) => void
}

/** Context given to a bilingual rule for the whole file (consistency across pairs). */
export interface PairsContext<Options> {
  /** Sources and targets as `PairContext` sees them, one per pair. */
  pairs: readonly { source: string; target: string; pair: BilingualPair }[]
  options: Options
  /** Offsets are in the target of pair `index`. */
  report: (index: number, report: Report) => void
}

/** A check of a translation against its Chinese source. */
export interface BilingualRule<Options = Record<string, unknown>> {
  meta: BilingualRuleMeta
  defaults?: Options
  checkPair?(context: PairContext<Options>): void
  checkPairs?(context: PairsContext<Options>): void
}

/** A bilingual rule of any options type. */
export type AnyBilingualRule = BilingualRule<Record<string, unknown>>
