import { defineRule } from '../src/engine/define-rule.js'
import { maybeCjk, Prefiltered } from '../src/engine/prefilter.js'

// What is left alone: a mark between digits (`3.5`, `17,000`, `10:30`, `3:1`, `v1.2.3`), a
// period before a lower-case or one-letter part (`Node.js`, `report.pdf`, `e.g.`, `U.S.`,
// `a.m.`), a capitalised word before the period (`No.1`, `Dr.Li`: house style or a name, so
// not a safe fix), URLs, e-mail, paths and code, quotes after a mark (`said,"` belongs to
// quote-spacing), acronyms (`TL;DR`), data lists (`name,age,city`) and CJK text.
// Each pattern finds punctuation glued to the next word; `accept` then looks at the words.
// Patterns start with the mark itself (lookbehinds after it) so the engine can scan fast.
const clause = /[,;](?<=[\p{L}\p{N}%)][,;])(?=\p{L})/gu
const exclaim = /(?<![!?])[!?]+(?=\p{Lu}|\p{Ll}{2})/gu
const percent = /%(?<=\p{N}%)(?=\p{Ll}{2})/gu
const period = /\.(?<=[\p{Ll}\p{N}%)]\.)(?=\p{Lu}(?:\p{Ll}|\s))/gu
const colon = /:(?<=\p{L}{2}:)(?=\p{Lu}\p{Ll}|\p{N})/gu
// `August 11thA fire`: an ordinal glued to the next sentence.
const ordinal =
  /(?:st|nd|rd|th)(?<=(?:^|[^\p{L}\p{N}])\p{N}{1,2}(?:st|nd|rd|th))(?=\p{Lu}\p{Ll}|[AI]\s)/gu

// `Co., Ltd.(hereinafter …)`: a bracket glued to the period of a word.
const periodParen = /\.(?=\([\p{L}\p{N}])/gu
const wordOfTwo = /\p{L}{2}$/u
const wordChar = /[\p{L}\p{N}]/u
const closesWord = /[\p{L}\p{N})]/u
// Chinese, Japanese and Korean text sets punctuation without spaces.
const cjk = new Prefiltered(
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u,
  maybeCjk,
)
const space = /\s/u
const lower = /^\p{Ll}+$/u
const upper = /^\p{Lu}+$/u
const capitalised = /^\p{Lu}\p{Ll}+$/u
const digits = /^\p{N}+$/u
// URLs, e-mail, paths, markup: `www.gov.cn/xinwen`, `a@b.org`, `a=b,c`.
const addressLike = /:\/\/|@|^www\.|[\\/=`{}[\]<>|_]|^&|::/iu
const wordBefore = /[\s(["'\u201c\u2018]/u
// What may follow the capitalised word after a period: not `.Net.Core`, `.Parse(`, `.Com/`.
const afterWordOk = /[\s,;:!?)\]"'\u201d\u2019]/u
// Words that often open a sentence: `results.The` is a missing space, `ttk.Notebook` is code.
const sentenceStarter =
  /^(?:The|This|That|These|Those|It|Its|In|On|At|By|For|From|With|As|After|Before|Since|During|When|While|If|But|And|Or|So|Yet|However|Meanwhile|Moreover|Furthermore|Therefore|Thus|A|An|We|He|She|They|There|Some|Many|Most|All|Each|Every|According|Among|Also|Then|Now|Today|Last|Next|First|Second|Third|Finally|Currently|Recently|Other|Our|His|Her|Their|One|Such|Both|Not|No|To|Through|Under|Over|Only|Once|Although|Though|Because|Despite|What|Which|Who|How|Why|Where|You|Let|Please|Here|Until|Upon|Within|Without|Against|Between|Following|Subsequently)$/u
const lowerWordNext = /^ \p{Ll}/u
const fileOrDomain =
  /^(?:Com|Net|Org|Gov|Edu|Io|Cn|Uk|Html?|Php|Js|Ts|Py|Pdf|Docx?|Txt|Jpe?g|Png)$/u
const scheme =
  /^(?:https?|ftp|mailto|tel|urn|file|data|sip|git|ssh|news|irc|javascript|about|wss?)$/iu
const listGlue = /[\p{L}\p{N}][,;][\p{L}\p{N}]/gu

/** The run of letters and digits ending at `end` (at most 40 characters back). */
function wordEndingAt(text: string, end: number): string {
  let start = end
  while (start > 0 && end - start < 40 && wordChar.test(text[start - 1]!)) start--
  return text.slice(start, end)
}

/** The run of letters and digits starting at `start` (at most 40 characters). */
function wordStartingAt(text: string, start: number): string {
  let end = start
  while (end < text.length && end - start < 40 && wordChar.test(text[end]!)) end++
  return text.slice(start, end)
}

/** The whitespace-free run around [start, end), or undefined when longer than 200 characters. */
function tokenAround(text: string, start: number, end: number): string | undefined {
  let from = start
  while (from > 0 && !space.test(text[from - 1]!)) {
    from--
    if (start - from > 200) return undefined
  }
  let to = end
  while (to < text.length && !space.test(text[to]!)) {
    to++
    if (to - end > 200) return undefined
  }
  return text.slice(from, to)
}

interface Candidate {
  start: number
  end: number
  left: string
  right: string
}

/** Whether a glued punctuation mark is a missing space rather than part of a name or number. */
function accept(text: string, c: Candidate): boolean {
  const mark = text.slice(c.start, c.end)
  if (cjk.test(text[c.start - 1] ?? '') || cjk.test(text[c.end] ?? '')) return false
  const token = tokenAround(text, c.start, c.end)
  if (token === undefined || addressLike.test(token)) return false
  const before = text[c.start - c.left.length - 1] ?? ' '
  const after = text[c.end + c.right.length] ?? ' '
  if (mark === ',' || mark === ';') {
    if (c.left.length < 2 && c.left !== '') return false
    if (before === '&' || before === '#') return false // `&amp;x`, `&#160;x`
    if (upper.test(c.left) && upper.test(c.right)) return false // `TL;DR`
    return [...token.matchAll(listGlue)].length <= 1 // `name,age,city` is data
  }
  if (mark === '%') return token.split('%').length === 2
  if (mark === '.') {
    if (
      !afterWordOk.test(after) &&
      !(after === '.' && space.test(text[c.end + c.right.length + 1] ?? ' '))
    ) {
      return false
    }
    if (fileOrDomain.test(c.right)) return false
    if (c.left !== '' && !wordBefore.test(before) && c.start - c.left.length > 0) return false
    if (c.left !== '' && !(lower.test(c.left) && c.left.length >= 2) && !digits.test(c.left)) {
      return false
    }
    if (sentenceStarter.test(c.right)) return true
    // Any other capitalised word must read like a sentence: `results.Police arrested`.
    const next = text.slice(c.end + c.right.length, c.end + c.right.length + 2)
    return capitalised.test(c.right) && lowerWordNext.test(next) && c.left.length >= 4
  }
  if (mark === ':') {
    if (token.includes('::') || scheme.test(c.left)) return false
    if (!wordBefore.test(before) && c.start - c.left.length > 0) return false
    return digits.test(c.right.slice(0, 1)) ? capitalised.test(c.left) : true
  }
  if (/^[a-z]{2}$/u.test(mark)) return true // an ordinal
  if (!closesWord.test(text[c.start - 1] ?? '')) return false
  return c.left.length >= 2 || c.left === '' // `!` and `?`
}

function candidates(text: string, pattern: RegExp): Candidate[] {
  const found: Candidate[] = []
  for (const match of text.matchAll(pattern)) {
    const start = match.index
    const end = start + match[0].length
    found.push({ start, end, left: wordEndingAt(text, start), right: wordStartingAt(text, end) })
  }
  return found
}

export default defineRule({
  meta: {
    id: 'missing-space',
    category: 'spacing',
    severity: 'error',
    fixable: 'safe',
    description: 'A space after punctuation before the next word (`59%and`, `results.The`)',
    examples: [
      { bad: 'rose by 59%and 35%', fixed: 'rose by 59% and 35%' },
      { bad: 'Since the operation,the city', fixed: 'Since the operation, the city' },
      { bad: 'Sudden!A fire broke out', fixed: 'Sudden! A fire broke out' },
    ],
    good: [
      'rose by 3.5% to 17,000 at 10:30',
      'see www.gov.cn/xinwen or report.pdf',
      'the U.S. and e.g. Node.js',
    ],
  },
  trigger: /[,;!?%:](?=\p{L})|\.(?=\p{Lu}|\()|(?:st|nd|rd|th)(?<=\p{N}(?:st|nd|rd|th))(?=\p{Lu})/u,
  check({ text, report }) {
    for (const pattern of [clause, exclaim, percent, period, colon, ordinal]) {
      for (const c of candidates(text, pattern)) {
        if (!accept(text, c)) continue
        const mark = text.slice(c.start, c.end)
        report({
          start: c.start,
          end: c.end,
          message: `Unexpected \`${c.left}${mark}${c.right}\`, expected \`${c.left}${mark} ${c.right}\``,
          expected: [`${mark} `],
          fix: { start: c.start, end: c.end, text: `${mark} ` },
        })
      }
    }
    for (const match of text.matchAll(periodParen)) {
      const start = match.index
      if (!parenthesisGlued(text, start)) continue
      const left = wordEndingAt(text, start)
      const right = text.slice(start + 1, start + 2 + wordStartingAt(text, start + 2).length)
      report({
        start,
        end: start + 1,
        message: `Unexpected \`${left}.${right}\`, expected \`${left}. ${right}\``,
        expected: ['. '],
        fix: { start, end: start + 1, text: '. ' },
      })
    }
  },
})

// Whether the `.(` at `start` glues a bracketed aside to a word (`Ltd.(hereinafter`): a word of
// two letters or more before the period, a closing bracket later, and no address or code.
function parenthesisGlued(text: string, start: number): boolean {
  if (!wordOfTwo.test(text.slice(Math.max(0, start - 2), start))) return false
  if (cjk.test(text[start - 1] ?? '') || cjk.test(text[start + 2] ?? '')) return false
  if (text.indexOf(')', start + 2) === -1) return false
  const token = tokenAround(text, start, start + 1)
  return token !== undefined && !addressLike.test(token)
}
