import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewDependencies } from '../src/cli/commands/review.js'
import { reviewCommand } from '../src/cli/commands/review.js'
import type { CliIO } from '../src/cli/io.js'
import { main } from '../src/cli/main.js'
import type { ReviewOutcome } from '../src/review/app.js'
import {
  type Action,
  createReducer,
  currentFinding,
  initialState,
  type ReviewState,
} from '../src/review/state.js'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mtclean-review-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function fakeIo(tty = true, env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const stdin = Object.assign(new PassThrough(), { isTTY: tty })
  const io: CliIO = {
    stdin,
    stdout: { write: (s: string) => out.push(s), isTTY: tty },
    stderr: { write: (s: string) => err.push(s), isTTY: tty },
    cwd: folder,
    env,
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join('') }
}

type RunProps = Parameters<NonNullable<ReviewDependencies['run']>>[0]

/** A stand-in for the screen: drives the real reducer with `plan` and ends with `action`. */
function scripted(
  plan: (state: ReviewState, step: (action: Action) => ReviewState) => ReviewState,
  action: ReviewOutcome['action'],
  seen: RunProps[] = [],
  before?: () => Promise<void>,
): NonNullable<ReviewDependencies['run']> {
  return async (props) => {
    seen.push(props)
    const reducer = createReducer({ lint: props.lint, canSkipPermanently: true })
    let state = initialState(props.files)
    state = plan(state, (a) => {
      state = reducer(state, a)
      return state
    })
    await before?.()
    return { action, files: state.files }
  }
}

const acceptAll = (state: ReviewState, step: (action: Action) => ReviewState) => {
  let s = state
  for (let i = 0; i < 50 && currentFinding(s) && s.notice?.tone !== 'info'; i++)
    s = step({ type: 'accept' })
  return s
}

describe('mtclean review: refusals', () => {
  it('prints its help without a terminal', async () => {
    const { io, stdout } = fakeIo(false)
    expect(await main(['review', '--help'], io)).toBe(0)
    expect(stdout()).toMatch(/^Usage: mtclean review \[options\] PATHS…/)
    expect(stdout()).toContain('y/Enter accept · n skip')
  })

  it('refuses without a terminal with one line pointing to lint and fix', async () => {
    await writeFile(join(folder, 'a.txt'), 'a 100 -day plan\n')
    const { io, stdout, stderr } = fakeIo(false)
    expect(await main(['review', 'a.txt'], io)).toBe(2)
    expect(stdout()).toBe('')
    expect(stderr()).toBe(
      "mtclean: review is interactive and needs a terminal on stdin and stdout; use 'mtclean lint' to list findings or 'mtclean fix' to apply safe fixes\n",
    )
    const halfTty = fakeIo(true)
    halfTty.io.stdout.isTTY = false
    expect(await main(['review', 'a.txt'], halfTty.io)).toBe(2)
    expect(halfTty.stderr().split('\n')).toHaveLength(2)
  })

  it('refuses in CI, where the screen cannot be drawn', async () => {
    await writeFile(join(folder, 'a.txt'), 'a 100 -day plan\n')
    const { io, stderr } = fakeIo(true, { CI: 'true' })
    expect(await main(['review', 'a.txt'], io)).toBe(2)
    expect(stderr()).toMatch(/^mtclean: review is interactive and does not run in CI .*\n$/)
  })

  it('rejects bad usage with one line', async () => {
    const cases: [string[], RegExp][] = [
      [['review'], /needs files or folders/],
      [['review', '-'], /cannot review '-'/],
      [
        ['review', '--category', 'nonsense', 'a.txt'],
        /unknown category 'nonsense' \(expected one of .*hyphenation/,
      ],
      [['review', '--rule', 'no-such-rule', 'a.txt'], /unknown rule 'no-such-rule'/],
      [['review', '--bogus', 'a.txt'], /see 'mtclean review --help'/],
    ]
    await writeFile(join(folder, 'a.txt'), 'a 100 -day plan\n')
    for (const [argv, message] of cases) {
      const { io, stderr } = fakeIo()
      expect(await main(argv, io), argv.join(' ')).toBe(2)
      expect(stderr()).toMatch(message)
      expect(stderr().trim().split('\n')).toHaveLength(1)
    }
  })

  it('says so when there is nothing to review, without opening the screen', async () => {
    await writeFile(join(folder, 'clean.txt'), 'A clean sentence.\n')
    const seen: RunProps[] = []
    const { io, stdout } = fakeIo()
    const code = await reviewCommand(['clean.txt'], io, { run: scripted((s) => s, 'quit', seen) })
    expect(code).toBe(0)
    expect(seen).toHaveLength(0)
    expect(stdout()).toBe('mtclean review: nothing to review (1 file without findings)\n')
  })

  it('reports an unreadable file and still reviews the others', async () => {
    await writeFile(join(folder, 'a.txt'), 'a 100 -day plan\n')
    const seen: RunProps[] = []
    const { io, stderr } = fakeIo()
    const code = await reviewCommand(['a.txt', 'missing.txt'], io, {
      run: scripted((s) => s, 'quit', seen),
    })
    expect(code).toBe(2)
    expect(stderr()).toBe('mtclean: missing.txt: no such file or directory\n')
    expect(seen[0]!.files.map((f) => f.path)).toEqual(['a.txt'])
  })
})

describe('mtclean review: writing', () => {
  it('writes the accepted changes, skips clean files, and prints a summary', async () => {
    await writeFile(join(folder, 'a.txt'), 'It was a 100 -day plan.\nA well- known one.\n')
    await writeFile(join(folder, 'clean.txt'), 'A clean sentence.\n')
    const seen: RunProps[] = []
    const run = scripted(
      (_state, step) => {
        step({ type: 'accept' })
        return step({ type: 'skip', permanent: false })
      },
      'write',
      seen,
    )
    const { io, stdout } = fakeIo()
    expect(await reviewCommand(['a.txt', 'clean.txt', '--rule', 'hyphen-space'], io, { run })).toBe(
      0,
    )
    expect(seen[0]!.files.map((f) => f.path)).toEqual(['a.txt'])
    expect(await readFile(join(folder, 'a.txt'), 'utf8')).toBe(
      'It was a 100-day plan.\nA well- known one.\n',
    )
    expect(stdout()).toBe(
      [
        'mtclean review: 1 file written',
        '  accepted  edited  skipped  left  result   file',
        '         1       0        1     0  written  a.txt',
        '  (1 file without findings not shown)',
        '',
      ].join('\n'),
    )
  })

  it('keeps the BOM, CRLF line ends and the file mode', async () => {
    const path = join(folder, 'bom.txt')
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a 100 -day plan\r\nnext\r\n')]),
    )
    await chmod(path, 0o640)
    const { io } = fakeIo()
    expect(
      await reviewCommand(['bom.txt', '--rule', 'hyphen-space'], io, {
        run: scripted(acceptAll, 'write'),
      }),
    ).toBe(0)
    const bytes = await readFile(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe('a 100-day plan\r\nnext\r\n')
    expect((await stat(path)).mode & 0o777).toBe(0o640)
  })

  it('does not overwrite a file changed on disk since it was read, and prints the changes as a patch', async () => {
    const path = join(folder, 'a.txt')
    await writeFile(path, 'It was a 100 -day plan.\n')
    const someoneElse = async () => {
      await writeFile(path, 'Someone else rewrote this line.\n')
    }
    const { io, stdout, stderr } = fakeIo()
    const run = scripted(acceptAll, 'write', [], someoneElse)
    expect(await reviewCommand(['a.txt', '--rule', 'hyphen-space'], io, { run })).toBe(2)
    expect(await readFile(path, 'utf8')).toBe('Someone else rewrote this line.\n')
    expect(stderr()).toBe(
      'mtclean: a.txt: changed on disk since it was read; not written; your changes to it follow on stdout as a patch\n',
    )
    expect(stdout()).toContain('--- a.txt\tas read\n+++ a.txt\treviewed\n')
    expect(stdout()).toContain('-It was a 100 -day plan.\n+It was a 100-day plan.\n')
    expect(stdout()).toContain('         1       0        0     0  NOT WRITTEN  a.txt')
  })

  it('writes nothing when the review is quit', async () => {
    const path = join(folder, 'a.txt')
    await writeFile(path, 'It was a 100 -day plan.\n')
    const { io, stdout } = fakeIo()
    expect(
      await reviewCommand(['a.txt', '--rule', 'hyphen-space'], io, {
        run: scripted(acceptAll, 'quit'),
      }),
    ).toBe(0)
    expect(await readFile(path, 'utf8')).toBe('It was a 100 -day plan.\n')
    expect(stdout()).toBe(
      [
        'mtclean review: quit without writing (1 change discarded)',
        '  accepted  edited  skipped  left  result     file',
        '         1       0        0     0  discarded  a.txt',
        '',
      ].join('\n'),
    )
  })

  it('records skips for good in the baseline on write, which lint --baseline and review --baseline honour', async () => {
    const path = join(folder, 'a.txt')
    await writeFile(path, 'It was a 100 -day plan.\nA well- known one.\n')
    const run = scripted((_state, step) => {
      step({ type: 'skip', permanent: true })
      return step({ type: 'accept' })
    }, 'write')
    const first = fakeIo()
    expect(await reviewCommand(['a.txt', '--rule', 'hyphen-space'], first.io, { run })).toBe(0)
    expect(await readFile(path, 'utf8')).toBe('It was a 100 -day plan.\nA well-known one.\n')
    expect(first.stdout()).toContain(
      '  1 finding skipped for good, recorded in .mtclean-baseline.json (lint --baseline .mtclean-baseline.json hides it',
    )
    const baseline = JSON.parse(await readFile(join(folder, '.mtclean-baseline.json'), 'utf8'))
    expect(baseline.entries).toMatchObject([
      { file: 'a.txt', rule: 'hyphen-space', count: 1, text: ' -' },
    ])

    const lint = fakeIo(false)
    expect(
      await main(
        ['lint', 'a.txt', '--rule', 'hyphen-space', '--baseline', '.mtclean-baseline.json'],
        lint.io,
      ),
    ).toBe(0)
    const seen: RunProps[] = []
    const again = fakeIo()
    const args = ['a.txt', '--rule', 'hyphen-space', '--baseline', '.mtclean-baseline.json']
    expect(await reviewCommand(args, again.io, { run: scripted((s) => s, 'quit', seen) })).toBe(0)
    expect(seen).toHaveLength(0)
    expect(again.stdout()).toBe('mtclean review: nothing to review (1 file without findings)\n')
  })

  it('--category narrows the findings shown', async () => {
    await writeFile(
      join(folder, 'a.txt'),
      'A 100 -day plan raised output by 59%and more,as planned.\n',
    )
    const all: RunProps[] = []
    await reviewCommand(['a.txt'], fakeIo().io, { run: scripted((s) => s, 'quit', all) })
    const categories = new Set(all[0]!.files[0]!.findings.map((f) => f.category))
    expect(categories.size).toBeGreaterThan(1)
    const narrowed: RunProps[] = []
    await reviewCommand(['a.txt', '--category', 'hyphenation'], fakeIo().io, {
      run: scripted((s) => s, 'quit', narrowed),
    })
    const findings = narrowed[0]!.files[0]!.findings
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every((f) => f.category === 'hyphenation')).toBe(true)
    // The re-check after a change keeps to the same selection.
    const relinted = narrowed[0]!.lint('a.txt', 'A 200 -day plan, 59%and more.\n')
    expect(relinted.ok && relinted.value.every((f) => f.category === 'hyphenation')).toBe(true)
  })
})
