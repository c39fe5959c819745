import { describe, expect, it } from 'vitest'
import { placeholderSpans } from '../../src/formats/placeholders.js'
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

function prose(message: string): string[] {
  const parts: string[] = []
  let cursor = 0
  for (const span of placeholderSpans(message)) {
    parts.push(message.slice(cursor, span.start))
    cursor = span.end
  }
  parts.push(message.slice(cursor))
  return parts.filter((p) => p !== '')
}

describe('JSON', () => {
  it('checks string values only, never keys, numbers or literals', () => {
    const source =
      '{"a -key": "a value", "n": [1, 2.5e3, true, null, "in \\"array\\""], "o": {"x -y": "nested"}}'
    expect(textsOf('a.json', source)).toEqual(['a value', 'in "array"', 'nested'])
  })

  it('decodes escapes for checking and re-encodes fixes', () => {
    const source = '{"a": "Click the\\" Handle now \\"button\\u0021 \\u4e2d"}'
    expect(textsOf('a.json', source)).toEqual(['Click the" Handle now "button! 中'])
    const swap = swapRule({ '" Handle': '“Handle', '"button': '"\\button', '!': '.\n' })
    expect(fixFile('a.json', source, [swap]).output).toBe(
      '{"a": "Click the“Handle now \\"\\\\button.\\n \\u4e2d"}',
    )
  })

  it('reports the position in the JSON file', () => {
    const source = '{\n  "a": "x",\n  "b": "a 100 -day plan"\n}\n'
    expect(lintFile('a.json', source, mechanical())[0]).toMatchObject({
      line: 3,
      column: 14,
      actual: ' -',
    })
  })

  it.each([
    ['Hello, {name}! You have {{count}} new messages', ['Hello, ', '! You have ', ' new messages']],
    ['%1$s uploaded %2$d files, %s and %(name)s', [' uploaded ', ' files, ', ' and ']],
    ['Growth of 59%and 35%', ['Growth of 59%and 35%']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${url}` placeholder, on purpose
    ['$t(app.title) is open; see $HELP_LINK$ and ${url}', [' is open; see ', ' and ']],
    ['Read the <1>service guide</1> now<br/>', ['Read the ', 'service guide', ' now']],
    ['Linked @:common.ok and @.lower:common.no', ['Linked ', ' and ']],
    [
      '{count, plural, offset:1 =0 {No items} one {# item} other {# items and {rest}}}',
      ['No items', ' item', ' items and '],
    ],
    ['{gender, select, male {He} other {They}} left', ['He', 'They', ' left']],
    ['{n, number, ::percent} done', [' done']],
    ['Unbalanced { brace and } stay prose', ['Unbalanced { brace and } stay prose']],
  ])('finds the placeholders of %j', (message, expected) => {
    expect(prose(message)).toEqual(expected)
  })

  it('never alters a placeholder, even when it looks like a defect', () => {
    const source =
      '{"a": "{{year -on -year}} growth ,and {count, plural, one {a 100 -day plan} other {# plans}}"}'
    expect(fixFile('a.json', source, mechanical()).output).toBe(
      '{"a": "{{year -on -year}} growth, and {count, plural, one {a 100-day plan} other {# plans}}"}',
    )
  })

  it('keeps placeholders visible to the rules, so words are never glued', () => {
    const [segment] = segmentsOf('a.json', '{"a": "Use the`{cmd}`tool"}')
    expect(segment?.text).toBe('Use the`{cmd}`tool')
  })

  it('yields nothing for non-i18n JSON without strings', () => {
    expect(textsOf('a.json', '[1, 2, [3, {"k": 4}]]')).toEqual([])
  })

  it('survives deep nesting without recursion', () => {
    const deep = `${'['.repeat(100_000)}"a b"${']'.repeat(100_000)}`
    expect(textsOf('a.json', deep)).toEqual(['a b'])
  })

  it.each([
    ['{"a": "x",}', 'JSON syntax error at 1:11: unexpected `}`, expected a key'],
    ['{"a" "x"}', 'JSON syntax error at 1:6: unexpected `"`, expected `:`'],
    ['{"a": "x"', 'JSON syntax error at 1:10: unexpected end of input, expected `,` or `}`'],
    ['{"a": "x\ny"}', 'JSON syntax error at 1:9: unexpected control character U+000a in a string'],
    ['{"a": "x\\q"}', 'JSON syntax error at 1:9: invalid escape in a string'],
    ['{"a": "unterminated}', 'JSON syntax error at 1:7: unterminated string'],
    ['{"a": 1} {"b": 2}', 'JSON syntax error at 1:10: unexpected `{` after the JSON value'],
    ['{\n  // comment\n}', 'JSON syntax error at 2:3: unexpected `/`, expected a key'],
    ['', 'JSON syntax error at 1:1: unexpected end of input, expected a value'],
    ['[01]', 'JSON syntax error at 1:3: unexpected `1`, expected `,` or `]`'],
  ])('rejects malformed input: %j', (source, message) => {
    expect(errorOf('a.json', source)).toBe(message)
  })
})

describeSample('locales.json', { avoid: '{}%<>$@#' })
