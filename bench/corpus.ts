import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A small deterministic PRNG (mulberry32), so corpora are the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Sentences of the plain-text samples, the material the corpus is varied from. */
export function sampleSentences(samplesDir: string): string[] {
  const sentences: string[] = []
  for (const name of readdirSync(samplesDir).sort()) {
    if (!name.endsWith('.txt')) continue
    const text = readFileSync(join(samplesDir, name), 'utf8')
    for (const line of text.split('\n')) {
      for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z"])/)) {
        if (sentence.trim()) sentences.push(sentence.trim())
      }
    }
  }
  return sentences
}

/**
 * Make a paragraph: 2–8 sample sentences in random order with their figures changed, so the
 * text varies while keeping the samples' defects and their density.
 */
export function makeParagraph(sentences: readonly string[], next: () => number): string {
  const count = 2 + Math.floor(next() * 7)
  const parts: string[] = []
  for (let i = 0; i < count; i++) {
    const sentence = sentences[Math.floor(next() * sentences.length)] ?? ''
    parts.push(sentence.replace(/\d+/g, (d) => String(Math.floor(next() * 10 ** d.length))))
  }
  return parts.join(' ')
}

/** Make a text of about `bytes` bytes: paragraphs on their own lines. */
export function makeText(sentences: readonly string[], bytes: number, next: () => number): string {
  const paragraphs: string[] = []
  let size = 0
  while (size < bytes) {
    const paragraph = makeParagraph(sentences, next)
    paragraphs.push(paragraph)
    size += Buffer.byteLength(paragraph) + 1
  }
  return `${paragraphs.join('\n')}\n`
}

/**
 * Write a corpus under `dir`: `many/` (files of 20–200 KB, `totalBytes` in all) and
 * `large.txt` (one file of `totalBytes`). Returns the two paths.
 */
export function writeCorpus(samplesDir: string, dir: string, totalBytes: number, seed = 1) {
  const sentences = sampleSentences(samplesDir)
  const next = random(seed)
  const many = join(dir, 'many')
  mkdirSync(many, { recursive: true })
  let written = 0
  for (let index = 0; written < totalBytes; index++) {
    const size = 20_000 + Math.floor(next() * 180_000)
    const text = makeText(sentences, size, next)
    const folder = join(many, String(index % 16).padStart(2, '0'))
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `doc-${String(index).padStart(5, '0')}.txt`), text)
    written += Buffer.byteLength(text)
  }
  const large = join(dir, 'large.txt')
  writeFileSync(large, makeText(sentences, totalBytes, next))
  return { many, large }
}
