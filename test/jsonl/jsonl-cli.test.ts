import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { libraryFix, removeFolder, temporaryFolder } from '../helpers/fixtures.js'
import { corpusText } from '../scale/helpers.js'

// `lint --jsonl` and `fix --jsonl` on the built CLI: JSON Lines in, JSON Lines out, one record
// at a time, so mtclean is a map step (GNU parallel --pipe, Spark's pipe, Ray Data, Beam).

let folder: string
const texts = corpusText(40_000, 5).trim().split('\n')
const records = texts.map((text, id) => JSON.stringify({ id, lang: 'en', text }))
const input = `${records.join('\n')}\n`

beforeAll(async () => {
  folder = await temporaryFolder('mtclean-jsonl-')
})
afterAll(() => removeFolder(folder))

describe('fix --jsonl', () => {
  it('replaces each record’s text with the fixed text, in order, keeping every other key', async () => {
    const run = await runCli(['fix', '--jsonl', '--field', 'text'], { cwd: folder, input })
    expect(run.code, run.stderr).toBe(0)
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out).toHaveLength(records.length)
    for (const [index, record] of out.entries()) {
      expect(record.id).toBe(index)
      expect(Object.keys(record)).toEqual(['id', 'lang', 'text', 'mtclean'])
      expect(record.text).toBe(libraryFix(texts[index]!).output)
      expect(Array.isArray(record.mtclean.applied)).toBe(true)
    }
    expect(out.some((r, i) => r.text !== texts[i])).toBe(true)
    expect(run.stderr).toMatch(/^mtclean: \d+ records, \d+ checked, \d+ changed, \d+ findings/)
  })

  it('gives the same output when the input is split into parts and run part by part', async () => {
    const whole = await runCli(['fix', '--jsonl'], { cwd: folder, input })
    const parts = [records.slice(0, 5), records.slice(5, 11), records.slice(11)]
    let joined = ''
    for (const part of parts) {
      const run = await runCli(['fix', '--jsonl'], { cwd: folder, input: `${part.join('\n')}\n` })
      joined += run.stdout
    }
    expect(joined).toBe(whole.stdout)
  })

  it('reaches a nested field and leaves records without it as they were', async () => {
    const lines = [
      '{"doc":{"body":"a 100 -day plan"},"n":1}',
      '{"doc":{"title":"no body"}}',
      '',
      '{"doc":{"body":"fine text"}}',
    ]
    const run = await runCli(['fix', '--jsonl', '--field', 'doc.body'], {
      cwd: folder,
      input: `${lines.join('\n')}\n`,
    })
    expect(run.code).toBe(0)
    const out = run.stdout.split('\n')
    expect(JSON.parse(out[0]!).doc.body).toBe('a 100-day plan')
    expect(out[1]).toBe(lines[1])
    expect(out[2]).toBe('')
    expect(JSON.parse(out[3]!).doc.body).toBe('fine text')
  })
})

describe('lint --jsonl', () => {
  it('adds each record’s findings and changes nothing else', async () => {
    const run = await runCli(['lint', '--jsonl'], { cwd: folder, input })
    expect(run.code).toBe(0)
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    for (const [index, record] of out.entries()) {
      expect(record.text).toBe(texts[index])
      for (const f of record.mtclean.findings) {
        expect(record.text.slice(f.start, f.end)).toBe(f.actual)
      }
    }
    expect(out.flatMap((r) => r.mtclean.findings).length).toBeGreaterThan(10)
  })

  it('passes lines that are not JSON objects through, names them, and exits 2', async () => {
    const run = await runCli(['lint', '--jsonl'], {
      cwd: folder,
      input: '{"text":"a 5 -year plan"}\n{broken\n[1,2]\n',
    })
    expect(run.code).toBe(2)
    expect(run.stdout.split('\n').slice(1, 3)).toEqual(['{broken', '[1,2]'])
    expect(run.stderr).toMatch(/^mtclean: line 2: not valid JSON: /m)
    expect(run.stderr).toMatch(/^mtclean: line 3: not a JSON object$/m)
  })

  it('follows the config of the working folder', async () => {
    const configured = join(folder, 'configured')
    await mkdir(configured, { recursive: true })
    await writeFile(join(configured, '.mtcleanrc.json'), '{"rules":{"hyphen-space":"off"}}')
    const line = '{"text":"The 100 -day plan ended."}\n'
    const plain = await runCli(['lint', '--jsonl'], { cwd: folder, input: line })
    const off = await runCli(['lint', '--jsonl'], { cwd: configured, input: line })
    const ids = (stdout: string) =>
      JSON.parse(stdout).mtclean.findings.map((f: { ruleId: string }) => f.ruleId)
    expect(ids(plain.stdout)).toEqual(['hyphen-space'])
    expect(ids(off.stdout)).toEqual([])
  })

  it('refuses paths and --field without --jsonl, with one line and exit 2', async () => {
    for (const args of [
      ['lint', '--jsonl', 'a.txt'],
      ['lint', '--field', 'x'],
      ['fix', '--jsonl', '--write'],
    ]) {
      const run = await runCli(args, { cwd: folder })
      expect(run.code).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})
