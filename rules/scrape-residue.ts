import { defineRule } from '../src/engine/define-rule.js'
import type { Paragraph, Report } from '../src/engine/types.js'

// Whole lines a web scraper leaves in a translated article: end-of-article dividers, page
// boilerplate (share, follow, read-more links, page metadata), and the related-article teasers
// that follow an article, cut off with `...`. Each is suggested for deletion, line break included.

const rule = '[-—–=*_~·•#]+'
/** `- END -`, `—END—`, `END`, `[END]`: upper-case `END`, decorated or not. */
const dividerUpper = new RegExp(
  `^(?:${rule}\\s*)?[(\\[（【<]?\\s*END\\s*[)\\]）】>]?(?:\\s*${rule})?$`,
  'u',
)
/** `-end-`, `— End —`, `(End)`: any case, only between rules or in brackets. */
const dividerAny = new RegExp(
  `^(?:${rule}\\s*end\\s*${rule}|[(\\[（【]\\s*end\\s*[)\\]）】])$`,
  'iu',
)
/** Headings that open a list of related-article links. */
const listHeading =
  /^[[【]?\s*(?:related (?:reading|articles?|news|links|stories)|recommended (?:reading|articles?|for you)|more (?:news|stories|exciting content)|previous (?:article|post)|next (?:article|post))\s*(?:[\]】]\s*)?[:：>»]*$/iu
const boilerplate: readonly RegExp[] = [
  // Read-more and original-article links.
  /^[>»›▶►*·•→\-—\s]*(?:(?:click|tap)(?: here)? to (?:read (?:more|the (?:full )?(?:text|article|story)|the original(?: text| article)?)|view (?:more|the original(?: text| article)?)|see more)|read (?:more|the original(?: text| article)?|original(?: text)?)|view (?:the )?original(?: text)?)[\s.…>»›▶►:：!]*$/iu,
  // Share buttons and like/“looking” prompts.
  /^(?:(?:share (?:to|on) (?:wechat(?: moments)?|moments|weibo|qq|qzone|friends)|forward (?:to|on) (?:moments|friends|wechat)|click ["“]?(?:like|looking|wow|in view)["”]?)[\s,.;:!、/|]*)+$/iu,
  // Font-size selectors.
  /^font size\s*(?:[:：]\s*)?(?:(?:large|big|medium|middle|small)(?:\s+|$))+$/iu,
]
const qrCode = /\bQR code\b/iu
const qrFollow = /\b(?:follow|subscribe|official account|wechat|weibo|join us)\b/iu
/** Page metadata: two labelled fields or more, at least one of them a time or a counter. */
const metaLabel =
  /\b(?:author|source|time|release time|publish(?:ed|ing)? time|publication time|posted|date|editor|views|reads|clicks|font size)\s*[:：]/giu
const metaTime = /\b(?:time|posted|views|reads|clicks|font size)\s*[:：]/iu
/** A line cut off with an ellipsis after a letter, digit or comma. */
const cutOff = /[\p{L}\p{N},]\s*(?:\.{3,}|…+)\s*$/u

type Kind = 'divider' | 'heading' | 'boilerplate' | 'teaser'

function classify(line: string): Kind | undefined {
  if (line.length > 200) return undefined
  if (dividerUpper.test(line) || dividerAny.test(line)) return 'divider'
  if (listHeading.test(line)) return 'heading'
  if (line.length <= 100) {
    if (boilerplate.some((pattern) => pattern.test(line))) return 'boilerplate'
    if (qrCode.test(line) && qrFollow.test(line)) return 'boilerplate'
  }
  if (line.length <= 160) {
    const labels = line.match(metaLabel)?.length ?? 0
    if (labels >= 2 && metaTime.test(line)) return 'boilerplate'
  }
  if (cutOff.test(line) && !/^["“‘'(]/u.test(line) && line.split(/\s+/).length >= 3) return 'teaser'
  return undefined
}

const messages: Record<Kind, (line: string) => string> = {
  divider: (line) => `Unexpected scraper divider \`${line}\`: delete the line`,
  heading: (line) =>
    `Unexpected related-articles heading \`${line}\` left by a scraper: delete the line`,
  boilerplate: (line) => `Unexpected page boilerplate \`${line}\`: delete the line`,
  teaser: () =>
    'Unexpected truncated teaser line (a related-article link cut off with `...`): delete the line',
}

/** The span that deletes paragraph `index` with one line break (and blank lines after it). */
function deletion(paragraphs: readonly Paragraph[], index: number): { start: number; end: number } {
  const paragraph = paragraphs[index]!
  const next = paragraphs[index + 1]
  if (next) return { start: paragraph.offset, end: next.offset }
  const previous = paragraphs[index - 1]
  const end = paragraph.offset + paragraph.text.length
  if (previous) return { start: previous.offset + previous.text.length, end }
  return { start: paragraph.offset, end }
}

export default defineRule({
  meta: {
    id: 'scrape-residue',
    category: 'residue',
    severity: 'warn',
    fixable: 'suggestion',
    description:
      'Scraper leftovers: `- END -` dividers, share and read-more boilerplate, truncated teaser lines ending in `...`',
    examples: [
      { bad: 'The work goes on.\n- END -\nMore news', fixed: 'The work goes on.\nMore news' },
      {
        bad: 'Officials met on Monday.\nClick to read more >>\nThe plan',
        fixed: 'Officials met on Monday.\nThe plan',
      },
    ],
    good: ['He paused... then went on.', 'The End', 'Source: Xinhua'],
  },
  checkDocument({ paragraphs, report }) {
    const kinds = paragraphs.map((p) => classify(p.text.trim()))
    const opener = kinds.findIndex((k) => k === 'divider' || k === 'heading')
    // Teasers at the end of a page come in a run of short lines (titles and cut-off blurbs).
    let tail = paragraphs.length
    while (tail > 0 && paragraphs[tail - 1]!.text.trim().length <= 200) tail--
    const tailTeasers = kinds.slice(tail).filter((k) => k === 'teaser').length
    kinds.forEach((kind, index) => {
      if (!kind) return
      if (
        kind === 'teaser' &&
        !((opener !== -1 && index > opener) || (index >= tail && tailTeasers >= 2))
      ) {
        return
      }
      const paragraph = paragraphs[index]!
      const line = paragraph.text.trim()
      const start = paragraph.offset + paragraph.text.indexOf(line)
      const remove = deletion(paragraphs, index)
      const found: Report = {
        start,
        end: start + line.length,
        message: messages[kind](line),
        expected: [''],
        suggestions: [{ label: 'Delete the line', edits: [{ ...remove, text: '' }] }],
      }
      report(found)
    })
  },
})
