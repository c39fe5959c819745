import type { SegmentBuilder } from './segment.js'

/**
 * Decoded text with, for each UTF-16 code unit, the source range it came from: a literal
 * character covers itself, an escape or entity covers all of its source.
 */
export class DecodedText {
  text = ''
  readonly starts: number[] = []
  readonly ends: number[] = []
  readonly #source: string

  constructor(source: string) {
    this.#source = source
  }

  /** Characters copied from `source[start, end)`. */
  literal(start: number, end: number): void {
    for (let i = start; i < end; i++) {
      this.starts.push(i)
      this.ends.push(i + 1)
    }
    this.text += this.#source.slice(start, end)
  }

  /** `text` decoded from the escape `source[start, end)`. */
  escape(text: string, start: number, end: number): void {
    for (let i = 0; i < text.length; i++) {
      this.starts.push(start)
      this.ends.push(end)
    }
    this.text += text
  }

  #isLiteral(k: number): boolean {
    const start = this.starts[k]!
    return this.ends[k]! - start === 1 && this.#source.charCodeAt(start) === this.text.charCodeAt(k)
  }

  /** Add the decoded range [from, to) to a segment as prose. */
  emit(builder: SegmentBuilder, from: number, to: number): void {
    let k = from
    while (k < to) {
      let j = k + 1
      if (this.#isLiteral(k)) {
        while (j < to && this.#isLiteral(j) && this.starts[j] === this.ends[j - 1]) j++
        builder.slice(this.starts[k]!, this.ends[j - 1]!)
      } else {
        while (j < to && this.starts[j] === this.starts[k] && !this.#isLiteral(j)) j++
        builder.decoded(this.text.slice(k, j), this.starts[k]!, this.ends[k]!)
      }
      k = j
    }
  }

  /** Add the decoded range [from, to) to a segment as opaque source. */
  emitOpaque(builder: SegmentBuilder, from: number, to: number): void {
    if (to > from) builder.opaque(this.starts[from]!, this.ends[to - 1]!)
  }
}
