import { describe, expect, it } from 'vitest'
import {
  describeSample,
  fixFile,
  lintFile,
  mechanical,
  rulesNamed,
  swapRule,
  textsOf,
} from './harness.js'

describe('HTML', () => {
  it('checks text per block element, with inline tags hidden and white space collapsed', () => {
    const source =
      '<h1>A  <em>100</em>\n   -day\tplan</h1><p>First <span class="x -y">para</span>.<p>Second<li>item</li>'
    expect(textsOf('a.html', source)).toEqual(['A 100 -day plan', 'First para.', 'Second', 'item'])
  })

  it('never checks script, style, pre, textarea, comments or most attributes', () => {
    const source = [
      '<head><title>A 100 -day title</title><meta content="a 100 -day meta">',
      '<script>if (a <b) x = 100 -day</script><style>p { margin: 0 -1px }</style></head>',
      '<body><pre>a 100 -day\n  pre</pre><textarea>a 100 -day</textarea><!-- a 100 -day -->',
      '<svg><text>a 100 -day</text></svg><p data-x="a 100 -day">ok</p></body>',
    ].join('\n')
    expect(textsOf('a.html', source)).toEqual(['A 100 -day title', 'ok'])
  })

  it('keeps code opaque and checks alt and title attributes on their own', () => {
    const source =
      '<p>Run <code>x -y</code> now <img src="a.png" alt="A 100 -day plan" title=\'Photo -credit\'> end.</p>' +
      '<p><abbr title="World Health -Organization">WHO</abbr> said.</p>'
    expect(textsOf('a.html', source)).toEqual([
      'Run <code>x -y</code> now <img src="a.png" alt="" title=\'\'> end.',
      'A 100 -day plan',
      'Photo -credit',
      'World Health -Organization',
      'WHO said.',
    ])
    expect(fixFile('a.html', source, mechanical()).output).toBe(
      source
        .replace('100 -day', '100-day')
        .replace('Photo -credit', 'Photo-credit')
        .replace('Health -Organization', 'Health-Organization'),
    )
  })

  it('decodes entities for checking and re-encodes fixes', () => {
    const source =
      '<p>Fish &amp; chips&nbsp;cost 25 yuan，and &copy 2023 the&quot; best &quot;snacks.</p>'
    expect(textsOf('a.html', source)).toEqual([
      'Fish & chips\u00a0cost 25 yuan，and © 2023 the" best "snacks.',
    ])
    const swap = swapRule({ '，': ', ', '" best "': ' <best> ', '& chips': '& fries', '©': '(c)' })
    expect(fixFile('a.html', source, [swap]).output).toBe(
      '<p>Fish &amp; fries&nbsp;cost 25 yuan, and (c) 2023 the &lt;best&gt; snacks.</p>',
    )
  })

  it('escapes fixes in attribute values for their quoting', () => {
    const source =
      '<img alt=operation,the><img title="the&quot; best &quot;plan"><img alt=\'the" best "plan\'>'
    expect(textsOf('a.html', source)).toEqual([
      'operation,the',
      'the" best "plan',
      'the" best "plan',
    ])
    const swap = swapRule({ ',': '; ', '" best "': ' "best" ' })
    expect(fixFile('a.html', source, [swap]).output).toBe(
      '<img alt=operation;&#32;the><img title="the &#34;best&#34; plan"><img alt=\'the "best" plan\'>',
    )
  })

  it('reports positions in the HTML file and never fixes across a tag', () => {
    const source = '<p>\n  the <b>the</b> end\n</p>'
    const [repeated] = lintFile('a.html', source, rulesNamed('repeated-word')).map((f) => ({
      line: f.line,
      column: f.column,
      fix: f.fix,
    }))
    expect(repeated).toEqual({ line: 2, column: 3, fix: null })
  })

  it('keeps elements marked translate="no" as they are', () => {
    const source =
      '<p>Ask <span translate="no">Smart -Community</span> now.</p><div translate="no"><p>a -b</p></div><p>End.</p>'
    expect(textsOf('a.html', source)).toEqual([
      'Ask <span translate="no">Smart -Community</span> now.',
      'End.',
    ])
    expect(lintFile('a.html', source, rulesNamed('hyphen-space'))).toEqual([])
  })

  it('is forgiving: unclosed tags and stray brackets are text, never an error', () => {
    expect(textsOf('a.html', '<p>a < b and c > d<p>unclosed <b>bold')).toEqual([
      'a < b and c > d',
      'unclosed bold',
    ])
  })
})

describeSample('page.html', {
  normalize: (text) => text.replace(/[ \t\n\r\f]+/g, ' ').trim(),
})
