import { defineRule } from '../src/engine/define-rule.js'

// A number split by a stray space is reported only where the split is clear:
// 1. a decimal with a space beside its point, followed by `%` or a unit: `3. 5%`, `2 .5 kg`;
// 2. a month.day date in quotes: `"6. 10"`;
// 3. a year split after its first digit, after `in`, `since`, a month…, and followed by
//    punctuation or a clause: `in 2 022,`;
// 4. a thousands number whose first group is split: `1 7,000`.
// Plain digit groups (`1 000`, `In 2 022 cases`, `steps 1 2 3`, `6. 10 people`) are left alone:
// they may be SI-style grouping, lists, or a sentence ending in a number.
const decimalAfter =
  /(?<![0-9.,])([0-9]{1,3})\. ([0-9]{1,3})(?=%|\s?(?:percent|per cent|percentage points?|yuan|dollars|euros|kg|km|cm|mm|tons?|tonnes?|hectares?|billion|million|trillion|times|seconds|metres|meters|degrees|°C|\u2103)(?!\p{L}))/gu
const decimalBefore =
  /(?<![0-9.,])([0-9]{1,3}) \.([0-9]{1,3})(?=%|\s?(?:percent|per cent|percentage points?|yuan|dollars|euros|kg|km|cm|mm|tons?|tonnes?|hectares?|billion|million|trillion|times|seconds|metres|meters|degrees|°C|\u2103)(?!\p{L}))/gu
const quotedDate = /(?<=["\u201c])(1[0-2]|[1-9])\. ([12][0-9]|3[01]|[1-9])(?=["\u201d])/gu
// The year comes first and the words before it are checked behind it: a pattern that starts
// with a lookbehind is tried at every position, one that starts with a digit is not.
const yearSplit =
  /(?:1 9[0-9]{2}|2 0[0-9]{2})(?<=(?:\b(?:[Ii]n|[Ss]ince|[Yy]ear|by|until|[Ff]rom|before|after)\s|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s(?:[0-9]{1,2},?\s)?)[0-9] [0-9]{3})/gu
// After a split year: the end, punctuation (not a decimal or thousands mark), or a clause.
const yearEnd =
  /^(?:$|[.,;:!?)"\u201d](?![0-9])|-|\s(?:and|or|to|when|the|was|were|is|we|it|this|they|he|she)\b)/u
const thousands =
  /(?<![0-9.,])(?<![0-9] )([0-9]{1,2}) ([0-9]{1,2})((?:,[0-9]{3})+)(?![0-9]|[.,][0-9])/gu
// A number after these is a label, not a quantity: `Article 1 7,000`, `step 2 3,000`.
const label =
  /(?:^|\s)(?:No|no|Article|article|Chapter|chapter|Section|section|Step|step|Page|page|Item|item|Figure|figure|Table|table|Room|room|Line|line|Group|group|Team|team|Phase|phase|Level|level|Round|round|Grade|grade|Class|class)\.?\s$/u

interface Split {
  start: number
  end: number
  joined: string
}

function collect(text: string): Split[] {
  const found: Split[] = []
  for (const pattern of [decimalAfter, decimalBefore, quotedDate]) {
    for (const m of text.matchAll(pattern)) {
      found.push({ start: m.index, end: m.index + m[0].length, joined: `${m[1]}.${m[2]}` })
    }
  }
  for (const m of text.matchAll(yearSplit)) {
    const end = m.index + m[0].length
    if (!yearEnd.test(text.slice(end, end + 6))) continue
    found.push({ start: m.index, end, joined: m[0].replace(' ', '') })
  }
  for (const m of text.matchAll(thousands)) {
    if (m[1]!.length + m[2]!.length > 3) continue
    if (label.test(text.slice(Math.max(0, m.index - 10), m.index))) continue
    found.push({ start: m.index, end: m.index + m[0].length, joined: `${m[1]}${m[2]}${m[3]}` })
  }
  return found
}

export default defineRule({
  meta: {
    id: 'spaced-number',
    category: 'numbers',
    severity: 'warn',
    fixable: 'suggestion',
    description: 'A number split by a stray space (`3. 5%`, `in 2 022,`, `1 7,000`)',
    examples: [
      { bad: 'a rise of 3. 5% this year', fixed: 'a rise of 3.5% this year' },
      { bad: 'the plan made in 2 022, the city', fixed: 'the plan made in 2022, the city' },
      { bad: 'more than 1 7,000 cases', fixed: 'more than 17,000 cases' },
    ],
    good: ['In 2 022 cases the test failed.', 'chapter 6. 10 people died', 'steps 1 2 3'],
  },
  trigger: /[0-9]\. [0-9]|[0-9] \.?[0-9]/u,
  check({ text, report }) {
    for (const split of collect(text)) {
      const actual = text.slice(split.start, split.end)
      report({
        start: split.start,
        end: split.end,
        message: `Unexpected \`${actual}\`, expected \`${split.joined}\``,
        expected: [split.joined],
        suggestions: [
          {
            label: `Join as \`${split.joined}\``,
            edits: [{ start: split.start, end: split.end, text: split.joined }],
          },
        ],
      })
    }
  },
})
