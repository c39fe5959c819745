import { type Key, useInput } from 'ink'
import { type Dispatch, useCallback } from 'react'
import type { Action, KeyPress } from './state.js'

/** The parts of Ink's key report the review reads. */
export function keyPressOf(key: Key): KeyPress {
  return {
    upArrow: key.upArrow,
    downArrow: key.downArrow,
    leftArrow: key.leftArrow,
    rightArrow: key.rightArrow,
    home: key.home,
    end: key.end,
    return: key.return,
    escape: key.escape,
    ctrl: key.ctrl,
    meta: key.meta,
    tab: key.tab,
    backspace: key.backspace,
    delete: key.delete,
  }
}

/**
 * Split what Ink reports as one input into single key presses. Ink hands over a run of
 * characters that arrived together (fast typing, key repeat, a paste) as one string, with
 * control characters such as Backspace or Enter inside it; each becomes its own key here.
 */
export function splitKeys(input: string, key: KeyPress): { input: string; key: KeyPress }[] {
  const flagged = Object.values(key).some((v) => v === true)
  if (flagged || [...input].length <= 1) return [{ input, key }]
  return [...input].map((char) => {
    const code = char.codePointAt(0) ?? 0
    if (char === '\r' || char === '\n') return { input: '', key: { return: true } }
    if (char === '\u007F' || char === '\b') return { input: '', key: { backspace: true } }
    if (char === '\t') return { input: '', key: { tab: true } }
    if (code < 0x20) return { input: String.fromCharCode(code + 0x60), key: { ctrl: true } }
    return { input: char, key: {} }
  })
}

/**
 * Send every key press to the reducer as a `key` action; the reducer maps it for the current
 * mode, so fast typing never meets a stale handler.
 */
export function useReviewKeys(dispatch: Dispatch<Action>, isActive = true) {
  const handler = useCallback(
    (input: string, key: Key) => {
      for (const press of splitKeys(input, keyPressOf(key))) dispatch({ type: 'key', ...press })
    },
    [dispatch],
  )
  useInput(handler, { isActive })
}
