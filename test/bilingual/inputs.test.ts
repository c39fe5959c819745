import { describe, expect, it } from 'vitest'
import { builtinRules } from '../../rules/index.js'
import type { BilingualFinding } from '../../src/bilingual/index.js'
import { readBilingual } from '../../src/bilingual/index.js'
import type { BilingualOptions } from '../../src/bilingual/types.js'
import { applyChanges, changeOf } from '../../src/engine/fix.js'
import type { AnyRule } from '../../src/engine/types.js'
import { extractPo } from '../../src/formats/po.js'
import { extractXliff } from '../../src/formats/xliff.js'
import { lintSource } from '../../src/pipeline.js'

// One defect per case; every input kind carries the same cases.
type Case = readonly [source: string, target: string, rule: string | null]
const cases: Case[] = [
  ['共补助5万元', 'A subsidy of 5 ten thousand yuan in total', 'number-mismatch'],
  ['请勿酒后驾车', '请勿酒后驾车', 'untranslated'],
  ['感谢您的支持', '', 'empty-target'],
  ['开展“百日行动”', 'Carry out the Hundred Days Action', 'quote-mismatch'],
  ['开展“夏季行动”', 'Carry out the "Summer Action" & more', null],
  ['观看电影《长津湖》', 'Watch the film The Battle at Lake Changjin', 'title-unmarked'],
  ['本报讯（记者 张明）', 'This newspaper reports', 'bracket-mismatch'],
  [
    '各级公安机关要切实提高政治站位，严厉打击各类违法犯罪活动，维护人民群众合法权益。',
    'Police act.',
    'length-ratio',
  ],
  ['新闻发布会', 'Press conference', null],
  ['新闻发布会', 'News release meeting', 'inconsistent-translation'],
  ['2022年8月10日', 'August 10, 2022', null],
]

const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
const po = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')

const writers: Record<string, (rows: readonly Case[]) => string> = {
  'doc.xlf': (rows) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff version="1.2"><file source-language="zh-CN" target-language="en" datatype="plaintext" original="x"><body>',
      ...rows.map(
        ([s, t], i) =>
          `<trans-unit id="u${i + 1}"><source>${xml(s)}</source><target>${xml(t)}</target></trans-unit>`,
      ),
      '</body></file></xliff>',
      '',
    ].join('\n'),
  'doc.po': (rows) =>
    [
      'msgid ""',
      'msgstr "Content-Type: text/plain; charset=UTF-8\\n"',
      '',
      // PO keeps one entry per msgctxt + msgid: repeated sources need a context of their own.
      ...rows.map(([s, t], i) => `msgctxt "c${i}"\nmsgid "${po(s)}"\nmsgstr "${po(t)}"\n`),
    ].join('\n'),
  'doc.tsv': (rows) =>
    ['id\tzh\ten', ...rows.map(([s, t], i) => `${i + 1}\t${s}\t${t}`), ''].join('\n'),
  'doc.jsonl': (rows) =>
    `${rows.map(([s, t], i) => JSON.stringify({ id: i + 1, zh: s, en: t })).join('\n')}\n`,
  'doc.txt': (rows) => `${rows.map(([, t]) => t).join('\n')}\n`,
}

function lint(
  path: string,
  text: string,
  bilingual?: BilingualOptions,
  rules: readonly AnyRule[] = [],
) {
  const options = bilingual ? { lint: { rules }, bilingual } : { lint: { rules } }
  const result = lintSource(path, text, options)
  if (!result.ok) throw new Error(result.error)
  return result.value as BilingualFinding[]
}

describe.each(Object.keys(writers))('%s', (path) => {
  const text = writers[path]!(cases)
  const aligned: BilingualOptions | undefined =
    path === 'doc.txt'
      ? { sourceText: `${cases.map(([s]) => s).join('\n')}\n`, sourcePath: 'doc.zh.txt' }
      : undefined
  const findings = lint(path, text, aligned)

  const flagged = cases.filter(
    ([, , rule]) => rule !== null && !(rule === 'inconsistent-translation' && path === 'doc.po'),
  )
  it.each(flagged)('%s → %s: %s', (source, _target, rule) => {
    expect(findings.some((f) => f.ruleId === rule && f.sourceSegment?.text === source)).toBe(true)
  })

  it('finds nothing else', () => {
    const ids = findings.map((f) => f.ruleId).sort()
    const expected = cases
      .map(([, , rule]) => rule)
      .filter(
        (r): r is string => r !== null && !(r === 'inconsistent-translation' && path === 'doc.po'),
      )
      .sort()
    expect(ids).toEqual(expected)
  })

  it('maps findings to the file and fixes it byte-exactly', () => {
    const calque = findings.find((f) => f.ruleId === 'number-mismatch')!
    expect(calque.actual).toBe('5 ten thousand')
    expect(text.slice(calque.start, calque.end)).toBe('5 ten thousand')
    const fixed = applyChanges(text, [changeOf(calque)!]).output
    expect(fixed).toBe(text.replace('5 ten thousand', '50,000'))
    expect(lint(path, fixed, aligned).some((f) => f.ruleId === 'number-mismatch')).toBe(false)
  })

  it('gives every finding its source segment and line', () => {
    for (const f of findings) {
      const row = cases.find(([s]) => s === f.sourceSegment?.text)
      expect(row, f.message).toBeDefined()
      expect(f.sourceSegment!.line).toBeGreaterThan(0)
    }
    const empty = findings.find((f) => f.ruleId === 'empty-target')!
    expect(empty.start).toBe(empty.end)
  })
})

describe('monolingual findings in a bilingual file', () => {
  it('carry the source segment too', () => {
    const text = writers['doc.tsv']!([['为期100天的行动', 'a 100 -day action', null]])
    const findings = lint('doc.tsv', text, undefined, builtinRules)
    const hyphen = findings.find((f) => f.ruleId === 'hyphen-space')
    expect(hyphen?.sourceSegment).toEqual({ text: '为期100天的行动', line: 2 })
  })

  it('lose what a bilingual rule proves: cjk-residue inside an untranslated target', () => {
    const text = writers['doc.tsv']!([['请勿酒后驾车。', '请勿酒后驾车。', null]])
    const ids = lint('doc.tsv', text, undefined, builtinRules).map((f) => f.ruleId)
    expect(ids).toEqual(['untranslated'])
  })
})

describe('XLIFF', () => {
  const unit = (source: string, target: string, language = 'zh-CN') =>
    `<xliff version="1.2"><file source-language="${language}" target-language="en" datatype="plaintext" original="x"><body><trans-unit id="1"><source>${source}</source>${target}</trans-unit></body></file></xliff>`

  it('masks inline codes in source and target', () => {
    const text = unit(
      '共<x id="1"/>起，<g id="2">增长</g>5%',
      '<target>A total of <x id="1"/> cases, <g id="2">up</g> 5%</target>',
    )
    expect(lint('a.xlf', text)).toEqual([])
  })

  it('joins the pieces of a target split by CDATA', () => {
    const text = unit(
      '服务时间8:30至17:30',
      '<target>Service hours <![CDATA[<b>8:30</b>]]> to 17:30</target>',
    )
    expect(lint('a.xlf', text)).toEqual([])
  })

  it('counts italic inline markup as a title marking', () => {
    const italic = unit(
      '观看《大江大河》',
      '<target>Watch <g id="1" ctype="x-italic">Great Rivers</g></target>',
    )
    expect(lint('a.xlf', italic)).toEqual([])
    const plain = unit(
      '观看《大江大河》',
      '<target>Watch <g id="1" ctype="bold">Great Rivers</g></target>',
    )
    expect(lint('a.xlf', plain).map((f) => f.ruleId)).toEqual(['title-unmarked'])
  })

  it('reports a missing <target> where it would go', () => {
    const text = unit('感谢支持', '')
    const [finding] = lint('a.xlf', text)
    expect(finding).toMatchObject({ ruleId: 'empty-target', start: text.indexOf('</source>') + 9 })
  })

  it('does not fix across an inline tag', () => {
    const text = unit(
      '补助5万元',
      '<target>A subsidy of 5 ten <g id="1">thousand</g> yuan</target>',
    )
    const finding = lint('a.xlf', text).find((f) => f.ruleId === 'number-mismatch')
    expect(finding?.fix).toBeNull()
  })

  it('ignores <alt-trans> proposals and files whose source is not Chinese', () => {
    const alt = unit(
      '感谢支持',
      '<target>Thanks for your support</target><alt-trans><target>感谢支持</target></alt-trans>',
    )
    expect(lint('a.xlf', alt)).toEqual([])
    expect(
      readBilingual('a.xlf', unit('Thanks', '<target>Merci</target>', 'en'), undefined),
    ).toEqual({ ok: true, value: undefined })
  })

  it('reads XLIFF 2 segments', () => {
    const text =
      '<xliff version="2.0" srcLang="zh" trgLang="en"><file id="f"><unit id="u1"><segment><source>补助5万元</source><target>5 ten thousand yuan of subsidies</target></segment></unit></file></xliff>'
    const [finding] = lint('a.xliff', text)
    expect(finding).toMatchObject({ ruleId: 'number-mismatch', actual: '5 ten thousand' })
    expect(extractXliff(applyChanges(text, [changeOf(finding!)!]).output).ok).toBe(true)
  })
})

describe('PO', () => {
  it('fixes a figure split over continuation lines and stays valid PO', () => {
    const text = 'msgid "补助5万元"\nmsgstr ""\n"A subsidy of 5 ten "\n"thousand yuan"\n'
    const [finding] = lint('a.po', text)
    expect(finding?.actual).toBe('5 ten "\n"thousand')
    const fixed = applyChanges(text, [changeOf(finding!)!]).output
    expect(fixed).toBe('msgid "补助5万元"\nmsgstr ""\n"A subsidy of 50,000 yuan"\n')
    expect(extractPo(fixed).ok).toBe(true)
  })

  it('keeps plural forms and contexts apart, and skips the header', () => {
    const text = [
      'msgid ""\nmsgstr "Language: en\\n"\n',
      'msgid "%d 条新消息"\nmsgid_plural "%d 条新消息"\nmsgstr[0] "%d new message"\nmsgstr[1] "%d new messages"\n',
      'msgctxt "a"\nmsgid "首页"\nmsgstr "Home"\n',
      'msgctxt "b"\nmsgid "首页"\nmsgstr "Front page"\n',
    ].join('\n')
    expect(lint('a.po', text)).toEqual([])
  })

  it('leaves a PO file with English msgids to the monolingual rules', () => {
    expect(readBilingual('a.po', 'msgid "Home"\nmsgstr "Accueil"\n', undefined)).toEqual({
      ok: true,
      value: undefined,
    })
  })
})

describe('TSV', () => {
  it('takes columns by --source-field and --target-field', () => {
    const text = 'key\t原文\t机器译文\nk1\t补助5万元\t5 ten thousand yuan\n'
    const findings = lint('a.tsv', text, { sourceField: '原文', targetField: '机器译文' })
    expect(findings.map((f) => f.actual)).toEqual(['5 ten thousand'])
  })

  it('reads two columns without a header', () => {
    expect(
      lint('a.tsv', '补助5万元\t5 ten thousand yuan\n感谢\tThanks\n').map((f) => f.ruleId),
    ).toEqual(['number-mismatch'])
  })

  it('names a missing column', () => {
    const read = readBilingual('a.tsv', 'zh\ten\n补助\tSubsidy\n', undefined, { targetField: 'mt' })
    expect(read).toEqual({
      ok: false,
      error: "TSV error at 1:1: no column named 'mt' in the header (zh, en)",
    })
  })

  it('is not bilingual without Chinese sources or known columns', () => {
    expect(readBilingual('a.tsv', 'a\tb\nc\td\n', undefined)).toEqual({
      ok: true,
      value: undefined,
    })
  })
})

describe('JSONL', () => {
  it('reads nested fields (translation.zh / translation.en) and decodes escapes', () => {
    const text = `${JSON.stringify({ translation: { zh: '开展“百日行动”，补助5万元', en: 'Carry out the "Hundred Days Action", 5 ten thousand yuan' } })}\n`
    const [finding] = lint('a.jsonl', text)
    expect(finding?.actual).toBe('5 ten thousand')
    expect(JSON.parse(applyChanges(text, [changeOf(finding!)!]).output).translation.en).toBe(
      'Carry out the "Hundred Days Action", 50,000 yuan',
    )
  })

  it('takes --source-field and --target-field paths', () => {
    const text = '{"a":{"src":"补助5万元"},"mt":"5 ten thousand yuan"}\n'
    expect(lint('a.jsonl', text, { sourceField: 'a.src', targetField: 'mt' })).toHaveLength(1)
  })

  it('names a line that is not JSON', () => {
    const read = readBilingual('a.jsonl', '{"zh":"补助","en":"Subsidy"}\n{broken\n', undefined)
    expect(read.ok).toBe(false)
    expect(read.ok ? '' : read.error).toMatch(/^JSONL error at 2:1: /)
  })

  it('is not bilingual without the fields', () => {
    expect(readBilingual('a.jsonl', '{"text":"a 100 -day plan"}\n', undefined)).toEqual({
      ok: true,
      value: undefined,
    })
  })
})

describe('line-aligned files', () => {
  it('refuses files of different lengths', () => {
    const read = readBilingual('en.txt', 'one\ntwo\n', undefined, {
      sourceText: '一\n',
      sourcePath: 'zh.txt',
    })
    expect(read).toEqual({
      ok: false,
      error:
        'zh.txt has 1 lines and the translation 2: line-aligned files need one line per segment',
    })
  })

  it('names the source file on each finding and keeps CRLF line ends', () => {
    const findings = lint('en.txt', 'Fine\r\nA subsidy of 5 ten thousand yuan\r\n', {
      sourceText: '好\r\n补助5万元\r\n',
      sourcePath: 'zh.txt',
    })
    expect(findings.map((f) => [f.line, f.actual, f.sourceSegment])).toEqual([
      [2, '5 ten thousand', { text: '补助5万元', line: 2, path: 'zh.txt' }],
    ])
  })
})
