import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../../rules/index.js'
import type { Finding } from '../../src/engine/types.js'
import { fixSource } from '../../src/fix-files.js'
import { decodeText } from '../../src/io/text-file.js'
import { type CheckOptions, lintSource } from '../../src/pipeline.js'
import { type Block, Blocker, type BlockSizes, cutPoint } from '../../src/stream/blocks.js'
import { countBreaks, fixBlock, lintBlock, placeFindings } from '../../src/stream/check.js'
import { ChunkDecoder, ChunkEncoder } from '../../src/stream/decode.js'

// The streamed path must give what the whole-file path gives: same findings (offsets, lines,
// columns, fixes), same fixed text, whatever the block size. Heavier runs: MTCLEAN_PROPERTY_RUNS.
const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 60)

// Rules that look at the whole document (repeated-paragraph, scrape-residue) see a bounded
// window when streaming (documented), so the equivalence is checked without them; the window of
// repeated-paragraph is tested on its own below.
const documentRules = builtinRules.filter((r) => r.checkDocument).map((r) => r.meta.id)
const options: CheckOptions = { lint: { rules: builtinRules, disable: documentRules } }

const samplesDir = new URL('../../samples/', import.meta.url)
const sampleLines = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(new URL(name, samplesDir), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')

/** Cut a text into blocks as a stream of chunks of the given sizes would arrive. */
function blocksOf(text: string, sizes: BlockSizes, chunk: number): Block[] {
  const blocker = new Blocker(sizes)
  const blocks: Block[] = []
  for (let i = 0; i < text.length; i += chunk)
    blocks.push(...blocker.push(text.slice(i, i + chunk)))
  blocks.push(...blocker.end())
  return blocks
}

function streamedLint(text: string, sizes: BlockSizes, chunk: number): Finding[] {
  const findings: Finding[] = []
  for (const block of blocksOf(text, sizes, chunk)) {
    const result = lintBlock('doc.txt', block, options)
    if (!result.ok) throw new Error(result.error)
    findings.push(...placeFindings(result.value, block))
  }
  return findings
}

function streamedFix(text: string, sizes: BlockSizes, chunk: number): string {
  let output = ''
  for (const block of blocksOf(text, sizes, chunk)) {
    const result = fixBlock('doc.txt', block, options)
    if (!result.ok) throw new Error(result.error)
    output += result.value.output
  }
  return output
}

function wholeLint(text: string): Finding[] {
  const result = lintSource('doc.txt', text, options)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\n\n', '\r', '\n   \n')
const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...sampleLines) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<!-- mtclean-disable hyphen-space -->',
      '<!-- mtclean-enable hyphen-space -->',
      '<!-- mtclean-disable -->',
      '<!-- mtclean-enable -->',
      '<!-- mtclean-disable-next-line -->',
      'a 100 -day plan <!-- mtclean-disable-line -->',
      '"He said "yes',
      'the the end',
      '中文，标点。',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
)
const document = fc
  .array(fc.tuple(line, lineEnd), { maxLength: 40 })
  .map((parts) => parts.map(([l, e]) => l + e).join(''))
const sizes = fc.record({
  block: fc.integer({ min: 1, max: 3000 }),
  maxLine: fc.constant(1 << 20),
  contextLines: fc.integer({ min: 2, max: 8 }),
})

describe('a streamed text is checked as the whole text would be', () => {
  it('same findings (offsets, lines, columns, fixes) for any block and chunk size', () => {
    fc.assert(
      fc.property(document, sizes, fc.integer({ min: 1, max: 5000 }), (text, s, chunk) => {
        expect(streamedLint(text, s, chunk)).toEqual(wholeLint(text))
      }),
      { numRuns },
    )
  })

  it('same fixed text for any block and chunk size', () => {
    fc.assert(
      fc.property(document, sizes, fc.integer({ min: 1, max: 5000 }), (text, s, chunk) => {
        const whole = fixSource('doc.txt', text, options)
        if (!whole.ok) throw new Error(whole.error)
        expect(streamedFix(text, s, chunk)).toBe(whole.value.output)
      }),
      { numRuns },
    )
  })

  it('the blocks cover the text exactly once, in order, with line numbers as vfile counts them', () => {
    fc.assert(
      fc.property(document, sizes, fc.integer({ min: 1, max: 5000 }), (text, s, chunk) => {
        const blocks = blocksOf(text, s, chunk)
        expect(blocks.map((b) => b.text.slice(b.start, b.end)).join('')).toBe(text)
        for (const block of blocks) {
          expect(block.line).toBe(1 + countBreaks(text, 0, block.offset))
          expect(block.newlines).toBe(text.slice(0, block.offset).split('\n').length - 1)
        }
        expect(blocks.at(-1)?.last).toBe(true)
        expect(blocks.filter((b) => b.last)).toHaveLength(1)
      }),
      { numRuns },
    )
  })
})

describe('lines longer than the piece size', () => {
  const sizesWithPieces: BlockSizes = { block: 400, maxLine: 120, contextLines: 4 }

  it('are cut into pieces that together are the line, never inside a pair or after a CR', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 121, maxLength: 600 }), (text) => {
        const cut = cutPoint(text, 120)
        expect(cut).toBeGreaterThan(0)
        expect(cut).toBeLessThanOrEqual(120)
        const before = text.charCodeAt(cut - 1)
        if (cut > 1) expect(before >= 0xd800 && before <= 0xdbff).toBe(false)
      }),
      { numRuns },
    )
  })

  it('are checked piece by piece, with findings placed in the whole text', () => {
    const sentence = 'The team finished a 100 -day plan on time. '
    const text = `Intro line.\n${sentence.repeat(20)}\nLast line with a 5 -year plan.\n`
    const blocks = blocksOf(text, sizesWithPieces, 7)
    expect(blocks.some((b) => b.piece)).toBe(true)
    expect(blocks.map((b) => b.text.slice(b.start, b.end)).join('')).toBe(text)
    const findings = streamedLint(text, sizesWithPieces, 7).filter(
      (f) => f.ruleId === 'hyphen-space',
    )
    // Every `100 -day` and the last line's `5 -year`, each at its place in the whole text.
    expect(findings).toHaveLength(21)
    for (const f of findings) {
      expect(text.slice(f.start, f.end)).toBe(f.actual)
      const lineStart = text.lastIndexOf('\n', f.start - 1) + 1
      expect(f.column).toBe(f.start - lineStart + 1)
      expect(f.line).toBe(text.slice(0, f.start).split('\n').length)
    }
  })
})

describe('repeated-paragraph in a stream', () => {
  const all: CheckOptions = { lint: { rules: builtinRules, only: ['repeated-paragraph'] } }
  const headline = 'City opens a new riverside park after renovation'

  it('finds a copy across a block boundary (the copy is within the context lines)', () => {
    const filler = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of the story goes on here.`)
    const text = `${headline}\n${headline}\n${filler.join('\n')}\n`
    const blocker = new Blocker({ block: 10, maxLine: 1 << 20, contextLines: 2 })
    const blocks = [...blocker.push(text), ...blocker.end()]
    expect(blocks.length).toBeGreaterThan(1)
    const found = blocks.flatMap((b) => {
      const r = lintBlock('doc.txt', b, all)
      return r.ok ? placeFindings(r.value, b) : []
    })
    const whole = lintSource('doc.txt', text, all)
    expect(whole.ok && found).toEqual(whole.ok ? whole.value : [])
    expect(found).toHaveLength(1)
  })
})

describe('ChunkDecoder', () => {
  const encodings = ['utf8', 'utf8-bom', 'utf16le', 'utf16be'] as const
  const encode = (text: string, kind: (typeof encodings)[number]) => {
    if (kind === 'utf8') return Buffer.from(text, 'utf8')
    if (kind === 'utf8-bom')
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
    const body = Buffer.from(text, 'utf16le')
    if (kind === 'utf16be') body.swap16()
    return Buffer.concat([Buffer.from(kind === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body])
  }
  const decodeChunked = (bytes: Uint8Array, cuts: number[]) => {
    const decoder = new ChunkDecoder()
    let text = ''
    let from = 0
    for (const cut of [...cuts.filter((c) => c < bytes.length)].sort((a, b) => a - b)) {
      const part = decoder.push(bytes.subarray(from, cut))
      if (!part.ok) return part
      text += part.value
      from = cut
    }
    const part = decoder.push(bytes.subarray(from))
    if (!part.ok) return part
    const rest = decoder.end()
    if (!rest.ok) return rest
    return {
      ok: true as const,
      value: { text: text + part.value + rest.value, encoding: decoder.encoding },
    }
  }

  it('decodes valid text in any chunking as decodeText does, and encodes it back byte for byte', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom(...encodings),
        fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 8 }),
        (text, kind, cuts) => {
          const bytes = encode(text.replace(/\0/g, ''), kind)
          const whole = decodeText(bytes)
          const chunked = decodeChunked(bytes, cuts)
          expect(chunked).toEqual(whole)
          if (!chunked.ok) return
          const encoder = new ChunkEncoder(chunked.value.encoding!)
          // Blocks never split a surrogate pair; nor does this split.
          let half = chunked.value.text.length >> 1
          const code = chunked.value.text.charCodeAt(half - 1)
          if (code >= 0xd800 && code <= 0xdbff) half++
          const back = Buffer.concat([
            encoder.encode(chunked.value.text.slice(0, half)),
            encoder.encode(chunked.value.text.slice(half)),
          ])
          expect(back.equals(bytes)).toBe(true)
        },
      ),
      { numRuns: numRuns * 3 },
    )
  })

  it('refuses any bytes decodeText refuses, and accepts any it accepts', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.integer({ min: 0, max: 64 }), { maxLength: 5 }),
        (bytes, cuts) => {
          const whole = decodeText(bytes)
          const chunked = decodeChunked(bytes, cuts)
          expect(chunked.ok).toBe(whole.ok)
          if (whole.ok && chunked.ok) expect(chunked.value.text).toBe(whole.value.text)
        },
      ),
      { numRuns: numRuns * 5 },
    )
  })

  it('names the first bad byte and the NUL byte as decodeText does', () => {
    const bad = Buffer.from([0x61, 0x62, 0xc3, 0x28, 0x63])
    expect(decodeChunked(bad, [1, 3])).toEqual(decodeText(bad))
    const nul = Buffer.from('abc\0def')
    expect(decodeChunked(nul, [2])).toEqual(decodeText(nul))
    const odd = Buffer.from([0xfe, 0xff, 0x00, 0x41, 0x00])
    expect(decodeChunked(odd, [3])).toEqual(decodeText(odd))
  })
})
