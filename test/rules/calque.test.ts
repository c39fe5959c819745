import { describe, expect, it } from 'vitest'
import rule, { calquePack, calquePackDir } from '../../rules/calque.js'
import { type PackFile, readPackFolder } from '../../src/packs/load.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Turnout rose 5-10% in 2010-2020; read pages 10 - 20.',
    'Temperatures fell to -5 degrees overnight, and the masses of ice grew.',
    '- Art for the masses, from the 1930s',
    'The plan — ambitious, costly — was approved at 10:30.',
    'Growth reached 4.5% as the team built the construction crane.',
    'The U.S. economy, e.g. retail, was hit by hidden costs.',
    'Visit https://example.com/the-masses or write to press@example.com.',
    "He said: \"She called it 'the bull's horns', not a strategy.\"",
    '“Mass appeal,” she said, “is not the same as ‘the public’.”',
    "The people's livelihoods were destroyed by the flood.",
    'In the next step, click Save and wait for the upload to finish.',
    'Police cracked down hard on illegal dumping.',
    'The National Public Security Organs Conference opened on Monday.',
    'Students grasp the idea quickly; the surfers prefer short surfboards.',
  ],
  invalid: [
    {
      text: 'Cadres and the masses cleaned the river.',
      output: 'Officials and residents cleaned the river.',
      errors: [{ column: 1, actual: 'Cadres and the masses' }],
    },
    {
      text: 'The clinic serves the masses in three villages.',
      output: 'The clinic serves the public in three villages.',
      errors: [
        {
          column: 19,
          message:
            "Use 'the public', 'residents' or 'local people' instead of the calque 'the masses'.",
          note: /^群众/,
        },
      ],
    },
    {
      text: 'Combining boxing quickly set off an offensive.',
      output: 'A coordinated set of measures quickly set off an offensive.',
      errors: 1,
    },
    {
      text: 'Public security organs solved 300 cases and cracked down on illegal crimes.',
      output: 'Police solved 300 cases and cracked down on crimes.',
      errors: [{ actual: 'Public security organs' }, { actual: 'illegal crimes' }],
    },
    {
      text: 'Officers went deep into the grassroots to find hidden safety hazards.',
      output: 'Officers went out to local communities to find safety hazards.',
      errors: 2,
    },
    {
      text: 'In the next step, the county will continue to improve the people’s livelihood.',
      output: 'Going forward, the county will continue to improve living standards.',
      errors: 2,
    },
    {
      text: 'Sudden!A fire broke out in a residential building',
      output: 'Breaking: A fire broke out in a residential building',
      errors: [
        { column: 1, message: /^Use 'Breaking: ' instead of the headline opener 'Sudden!'/ },
      ],
    },
    {
      text: 'The campaign achieved staged results against evil forces gangs.',
      output: 'The campaign achieved interim results against criminal gangs.',
      errors: 2,
    },
    {
      text: 'Mediators resolved 500 contradictions and disputes.',
      output: 'Mediators resolved 500 disputes.',
      errors: 1,
    },
    {
      text: 'The city will severely crack down on drunk driving.',
      output: 'The city will crack down hard on drunk driving.',
      errors: 1,
    },
  ],
})

describe('the built-in pack', () => {
  it('passes every check of an untrusted pack, with the entries the rule runs', () => {
    // The rule reads the pack trusted (patterns compiled on first use, no empty-match check).
    const checked = readPackFolder(calquePackDir())
    expect(checked.ok).toBe(true)
    const sources = (files: readonly PackFile[]) =>
      files.map((f) => [f.id, f.spec.entries.map((e) => e.source)])
    if (checked.ok) expect(sources(checked.value)).toEqual(sources(calquePack()))
  })
})
