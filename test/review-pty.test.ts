import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import stringWidth from 'string-width'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { assertBuilt, binPath, runCli } from './helpers/cli.js'

// The built CLI in a real pseudo-terminal: a private tmux server with an 80×24 window.

// A fresh tmux server per test, its socket in the test's folder (removed with it): a server
// being killed may still hold its socket for a moment.
let socket = ''
let folder: string

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-u', '-S', socket, ...args], { encoding: 'utf8' })
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', 'review')
}

/** Poll the screen until it shows `text` (a deadline, not a fixed sleep). */
async function waitFor(text: string | RegExp, deadlineMs = 15_000): Promise<string> {
  const deadline = Date.now() + deadlineMs
  for (;;) {
    const shown = screen()
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown
    if (Date.now() > deadline) throw new Error(`the screen never showed ${String(text)}:\n${shown}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Press keys (tmux key names, or literal text with `literal`) and wait for the screen to answer. */
async function press(keys: string, expected: string | RegExp, literal = false) {
  tmux('send-keys', '-t', 'review', ...(literal ? ['-l', keys] : [keys]))
  return waitFor(expected)
}

function start(args: string[], env: Record<string, string> = {}) {
  // A clean environment: no CI variables (Ink would not draw), UTF-8 for CJK widths.
  const vars = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? folder,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    ...env,
  }
  const quoted = [process.execPath, binPath, 'review', ...args].map(
    (a) => `'${a.replace(/'/g, `'\\''`)}'`,
  )
  const command = `cd '${folder}' && env -i ${Object.entries(vars)
    .map(([k, v]) => `${k}='${v}'`)
    .join(' ')} ${quoted.join(' ')}; echo "EXIT=$?"; sleep 120`
  tmux('new-session', '-d', '-s', 'review', '-x', '80', '-y', '24', command)
}

beforeAll(() => {
  assertBuilt()
  const found = spawnSync('tmux', ['-V'], { encoding: 'utf8' })
  if (found.status !== 0) throw new Error('this test needs tmux (apt-get install -y tmux)')
})

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mtclean-review-pty-'))
  socket = join(folder, `tmux-${randomBytes(4).toString('hex')}.sock`)
})

afterEach(async () => {
  spawnSync('tmux', ['-S', socket, 'kill-server'])
  await rm(folder, { recursive: true, force: true })
})

const text =
  'The county held a 100 -day campaign and a year -on -year review.\nA well- known road was rebuilt near the 中文 sign.\n'

describe('mtclean review in a real terminal', () => {
  it('accepts, skips, undoes and edits with the keyboard, writes on w, and lint shows only the skip', async () => {
    const path = join(folder, 'news.txt')
    await writeFile(path, text)
    start(['--rule', 'hyphen-space,cjk-residue', '--no-config', 'news.txt'], { NO_COLOR: '1' })
    let shown = await waitFor('news.txt · finding 1 of 5 · 0 accepted')
    const rows = shown.split('\n')
    expect(rows[1]).toBe('hyphen-space  error · safe fix · line 1, column 22')
    expect(shown).toContain(
      '1 │ The county held a 100⟦ -⟧day campaign and a year -on -year review.',
    )
    expect(shown).toContain('2 │ A well- known road was rebuilt near the 中文 sign.')
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(80)

    await press('y', '1 accepted')
    await press('n', '1 skipped')
    shown = await press('y', '2 accepted')
    expect(shown).toContain('1 │ The county held a 100-day campaign and a year -on-year review.')
    await press('u', 'Undid: accepted hyphen-space at line 1')
    await press('Enter', '2 accepted')
    await press('y', '3 accepted')
    // The flag-only CJK finding: write a replacement in place.
    shown = await waitFor('cjk-residue')
    expect(shown).toContain('No change proposed')
    await press('e', '› 中文▏')
    await press('BSpace', '› 中▏')
    await press('BSpace', '› ▏')
    await press('Chinese', '› Chinese▏', true)
    shown = await press('Enter', 'Every finding is decided')
    expect(shown).toContain('4 accepted · 1 skipped · 0 to go')
    shown = await press('w', 'EXIT=0')
    expect(shown).toContain('mtclean review: 1 file written')
    expect(shown).toContain('         3       1        1     0  written  news.txt')

    expect(await readFile(path, 'utf8')).toBe(
      'The county held a 100-day campaign and a year -on-year review.\nA well-known road was rebuilt near the Chinese sign.\n',
    )
    const lint = await runCli(
      ['lint', '--no-config', '--rule', 'hyphen-space,cjk-residue', 'news.txt'],
      {
        cwd: folder,
      },
    )
    expect(lint.stdout).toMatch(
      /1:46-1:48 +error +Unexpected space before `-` in a compound +hyphen-space/,
    )
    expect(lint.stdout).toContain('1 error')
  })

  it('asks before quitting with unwritten changes (Ctrl-C as q) and then writes nothing', async () => {
    const path = join(folder, 'news.txt')
    await writeFile(path, text)
    start(['--rule', 'hyphen-space', '--no-config', 'news.txt'])
    await waitFor('finding 1 of 4')
    await press('y', '1 accepted')
    await press('C-c', 'Quit without writing 1 change?')
    await press('Escape', /y accept {2}n skip/)
    await press('q', 'Quit without writing 1 change?')
    const shown = await press('y', 'EXIT=0')
    expect(shown).toContain('mtclean review: quit without writing (1 change discarded)')
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('does not overwrite a file changed while it was reviewed, and prints the decisions as a patch', async () => {
    const path = join(folder, 'news.txt')
    await writeFile(path, text)
    start(['--rule', 'hyphen-space', '--no-config', 'news.txt'])
    await waitFor('finding 1 of 4')
    await press('a', 'Accepted 4 × hyphen-space')
    await writeFile(path, 'Someone else saved this file meanwhile.\n')
    const shown = await press('w', 'EXIT=2')
    expect(shown).toContain('mtclean: news.txt: changed on disk since it was read; not written')
    expect(shown).toContain('-The county held a 100 -day campaign and a year -on -year review.')
    expect(shown).toContain('+The county held a 100-day campaign and a year-on-year review.')
    expect(await readFile(path, 'utf8')).toBe('Someone else saved this file meanwhile.\n')
  })

  it('refuses to run without a terminal', async () => {
    await writeFile(join(folder, 'news.txt'), text)
    const result = await runCli(['review', 'news.txt'], { cwd: folder })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      "mtclean: review is interactive and needs a terminal on stdin and stdout; use 'mtclean lint' to list findings or 'mtclean fix' to apply safe fixes\n",
    )
  })
})
