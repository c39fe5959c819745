import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/types.js'
import { confineToProse, SegmentBuilder } from '../../src/formats/segment.js'

function finding(
  start: number,
  end: number,
  fix: { start: number; end: number; text: string } | null,
): Finding {
  return {
    ruleId: 'r',
    category: 'spacing',
    severity: 'error',
    message: 'm',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    start,
    end,
    actual: '',
    fix,
    suggestions: fix ? [{ label: 'l', edits: [fix] }] : [],
  }
}

describe('SegmentBuilder', () => {
  it('returns a pure slice without a map', () => {
    const source = 'xx hello world yy'
    const builder = new SegmentBuilder(source)
    builder.slice(2, 14)
    const segment = builder.build()!
    expect(segment.text).toBe('hello world')
    expect(segment.offset).toBe(3)
    expect(segment.toSource).toBeUndefined()
  })

  it('maps decoded characters to the start of their escape and the end to the last end', () => {
    const source = 'a&amp;b'
    const builder = new SegmentBuilder(source)
    builder.slice(0, 1)
    builder.decoded('&', 1, 6)
    builder.slice(6, 7)
    const segment = builder.build()!
    expect(segment.text).toBe('a&b')
    expect([0, 1, 2, 3].map(segment.toSource!)).toEqual([0, 1, 6, 7])
  })

  it('hides markup between pieces and maps across it', () => {
    const source = '<b>big</b> deal'
    const builder = new SegmentBuilder(source)
    builder.slice(3, 6)
    builder.slice(10, 15)
    const segment = builder.build()!
    expect(segment.text).toBe('big deal')
    expect(segment.toSource!(3)).toBe(10)
    expect(segment.runs?.map((r) => [r.start, r.end, r.joinBefore])).toEqual([
      [3, 6, false],
      [10, 15, true],
    ])
  })

  it('sees CRLF as one newline and trims white space at the edges', () => {
    const source = '  one\r\ntwo  '
    const builder = new SegmentBuilder(source)
    builder.slice(0, source.length)
    const segment = builder.build()!
    expect(segment.text).toBe('one\ntwo')
    expect(segment.toSource!(3)).toBe(5)
    expect(segment.toSource!(4)).toBe(7)
    expect(segment.toSource!(7)).toBe(10)
  })

  it('collapses HTML white space as a browser renders it', () => {
    const source = 'a \n\t b<i> c</i>'
    const builder = new SegmentBuilder(source, { collapseWhitespace: true })
    builder.slice(0, 6)
    builder.slice(9, 11)
    expect(builder.build()!.text).toBe('a b c')
  })

  it('keeps opaque source visible to the rules', () => {
    const source = 'Run `x -y` now'
    const builder = new SegmentBuilder(source)
    builder.slice(0, 4)
    builder.opaque(4, 10)
    builder.slice(10, 14)
    const segment = builder.build()!
    expect(segment.text).toBe(source)
    expect(segment.opaque).toEqual([[4, 10]])
  })

  it('returns undefined for white space or opaque source only', () => {
    const builder = new SegmentBuilder(' `x` ')
    builder.opaque(1, 4)
    expect(builder.build()).toBeUndefined()
  })
})

describe('confineToProse', () => {
  const source = 'Run `x -y` **now** ok'
  const builder = new SegmentBuilder(source)
  builder.slice(0, 4)
  builder.opaque(4, 10)
  builder.slice(10, 11)
  builder.seal()
  builder.slice(13, 16)
  builder.seal()
  builder.slice(18, 21)
  const segments = [builder.build()!]

  it('drops findings that touch opaque source', () => {
    expect(confineToProse([finding(6, 8, null), finding(3, 5, null)], segments)).toEqual([])
  })

  it('keeps fixes inside one run', () => {
    const [kept] = confineToProse([finding(0, 3, { start: 0, end: 3, text: 'Go' })], segments)
    expect(kept?.fix).toEqual({ start: 0, end: 3, text: 'Go' })
    expect(kept?.suggestions).toHaveLength(1)
  })

  it('drops fixes that would change hidden markup, keeping the finding', () => {
    const [kept] = confineToProse([finding(15, 19, { start: 15, end: 19, text: '' })], segments)
    expect(kept?.fix).toBeNull()
    expect(kept?.suggestions).toEqual([])
  })

  it('drops fixes that touch the edges of sealed markup', () => {
    const [kept] = confineToProse([finding(13, 14, { start: 13, end: 13, text: ' ' })], segments)
    expect(kept?.fix).toBeNull()
  })

  it('narrows an edit that ends where the next run starts over hidden markup', () => {
    const plain = 'a <b>b</b>c'
    const b = new SegmentBuilder(plain)
    b.slice(0, 2)
    b.slice(5, 6)
    b.slice(10, 11)
    const [kept] = confineToProse([finding(1, 5, { start: 1, end: 5, text: '' })], [b.build()!])
    expect(kept?.fix).toEqual({ start: 1, end: 2, text: '' })
  })

  it('ends a finding before hidden markup it would otherwise end after', () => {
    const text = 'a **b** c'
    const b = new SegmentBuilder(text)
    b.slice(0, 2)
    b.seal()
    b.slice(4, 5)
    b.seal()
    b.slice(7, 9)
    const [kept] = confineToProse([finding(4, 7, null)], [b.build()!], text)
    expect(kept).toMatchObject({ start: 4, end: 5, actual: 'b', endColumn: 6 })
  })

  it('leaves segments without runs alone', () => {
    const f = finding(0, 1, { start: 0, end: 1, text: 'x' })
    expect(confineToProse([f], [{ text: 'a', offset: 0 }])).toEqual([f])
  })
})
