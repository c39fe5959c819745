import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../src/cli/version.js'
import { writeCorpus } from './corpus.js'

// `npm run bench`: generate a corpus from samples/ and measure the CLI on it.
// Each measurement runs in a fresh process (bench/measure.ts), so peak RSS is its own.
const root = packageRoot()
const megabytes = Number(process.env.MTCLEAN_BENCH_MB ?? 20)
const corpusDir = join(root, '.bench', `corpus-${megabytes}mb`)
if (!existsSync(corpusDir)) {
  process.stderr.write(`generating a ${megabytes} MB corpus in ${corpusDir}…\n`)
  writeCorpus(join(root, 'samples'), corpusDir, megabytes * 1_000_000)
}

function sizeOf(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

function measure(label: string, args: string[], path: string) {
  const output = execFileSync(
    process.execPath,
    [join(root, 'dist/bench/measure.js'), ...args, path],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  const result = JSON.parse(output.trim().split('\n').pop() ?? '{}')
  const mb = sizeOf(path) / 1e6
  const rate = mb / result.seconds
  process.stdout.write(
    `${label.padEnd(34)} ${mb.toFixed(1).padStart(6)} MB  ${result.seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(2).padStart(6)} MB/s  peak RSS ${result.peakRssMb.toFixed(0).padStart(4)} MB\n`,
  )
  return { label, mb, ...result, rate }
}

const many = join(corpusDir, 'many')
const large = join(corpusDir, 'large.txt')
process.stdout.write(`mtclean bench: Node ${process.version}, corpus ${corpusDir}\n`)
measure('lint, many files (1 core)', ['lint', '--format', 'json'], many)
measure('lint, one large file (1 core)', ['lint', '--format', 'json'], large)
