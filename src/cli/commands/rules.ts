import { allRules } from '../../../rules/index.js'
import { parseCommand } from '../args.js'
import type { CliIO } from '../io.js'

export const rulesHelp = `Usage: mtclean rules [--json]

List every rule: id, category, default severity, fix safety and description.
`

/** `mtclean rules`: the rule list, as a table or JSON. */
export async function rulesCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommand('rules', args, {
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(rulesHelp)
    return 0
  }
  const metas = allRules.map((r) => r.meta)
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
