import { writeSync } from 'node:fs'
import { marker } from './marker.js'

// Preloaded into a CLI run by the bench (`node --import dist/bench/measure.js dist/cli/bin.js
// lint …`): when the process exits, prints its wall time (from Node's start, so start-up and
// module loading count, as they do for a user) and its peak RSS as one JSON line on stderr.

process.on('exit', (code) => {
  const seconds = process.uptime()
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  writeSync(2, `${marker} ${JSON.stringify({ code, seconds, peakRssMb })}\n`)
})
