import type { Segment } from '../engine/lint.js'
import { splitParagraphs } from '../engine/paragraphs.js'
import { extensionOf } from '../io/walk.js'
import { ok, type Result } from '../result.js'
import { html } from './html.js'
import { json } from './json.js'
import { markdown } from './markdown.js'
import { po } from './po.js'
import { srt, vtt } from './subtitles.js'
import { xliff } from './xliff.js'

export { confineToProse, type ProseSegment, type Run } from './segment.js'

/**
 * A file format: extracts the prose to check, with a map back to source offsets. Segments may
 * be `ProseSegment`s, whose runs and opaque ranges keep findings and fixes to the prose
 * (see `confineToProse`).
 */
export interface FormatAdapter {
  name: string
  extensions: readonly string[]
  /** Prose segments of `source`, or one clear error naming the position (line:column). */
  extract: (source: string) => Result<Segment[]>
}

/** Plain text: every non-blank line is a paragraph. */
export const plainText: FormatAdapter = {
  name: 'text',
  extensions: ['.txt', '.text'],
  extract: (source) => ok(splitParagraphs(source)),
}

/** Every known format; the first is the fallback. */
export const formats: readonly FormatAdapter[] = [
  plainText,
  markdown,
  srt,
  vtt,
  po,
  xliff,
  json,
  html,
]

/**
 * The adapter for a format name (`--format-in`: a name such as `markdown`, or an ending such
 * as `md`) or, failing that, for a path's ending; plain text for unknown endings.
 */
export function formatFor(path: string, name?: string): FormatAdapter | undefined {
  if (name) {
    const wanted = name.toLowerCase()
    return formats.find(
      (f) => f.name === wanted || f.extensions.includes(`.${wanted.replace(/^\./, '')}`),
    )
  }
  const extension = extensionOf(path)
  return formats.find((f) => f.extensions.includes(extension)) ?? plainText
}
