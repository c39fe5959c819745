import { describe, expect, it } from 'vitest'
import {
  describeSample,
  errorOf,
  fixFile,
  lintFile,
  mechanical,
  rulesNamed,
  segmentsOf,
  swapRule,
  textsOf,
} from './harness.js'

describe('Markdown', () => {
  it('checks headings, paragraphs, list items, quotes, table cells, link text and alt text', () => {
    const source = [
      '# A 100 -day *plan*',
      '',
      'Setext -heading',
      '===',
      '',
      '- item [link -text](https://example.com/a-b "a -b title")',
      '  continued ![alt -text](x.png)',
      '  1. nested',
      '',
      '> quoted line',
      '> second **line**',
      '',
      '| Head -one | Two \\| three |',
      '| --- | --- |',
      '| cell -a | `code` |',
    ].join('\n')
    expect(textsOf('a.md', source)).toEqual([
      'A 100 -day plan',
      'Setext -heading',
      'item link -text\ncontinued alt -text',
      'nested',
      'quoted line\nsecond line',
      'Head -one',
      'Two | three',
      'cell -a',
    ])
  })

  it('never checks code, URLs, HTML, front matter, footnote labels or definitions', () => {
    const source = [
      '---',
      'title: a 100 -day plan',
      '---',
      '',
      '```',
      'a 100 -day fenced',
      '```',
      '',
      '    a 100 -day indented',
      '',
      '<div>a 100 -day html block</div>',
      '',
      'Visit <https://a.example/x，y> or www.example.com/x，y now.',
      '',
      'A note[^1].',
      '',
      '[^1]: The note -text.',
      '',
      '[ref -def]: https://example.com "a 100 -day title"',
    ].join('\n')
    expect(textsOf('a.md', source)).toEqual([
      'Visit <https://a.example/x，y> or www.example.com/x，y now.',
      'A note[^1].',
      'The note -text.',
    ])
    expect(
      lintFile('a.md', source, rulesNamed('hyphen-space', 'cjk-punctuation')).map((f) => f.line),
    ).toEqual([17])
  })

  it('skips TOML front matter', () => {
    expect(textsOf('a.md', '+++\ntitle = "a 100 -day"\n+++\n\nBody text.\n')).toEqual([
      'Body text.',
    ])
  })

  it('keeps inline code and HTML exactly, visible to the rules so words never glue', () => {
    const source = 'Use the`x -y`tool and <kbd>Ctrl</kbd> + a 100 -day key.'
    const [segment] = segmentsOf('a.md', source)
    expect(segment?.text).toBe('Use the`x -y`tool and <kbd>Ctrl</kbd> + a 100 -day key.')
    expect(segment?.opaque).toHaveLength(3)
  })

  it('decodes escapes and entities, and re-escapes fixes', () => {
    const source = 'Tom &amp; Jerry \\*really\\* ran a 100 -day 【plan】 the" best "way.'
    expect(textsOf('a.md', source)).toEqual([
      'Tom & Jerry *really* ran a 100 -day 【plan】 the" best "way.',
    ])
    const swap = swapRule({ '【': '[', '】': '] `x`', '& Jerry': 'Jerry_s &', '*really*': '*' })
    expect(fixFile('a.md', source, [swap]).output).toBe(
      'Tom Jerry\\_s \\& \\* ran a 100 -day \\[plan\\] \\`x\\` the" best "way.',
    )
  })

  it('fixes inside emphasis and links but never moves their delimiters', () => {
    const source = 'A **year -on -year** rise by 42%**and more** in [a 100 -day](u) plan.'
    const fixed = fixFile('a.md', source, mechanical()).output
    expect(fixed).toBe('A **year-on-year** rise by 42%**and more** in [a 100-day](u) plan.')
    const missing = lintFile('a.md', source, mechanical()).find((f) => f.ruleId === 'missing-space')
    expect(missing).toMatchObject({ actual: '%', fix: null })
  })

  it('refuses nesting too deep to parse with one clear line, not a crash', () => {
    expect(errorOf('a.md', `${'>'.repeat(20_000)} x`)).toBe(
      'Markdown error at 1:1: nested too deeply to check',
    )
  })

  it('reports lines and columns in the Markdown file', () => {
    const source = '# Title\n\n> first\n> a 100 -day plan\n'
    expect(lintFile('a.md', source, rulesNamed('hyphen-space'))[0]).toMatchObject({
      line: 4,
      column: 8,
    })
  })

  it('never fixes across markup, even when the finding spans it', () => {
    const source = 'We met the [the](u) team.'
    const [repeated] = lintFile('a.md', source, rulesNamed('repeated-word'))
    expect(repeated).toMatchObject({ ruleId: 'repeated-word', fix: null })
  })
})

describeSample('guide.md', {
  normalize: (text) => text.replace(/[ \t]*\n[ \t]*/g, '\n').trim(),
})
