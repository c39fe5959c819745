import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatFor, type ProseSegment } from '../../src/formats/index.js'
import { lintSource } from '../../src/pipeline.js'
import { rulesNamed } from './harness.js'

// Arbitrary input built from each format's own syntax: extraction never throws, every segment
// maps inside the source in order, and linting it never throws.
const pieces: Record<string, string[]> = {
  'a.md': [
    '# ',
    '**',
    '*',
    '_',
    '`',
    '```\n',
    '[',
    '](',
    ')',
    '![',
    '<b>',
    '&amp;',
    '\\',
    '> ',
    '- ',
    '|',
    '---\n',
    '\n',
    '\r\n',
    ' ',
    'a 100 -day',
    '[^1]',
    'x',
  ],
  'a.srt': [
    '1\n',
    '00:00:01,000 --> 00:00:02,000\n',
    '<i>',
    '</i>',
    '{\\an8}',
    '\n\n',
    '\r\n',
    'a 100 -day',
    ' ',
    'x',
  ],
  'a.vtt': [
    'WEBVTT\n\n',
    '00:01.000 --> 00:02.000\n',
    'NOTE ',
    '<v A>',
    '</v>',
    '&amp;',
    '\n\n',
    '\r\n',
    'a 100 -day',
    'x',
  ],
  'a.po': [
    'msgid ',
    'msgstr ',
    'msgstr[0] ',
    '"',
    '\\"',
    '\\n',
    '\\\\',
    '#, fuzzy\n',
    '\n',
    '\r\n',
    'a 100 -day',
    '%s',
    '{x}',
  ],
  'a.xlf': [
    '<xliff>',
    '</xliff>',
    '<target>',
    '</target>',
    '<g id="1">',
    '</g>',
    '<x/>',
    '&amp;',
    '&lt;',
    '<![CDATA[',
    ']]>',
    '\n',
    'a 100 -day',
    '"',
  ],
  'a.json': [
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    ',',
    '\\"',
    '\\u00e9',
    '\\n',
    '{{n}}',
    '{n, plural, one {#} other {# x}}',
    'a 100 -day',
    '1',
    'true',
  ],
  'a.html': [
    '<p>',
    '</p>',
    '<b>',
    '</b>',
    '<code>',
    '</code>',
    '<script>',
    '</script>',
    '<!--',
    '-->',
    '&amp;',
    '&nbsp',
    '<img alt="a -b">',
    '\n',
    'a 100 -day',
    '<',
  ],
}

function expectWellMapped(source: string, segments: readonly ProseSegment[]) {
  for (const segment of segments) {
    const map = (i: number) => (segment.toSource ? segment.toSource(i) : segment.offset + i)
    let previous = -1
    for (let i = 0; i <= segment.text.length; i++) {
      const at = map(i)
      expect(at).toBeGreaterThanOrEqual(Math.max(previous, 0))
      expect(at).toBeLessThanOrEqual(source.length)
      previous = at
    }
    for (const run of segment.runs ?? []) {
      expect(run.start).toBeLessThanOrEqual(run.end)
      expect(run.end).toBeLessThanOrEqual(source.length)
    }
  }
}

describe.each(Object.keys(pieces))('%s from random syntax', (path) => {
  it('extracts without throwing, maps inside the source and lints', () => {
    const adapter = formatFor(path)!
    const rules = rulesNamed('hyphen-space', 'repeated-word', 'quote-spacing')
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces[path]!), fc.string({ maxLength: 4 })), {
          maxLength: 40,
        }),
        (parts) => {
          const source = parts.join('')
          const result = adapter.extract(source)
          if (!result.ok) {
            expect(result.error).toMatch(/^[\w ]+ at \d+:\d+: /)
            expect(result.error).not.toContain('\n')
            return
          }
          expectWellMapped(source, result.value as ProseSegment[])
          expect(lintSource(path, source, { lint: { rules } }).ok).toBe(true)
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    )
  })
})
