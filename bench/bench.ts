import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { packageRoot } from '../src/cli/version.js'
import { writeCorpus } from './corpus.js'
import { marker } from './marker.js'
import { measureTriggers } from './triggers.js'

// `npm run bench`: generate corpora from samples/*.txt and measure the built CLI on them.
// Each measurement runs in a fresh process (bench/measure.ts), so peak RSS is its own.
//   MTCLEAN_BENCH_MB=20       size of the throughput corpus (many files, and one large file)
//   MTCLEAN_BENCH_SCALE=10,200  sizes for the scaling run (one large file); 0 skips it
//   MTCLEAN_BENCH_ONLY=lint   measure only lint (or fix)
//   MTCLEAN_BENCH_RUNS=3      runs of each throughput measurement: the median is reported
const root = packageRoot()
const cores = availableParallelism()
const megabytes = Number(process.env.MTCLEAN_BENCH_MB ?? 20)
const scale = (process.env.MTCLEAN_BENCH_SCALE ?? '10,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const only = process.env.MTCLEAN_BENCH_ONLY
const repeat = Math.max(1, Number(process.env.MTCLEAN_BENCH_RUNS ?? 3))

function corpus(mb: number) {
  const dir = join(root, '.bench', `corpus-${mb}mb`)
  if (!existsSync(join(dir, 'large.txt'))) {
    process.stderr.write(`generating a ${mb} MB corpus in ${dir}…\n`)
    writeCorpus(join(root, 'samples'), dir, mb * 1_000_000)
  }
  return { many: join(dir, 'many'), large: join(dir, 'large.txt'), dir }
}

function sizeOf(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

function countFiles(path: string): number {
  if (!statSync(path).isDirectory()) return 1
  return readdirSync(path).reduce((sum, name) => sum + countFiles(join(path, name)), 0)
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')

interface Run {
  seconds: number
  cpuSeconds: number
  peakRssMb: number
  code: number
}

// `taskset -c 0` pins a run to one CPU: `--jobs 1` is one thread checking files, but V8's
// collector and compiler threads still use the other cores.
const pinnable = spawnSync('taskset', ['-c', '0', 'true']).status === 0

// One run of the CLI as users run it (the bundle), its report going to /dev/null.
function runOnce(label: string, args: string[], path: string, pinned: boolean): Run {
  const node = [
    '--import',
    pathToFileURL(join(root, 'dist/bench/measure.js')).href,
    join(root, 'dist/cli/bin.js'),
    ...args,
    path,
  ]
  const run = spawnSync(
    pinned ? 'taskset' : process.execPath,
    pinned ? ['-c', '0', process.execPath, ...node] : node,
    { encoding: 'utf8', maxBuffer: 16 << 20, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const line = run.stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(marker))
  if (!line)
    throw new Error(`${label}: no measurement (exit ${run.status}): ${run.stderr.slice(-400)}`)
  return JSON.parse(line.slice(marker.length)) as Run
}

/**
 * Measure a command `runs` times, each on the path `prepare` gives (a fresh copy for `fix
 * --write`), and print the median wall time with the range, and the highest peak RSS.
 */
function measure(
  label: string,
  args: string[],
  prepare: () => string,
  options: { pinned?: boolean; runs?: number } = {},
): { mb: number; seconds: number } {
  const before = load()
  const times: number[] = []
  let peak = 0
  let mb = 0
  for (let k = 0; k < (options.runs ?? repeat); k++) {
    const path = prepare()
    // The input's size (fix --write changes it).
    mb = sizeOf(path) / 1e6
    const run = runOnce(label, args, path, options.pinned === true)
    times.push(run.seconds)
    peak = Math.max(peak, run.peakRssMb)
  }
  times.sort((a, b) => a - b)
  const seconds = times[(times.length - 1) >> 1]!
  const range =
    times.length > 1
      ? ` (${times.length} runs: ${times[0]!.toFixed(2)}–${times.at(-1)!.toFixed(2)} s)`
      : ''
  process.stdout.write(
    `${label.padEnd(50)} ${mb.toFixed(1).padStart(6)} MB ${seconds.toFixed(2).padStart(8)} s ${(mb / seconds).toFixed(2).padStart(7)} MB/s  peak RSS ${peak.toFixed(0).padStart(4)} MB  load ${before}${range}\n`,
  )
  return { mb, seconds }
}

// A fresh copy for `fix --write`, so every run fixes the same text.
function scratch(source: string, name: string): string {
  const target = join(root, '.bench', 'scratch', name)
  rmSync(target, { recursive: true, force: true })
  cpSync(source, target, { recursive: true })
  return target
}

const jobsAll = String(cores)
process.stdout.write(
  `mtclean bench: Node ${process.version}, ${cores} cores, load average ${load()} (1, 5, 15 min)\n`,
)
const main = corpus(megabytes)
process.stdout.write(
  `corpus ${main.dir}: many/ = ${countFiles(main.many)} files, ${(sizeOf(main.many) / 1e6).toFixed(1)} MB; large.txt = ${(sizeOf(main.large) / 1e6).toFixed(1)} MB (generated from samples/*.txt)\n\n`,
)
for (const command of ['lint', 'fix'] as const) {
  if (only && only !== command) continue
  for (const [what, path] of [
    ['many files', main.many],
    ['one large file', main.large],
  ] as const) {
    const runs = [
      ...(pinnable ? [{ jobs: '1', pinned: true, note: ', one CPU (taskset)' }] : []),
      { jobs: '1', pinned: false, note: '' },
      { jobs: jobsAll, pinned: false, note: ' (all cores)' },
    ]
    for (const { jobs, pinned, note } of runs) {
      const label = `${command} ${what}, --jobs ${jobs}${note}`
      if (command === 'lint')
        measure(label, ['lint', '--format', 'json', '--jobs', jobs], () => path, { pinned })
      else {
        const copy = () => scratch(path, what === 'many files' ? 'many' : 'large.txt')
        measure(label, ['fix', '--write', '--no-progress', '--jobs', jobs], copy, { pinned })
      }
    }
  }
}

if (scale.length >= 2) {
  process.stdout.write('\nScaling: one large file, all cores\n')
  for (const command of ['lint', 'fix'] as const) {
    if (only && only !== command) continue
    const times: { mb: number; seconds: number }[] = []
    for (const mb of scale) {
      const { large } = corpus(mb)
      const label = `${command} one large file, ${mb} MB`
      // One run each: the 200 MB runs take minutes.
      times.push(
        command === 'lint'
          ? measure(label, ['lint', '--format', 'json', '--jobs', jobsAll], () => large, {
              runs: 1,
            })
          : measure(
              label,
              ['fix', '--write', '--no-progress', '--jobs', jobsAll],
              () => scratch(large, 'large.txt'),
              { runs: 1 },
            ),
      )
    }
    const first = times[0]!
    const last = times.at(-1)!
    process.stdout.write(
      `${command}: ${last.mb.toFixed(0)} MB took ${(last.seconds / first.seconds).toFixed(1)}× as long as ${first.mb.toFixed(0)} MB (sizes ×${(last.mb / first.mb).toFixed(1)}; target ≤ ${((22 / 20) * (last.mb / first.mb)).toFixed(0)}×)\n`,
    )
  }
}

process.stdout.write('\nTriggers (every rule, on the first 20 MB of the large file)\n')
process.stdout.write(measureTriggers(main.large, 20_000_000))
rmSync(join(root, '.bench', 'scratch'), { recursive: true, force: true })
