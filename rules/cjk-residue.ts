import { defineRule } from '../src/engine/define-rule.js'
import { maybeCjk, Prefiltered } from '../src/engine/prefilter.js'
import { cjkPunctuationChar, cjkTextChar } from './cjk-punctuation.js'

// A run starts and ends with a CJK character; full-width punctuation, digits and spaces may sit
// inside it (`安全第一，预防为主` is one report). Punctuation outside a run is `cjk-punctuation`'s.
const isText = (c: string | undefined) => c !== undefined && cjkTextChar.test(c)
const isInner = (c: string | undefined) =>
  c !== undefined &&
  (c === ' ' || c === '\t' || c === '·' || (c >= '0' && c <= '9') || cjkPunctuationChar.test(c))

// Where a run may start (any character `cjkTextChar` accepts).
const runStart =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3003\u3004\u3006\u3012\u3013\u3020\u3030\u3036\u3037\u303c-\u303f\u30fb\u30fc\u31c0-\u31ef\u2ff0-\u2fff]/gu

const open = new Set(['(', '（'])
const close = new Set([')', '）'])
// How far a gloss's brackets may be from the Chinese they enclose.
const glossReach = 60

/** Whether the character at `index` ends a Latin word, a number or a quoted phrase. */
function endsLatin(text: string, index: number): boolean {
  let i = index
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--
  while (i >= 0 && '"\'”’'.includes(text[i]!)) i--
  const c = text[i]
  return c !== undefined && /[\p{Script=Latin}\p{N}]/u.test(c)
}

/**
 * A deliberate gloss: the run sits in brackets right after a Latin word (`Hukou (户口)`,
 * `the Spring Festival (Chinese: 春节)`), or is followed by a bracketed Latin gloss
 * (`户口 (hukou)`).
 */
function isGloss(text: string, start: number, end: number): boolean {
  let before = start - 1
  while (before >= 0 && start - before <= glossReach && !open.has(text[before]!)) {
    if (close.has(text[before]!)) break
    before--
  }
  let after = end
  while (after < text.length && after - end <= glossReach && !close.has(text[after]!)) {
    if (open.has(text[after]!)) break
    after++
  }
  if (open.has(text[before] ?? '') && close.has(text[after] ?? '') && endsLatin(text, before - 1)) {
    return true
  }
  let next = end
  while (text[next] === ' ') next++
  return open.has(text[next] ?? '') && /\p{Script=Latin}/u.test(text[next + 1] ?? '')
}

function shorten(run: string): string {
  const chars = [...run]
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : run
}

/**
 * Untranslated Chinese (Han, kana, bopomofo, CJK symbols) left in English: one report per run,
 * flag only. A bracketed run right after a Latin word, number or quoted phrase is a deliberate
 * gloss and passes (`Hukou (户口)`, `the Spring Festival (Chinese: 春节)`), as does a run followed
 * by a bracketed Latin gloss (`安全第一 (safety first)`); so does untranslated text that happens
 * to sit in brackets after a word, a known miss.
 */
export default defineRule({
  meta: {
    id: 'cjk-residue',
    category: 'residue',
    severity: 'error',
    fixable: false,
    description: 'Untranslated Chinese (or other CJK) text left in English',
    examples: [{ bad: 'The 通知 was issued on Monday.', fixed: null }],
    good: [
      'Hukou (户口) is the household registration system.',
      'The Spring Festival (春节, Chunjie) falls in late January.',
    ],
  },
  trigger: new Prefiltered(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3003\u3004\u3006\u3012\u3013\u3020\u3030\u3036\u3037\u303c-\u303f\u30fb\u30fc\u31c0-\u31ef\u2ff0-\u2fff]/u,
    maybeCjk,
  ),
  check({ text, report }) {
    const find = new RegExp(runStart.source, 'gu')
    let i = 0
    while (i < text.length) {
      find.lastIndex = i
      const hit = find.exec(text)
      if (!hit) break
      const start = hit.index
      let end = start + hit[0].length
      let cursor = end
      while (cursor < text.length) {
        const code = text.codePointAt(cursor)!
        const c = String.fromCodePoint(code)
        if (isText(c)) end = cursor + c.length
        else if (!isInner(c)) break
        cursor += c.length
      }
      i = end
      if (isGloss(text, start, end)) continue
      const run = text.slice(start, end)
      report({ start, end, message: `Unexpected untranslated text \`${shorten(run)}\`` })
    }
  },
})
