import { type CliIO, UsageError } from './io.js'
import { version } from './version.js'

type Command = (args: readonly string[], io: CliIO) => Promise<number>

// Each command's modules load only when it runs: `lint` never loads the review UI (Ink, React)
// nor the reporters and formats it is not asked for, which keeps start-up short.
const lint: Command = async (args, io) => (await import('./commands/lint.js')).lintCommand(args, io)

/** Every subcommand by name. `mtclean PATHS…` is `mtclean lint PATHS…`. */
export const commands: Record<string, Command> = {
  lint,
  fix: async (args, io) => (await import('./commands/fix.js')).fixCommand(args, io),
  review: async (args, io) => (await import('./commands/review.js')).reviewCommand(args, io),
  rules: async (args, io) => (await import('./commands/rules.js')).rulesCommand(args, io),
  init: async (args, io) => (await import('./commands/init.js')).initCommand(args, io),
  'print-config': async (args, io) =>
    (await import('./commands/print-config.js')).printConfigCommand(args, io),
}

const help = `Usage: mtclean <command> [options] [PATHS…]

Find, fix and review the defects machine translation from Chinese leaves in English text.

Commands:
  lint [PATHS…]    report findings (the default: 'mtclean PATHS…' is 'mtclean lint PATHS…')
  fix [PATHS…]     apply safe fixes: preview as a diff, --write in place, or --output-dir DIR
  review PATHS…    decide each finding interactively in the terminal, then write
  rules            list every rule
  init             write a commented starter config (.mtcleanrc.yaml)
  print-config FILE  print the configuration that applies to FILE, as JSON

Run 'mtclean <command> --help' for a command's options.
Options: -h, --help  show this help;  -v, --version  print the version
`

/**
 * Run the CLI. The only place that decides exit codes; never throws for bad input.
 *
 * @returns The exit code: 0 clean, 1 findings, 2 usage or input error.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv
  try {
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${version()}\n`)
      return 0
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(help)
      return 0
    }
    const command = first !== undefined ? commands[first] : undefined
    if (command) return await command(rest, io)
    return await lint(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`mtclean: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
