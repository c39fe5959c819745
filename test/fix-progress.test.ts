import { describe, expect, it } from 'vitest'
import {
  createProgress,
  formatDuration,
  formatProgress,
  silentProgress,
  wantsProgress,
} from '../src/io/progress.js'

function stream(isTTY: boolean, columns = 80) {
  const chunks: string[] = []
  return { chunks, isTTY, columns, write: (chunk: string) => chunks.push(chunk) }
}

describe('wantsProgress', () => {
  it('draws on a terminal outside CI only', () => {
    expect(wantsProgress(stream(true), {})).toBe(true)
    expect(wantsProgress(stream(false), {})).toBe(false)
    expect(wantsProgress(stream(true), { CI: 'true' })).toBe(false)
    expect(wantsProgress(stream(true), { CI: '1' })).toBe(false)
    expect(wantsProgress(stream(true), { CI: 'false' })).toBe(true)
    expect(wantsProgress(stream(true), { CI: '' })).toBe(true)
  })
})

describe('formatProgress', () => {
  it('shows files done of total, MB/s and the ETA from bytes', () => {
    const line = formatProgress({
      done: 10,
      total: 40,
      bytes: 5e6,
      totalBytes: 20e6,
      elapsed: 2,
      columns: 80,
    })
    expect(line).toBe(`[${'█'.repeat(8)}${'░'.repeat(22)}] 10/40 files  2.5 MB/s  ETA 0:06`)
  })

  it('falls back to files for the ETA and fits a narrow terminal', () => {
    expect(formatProgress({ done: 1, total: 3, bytes: 0, elapsed: 65, columns: 200 })).toContain(
      'ETA 2:10',
    )
    const narrow = formatProgress({ done: 1, total: 3, bytes: 0, elapsed: 1, columns: 30 })
    expect(narrow.length).toBeLessThan(30)
    expect(narrow).toContain('1/3 files')
  })

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(61.4)).toBe('1:01')
    expect(formatDuration(3723)).toBe('1:02:03')
  })
})

describe('createProgress', () => {
  it('waits for the delay, throttles redraws, prints log lines above the bar and clears it', () => {
    let time = 0
    const out = stream(true)
    const bar = createProgress({
      stream: out,
      total: 4,
      totalBytes: 400,
      now: () => time,
      delay: 500,
      interval: 100,
    })
    time = 100
    bar.advance(100)
    expect(out.chunks).toEqual([]) // a short run shows nothing
    time = 600
    bar.advance(100)
    expect(out.chunks).toHaveLength(1)
    expect(out.chunks[0]).toMatch(/^\r\u001B\[2K\[.*\] 2\/4 files/)
    time = 650
    bar.advance(100)
    expect(out.chunks).toHaveLength(1) // throttled
    bar.log('mtclean: x.txt: binary file')
    expect(out.chunks.slice(1)).toEqual([
      '\r\u001B[2K',
      'mtclean: x.txt: binary file\n',
      expect.stringMatching(/^\r\u001B\[2K\[.*\] 3\/4 files/),
    ])
    bar.done()
    expect(out.chunks.at(-1)).toBe('\r\u001B[2K')
    bar.advance(100)
    bar.log('after')
    expect(out.chunks.at(-1)).toBe('after\n')
  })

  it('clears the bar for other output and redraws it on the next update', () => {
    let time = 1000
    const out = stream(true)
    const bar = createProgress({ stream: out, total: 3, now: () => time, delay: 0, interval: 100 })
    bar.advance(1)
    bar.clear()
    bar.clear() // nothing more to clear
    time += 1 // well within the interval: redrawn anyway, the bar was taken off
    bar.advance(1)
    expect(out.chunks).toEqual([
      expect.stringMatching(/1\/3 files/),
      '\r\u001B[2K',
      expect.stringMatching(/^\r\u001B\[2K\[.*\] 2\/3 files/),
    ])
  })

  it('prints log lines plainly when silent', () => {
    const out = stream(false)
    const bar = silentProgress(out)
    bar.advance(10)
    bar.log('one')
    bar.clear()
    bar.done()
    expect(out.chunks).toEqual(['one\n'])
  })
})
