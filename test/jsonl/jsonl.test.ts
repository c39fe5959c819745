import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../../rules/index.js'
import { lintText } from '../../src/engine/lint.js'
import { processJsonl } from '../../src/jsonl.js'

const lint = (text: string) => lintText(text, { rules: builtinRules, only: ['hyphen-space'] })

async function run(input: string, mode: 'lint' | 'fix', field = 'text') {
  const out: string[] = []
  const stats = await processJsonl(Readable.from([input]), {
    mode,
    field,
    lint,
    write: (l) => out.push(l),
  })
  return { out, stats }
}

describe('processJsonl', () => {
  it('fix mode replaces the field and keeps every other key and record order', async () => {
    const input = [
      '{"id":1,"text":"a 100 -day plan","lang":"en"}',
      '{"id":2,"text":"fine"}',
      '',
      '{"id":3,"other":"a 100 -day plan"}',
    ].join('\n')
    const { out, stats } = await run(input, 'fix')
    expect(out).toHaveLength(4)
    const first = JSON.parse(out[0]!)
    expect(first).toMatchObject({ id: 1, text: 'a 100-day plan', lang: 'en' })
    expect(Object.keys(first)).toEqual(['id', 'text', 'lang', 'mtclean'])
    expect(first.mtclean.applied[0]).toMatchObject({ ruleId: 'hyphen-space' })
    expect(JSON.parse(out[1]!).text).toBe('fine')
    expect(out[2]).toBe('')
    expect(out[3]).toBe('{"id":3,"other":"a 100 -day plan"}')
    expect(stats).toMatchObject({ records: 3, checked: 2, changed: 1, invalid: [] })
  })

  it('lint mode adds findings with offsets into the field', async () => {
    const { out, stats } = await run('{"doc":{"body":"x 5 -year"}}\n', 'lint', 'doc.body')
    const record = JSON.parse(out[0]!)
    expect(record.mtclean.findings[0]).toMatchObject({ ruleId: 'hyphen-space', start: 3, end: 5 })
    expect(stats.findings).toBe(1)
  })

  it('passes invalid lines through unchanged and reports them with their line number', async () => {
    const { out, stats } = await run('{"text":"ok"}\n{broken\n[1,2]\r\n', 'fix')
    expect(out.slice(1)).toEqual(['{broken', '[1,2]'])
    expect(stats.invalid.map((i) => i.line)).toEqual([2, 3])
    expect(stats.invalid[1]?.error).toBe('not a JSON object')
  })
})
