import { describe, expect, it } from 'vitest'
import rule from '../../rules/cjk-punctuation.js'
import { applyChanges } from '../../src/engine/fix.js'
import { lintText } from '../../src/engine/lint.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Rainfall of 50-80 mm is expected from 20 to 22 July.',
    'Temperatures fell to -5 °C; pages 10 - 20 cover the details.',
    '- First item in the list',
    'Prices rose — sharply — in March, and the rest is history…',
    'The market opens at 8:30 a.m. and closes at 6 p.m.',
    'Growth was 4.5% year-on-year, e.g. in the U.S. and the EU.',
    'See https://example.com/~user/a,b or write to info@example.org.',
    'He said: "She told me, ‘It’s the “best” result,’ and left."',
    'The residents’ committee met in the Mayor’s office.',
    'Type ~5 for roughly five, or ~/notes for your folder.',
    'The café’s menu (in English) lists “jiaozi” [dumplings].',
    'Wait... what? Really?! Yes — really.',
    'The score was 2-2 after 90 minutes, 3~ minutes of added time later it ended.',
    'Hukou (户口) is the household registration system.',
  ],
  invalid: [
    {
      text: 'roads，bridges、tunnels and ports。The work goes on.',
      output: 'roads, bridges, tunnels and ports. The work goes on.',
      errors: [
        { column: 6, message: 'Unexpected `，`, expected `,`', actual: '，' },
        { column: 14, message: 'Unexpected `、`, expected `,`' },
        { column: 32, message: 'Unexpected `。`, expected `.`' },
      ],
    },
    {
      text: 'the hukou（household registration）system',
      output: 'the hukou (household registration) system',
      errors: [{ actual: '（' }, { actual: '）' }],
    },
    {
      text: 'Author：Li Ming Time：10：30',
      output: 'Author: Li Ming Time: 10:30',
      errors: 3,
    },
    {
      text: 'Sudden！A fire broke out ，and residents fled？',
      output: 'Sudden! A fire broke out, and residents fled?',
      errors: [{ actual: '！' }, { actual: ' ，' }, { actual: '？' }],
    },
    {
      text: 'heavy rainfall of 50~80mm and 5%～10% humidity, 3 ～ 5 days',
      output: 'heavy rainfall of 50-80mm and 5%-10% humidity, 3-5 days',
      errors: [{ message: 'Unexpected `~`, expected `-`' }, { actual: '～' }, { actual: ' ～ ' }],
    },
    {
      text: 'the campaign——including night patrols——ended……Then it rained',
      output: 'the campaign—including night patrols—ended... Then it rained',
      errors: [
        { column: 13, actual: '——', message: 'Unexpected `——`, expected `—`' },
        { actual: '——' },
        { actual: '……', message: 'Unexpected `……`, expected `...`' },
      ],
    },
    {
      text: 'a total of １２３ cases and ５０％ of ＡＢＣ Ltd',
      output: 'a total of 123 cases and 50% of ABC Ltd',
      errors: [{ actual: '１２３' }, { actual: '５０％' }, { actual: 'ＡＢＣ' }],
    },
    {
      text: 'see【Notice】and「Safe Summer」, or 『Rules』',
      output: 'see [Notice] and "Safe Summer", or 『Rules』',
      errors: 6,
    },
    {
      text: 'the book《River Town》was reprinted',
      output: null,
      errors: [{ message: 'Unexpected `《`, expected `"`' }, { actual: '》' }],
    },
    {
      text: '\u3000\u3000The bureau said\u3000it would act.',
      output: 'The bureau said it would act.',
      errors: [
        { column: 1, message: 'Unexpected ideographic space (U+3000)' },
        { column: 18, message: 'Unexpected ideographic space (U+3000), expected ` `' },
      ],
    },
    {
      text: 'a fine of 1，000 yuan, items 1，2，3',
      output: 'a fine of 1，000 yuan, items 1, 2, 3',
      errors: 3,
    },
    {
      text: 'said：“We will act.”（Reporter Li）',
      output: 'said: “We will act.” (Reporter Li)',
      errors: 3,
    },
    {
      text: 'the cost was ￥500, not ＄500.',
      output: 'the cost was ¥500, not $500.',
      errors: 2,
    },
  ],
})

describe('cjk-punctuation suggestions', () => {
  const lint = (text: string) => lintText(text, { rules: [rule] })
  it('offers quotes for a book title instead of fixing it', () => {
    const findings = lint('the book《River Town》was reprinted')
    expect(findings.map((f) => f.fix)).toEqual([null, null])
    const edits = findings.map((f) => f.suggestions[0]!.edits[0]!)
    expect(
      applyChanges(
        'the book《River Town》was reprinted',
        edits.map((e) => ({ ruleId: 'x', edits: [e] })),
      ).output,
    ).toBe('the book "River Town" was reprinted')
  })
  it('offers a thousands separator first and a list comma second', () => {
    const [finding] = lint('a fine of 1，000 yuan')
    expect(finding?.fix).toBeNull()
    expect(finding?.suggestions.map((s) => s.edits[0]?.text)).toEqual([',', ', '])
  })
  it('offers double, then single quotes for nested corner brackets', () => {
    const findings = lint('he said 『no』 twice')
    expect(findings.map((f) => f.suggestions.map((s) => s.edits[0]?.text))).toEqual([
      ['"', "'"],
      ['"', "'"],
    ])
  })
  it('leaves punctuation inside Chinese text to cjk-residue', () => {
    expect(lint('the slogan 安全第一，预防为主 was posted')).toEqual([])
  })
})
