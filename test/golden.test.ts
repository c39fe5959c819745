import { readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { allRules } from '../rules/index.js'
import { fixText } from '../src/engine/fix.js'
import { decodeText } from '../src/io/text-file.js'
import { extensionOf, textExtensions } from '../src/io/walk.js'
import { type CheckOptions, lintSource } from '../src/pipeline.js'
import { reportStylish } from '../src/report/stylish.js'

// Every sample's lint report and fixed text are kept in test/golden/. After a deliberate change,
// read the diff, then update with `npx vitest run test/golden.test.ts -u`.
const samplesDir = new URL('../samples/', import.meta.url)
// Every file under samples/ that `mtclean samples` checks, sub-folders included (as
// `bilingual/news.tsv`).
function listSamples(folder: string): string[] {
  return readdirSync(new URL(folder, samplesDir))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const relative = `${folder}${name}`
      if (statSync(new URL(relative, samplesDir)).isDirectory()) return listSamples(`${relative}/`)
      return textExtensions.has(extensionOf(name)) ? [relative] : []
    })
}
const samples = listSamples('')
const options: CheckOptions = { lint: { rules: allRules } }

function lint(path: string, text: string) {
  const result = lintSource(path, text, options)
  if (!result.ok) throw new Error(`${path}: ${result.error}`)
  return result.value
}

describe.each(samples)('samples/%s', (name) => {
  const path = `samples/${name}`
  const decoded = decodeText(readFileSync(new URL(name, samplesDir)))
  if (!decoded.ok) throw new Error(`${path}: ${decoded.error}`)
  const text = decoded.value.text

  it('lints to its golden report', async () => {
    const report = reportStylish([{ path, findings: lint(path, text) }], { color: false })
    await expect(report).toMatchFileSnapshot(`golden/${name}.lint.txt`)
  })

  it('fixes to its golden text, and fixing that changes nothing', async () => {
    const fixed = fixText(text, (t) => lint(path, t)).output
    await expect(fixed).toMatchFileSnapshot(
      `golden/${name}.fixed${name.slice(name.lastIndexOf('.'))}`,
    )
    expect(fixText(fixed, (t) => lint(path, t)).output).toBe(fixed)
  })
})

describe('the fluent control sample', () => {
  it('yields no findings', () => {
    const text = readFileSync(new URL('control-fluent.txt', samplesDir), 'utf8')
    expect(lint('samples/control-fluent.txt', text)).toEqual([])
  })
})
