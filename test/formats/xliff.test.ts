import { describe, expect, it } from 'vitest'
import {
  describeSample,
  errorOf,
  fixFile,
  lintFile,
  mechanical,
  segmentsOf,
  swapRule,
  textsOf,
} from './harness.js'

const wrap12 = (body: string) =>
  `<?xml version="1.0"?>\n<xliff version="1.2"><file><body>\n${body}\n</body></file></xliff>\n`

describe('XLIFF', () => {
  it('checks <target> text only: not sources, notes, attributes or alt-trans proposals', () => {
    const source = wrap12(
      '<trans-unit id="a -b"><source>a 100 -day source</source><target state="x -y">a 100 -day target</target>' +
        '<note>a 100 -day note</note><alt-trans><target>a 100 -day proposal</target></alt-trans></trans-unit>',
    )
    expect(textsOf('a.xlf', source)).toEqual(['a 100 -day target'])
    expect(lintFile('a.xlf', source, mechanical())).toHaveLength(1)
  })

  it('skips units and groups marked translate="no"', () => {
    const source = wrap12(
      '<group translate="no"><trans-unit id="1"><source>s</source><target>a 100 -day</target></trans-unit></group>' +
        '<trans-unit id="2" translate="no"><source>s</source><target>b 100 -day</target></trans-unit>' +
        '<trans-unit id="3"><source>s</source><target>c 100 -day</target></trans-unit>',
    )
    expect(textsOf('a.xlf', source)).toEqual(['c 100 -day'])
  })

  it('hides paired tags, keeps placeholders and protected marks opaque', () => {
    const source = wrap12(
      '<trans-unit id="1"><source>s</source><target>Click <g id="1">here</g><bx id="2"/> now <x id="3"/> ' +
        '<ph id="4">&lt;b x="1"&gt;</ph> <mrk mtype="protected">a -b</mrk> <mrk mtype="term">term</mrk></target></trans-unit>',
    )
    const [segment] = segmentsOf('a.xlf', source)
    expect(segment?.text).toBe(
      'Click here now <x id="3"/> <ph id="4">&lt;b x="1"&gt;</ph> <mrk mtype="protected">a -b</mrk> term',
    )
    expect(segment?.opaque).toHaveLength(3)
  })

  it('decodes entities for checking and re-encodes fixes', () => {
    const source = wrap12(
      '<trans-unit id="1"><source>s</source><target>Tom &amp; Jerry&#x2019;s 100 -day &lt;plan&gt; ，and more</target></trans-unit>',
    )
    expect(textsOf('a.xlf', source)).toEqual(['Tom & Jerry’s 100 -day &lt;plan&gt; ，and more'])
    const swap = swapRule({ '100 -day': '<100-day>', ' ，': ', &', 'Jerry’s': "Jerry's" })
    expect(fixFile('a.xlf', source, [swap]).output).toBe(
      source
        .replace('Jerry&#x2019;s 100 -day', "Jerry's &lt;100-day&gt;")
        .replace(' ，and', ', &amp;and'),
    )
  })

  it('reads XLIFF 2 segments with <pc>, <ph/>, <sc/>/<ec/> and translate="no"', () => {
    const source =
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f">' +
      '<unit id="u"><segment><source>s</source><target><sc id="1"/>Note<ec startRef="1"/>: <pc id="2">bold</pc> ' +
      '<ph id="3"/> <mrk id="m" translate="no">keep -me</mrk>.</target></segment></unit></file></xliff>'
    expect(textsOf('a.xliff', source)).toEqual([
      'Note: bold <ph id="3"/> <mrk id="m" translate="no">keep -me</mrk>.',
    ])
    expect(lintFile('a.xliff', source, mechanical())).toEqual([])
  })

  it('reads CDATA as its own segment with its markup kept', () => {
    const source = wrap12(
      '<trans-unit id="1"><source>s</source><target><![CDATA[Hours: <b>a 100 -day</b> plan]]></target></trans-unit>',
    )
    expect(textsOf('a.xlf', source)).toEqual(['Hours: <b>a 100 -day</b> plan'])
    expect(fixFile('a.xlf', source, mechanical()).output).toBe(
      source.replace('100 -day', '100-day'),
    )
  })

  it.each([
    [
      wrap12('<trans-unit id="1"><target>open'),
      'XML syntax error at 4:1: expected </target> (opened at 3:20), found </body>',
    ],
    ['<xliff><file><target>x</target></file>', 'XML syntax error at 1:1: <xliff> is never closed'],
    [
      wrap12('<target>Tom & Jerry</target>'),
      'XML syntax error at 3:13: `&` is not a valid reference (write `&amp;` for `&`)',
    ],
    [
      wrap12('<target>&nbsp;</target>'),
      'XML syntax error at 3:9: `&nbsp;` is not a valid reference (write `&amp;` for `&`)',
    ],
    [
      wrap12('<target x=1>y</target>'),
      'XML syntax error at 3:11: the value of attribute x must be quoted',
    ],
    [
      wrap12('<target>a < b</target>'),
      'XML syntax error at 3:11: a literal `<` must be written `&lt;`',
    ],
    [wrap12('<target><![CDATA[x</target>'), 'XML syntax error at 3:9: unterminated CDATA section'],
    [wrap12('<!-- x'), 'XML syntax error at 3:1: unterminated comment'],
    [
      '<html><body>x</body></html>',
      'XLIFF error at 1:1: the root element is <html>, expected <xliff>',
    ],
    ['not xml at all', 'XML syntax error at 1:1: text outside the root element'],
  ])('rejects malformed input: %j', (source, message) => {
    expect(errorOf('a.xlf', source)).toBe(message)
  })
})

describeSample('app.xlf', { avoid: '{}%<>$@#' })
describeSample('app-v2.xliff', { avoid: '{}%<>$@#' })
