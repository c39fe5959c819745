import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { ConfigOptions, PlanOptions } from '../config/index.js'

type OptionTable = NonNullable<ParseArgsConfig['options']>

import { UsageError } from './io.js'

/** Options shared by every command that reads files. */
export const commonOptions = {
  help: { type: 'boolean', short: 'h' },
  rule: { type: 'string', multiple: true },
  disable: { type: 'string', multiple: true },
  'format-in': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options']

/**
 * Parse a command's arguments strictly; unknown or malformed flags become a UsageError whose
 * message is one line.
 */
export function parseCommand<const O extends OptionTable>(
  command: string,
  args: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const message = text.split(/\.\s|\n/)[0]!
    throw new UsageError(`${message.replace(/\.$/, '')} (see 'mtclean ${command} --help')`)
  }
}

/** Split repeatable, comma-separable list flags: `--rule a,b --rule c` → [a, b, c]. */
export function listFlag(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}

/** Parse a non-negative integer flag. */
export function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, got '${value}'`)
  return Number(value)
}

/** Resolve `--color`/`--no-color` into a flag value, or undefined when neither was given. */
export function colorFlag(values: { color?: boolean; 'no-color'?: boolean }): boolean | undefined {
  if (values['no-color']) return false
  if (values.color) return true
  return undefined
}

/** The flags every file-reading command turns into a `planChecks` request. */
export interface PlanFlags {
  config?: string | undefined
  'no-config'?: boolean | undefined
  'no-ignore'?: boolean | undefined
  rule?: string[] | undefined
  disable?: string[] | undefined
  'format-in'?: string | undefined
}

/** `--config FILE` and `--no-config` as config options; both at once is a usage error. */
export function configOptionsFrom(
  values: Pick<PlanFlags, 'config' | 'no-config'>,
  cwd: string,
): ConfigOptions {
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('--config and --no-config cannot be used together')
  }
  return {
    cwd,
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    noConfig: values['no-config'] === true,
  }
}

/** Turn `--config`, `--no-config`, `--no-ignore`, `--rule`, `--disable`, `--format-in` into plan options. */
export function planOptionsFrom(values: PlanFlags, cwd: string): PlanOptions {
  return {
    ...configOptionsFrom(values, cwd),
    noIgnore: values['no-ignore'] === true,
    only: listFlag(values.rule),
    disable: listFlag(values.disable),
    ...(values['format-in'] ? { formatName: values['format-in'] } : {}),
  }
}
