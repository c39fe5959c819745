import { Writable } from 'node:stream'
import { main } from '../src/cli/main.js'

// Runs one CLI invocation in this process and prints this process's wall time (from Node's start,
// so start-up and module loading count, as they do for a user) and peak RSS as JSON:
// `node dist/bench/measure.js lint --format json PATH`.
const sink = new Writable({
  write(_chunk, _encoding, done) {
    done()
  },
})
const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: sink,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: { ...process.env, NO_COLOR: '1' },
})
const seconds = process.uptime()
const peakRssMb = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify({ code, seconds, peakRssMb })}\n`)
