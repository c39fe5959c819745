import type { Output } from '../cli/io.js'
import type { FixedCheck } from '../parallel/fix-task.js'
import { sinkOf } from './lint-report.js'
import { type Counts, countFindings, JsonWriter, noCounts, StylishWriter } from './report.js'

/** What `fix` tells in its summary: files and findings left, counted. */
export interface FixTally {
  scanned: number
  changed: number
  failed: number
  /** Findings left, by severity. */
  left: Counts
  /** Changes applied per rule id. */
  perRule: Map<string, number>
}

/**
 * `fix`'s report written as the outcomes arrive (in input order): the findings left, as the
 * stylish report or as lint's JSON with each file's `applied` changes (and `output` for stdin).
 * Only counts are kept for the summary, so a long run or a large file does not grow memory.
 */
export class FixReport {
  /** The counts for the summary. */
  readonly tally: FixTally = {
    scanned: 0,
    changed: 0,
    failed: 0,
    left: noCounts(),
    perRule: new Map(),
  }
  private readonly stylish: StylishWriter | undefined
  private readonly json: JsonWriter | undefined
  private open: string | undefined
  private applied: 'none' | 'open' = 'none'

  /**
   * @param options `json` report on `stdout`, or the stylish report on `stream` (colour as given).
   */
  constructor(options: { json: boolean; stdout: Output; stream: Output; color: boolean }) {
    if (options.json) this.json = new JsonWriter(sinkOf(options.stdout))
    else this.stylish = new StylishWriter(sinkOf(options.stream), { color: options.color })
  }

  /**
   * Add an outcome (`more`: a part of a streamed file; its findings, then its changes, come in
   * parts before the final one). `output` is the fixed text of stdin, for the JSON report.
   */
  async add(fixed: FixedCheck & { output?: string }, more: boolean): Promise<void> {
    if (!more) {
      this.tally.scanned++
      if (fixed.changed) this.tally.changed++
      if (fixed.error) this.tally.failed++
      for (const [rule, count] of fixed.perRule)
        this.tally.perRule.set(rule, (this.tally.perRule.get(rule) ?? 0) + count)
    }
    countFindings(this.tally.left, fixed.findings)
    if (this.stylish) {
      if (!fixed.error) await this.stylish.add(fixed.path, fixed.findings, more)
      return
    }
    const json = this.json!
    if (this.open !== fixed.path) {
      await json.open(fixed.path)
      this.open = fixed.path
      this.applied = 'none'
    }
    if (this.applied === 'none') await json.add(fixed.findings)
    if (more) {
      if (fixed.applied.length > 0) {
        if (this.applied === 'none') await json.beginArray('applied')
        this.applied = 'open'
        await json.items(fixed.applied)
      }
      return
    }
    if (fixed.error) await json.field('error', fixed.error)
    if (this.applied === 'open') await json.endArray()
    else {
      await json.beginArray('applied')
      await json.items(fixed.applied)
      await json.endArray()
    }
    if (fixed.output !== undefined) await json.field('output', fixed.output)
    await json.close()
    this.open = undefined
    this.applied = 'none'
  }

  /** End the report (the stylish summary of findings; `fix` adds its own summary lines). */
  async finish(): Promise<void> {
    await this.stylish?.finish()
    await this.json?.finish()
  }
}
