import { describe, expect, it } from 'vitest'
import { builtinRules } from '../../rules/index.js'
import { fixText } from '../../src/engine/fix.js'
import { type CheckOptions, lintSource } from '../../src/pipeline.js'
import { reportStylish } from '../../src/report/stylish.js'
import { errorOf, readSample, skeletonOf } from './harness.js'

// The format samples' lint reports and fixed texts, kept in test/golden/ (the same files and
// the same rendering as test/golden.test.ts). After a deliberate change, read the diff, then
// update with `npx vitest run test/formats/golden.test.ts -u`.
const samples = [
  'guide.md',
  'episode.srt',
  'episode.vtt',
  'app.po',
  'app.xlf',
  'app-v2.xliff',
  'locales.json',
  'page.html',
]
const options: CheckOptions = { lint: { rules: builtinRules } }

function lint(path: string, text: string) {
  const result = lintSource(path, text, options)
  if (!result.ok) throw new Error(`${path}: ${result.error}`)
  return result.value
}

describe.each(samples)('samples/%s', (name) => {
  const path = `samples/${name}`
  const text = readSample(name)

  it('lints to its golden report', async () => {
    const report = reportStylish([{ path, findings: lint(path, text) }], { color: false })
    await expect(report).toMatchFileSnapshot(`../golden/${name}.lint.txt`)
  })

  it('fixes to its golden text, changing prose only', async () => {
    const fixed = fixText(text, (t) => lint(path, t)).output
    await expect(fixed).toMatchFileSnapshot(
      `../golden/${name}.fixed${name.slice(name.lastIndexOf('.'))}`,
    )
    expect(errorOf(name, fixed)).toBeUndefined()
    expect(skeletonOf(name, fixed)).toBe(skeletonOf(name, text))
  })
})
