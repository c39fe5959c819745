import { retext } from 'retext'
import { describe, expect, it } from 'vitest'
import hyphenSpace from '../rules/hyphen-space.js'
import { fixText, lintText, mtcleanPreset, retextPlugin } from '../src/index.js'

describe('library entry', () => {
  it('lintText and fixText use the built-in rules by default', () => {
    expect(lintText('a 100 -day campaign').map((f) => f.ruleId)).toContain('hyphen-space')
    expect(fixText('a 100 -day campaign').output).toBe('a 100-day campaign')
  })

  it('works as a retext preset, with the unified message convention', async () => {
    const file = await retext().use(mtcleanPreset).process('Fine.\nA 100 -day plan.')
    const message = file.messages.find((m) => m.ruleId === 'hyphen-space')
    expect(message).toMatchObject({
      source: 'mtclean',
      ruleId: 'hyphen-space',
      actual: ' -',
      expected: ['-'],
      line: 2,
      column: 6,
    })
    expect(String(message)).toBe('2:6-2:8: Unexpected space before `-` in a compound')
  })

  it('accepts severity and options per rule, as unified-lint-rule does', async () => {
    const plugin = retextPlugin(hyphenSpace)
    expect((await retext().use(plugin, ['off']).process('a 100 -day plan')).messages).toEqual([])
    const [error] = (await retext().use(plugin, ['error']).process('a 100 -day plan')).messages
    expect(error?.fatal).toBe(true)
  })
})
