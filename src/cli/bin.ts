#!/usr/bin/env node
import { main } from './main.js'

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
})

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`mtclean: internal error: ${message}\n`)
    if (process.env.DEBUG?.includes('mtclean') && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`)
    }
    process.exitCode = 2
  },
)
