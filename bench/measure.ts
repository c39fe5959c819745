import { writeSync } from 'node:fs'
import { marker } from './marker.js'

// Preloaded into a CLI run by the bench (`node --import dist/bench/measure.js dist/cli/bin.js
// lint …`): when the process exits, prints its wall time (from Node's start, so start-up and
// module loading count, as they do for a user), its CPU time (all threads) and its peak RSS as
// one JSON line on stderr.

process.on('exit', (code) => {
  const seconds = process.uptime()
  const usage = process.resourceUsage()
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6
  const peakRssMb = usage.maxRSS / 1024
  writeSync(2, `${marker} ${JSON.stringify({ code, seconds, cpuSeconds, peakRssMb })}\n`)
})
