import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../cli/io.js'
import { readTextFile } from '../io/text-file.js'
import { bilingualKindFor } from './readers.js'
import type { BilingualOptions } from './types.js'

/** The bilingual flags of the commands that read files (`lint`, `fix`, `review`). */
export const bilingualFlags = {
  source: { type: 'string' },
  'source-field': { type: 'string' },
  'target-field': { type: 'string' },
} as const

/** Help lines for the bilingual flags. */
export const bilingualHelp = `      --source FILE         the Chinese source of one line-aligned translation: line n of
                            FILE is the source of line n of the checked file
      --source-field NAME   TSV column or JSONL field (dotted for nested) of the Chinese
                            source (default: source, src, zh, chinese…)
      --target-field NAME   TSV column or JSONL field of the translation (default: target,
                            tgt, en, english, translation…)
`

/**
 * Build bilingual options from the flags: read `--source FILE` (one clear usage error when it
 * cannot be read, or when it is not paired with exactly one plain-text translation).
 *
 * @returns The options, or undefined when no bilingual flag was given.
 */
export async function bilingualOptionsFrom(
  values: {
    source?: string | undefined
    'source-field'?: string | undefined
    'target-field'?: string | undefined
  },
  positionals: readonly string[],
  cwd: string,
): Promise<BilingualOptions | undefined> {
  const options: BilingualOptions = {}
  if (values['source-field'] !== undefined) options.sourceField = values['source-field']
  if (values['target-field'] !== undefined) options.targetField = values['target-field']
  const source = values.source
  if (source === undefined) return Object.keys(options).length > 0 ? options : undefined
  const [target, ...rest] = positionals
  if (target === undefined || rest.length > 0) {
    throw new UsageError('--source pairs one source file with exactly one translation file')
  }
  if (bilingualKindFor(target)) {
    throw new UsageError(
      `--source takes a line-aligned text file; ${target} carries its own source`,
    )
  }
  if (target !== '-') {
    const info = await stat(resolve(cwd, target)).catch(() => undefined)
    if (info?.isDirectory())
      throw new UsageError(`--source takes one translation file, and ${target} is a directory`)
  }
  const read = await readTextFile(resolve(cwd, source))
  if (!read.ok) throw new UsageError(`--source ${source}: ${read.error}`)
  options.sourceText = read.value.text
  options.sourcePath = source
  return options
}
