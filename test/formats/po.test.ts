import { describe, expect, it } from 'vitest'
import {
  describeSample,
  errorOf,
  fixFile,
  lintFile,
  mechanical,
  swapRule,
  textsOf,
} from './harness.js'

describe('gettext PO', () => {
  it('checks msgstr only, joining continuation lines and decoding escapes', () => {
    const source = [
      '# translator comment -day',
      'msgid ""',
      'msgstr ""',
      '"Content-Type: text/plain; charset=UTF-8\\n"',
      '',
      '#, fuzzy',
      'msgctxt "menu -item"',
      'msgid "source -text"',
      'msgstr ""',
      '"He said \\"yes\\" "',
      '"twice\\tthen\\\\left.\\n"',
      '',
      'msgid "one"',
      'msgid_plural "many"',
      'msgstr[0] "one file"',
      'msgstr[1] "%d files"',
      '',
      '#~ msgid "old"',
      '#~ msgstr "obsolete -entry"',
      '',
    ].join('\n')
    expect(textsOf('a.po', source)).toEqual([
      'He said "yes" twice\tthen\\left.',
      'one file',
      '%d files',
    ])
  })

  it('re-escapes replacements and never splits an escape', () => {
    const source = 'msgid "a"\nmsgstr "Say “hi” \\"ok\\" TAB now"\n'
    const swap = swapRule({ '“': '"', '”': '\\', '"ok': 'OK', TAB: '\t', now: 'later\n' })
    expect(fixFile('a.po', source, [swap]).output).toBe(
      'msgid "a"\nmsgstr "Say \\"hi\\\\ OK\\" \\t later\\n"\n',
    )
  })

  it('reports positions in the PO file', () => {
    const source = 'msgid "a"\nmsgstr ""\n"first line "\n"a 100 -day plan"\n'
    const [finding] = lintFile('a.po', source, mechanical())
    expect(finding).toMatchObject({ ruleId: 'hyphen-space', line: 4, column: 7, actual: ' -' })
  })

  it('never touches printf placeholders', () => {
    const source = 'msgid "a"\nmsgstr "Uploaded %d files ,and {{year -on -year}} %s -day"\n'
    expect(fixFile('a.po', source, mechanical()).output).toBe(
      'msgid "a"\nmsgstr "Uploaded %d files, and {{year -on -year}} %s-day"\n',
    )
  })

  it.each([
    ['msgid "a"\nmsgstr "unterminated\n', 'PO syntax error at 2:8: unterminated string'],
    ['msgid "a"\nmsgstr "bad \\q escape"\n', 'PO syntax error at 2:13: unknown escape `\\q`'],
    ['msgid "a"\nmsgstr "x" trailing\n', 'PO syntax error at 2:12: unexpected text after a string'],
    ['msgid "a"\nmsgstr x\n', 'PO syntax error at 2:8: expected a string after msgstr'],
    ['msgstr "x"\n', 'PO syntax error at 1:1: msgstr without msgid'],
    ['"x"\n', 'PO syntax error at 1:1: a string continues no keyword'],
    [
      'hello world\n',
      'PO syntax error at 1:1: expected a keyword (msgctxt, msgid, msgid_plural, msgstr) or a string',
    ],
    [
      'msgid "a"\nmsgid "b"\nmsgstr "c"\n',
      'PO syntax error at 2:1: msgid before the msgstr of the previous entry',
    ],
    ['msgid "a"\n', 'PO syntax error at 2:1: entry without msgstr'],
  ])('rejects malformed input: %j', (source, message) => {
    expect(errorOf('a.po', source)).toBe(message)
  })
})

describeSample('app.po', { avoid: '{}%<>$@#' })
