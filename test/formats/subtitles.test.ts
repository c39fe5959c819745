import { describe, expect, it } from 'vitest'
import { describeSample, errorOf, fixFile, lintFile, mechanical, textsOf } from './harness.js'

describe('SubRip', () => {
  const source = [
    '1',
    '00:00:01,000 --> 00:00:04,000 X1:10 X2:100 Y1:10 Y2:50',
    '{\\an8}<i>A 100 -day</i> <font color="#ff0000">campaign</font>',
    'starts today.',
    '',
    '2',
    '00:00:05,000 --> 00:00:06,000',
    '123 -456',
    '',
  ].join('\n')

  it('checks cue text only, one segment per cue, tags and style codes hidden', () => {
    expect(textsOf('a.srt', source)).toEqual(['A 100 -day campaign\nstarts today.', '123 -456'])
  })

  it('fixes the text and nothing else, with positions in the file', () => {
    const [finding] = lintFile('a.srt', source, mechanical())
    expect(finding).toMatchObject({ ruleId: 'hyphen-space', line: 3, column: 15 })
    expect(fixFile('a.srt', source, mechanical()).output).toBe(
      source.replace('100 -day', '100-day'),
    )
  })

  it('accepts cues without an index, CRLF and a missing final newline', () => {
    const text =
      '00:00:01,000 --> 00:00:02,000\r\nHello\r\nworld\r\n\r\n00:00:03.5 --> 00:00:04,000\r\nAgain'
    expect(textsOf('a.srt', text)).toEqual(['Hello\nworld', 'Again'])
  })

  it.each([
    [
      '1\nHello there\n',
      'SRT syntax error at 2:1: expected a timestamp line (00:00:01,000 --> 00:00:04,000)',
    ],
    [
      'Just some text\n',
      'SRT syntax error at 1:1: expected a timestamp line (00:00:01,000 --> 00:00:04,000)',
    ],
    [
      '1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 -> 00:00:04,000\nB\n',
      'SRT syntax error at 6:1: expected a timestamp line (00:00:01,000 --> 00:00:04,000)',
    ],
  ])('rejects malformed input: %j', (text, message) => {
    expect(errorOf('a.srt', text)).toBe(message)
  })
})

describe('WebVTT', () => {
  const source = [
    'WEBVTT - Test -file',
    '',
    'NOTE a 100 -day note',
    '',
    'STYLE',
    '::cue { color: red -blue; }',
    '',
    'REGION',
    'id:fred width:40%',
    '',
    'cue-1 -id',
    '00:01.000 --> 00:04.000 align:start line:-1',
    '<v Roger Bingham>Tom &amp; Jerry run a 100 -day</v> <c.loud>campaign</c>',
    '<00:02.500>today &lt;live&gt;.',
    '',
  ].join('\n')

  it('checks cue payloads only; entities decoded, tags hidden', () => {
    expect(textsOf('a.vtt', source)).toEqual(['Tom & Jerry run a 100 -day campaign\ntoday <live>.'])
  })

  it('fixes the payload and keeps entities encoded', () => {
    expect(fixFile('a.vtt', source, mechanical()).output).toBe(
      source.replace('100 -day</v>', '100-day</v>'),
    )
  })

  it.each([
    [
      '00:01.000 --> 00:02.000\nHello\n',
      'WebVTT syntax error at 1:1: a WebVTT file starts with `WEBVTT`',
    ],
    [
      'WEBVTT\n\nHello\nthere\n',
      'WebVTT syntax error at 4:1: expected a cue timing line (00:00:01.000 --> 00:00:04.000)',
    ],
    [
      'WEBVTT\n\n00:01,000 --> 00:02,000\nHello\n',
      'WebVTT syntax error at 3:1: expected a cue timing line (00:00:01.000 --> 00:00:04.000)',
    ],
  ])('rejects malformed input: %j', (text, message) => {
    expect(errorOf('a.vtt', text)).toBe(message)
  })
})

describeSample('episode.srt', { avoid: '<{' })
describeSample('episode.vtt')
