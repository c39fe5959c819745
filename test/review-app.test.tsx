import { EventEmitter } from 'node:events'
import { render as inkRender } from 'ink'
import { render } from 'ink-testing-library'
import stringWidth from 'string-width'
import { afterEach, describe, expect, it } from 'vitest'
import { ReviewApp, type ReviewOutcome } from '../src/review/app.js'
import { findingsOf, testLint, testMetas } from './review-fixtures.js'

const keys = {
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  left: '\u001B[D',
  right: '\u001B[C',
  down: '\u001B[B',
  ctrlC: '\u0003',
}

const mounted: { unmount: () => void }[] = []
afterEach(() => {
  for (const app of mounted.splice(0)) app.unmount()
})

/** Poll until `check` passes or a deadline passes (Ink renders after input asynchronously). */
async function until(check: () => boolean, describe: () => string) {
  const deadline = Date.now() + 5000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last frame:\n${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function open(
  texts: Record<string, string>,
  options: { color?: boolean; canSkipPermanently?: boolean } = {},
) {
  const outcomes: ReviewOutcome[] = []
  const files = Object.entries(texts).map(([path, text]) => ({
    path,
    text,
    findings: findingsOf(path, text),
  }))
  const app = render(
    <ReviewApp
      files={files}
      lint={testLint}
      rules={testMetas}
      color={options.color ?? false}
      canSkipPermanently={options.canSkipPermanently ?? false}
      onExit={(outcome) => outcomes.push(outcome)}
      size={{ columns: 80, rows: 24 }}
    />,
  )
  mounted.push(app)
  const frame = () => app.lastFrame() ?? ''
  const press = async (input: string, expected: string | RegExp) => {
    app.stdin.write(input)
    const seen = () =>
      typeof expected === 'string' ? frame().includes(expected) : expected.test(frame())
    await until(seen, frame)
  }
  return { app, frame, press, outcomes }
}

const sample = 'It was a 100 -day campaign for the masses.\nA well- known plan.\n'

describe('review screen', () => {
  it('shows the finding in context with its rule, explanation, change, position and keys', () => {
    const { frame } = open({ 'news.txt': sample })
    const lines = frame().split('\n')
    expect(lines[0]).toBe('news.txt · finding 1 of 3 · 0 accepted · 0 skipped · 3 to go')
    expect(lines[1]).toBe('hyphen-space  error · safe fix · line 1, column 13')
    expect(lines[2]).toBe('Unexpected space before `-` in a compound')
    expect(lines[3]).toBe('No space inside a hyphenated compound (`100 -day`, `year -on -year`)')
    expect(frame()).toContain('1 │ It was a 100⟦ -⟧day campaign for the masses.')
    expect(frame()).toContain('2 │ A well- known plan.')
    expect(frame()).toContain('change: It was a 100[- -]-day campaign for the…')
    expect(lines.at(-1)).toMatch(/^y accept {2}n skip {2}e edit {2}u undo {2}w write {2}q quit/)
    expect(lines).toHaveLength(23)
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80)
  })

  it('y accepts, Enter accepts, the counts follow, and w hands back the new text', async () => {
    const { press, frame, outcomes } = open({ 'news.txt': sample })
    await press('y', 'finding 1 of 2 · 1 accepted')
    expect(frame()).toContain('test-masses  warn · suggestion')
    expect(frame()).toContain('1 │ It was a 100-day campaign for ⟦the masses⟧.')
    await press(keys.enter, '2 accepted')
    await press('w', '2 accepted')
    await until(() => outcomes.length === 1, frame)
    expect(outcomes[0]!.action).toBe('write')
    expect(outcomes[0]!.files[0]!.text).toBe(
      'It was a 100-day campaign for the public.\nA well- known plan.\n',
    )
  })

  it('n skips: the text stays and the skip is counted', async () => {
    const { press, frame } = open({ 'news.txt': sample })
    await press('n', '0 accepted · 1 skipped · 2 to go')
    expect(frame()).toContain('finding 2 of 3')
    await press(keys.left, 'finding 1 of 3')
    expect(frame()).toContain('hyphen-space  error · safe fix · line 1, column 13  skipped')
  })

  it('numbers pick an alternative, shown in the diff, and y accepts it', async () => {
    const { press, frame, outcomes } = open({ 'news.txt': 'Good for the masses.\n' })
    expect(frame()).toContain(' ▸ 1 Replace with `the public`')
    expect(frame()).toContain('   2 Replace with `people`')
    await press('2', ' ▸ 2 Replace with `people`')
    expect(frame()).toContain('change 2: Good for [-the masses-]{+people+}.')
    await press(keys.down, ' ▸ 1 Replace with `the public`')
    await press('2', ' ▸ 2')
    await press('y', '1 accepted')
    await press('w', '1 accepted')
    await until(() => outcomes.length === 1, frame)
    expect(outcomes[0]!.files[0]!.text).toBe('Good for people.\n')
  })

  it('e edits the replacement in place: type, Backspace, Enter', async () => {
    const { press, frame, outcomes } = open({ 'news.txt': 'Good for the masses.\n' })
    await press('e', 'your replacement (Enter applies, Esc cancels):')
    expect(frame()).toContain('› the public▏')
    for (let i = 0; i < 6; i++) await press(keys.backspace, `› the ${'public'.slice(0, 5 - i)}▏`)
    await press('local residents', '› the local residents▏')
    expect(frame()).toContain('Good for the [-masses-]{+local residents+}.')
    expect(frame().split('\n').at(-1)).toMatch(/^Enter apply {2}Esc cancel/)
    await press(keys.enter, '1 accepted')
    await press('w', '1 accepted')
    await until(() => outcomes.length === 1, frame)
    expect(outcomes[0]!.files[0]!.text).toBe('Good for the local residents.\n')
    expect(outcomes[0]!.files[0]!.decisions[0]!.kind).toBe('edited')
  })

  it('keys that arrive together (fast typing, key repeat) each count', async () => {
    const { press, frame } = open({ 'news.txt': 'Good for the masses.\n' })
    await press('e', '› the public▏')
    await press('\u007F\u007F\u007F\u007F\u007F\u007Fcommunity', '› the community▏')
    await press('\r', '1 accepted')
    expect(frame()).toContain('No findings left in news.txt: 0 accepted, 1 edited.')
    const other = open({ 'news.txt': sample })
    await other.press('yy', '2 accepted')
  })

  it('Esc cancels an edit; letters typed while editing are not commands', async () => {
    const { press, frame, outcomes } = open({ 'news.txt': 'Good for the masses.\n' })
    await press('e', '› the public▏')
    await press('q', '› the publicq▏')
    await press(keys.escape, 'change 1:')
    expect(frame()).not.toContain('›')
    expect(outcomes).toHaveLength(0)
  })

  it('a flag-only finding offers no change but can be given one with e', async () => {
    const { press, frame } = open({ 'note.txt': 'The 中文 stayed.\n' })
    expect(frame()).toContain('No change proposed: n skips it, e writes your own replacement')
    await press('y', 'Nothing to accept: this rule only flags')
    await press('e', '› 中文▏')
    await press(keys.backspace, '› 中▏')
    await press(keys.backspace, '› ▏')
    await press('Chinese', '› Chinese▏')
    await press(keys.enter, '1 accepted')
    expect(frame()).toContain('No findings left in note.txt: 0 accepted, 1 edited.')
  })

  it('u undoes the last decision', async () => {
    const { press, frame } = open({ 'news.txt': sample })
    await press('y', '1 accepted')
    await press('u', 'Undid: accepted hyphen-space at line 1')
    expect(frame()).toContain('0 accepted')
    expect(frame()).toContain('1 │ It was a 100⟦ -⟧day campaign')
  })

  it('a accepts every remaining finding of the rule in this file', async () => {
    const { press, frame } = open({ 'news.txt': sample })
    await press('a', 'Accepted 2 × hyphen-space in news.txt')
    expect(frame()).toContain('2 accepted')
    expect(frame()).toContain('2 │ A well-known plan.')
  })

  it('q asks before discarding accepted changes; other keys go back; y quits', async () => {
    const { app, press, frame, outcomes } = open({ 'news.txt': sample })
    await press('y', '1 accepted')
    await press('q', 'Quit without writing 1 change?')
    expect(frame().split('\n').at(-1)).toBe(
      'y quit without writing  w write, then quit  any other key keep reviewing',
    )
    await press('n', 'y accept')
    expect(frame()).not.toContain('Quit without writing')
    expect(outcomes).toHaveLength(0)
    await press(keys.ctrlC, 'Quit without writing 1 change?')
    app.stdin.write('y')
    await until(() => outcomes.length === 1, frame)
    expect(outcomes[0]!.action).toBe('quit')
  })

  it('q quits at once when nothing is unwritten; Ctrl-C does the same', async () => {
    const first = open({ 'news.txt': sample })
    first.app.stdin.write('q')
    await until(() => first.outcomes.length === 1, first.frame)
    expect(first.outcomes[0]!.action).toBe('quit')
    const second = open({ 'news.txt': sample })
    second.app.stdin.write(keys.ctrlC)
    await until(() => second.outcomes.length === 1, second.frame)
    expect(second.outcomes[0]!.action).toBe('quit')
  })

  it('? toggles the full key list', async () => {
    const { press, frame } = open({ 'news.txt': sample }, { canSkipPermanently: true })
    await press('?', '── keys')
    expect(frame()).toContain(' b          skip for good (add it to the baseline on write)')
    expect(frame()).toContain(
      ' a          accept every remaining finding of this rule in this file',
    )
    await press('?', 'change:')
    expect(frame()).not.toContain('── keys')
  })

  it('b skips for good when offered', async () => {
    const { press, frame } = open({ 'news.txt': sample }, { canSkipPermanently: true })
    await press('b', '1 skipped')
    await press('k', 'skipped for good')
    expect(frame()).toContain('hyphen-space')
  })

  it('f and F move between files; j and k between findings', async () => {
    const { press, frame } = open({ 'one.txt': sample, 'two.txt': 'Good for the masses.\n' })
    expect(frame().split('\n')[0]).toMatch(/^one\.txt \(1\/2\) · finding 1 of 3/)
    await press('f', /^two\.txt \(2\/2\) · finding 1 of 1/)
    await press('F', /^one\.txt \(1\/2\)/)
    await press('j', 'finding 2 of 3')
    await press(keys.right, 'finding 3 of 3')
    await press('j', /^two\.txt/)
    await press('k', /^one\.txt \(1\/2\) · finding 3 of 3/)
  })

  it('in colour the markers give way to styles', () => {
    const { frame } = open({ 'news.txt': sample }, { color: true })
    expect(frame()).toContain('It was a 100 -day campaign')
    expect(frame()).not.toContain('⟦')
    expect(frame()).not.toContain('[-')
  })
})

class FakeTerminal extends EventEmitter {
  columns = 80
  rows = 24
  isTTY = true
  frames: string[] = []
  write = (frame: string) => {
    this.frames.push(frame)
    return true
  }
}

class FakeKeyboard extends EventEmitter {
  isTTY = true
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null
}

describe('review screen size', () => {
  it('follows the terminal when it is resized, keeping rows within the new width', async () => {
    const stdout = new FakeTerminal()
    const text = `${'The provincial office reported steady progress on the work. '.repeat(6)}A 100 -day campaign.\n`
    const instance = inkRender(
      <ReviewApp
        files={[{ path: 'wide.txt', text, findings: findingsOf('wide.txt', text) }]}
        lint={testLint}
        rules={testMetas}
        color={false}
        onExit={() => {}}
      />,
      {
        stdout: stdout as unknown as NodeJS.WriteStream,
        stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream,
        debug: true,
        exitOnCtrlC: false,
        patchConsole: false,
      },
    )
    mounted.push(instance)
    const last = () => stdout.frames.at(-1) ?? ''
    const widest = () =>
      Math.max(
        ...last()
          .split('\n')
          .map((l) => stringWidth(l)),
      )
    await until(() => last().includes('⟦ -⟧'), last)
    expect(last().split('\n')).toHaveLength(23)
    expect(widest()).toBeGreaterThan(50)
    stdout.columns = 50
    stdout.rows = 16
    stdout.emit('resize')
    await until(() => last().split('\n').length === 15, last)
    expect(widest()).toBeLessThanOrEqual(50)
    expect(last()).toContain('⟦ -⟧')
  })
})
