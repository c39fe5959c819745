import { describe, expect, it } from 'vitest'
import { assertBuilt, runCli } from './helpers/cli.js'

// The README's first command, `npx mtclean samples`, as a newcomer runs it.
describe('mtclean samples', () => {
  it('reports findings in every machine-translated sample and none in the fluent control', async () => {
    assertBuilt()
    const run = await runCli(['samples', '--no-color'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const files = run.stdout.split('\n').filter((line) => /^samples\/\S+$/.test(line))
    expect(files).toContain('samples/government-news.txt')
    expect(files).toContain('samples/company-announcement.txt')
    expect(files).toContain('samples/sports-culture.txt')
    expect(files).toContain('samples/guide.md')
    expect(files).toContain('samples/bilingual/press-release.xlf')
    expect(files).not.toContain('samples/control-fluent.txt')
    expect(run.stdout).toMatch(/\d+ messages \(✖ \d+ errors, ⚠ \d+ warnings\)/)
  })

  it('lists every rule', async () => {
    const run = await runCli(['rules'])
    expect(run.code).toBe(0)
    for (const id of ['hyphen-space', 'calque', 'scrape-residue', 'number-mismatch']) {
      expect(run.stdout).toContain(id)
    }
  })
})
