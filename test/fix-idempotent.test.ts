import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { applyPatch } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import { type FixOptions, fixSource } from '../src/fix-files.js'
import { decodeText } from '../src/io/text-file.js'
import { unifiedDiff } from '../src/report/diff.js'

// fix(fix(x)) === fix(x) for the file step with every built-in rule, over generated
// machine-translation-like text and over every file in samples/ (listed at run time).
// Heavier runs: MTCLEAN_PROPERTY_RUNS=2000.
const numRuns = Number(process.env.MTCLEAN_PROPERTY_RUNS ?? 120)
const safe: FixOptions = { lint: { rules: builtinRules } }
const unsafe: FixOptions = { ...safe, unsafe: true }

function fixed(path: string, text: string, options: FixOptions) {
  const result = fixSource(path, text, options)
  if (!result.ok) throw new Error(`${path}: ${result.error}`)
  return result.value
}

// Words and the defects machine translation leaves, written for these tests.
const word = fc.constantFrom(
  'the',
  'bureau',
  'inspected',
  'enterprises',
  'campaign',
  'residents',
  'rectification',
  'Jiangnan',
  'Provincial',
  'growth',
  'a',
  'of',
  'and',
)
const defect = fc.constantFrom(
  ' 100 -day',
  ' year -on -year',
  ' well- known',
  ' 45%and',
  ',the',
  ' ,',
  ' ( notes )',
  ' the" Safe Summer "and',
  ' ""twice""',
  ' “mixed"',
  '，',
  '。',
  '（',
  '）',
  ' 2 022',
  ' 3. 5%',
  ' 5 ten thousand yuan',
  ' 3 hundred million',
  ' 12 million yuan for the masses, 12 million yuan',
  ' housing housing',
  ' the the',
  ' 中文',
  ' 50~80mm',
  '——',
  '……',
  ' - END -',
  '...',
)
const figure = fc.integer({ min: 0, max: 99_999 }).map((n) => ` ${n}`)
const sentence = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: word.map((w) => ` ${w}`) },
      { weight: 2, arbitrary: defect },
      figure,
    ),
    {
      minLength: 1,
      maxLength: 16,
    },
  )
  .map((parts) => `${parts.join('').trim()}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))
const document = fc
  .tuple(
    fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\n\n'),
    fc.boolean(),
  )
  .map(([paragraphs, eol, final]) => paragraphs.join(eol) + (final ? eol : ''))

describe('fixing machine-translation-like text', () => {
  it.each([
    ['safe', safe],
    ['unsafe', unsafe],
  ])('is idempotent (%s), and its diff turns the input into the output', (_name, options) => {
    fc.assert(
      fc.property(document, fc.constantFrom('doc.txt', 'doc.md'), (text, path) => {
        const once = fixed(path, text, options)
        const twice = fixed(path, once.output, options)
        expect(twice.output).toBe(once.output)
        expect(twice.applied).toEqual([])
        const diff = unifiedDiff(path, text, once.output, { color: false, regions: once.regions })
        expect(diff === '' ? text : applyPatch(text, diff)).toBe(once.output)
      }),
      { numRuns },
    )
  })
})

describe('fixing the samples', () => {
  const folder = fileURLToPath(new URL('../samples/', import.meta.url))
  const names = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => `${entry.parentPath}/${entry.name}`.slice(folder.length))
    .sort()

  it('has samples to fix', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  it.each(names)('%s: fixing twice changes nothing more (safe and unsafe)', (name) => {
    const decoded = decodeText(readFileSync(`${folder}${name}`))
    if (!decoded.ok) throw new Error(decoded.error)
    for (const options of [safe, unsafe]) {
      const once = fixed(`samples/${name}`, decoded.value.text, options)
      expect(fixed(`samples/${name}`, once.output, options).output).toBe(once.output)
    }
  })
})
