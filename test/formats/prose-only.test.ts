import { describe, expect, it } from 'vitest'
import { allRules } from '../../rules/index.js'
import { fixText } from '../../src/engine/fix.js'
import { type CheckOptions, lintSource } from '../../src/pipeline.js'
import { errorOf, readSample, skeletonOf } from './harness.js'

// Fixing a format sample changes prose only: the fixed file still parses and its skeleton (all
// that is not prose) is unchanged. The golden lint reports and fixed texts of these samples are
// kept by test/golden.test.ts.
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
const options: CheckOptions = { lint: { rules: allRules } }

function lint(path: string, text: string) {
  const result = lintSource(path, text, options)
  if (!result.ok) throw new Error(`${path}: ${result.error}`)
  return result.value
}

describe.each(samples)('samples/%s', (name) => {
  const path = `samples/${name}`
  const text = readSample(name)
  it('fixes prose only, with and without --unsafe', () => {
    for (const unsafe of [false, true]) {
      const fixed = fixText(text, (t) => lint(path, t), { unsafe }).output
      expect(errorOf(name, fixed)).toBeUndefined()
      expect(skeletonOf(name, fixed)).toBe(skeletonOf(name, text))
    }
  })
})
