import { Writable } from 'node:stream'
import { main } from '../src/cli/main.js'

// Runs one CLI invocation in this process and prints its wall time and this process's peak RSS
// as JSON: `node dist/bench/measure.js lint --format json PATH`.
const sink = new Writable({
  write(_chunk, _encoding, done) {
    done()
  },
})
const started = process.hrtime.bigint()
const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: sink,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: { ...process.env, NO_COLOR: '1' },
})
const seconds = Number(process.hrtime.bigint() - started) / 1e9
const peakRssMb = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify({ code, seconds, peakRssMb })}\n`)
