import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { allRules } from '../../../rules/index.js'
import { configFileNames, packageKey, parseJson } from '../../config/load.js'
import { presetDescriptions, presetNames } from '../../config/presets.js'
import { writeFileAtomic } from '../../io/atomic-write.js'
import { parseCommand } from '../args.js'
import { type CliIO, UsageError } from '../io.js'

export const initHelp = `Usage: mtclean init

Write a commented starter config, .mtcleanrc.yaml, in the current folder. Refuses when the
folder already has a config (.mtcleanrc.json, .mtcleanrc.yaml, .mtcleanrc.yml or "mtclean" in
package.json).
`

/** The file `mtclean init` writes. */
export const initFileName = '.mtcleanrc.yaml'

/** The starter config: every key explained, every rule listed (commented out) with its default. */
export function starterConfig(): string {
  const width = Math.max(...allRules.map((r) => r.meta.id.length)) + 1
  const rules = allRules.map((rule) => {
    const { id, severity, fixable, description } = rule.meta
    const fix = fixable === 'safe' ? 'safe fix' : fixable === 'suggestion' ? 'suggestion' : 'no fix'
    return `  # ${`${id}:`.padEnd(width)} ${severity.padEnd(5)}  # ${fix}; ${description}`
  })
  return [
    '# mtclean configuration. The nearest config above a file applies (configs do not merge;',
    "# use 'extends' to build on another one). Check it with: mtclean print-config FILE",
    '',
    '# A preset, then other config files (paths relative to this file), later ones winning:',
    ...presetNames.map((name) => `#   ${name.padEnd(12)} ${presetDescriptions[name]}`),
    'extends:',
    '  - recommended',
    '',
    '# Per rule: off | info | warn | error, or [severity, {options}]. `mtclean rules` lists them.',
    '# Pack rules are named <Folder>.<File> (a rule House/Wordy.yml is House.Wordy).',
    'rules:',
    ...rules,
    '',
    '# Files not to check, in .gitignore syntax, relative to this file (.mtcleanignore works too).',
    'ignore:',
    '  - node_modules/',
    '  - dist/',
    '',
    '# Folders of your own rules, Vale-style YAML with no code (one rule per file),',
    '# relative to this file. Example: a folder styles/House with Wordy.yml holding',
    '#   extends: substitution',
    "#   message: \"Use '%s' instead of '%s'.\"",
    '#   level: warning',
    '#   swap:',
    '#     in the process of: during',
    '# packs:',
    '#   - styles/House',
    '',
  ].join('\n')
}

/** `mtclean init`: write a commented starter config; never overwrite one. */
export async function initCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('init', args, {
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help) {
    io.stdout.write(initHelp)
    return 0
  }
  if (positionals.length > 0) throw new UsageError(`init takes no paths, got '${positionals[0]}'`)
  for (const name of configFileNames) {
    const path = join(io.cwd, name)
    if (!existsSync(path)) continue
    if (name === 'package.json') {
      const parsed = parseJson(readFileSync(path, 'utf8'))
      const value = parsed.ok ? parsed.value : undefined
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, packageKey)) continue
      throw new UsageError(`package.json already holds an "${packageKey}" config; not overwritten`)
    }
    throw new UsageError(`${name} already exists here; not overwritten`)
  }
  const written = await writeFileAtomic(join(io.cwd, initFileName), Buffer.from(starterConfig()))
  if (!written.ok) throw new UsageError(`${initFileName}: ${written.error}`)
  io.stdout.write(
    `Wrote ${initFileName}. Check a file's settings with: mtclean print-config FILE\n`,
  )
  return 0
}
