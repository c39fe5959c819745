import type { Nodes, Parents, PhrasingContent, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'
import { err, ok, type Result } from '../result.js'
import type { FormatAdapter } from './index.js'
import { decodeEntity } from './markup.js'
import { type ProseSegment, SegmentBuilder } from './segment.js'

const asciiPunctuation = /[!-/:-@[-`{-~]/
const entity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y

/** Escape replacement text so Markdown reads it as the same characters. */
export function encodeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, '\\$&')
}

type Operation = { slice: [number, number] } | { decoded: [string, number, number] }

/**
 * Match a node's decoded value against its source `[start, end)`: literal characters,
 * backslash escapes, character references, container prefixes (`> `, indentation) at line
 * starts and trailing white space before line endings.
 *
 * @returns The pieces and where the value ends in the source, or undefined when the value
 * does not line up with the source.
 */
function align(source: string, start: number, end: number, value: string) {
  const operations: Operation[] = []
  let i = start
  let j = 0
  let literalFrom = start
  let lineStart = false
  const flush = (to: number) => {
    if (to > literalFrom) operations.push({ slice: [literalFrom, to] })
  }
  while (j < value.length) {
    if (i >= end) return undefined
    const c = source[i]!
    const v = value[j]!
    if (lineStart && (c === ' ' || c === '\t' || c === '>')) {
      flush(i)
      i++
      literalFrom = i
      continue
    }
    lineStart = false
    if (
      c === '\\' &&
      asciiPunctuation.test(source[i + 1] ?? '') &&
      v === source[i + 1] &&
      i + 1 < end
    ) {
      flush(i)
      operations.push({ decoded: [v, i, i + 2] })
      i += 2
      j++
      literalFrom = i
      continue
    }
    if (c === '&') {
      entity.lastIndex = i
      const match = entity.exec(source)
      const decoded = match ? decodeEntity(match[0], 'html') : undefined
      if (
        match &&
        decoded !== undefined &&
        value.startsWith(decoded, j) &&
        i + match[0].length <= end
      ) {
        flush(i)
        operations.push({ decoded: [decoded, i, i + match[0].length] })
        i += match[0].length
        j += decoded.length
        literalFrom = i
        continue
      }
    }
    if (c === v) {
      i++
      j++
      if (c === '\n') lineStart = true
      continue
    }
    if ((c === ' ' || c === '\t') && /^[ \t]*\r?\n/.test(source.slice(i, Math.min(end, i + 64)))) {
      flush(i)
      i++
      literalFrom = i
      continue
    }
    return undefined
  }
  flush(i)
  return { operations, stop: i }
}

class Misaligned extends Error {}

interface Walk {
  source: string
  builder: SegmentBuilder
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0
}

function apply(builder: SegmentBuilder, operations: readonly Operation[]) {
  for (const operation of operations) {
    if ('slice' in operation) builder.slice(...operation.slice)
    else builder.decoded(...operation.decoded)
  }
}

function inline(node: PhrasingContent, walk: Walk) {
  const { source, builder } = walk
  const start = startOf(node)
  const end = endOf(node)
  switch (node.type) {
    case 'text': {
      const aligned = align(source, start, end, node.value)
      if (!aligned || /\S/.test(source.slice(aligned.stop, end))) throw new Misaligned()
      apply(builder, aligned.operations)
      return
    }
    case 'emphasis':
    case 'strong':
    case 'delete':
      builder.seal()
      for (const child of node.children) inline(child, walk)
      builder.seal()
      return
    case 'link':
    case 'linkReference':
      // Autolinks (`<https://…>`, bare `www.…`) are URLs, not prose.
      if (source[start] !== '[') {
        builder.opaque(start, end)
        return
      }
      for (const child of node.children) inline(child, walk)
      return
    case 'image':
    case 'imageReference': {
      // The alt text reads as part of the sentence, like link text.
      const aligned =
        node.alt && source.startsWith('![', start)
          ? align(source, start + 2, end, node.alt)
          : undefined
      if (aligned && source[aligned.stop] === ']') apply(builder, aligned.operations)
      else builder.opaque(start, end)
      return
    }
    default:
      // Inline code, HTML, footnote references, hard breaks: kept as they are.
      builder.opaque(start, end)
  }
}

function block(node: Nodes, source: string, out: ProseSegment[]) {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell': {
      const builder = new SegmentBuilder(source)
      try {
        for (const child of node.children) inline(child, { source, builder })
      } catch (error) {
        if (error instanceof Misaligned) return
        throw error
      }
      const segment = builder.build(encodeMarkdown)
      if (segment) out.push(segment)
      return
    }
    case 'root':
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition':
    case 'table':
    case 'tableRow':
      for (const child of (node as Parents).children) block(child as Nodes, source, out)
      return
    default:
    // Code, HTML, front matter, definitions, thematic breaks: not prose.
  }
}

/**
 * Extract the prose of a Markdown document (CommonMark + GFM + YAML/TOML front matter), one
 * segment per paragraph, heading or table cell: text, emphasis, link text and image alt
 * text. Code blocks, inline code, URLs, HTML, front matter, footnote labels and reference
 * definitions are never checked; inline code and HTML inside a paragraph are kept exactly.
 */
export function extractMarkdown(source: string): Result<ProseSegment[]> {
  try {
    const tree: Root = fromMarkdown(source, {
      extensions: [gfm(), frontmatter(['yaml', 'toml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
    })
    const segments: ProseSegment[] = []
    block(tree, source, segments)
    return ok(segments)
  } catch (error) {
    // The parser and its tree walks recurse: thousands of nested quotes or lists exhaust the stack.
    if (error instanceof RangeError) return err('Markdown error at 1:1: nested too deeply to check')
    throw error
  }
}

/** Markdown (CommonMark with GitHub extensions). */
export const markdown: FormatAdapter = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  extract: extractMarkdown,
}
