import { join } from 'node:path'
import { ConfigResolver } from '../../config/resolve.js'
import type { RuleMeta } from '../../engine/types.js'
import { configOptionsFrom, parseCommand } from '../args.js'
import { type CliIO, UsageError } from '../io.js'

export const rulesHelp = `Usage: mtclean rules [options]

List every rule: id, category, default severity, fix safety and description. Rules of the
packs the configuration loads (for files in the current folder) are listed after the built-in
ones.

Options:
      --json          print the rules' metadata as JSON
  -c, --config FILE   use this config file instead of looking for one
      --no-config     read no config file (built-in rules only)
  -h, --help          show this help
`

/** `mtclean rules`: the rule list (built-in, then the configured packs'), as a table or JSON. */
export async function rulesCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommand('rules', args, {
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(rulesHelp)
    return 0
  }
  const resolver = new ConfigResolver(configOptionsFrom(values, io.cwd))
  // The configuration a file in the current folder gets: its packs' rules are the user's.
  const resolved = await resolver.forFile(join(io.cwd, 'mtclean-rules.txt'))
  if (!resolved.ok) throw new UsageError(resolved.error)
  const metas: RuleMeta[] = resolved.value.config.rules.map((r) => r.meta)
  if (values.json) {
    io.stdout.write(`${JSON.stringify(metas, null, 2)}\n`)
    return 0
  }
  const rows = metas.map((m) => [m.id, m.category, m.severity, m.fixable || 'no', m.description])
  const header = ['rule', 'category', 'severity', 'fix', 'description']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
  io.stdout.write(`${[header, ...rows].map(line).join('\n')}\n`)
  return 0
}
