import { describe, expect, it } from 'vitest'
import { splitKeys } from '../src/review/use-review-keys.js'

describe('splitting input into key presses', () => {
  it('leaves single keys and keys with flags alone', () => {
    expect(splitKeys('y', {})).toEqual([{ input: 'y', key: {} }])
    expect(splitKeys('', { return: true })).toEqual([{ input: '', key: { return: true } }])
    expect(splitKeys('c', { ctrl: true })).toEqual([{ input: 'c', key: { ctrl: true } }])
    expect(splitKeys('中', {})).toEqual([{ input: '中', key: {} }])
  })

  it('splits a run of characters, turning control characters into their keys', () => {
    expect(splitKeys('yn', {})).toEqual([
      { input: 'y', key: {} },
      { input: 'n', key: {} },
    ])
    expect(splitKeys('\u007F\u007Fa\r\u0003\t😀', {})).toEqual([
      { input: '', key: { backspace: true } },
      { input: '', key: { backspace: true } },
      { input: 'a', key: {} },
      { input: '', key: { return: true } },
      { input: 'c', key: { ctrl: true } },
      { input: '', key: { tab: true } },
      { input: '😀', key: {} },
    ])
  })
})
