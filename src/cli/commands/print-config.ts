import { relative } from 'node:path'
import { ConfigResolver } from '../../config/resolve.js'
import { configOptionsFrom, parseCommand } from '../args.js'
import { type CliIO, UsageError } from '../io.js'

export const printConfigHelp = `Usage: mtclean print-config [options] FILE

Print the configuration that applies to FILE as JSON: the config file found, what it extends,
whether FILE is ignored, the pack folders, and every rule's severity and options.

Options:
  -c, --config FILE   use this config file instead of looking for one
      --no-config     read no config file
  -h, --help          show this help
`

/** `mtclean print-config FILE`: the resolved configuration for a file, as JSON. */
export async function printConfigCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('print-config', args, {
    help: { type: 'boolean', short: 'h' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(printConfigHelp)
    return 0
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `print-config takes one FILE, got ${positionals.length} (see 'mtclean print-config --help')`,
    )
  }
  const path = positionals[0]!
  const resolver = new ConfigResolver(configOptionsFrom(values, io.cwd))
  const resolved = await resolver.forFile(path)
  if (!resolved.ok) throw new UsageError(resolved.error)
  const { config, ignored } = resolved.value
  const show = (p: string) => relative(io.cwd, p) || '.'
  const rules: Record<string, [string, Record<string, unknown>]> = {}
  for (const rule of config.rules) {
    const [severity, options] = config.settings[rule.meta.id] ?? [rule.meta.severity, {}]
    rules[rule.meta.id] = [severity, { ...rule.defaults, ...options }]
  }
  const output = {
    file: path,
    config: config.file ? show(config.file) : null,
    applied: config.layers.map((layer) => ('preset' in layer ? layer.preset : show(layer.file))),
    ignored,
    ignore: config.ignore.map((set) => ({ base: show(set.base), patterns: set.patterns })),
    packs: config.packs.map(show),
    rules,
  }
  io.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  return 0
}
