import type { Finding } from '../engine/types.js'
import type { FileResult } from '../pipeline.js'
import { reportStylish } from '../report/stylish.js'

/** Where a streamed report goes; `write` may return a promise (backpressure). */
export interface ReportSink {
  write(text: string): unknown
}

/** Findings counted by severity. */
export interface Counts {
  errors: number
  warnings: number
  infos: number
}

/** Zero counts. */
export function noCounts(): Counts {
  return { errors: 0, warnings: 0, infos: 0 }
}

/** Add findings to counts. */
export function countFindings(counts: Counts, findings: readonly Finding[]): Counts {
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++
    else if (f.severity === 'warn') counts.warnings++
    else counts.infos++
  }
  return counts
}

/**
 * The stylish report (as `reportStylish`) written as results arrive. Results are kept until they
 * hold `limit` findings, so a usual run prints exactly what `reportStylish` prints for all of
 * them; past that, what is kept is printed and each later result (or block of a streamed file)
 * is printed as it comes, aligned on its own, so memory does not grow with the findings.
 */
export class StylishWriter {
  private kept: FileResult[] = []
  private keptFindings = 0
  private streaming = false
  private sections = 0
  private openPath: string | undefined
  /** Totals of what was reported. */
  readonly counts = noCounts()

  /**
   * @param sink Where the report goes.
   * @param options Colour, quiet (errors only), and how many findings to keep before streaming.
   */
  constructor(
    private readonly sink: ReportSink,
    private readonly options: { color: boolean; quiet?: boolean; limit?: number },
  ) {}

  /**
   * Add findings of a file. `more` says findings of the same file follow in later calls (a
   * streamed file): they are printed under one heading.
   */
  async add(path: string, findings: readonly Finding[], more = false): Promise<void> {
    const shown = this.options.quiet ? findings.filter((f) => f.severity === 'error') : findings
    countFindings(this.counts, shown)
    if (
      !this.streaming &&
      (more || this.keptFindings + shown.length > (this.options.limit ?? 5000))
    )
      await this.startStreaming()
    if (!this.streaming) {
      this.kept.push({ path, findings: [...shown] })
      this.keptFindings += shown.length
      return
    }
    if (shown.length === 0) {
      if (!more && this.openPath === path) this.openPath = undefined
      return
    }
    const text = body(
      reportStylish([{ path, findings: [...shown] }], { color: this.options.color }),
      shown,
    )
    const continuing = this.openPath === path
    const lines = continuing ? text.slice(text.indexOf('\n') + 1) : text
    await this.sink.write(continuing || this.sections === 0 ? lines : `\n${lines}`)
    if (!continuing) this.sections++
    this.openPath = more ? path : undefined
  }

  private async startStreaming() {
    this.streaming = true
    const text = body(
      reportStylish(this.kept, { color: this.options.color }),
      this.kept.flatMap((r) => r.findings),
    )
    if (text) {
      await this.sink.write(text)
      this.sections += this.kept.filter((r) => r.findings.length > 0).length
    }
    this.kept = []
  }

  /** Print what is kept and the summary line. */
  async finish(): Promise<void> {
    if (!this.streaming) {
      await this.sink.write(reportStylish(this.kept, { color: this.options.color }))
      return
    }
    const line = byline(this.counts, this.options.color)
    if (line) await this.sink.write(`\n${line}\n`)
  }
}

// A stylish report without its summary line: the file sections, each ending in a line feed.
// Only errors and warnings get a summary line (vfile-reporter).
function body(report: string, findings: readonly Finding[]): string {
  if (!findings.some((f) => f.severity === 'error' || f.severity === 'warn')) return report
  return report.slice(0, report.lastIndexOf('\n\n') + 1)
}

/** vfile-reporter's summary line for these counts ('' when there are no errors or warnings). */
export function byline(counts: Counts, color: boolean): string {
  const red = color ? '\u001B[31m' : ''
  const yellow = color ? '\u001B[33m' : ''
  const reset = color ? '\u001B[39m' : ''
  const total = counts.errors + counts.warnings + counts.infos
  let result = ''
  if (counts.errors) {
    result = `${red}✖${reset} ${counts.errors} error${counts.errors === 1 ? '' : 's'}`
  }
  if (counts.warnings) {
    result = `${result ? `${result}, ` : ''}${yellow}⚠${reset} ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`
  }
  if (!result) return ''
  if (total !== counts.errors && total !== counts.warnings) result = `${total} messages (${result})`
  return result
}

/**
 * The text of the JSON report (`{"version":1,"files":[{"path","findings",…}]}`), piece by piece:
 * compact JSON with each file entry and each finding on a line of its own, so a report can be
 * written file by file and finding by finding, read by any JSON parser, and still be grepped.
 * `reportJson` and `JsonWriter` both write through it, so their texts are the same.
 */
export class JsonLayout {
  private files = 0
  private inArray = 0
  private findingsOpen = false

  /** Open a file's entry (and the document, before the first). */
  open(path: string): string {
    const head = this.files++ === 0 ? '{"version":1,"files":[\n' : ',\n'
    this.inArray = 0
    this.findingsOpen = true
    return `${head}{"path":${JSON.stringify(path)},"findings":[`
  }

  /** Items of the open array (findings, or one opened with `beginArray`), a line each. */
  items(items: readonly unknown[]): string {
    let text = ''
    for (const item of items) {
      text += `${this.inArray++ === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`
    }
    return text
  }

  private closeArray(): string {
    const text = this.inArray > 0 ? '\n]' : ']'
    this.inArray = 0
    return text
  }

  private endFindings(): string {
    if (!this.findingsOpen) return ''
    this.findingsOpen = false
    return this.closeArray()
  }

  /** A field with its whole value, after the findings. */
  field(key: string, value: unknown): string {
    return `${this.endFindings()},${JSON.stringify(key)}:${JSON.stringify(value)}`
  }

  /** Start a field holding an array whose items follow with `items`. */
  beginArray(key: string): string {
    return `${this.endFindings()},${JSON.stringify(key)}:[`
  }

  /** End the array started with `beginArray`. */
  endArray(): string {
    return this.closeArray()
  }

  /** Close the open entry. */
  close(): string {
    return `${this.endFindings()}}`
  }

  /** End the document. */
  finish(): string {
    return this.files === 0 ? '{"version":1,"files":[]}\n' : '\n]}\n'
  }
}

/** The JSON report written to a sink file by file and finding by finding (see `JsonLayout`). */
export class JsonWriter {
  private readonly layout = new JsonLayout()
  /** Totals of what was reported. */
  readonly counts = noCounts()

  /** @param sink Where the report goes. */
  constructor(private readonly sink: ReportSink) {}

  /** Open a file's entry. */
  async open(path: string): Promise<void> {
    await this.sink.write(this.layout.open(path))
  }

  /** Add findings to the open entry. */
  async add(findings: readonly Finding[]): Promise<void> {
    countFindings(this.counts, findings)
    await this.items(findings)
  }

  /** Add items to the open array (findings, or one opened with `beginArray`). */
  async items(items: readonly unknown[]): Promise<void> {
    if (items.length > 0) await this.sink.write(this.layout.items(items))
  }

  /** Add a field with its whole value. */
  async field(key: string, value: unknown): Promise<void> {
    await this.sink.write(this.layout.field(key, value))
  }

  /** Start a field holding an array whose items follow with `items`. */
  async beginArray(key: string): Promise<void> {
    await this.sink.write(this.layout.beginArray(key))
  }

  /** End the array started with `beginArray`. */
  async endArray(): Promise<void> {
    await this.sink.write(this.layout.endArray())
  }

  /** Close the open entry. */
  async close(): Promise<void> {
    await this.sink.write(this.layout.close())
  }

  /** End the document. */
  async finish(): Promise<void> {
    await this.sink.write(this.layout.finish())
  }
}
