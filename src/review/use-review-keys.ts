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
 * Send every key press to the reducer as a `key` action; the reducer maps it for the current
 * mode, so fast typing never meets a stale handler.
 */
export function useReviewKeys(dispatch: Dispatch<Action>, isActive = true) {
  const handler = useCallback(
    (input: string, key: Key) => dispatch({ type: 'key', input, key: keyPressOf(key) }),
    [dispatch],
  )
  useInput(handler, { isActive })
}
