import { splitParagraphs } from '../engine/paragraphs.js'
import type { Segment } from '../engine/lint.js'
import { extensionOf } from '../io/walk.js'
import { ok, type Result } from '../result.js'

/** A file format: extracts the prose to check, with a map back to source offsets. */
export interface FormatAdapter {
  name: string
  extensions: readonly string[]
  /** Prose segments of `source`, or one clear error naming the position. */
  extract: (source: string) => Result<Segment[]>
}

/** Plain text: every non-blank line is a paragraph. */
export const plainText: FormatAdapter = {
  name: 'text',
  extensions: ['.txt', '.text'],
  extract: (source) => ok(splitParagraphs(source)),
}

/** Every known format; the first is the fallback. */
export const formats: readonly FormatAdapter[] = [plainText]

/** The adapter for a format name (`--format-in`) or, failing that, for a path's ending. */
export function formatFor(path: string, name?: string): FormatAdapter | undefined {
  if (name) return formats.find((f) => f.name === name)
  const extension = extensionOf(path)
  return formats.find((f) => f.extensions.includes(extension)) ?? plainText
}
