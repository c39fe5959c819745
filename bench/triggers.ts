import { closeSync, openSync, readSync } from 'node:fs'
import { builtinRules } from '../rules/index.js'
import { lintText } from '../src/engine/lint.js'
import { splitParagraphs } from '../src/engine/paragraphs.js'
import type { AnyRule, ParagraphContext } from '../src/engine/types.js'

type Context = ParagraphContext<Record<string, unknown>>

/** The first `bytes` bytes of a file, cut at its last line end. */
function head(path: string, bytes: number): string {
  const buffer = Buffer.alloc(bytes)
  const fd = openSync(path, 'r')
  const read = readSync(fd, buffer, 0, bytes, 0)
  closeSync(fd)
  const text = buffer.subarray(0, read).toString('utf8')
  return text.slice(0, text.lastIndexOf('\n') + 1)
}

/**
 * How often each rule's trigger lets its check run, how often a paragraph is parsed into a
 * tree (lazily, on a rule's first use of `tree`), and each rule's share of the time: the
 * engine's real run over real text, with each rule wrapped to count.
 */
export function measureTriggers(path: string, bytes: number): string {
  const text = head(path, bytes)
  const paragraphs = splitParagraphs(text).length
  const parsed = new Set<Context>()
  const checked = new Set<Context>()
  const stats = new Map<string, { runs: number; parses: number; ns: bigint }>()
  const wrapped: AnyRule[] = builtinRules.map((rule) => {
    const id = rule.meta.id
    const entry = { runs: 0, parses: 0, ns: 0n }
    stats.set(id, entry)
    const wrap =
      <A>(f: (argument: A) => void) =>
      (argument: A) => {
        const started = process.hrtime.bigint()
        f(argument)
        entry.ns += process.hrtime.bigint() - started
      }
    const copy: AnyRule = { ...rule }
    const check = rule.check
    if (check) {
      copy.check = wrap((context: Context) => {
        entry.runs++
        checked.add(context)
        const counted = Object.create(context, {
          tree: {
            get() {
              if (!parsed.has(context)) entry.parses++
              parsed.add(context)
              return context.tree
            },
          },
        }) as Context
        check.call(rule, counted)
      })
    }
    const document = rule.checkDocument
    if (document) copy.checkDocument = wrap(document.bind(rule))
    return copy
  })
  const started = process.hrtime.bigint()
  lintText(text, { rules: wrapped })
  const total = Number(process.hrtime.bigint() - started) / 1e9
  const mb = Buffer.byteLength(text) / 1e6
  const lines = [
    `${mb.toFixed(1)} MB, ${paragraphs} paragraphs: ${parsed.size} parsed into a tree (${((100 * parsed.size) / paragraphs).toFixed(1)}%), ${paragraphs - checked.size} where no rule's trigger matched; ${total.toFixed(2)} s in the engine (${(mb / total).toFixed(2)} MB/s, one core)`,
    `${'rule'.padEnd(26)} ${'trigger'.padEnd(8)} ${'checks run'.padStart(12)} ${'parses'.padStart(8)} ${'time'.padStart(8)}`,
  ]
  for (const rule of builtinRules) {
    const entry = stats.get(rule.meta.id)!
    const trigger = rule.trigger ? 'yes' : rule.check ? 'none' : 'document'
    const runs = rule.check
      ? `${entry.runs} (${((100 * entry.runs) / paragraphs).toFixed(0)}%)`
      : '-'
    lines.push(
      `${rule.meta.id.padEnd(26)} ${trigger.padEnd(8)} ${runs.padStart(12)} ${String(entry.parses).padStart(8)} ${(Number(entry.ns) / 1e9).toFixed(2).padStart(7)}s`,
    )
  }
  return `${lines.join('\n')}\n`
}
