import { applyChanges } from '../engine/fix.js'
import type { Edit, Finding } from '../engine/types.js'
import type { Result } from '../result.js'

/** Lints the text of one file (the caller binds rules, settings and format). Must be pure. */
export type Lint = (path: string, text: string) => Result<Finding[]>

/** A finding the reviewer skipped, in offsets of the file's current text. */
export interface SkipMark {
  ruleId: string
  start: number
  end: number
  /** Skipped for good: to be added to the baseline when the review is written. */
  permanent: boolean
}

/** A change the reviewer made: an accepted proposal or their own edit. */
export interface Decision {
  kind: 'accepted' | 'edited'
  ruleId: string
  /** 1-based line of the finding, in the text it was decided on. */
  line: number
  before: string
  after: string
}

/** One file under review: the text as read, the text now, and what was decided. */
export interface FileReview {
  path: string
  /** The text as read from disk. */
  original: string
  /** The text with every decision so far applied. */
  text: string
  /** Findings in `text`, sorted by position (re-linted after every change). */
  findings: readonly Finding[]
  skips: readonly SkipMark[]
  /** Changes made, oldest first. */
  decisions: readonly Decision[]
}

/** A change a finding proposes: its safe fix (always first) or one of its suggestions. */
export interface Choice {
  label: string
  edits: readonly Edit[]
  safe: boolean
}

/** What the keyboard is doing: reviewing, editing a replacement, or confirming a quit. */
export type Mode =
  | { kind: 'browse' }
  | {
      kind: 'edit'
      /** The span of the file text being replaced. */
      start: number
      end: number
      buffer: string
      /** Cursor position in `buffer`, in UTF-16 units (always on a code point boundary). */
      cursor: number
    }
  | { kind: 'confirm-quit' }

/** A short line shown above the key help. */
export interface Notice {
  text: string
  tone: 'info' | 'warn'
}

/** What the state was before a decision, so `undo` can restore it. */
export interface Snapshot {
  files: readonly FileReview[]
  file: number
  at: number
  choice: number
  /** What the decision was, for the undo notice. */
  label: string
}

/** The whole review: files, where we are, and what the keyboard is doing. */
export interface ReviewState {
  files: readonly FileReview[]
  /** Index of the file shown. */
  file: number
  /** Index of the finding shown in that file's `findings`. */
  at: number
  /** Index of the selected choice of the finding shown. */
  choice: number
  mode: Mode
  help: boolean
  notice: Notice | null
  history: readonly Snapshot[]
  /** Set when the review ends: write the files, or quit without writing. */
  exit: 'write' | 'quit' | null
}

/** The keys the review understands, as Ink reports them (a subset of Ink's `Key`). */
export interface KeyPress {
  upArrow?: boolean
  downArrow?: boolean
  leftArrow?: boolean
  rightArrow?: boolean
  home?: boolean
  end?: boolean
  return?: boolean
  escape?: boolean
  ctrl?: boolean
  meta?: boolean
  tab?: boolean
  backspace?: boolean
  delete?: boolean
}

/** Everything that changes the review. */
export type Action =
  | { type: 'accept' }
  | { type: 'accept-rule' }
  | { type: 'skip'; permanent: boolean }
  | { type: 'choose'; index: number }
  | { type: 'cycle'; by: 1 | -1 }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'file'; by: 1 | -1 }
  | { type: 'undo' }
  | { type: 'edit' }
  | { type: 'edit-insert'; text: string }
  | { type: 'edit-erase' }
  | { type: 'edit-delete' }
  | { type: 'edit-cursor'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'edit-commit' }
  | { type: 'edit-cancel' }
  | { type: 'help' }
  | { type: 'write' }
  | { type: 'quit' }
  | { type: 'quit-confirm' }
  | { type: 'quit-cancel' }
  | { type: 'key'; input: string; key: KeyPress }

/** A file to review as the command read it. */
export interface ReviewInput {
  path: string
  text: string
  findings: readonly Finding[]
}

/** Options of the reducer that are not state. */
export interface ReducerOptions {
  lint: Lint
  /** Whether `b` (skip for good, into the baseline) is available. */
  canSkipPermanently?: boolean
}

/** Start a review of files (in the order given) at the first finding of the first file. */
export function initialState(inputs: readonly ReviewInput[]): ReviewState {
  const files = inputs.map(
    (input): FileReview => ({
      path: input.path,
      original: input.text,
      text: input.text,
      findings: [...input.findings],
      skips: [],
      decisions: [],
    }),
  )
  return {
    files,
    file: 0,
    at: 0,
    choice: 0,
    mode: { kind: 'browse' },
    help: false,
    notice: null,
    history: [],
    exit: null,
  }
}

/** The file shown. */
export function currentFile(state: ReviewState): FileReview | undefined {
  return state.files[state.file]
}

/** The finding shown, if the file shown has any left. */
export function currentFinding(state: ReviewState): Finding | undefined {
  return currentFile(state)?.findings[state.at]
}

/** The changes a finding proposes: the safe fix first, then each suggestion with edits. */
export function choicesOf(finding: Finding): Choice[] {
  const choices: Choice[] = []
  if (finding.fix) choices.push({ label: 'safe fix', edits: [finding.fix], safe: true })
  for (const s of finding.suggestions) {
    if (s.edits.length > 0) choices.push({ label: s.label, edits: s.edits, safe: false })
  }
  return choices
}

/** The skip mark of a finding, if the reviewer skipped it. */
export function skipOf(file: FileReview, finding: Finding): SkipMark | undefined {
  return file.skips.find(
    (s) => s.ruleId === finding.ruleId && s.start === finding.start && s.end === finding.end,
  )
}

/** Findings of a file not yet decided. */
export function pendingOf(file: FileReview): Finding[] {
  return file.findings.filter((f) => !skipOf(file, f))
}

/** Counts for one file, for the header and the summary. */
export interface FileCounts {
  accepted: number
  edited: number
  skipped: number
  pending: number
}

/** How many changes were accepted, edited and skipped in a file, and how many are pending. */
export function countsOf(file: FileReview): FileCounts {
  const matched = file.skips.filter((s) =>
    file.findings.some((f) => f.ruleId === s.ruleId && f.start === s.start && f.end === s.end),
  )
  return {
    accepted: file.decisions.filter((d) => d.kind === 'accepted').length,
    edited: file.decisions.filter((d) => d.kind === 'edited').length,
    skipped: matched.length,
    pending: file.findings.length - matched.length,
  }
}

/** Findings not yet decided, over all files. */
export function pendingTotal(state: ReviewState): number {
  return state.files.reduce((sum, f) => sum + pendingOf(f).length, 0)
}

/** Whether quitting now would lose something: a changed text or a permanent skip. */
export function hasUnsaved(state: ReviewState): boolean {
  return state.files.some((f) => f.text !== f.original || f.skips.some((s) => s.permanent))
}

/** The smallest span covering a finding and the edits of a choice. */
export function spanOf(finding: Finding, edits: readonly Edit[]): [number, number] {
  let start = finding.start
  let end = finding.end
  for (const e of edits) {
    start = Math.min(start, e.start)
    end = Math.max(end, e.end)
  }
  return [start, end]
}

/** Apply edits to `text[start, end)` only, returning the replaced span's new text. */
export function applyWithin(text: string, start: number, end: number, edits: readonly Edit[]) {
  const shifted = edits.map((e) => ({ start: e.start - start, end: e.end - start, text: e.text }))
  return applyChanges(text.slice(start, end), [{ ruleId: '', edits: shifted }]).output
}

/**
 * Move skip marks through edits made to the text: marks after an edit shift, marks an edit
 * touches are dropped (their text changed, so the decision no longer applies).
 */
export function remapSkips(skips: readonly SkipMark[], edits: readonly Edit[]): SkipMark[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: SkipMark[] = []
  for (const mark of skips) {
    let shift = 0
    let hit = false
    for (const e of sorted) {
      if (
        e.end <= mark.start &&
        !(e.start === e.end && e.start === mark.start && mark.start === mark.end)
      ) {
        shift += e.text.length - (e.end - e.start)
      } else if (e.start >= mark.end) {
        break
      } else {
        hit = true
        break
      }
    }
    if (!hit) out.push({ ...mark, start: mark.start + shift, end: mark.end + shift })
  }
  return out
}

/** The first finding index at or after `offset`. */
function indexAtOrAfter(findings: readonly Finding[], offset: number): number {
  const index = findings.findIndex((f) => f.start >= offset)
  return index === -1 ? findings.length : index
}

/**
 * Where to go next: the first pending finding at or after `from` in file `file`, then in the
 * following files (wrapping round), then before `from` in the same file; null when none is left.
 */
export function nextPending(
  files: readonly FileReview[],
  file: number,
  from: number,
): { file: number; at: number } | null {
  const count = files.length
  for (let step = 0; step <= count; step++) {
    const index = (file + step) % count
    const f = files[index]!
    const lo = step === 0 ? from : 0
    const hi = step === count ? from : f.findings.length
    for (let at = lo; at < hi && at < f.findings.length; at++) {
      if (!skipOf(f, f.findings[at]!)) return { file: index, at }
    }
  }
  return null
}

function snapshot(state: ReviewState, label: string): Snapshot {
  return { files: state.files, file: state.file, at: state.at, choice: state.choice, label }
}

function replaceFile(files: readonly FileReview[], index: number, file: FileReview) {
  return files.map((f, i) => (i === index ? file : f))
}

/** Apply edits to a file's text, re-lint it and carry the skips over. */
function changeFile(
  file: FileReview,
  edits: readonly Edit[],
  decisions: readonly Decision[],
  lint: Lint,
): Result<FileReview> {
  const text = applyChanges(file.text, [{ ruleId: '', edits: [...edits] }]).output
  const linted = lint(file.path, text)
  if (!linted.ok) return linted
  const findings = linted.value
  const skips = remapSkips(file.skips, edits).filter((s) =>
    findings.some((f) => f.ruleId === s.ruleId && f.start === s.start && f.end === s.end),
  )
  return {
    ok: true,
    value: { ...file, text, findings, skips, decisions: [...file.decisions, ...decisions] },
  }
}

/** After a decision at `offset` of the current file, go to the next pending finding. */
function advance(state: ReviewState, files: readonly FileReview[], from: number): ReviewState {
  const next = nextPending(files, state.file, from)
  const base = { ...state, files, choice: 0, mode: { kind: 'browse' } as const }
  if (next) return { ...base, file: next.file, at: next.at }
  const count = files[state.file]!.findings.length
  return {
    ...base,
    at: Math.max(0, Math.min(from, count - 1)),
    notice: {
      text: 'Every finding is decided: w writes the files, u undoes, q quits',
      tone: 'info',
    },
  }
}

function describeDecision(kind: string, finding: Finding): string {
  return `${kind} ${finding.ruleId} at line ${finding.line}`
}

/** Accept edits for the finding shown, as `kind`. */
function decide(
  state: ReviewState,
  options: ReducerOptions,
  finding: Finding,
  edits: readonly Edit[],
  kind: Decision['kind'],
): ReviewState {
  const file = currentFile(state)!
  const [start, end] = spanOf(finding, edits)
  const after = applyWithin(file.text, start, end, edits)
  const decision: Decision = {
    kind,
    ruleId: finding.ruleId,
    line: finding.line,
    before: file.text.slice(start, end),
    after,
  }
  const changed = changeFile(file, edits, [decision], options.lint)
  if (!changed.ok) {
    return {
      ...state,
      mode: { kind: 'browse' },
      notice: { text: `Not applied: ${changed.error}`, tone: 'warn' },
    }
  }
  const files = replaceFile(state.files, state.file, changed.value)
  const history = [...state.history, snapshot(state, describeDecision(kind, finding))]
  return advance({ ...state, history }, files, indexAtOrAfter(changed.value.findings, start))
}

/** Accept the first choice of every pending finding of a rule in the current file. */
function acceptRule(state: ReviewState, options: ReducerOptions, finding: Finding): ReviewState {
  const ruleId = finding.ruleId
  const original = currentFile(state)!
  let file = original
  const seen = new Set([file.text])
  for (let pass = 0; pass < 10; pass++) {
    const targets = pendingOf(file).filter((f) => f.ruleId === ruleId && choicesOf(f).length > 0)
    if (targets.length === 0) break
    const changes = targets.map((f) => ({ ruleId, edits: [...choicesOf(f)[0]!.edits] }))
    const { taken } = applyChanges(file.text, changes)
    const edits = taken.flatMap((c) => c.edits)
    const decisions = taken.map((c): Decision => {
      const f = targets[changes.indexOf(c)]!
      const [start, end] = spanOf(f, c.edits)
      return {
        kind: 'accepted',
        ruleId,
        line: f.line,
        before: file.text.slice(start, end),
        after: applyWithin(file.text, start, end, c.edits),
      }
    })
    const changed = changeFile(file, edits, decisions, options.lint)
    if (!changed.ok) {
      return { ...state, notice: { text: `Not applied: ${changed.error}`, tone: 'warn' } }
    }
    if (seen.has(changed.value.text)) break
    seen.add(changed.value.text)
    file = changed.value
  }
  const accepted = file.decisions.length - original.decisions.length
  if (accepted === 0) {
    return { ...state, notice: { text: `Nothing to accept for ${ruleId} here`, tone: 'warn' } }
  }
  const files = replaceFile(state.files, state.file, file)
  const label = `accepted ${accepted} × ${ruleId}`
  const history = [...state.history, snapshot(state, label)]
  const next = advance({ ...state, history }, files, indexAtOrAfter(file.findings, finding.start))
  const left = file.findings.filter((f) => f.ruleId === ruleId).length
  const rest =
    left > 0
      ? ` (${left} left: skipped or with nothing to accept)`
      : next.notice
        ? '; every finding is decided'
        : ''
  return {
    ...next,
    notice: { text: `Accepted ${accepted} × ${ruleId} in ${file.path}${rest}`, tone: 'info' },
  }
}

/** Move to the neighbouring finding, across files when at either end of one. */
function move(state: ReviewState, by: 1 | -1): ReviewState {
  const file = currentFile(state)!
  const at = state.at + by
  if (at >= 0 && at < file.findings.length) return { ...state, at, choice: 0 }
  const count = state.files.length
  for (let step = 1; step < count; step++) {
    const index = (state.file + by * step + count * step) % count
    const other = state.files[index]!
    if (other.findings.length === 0) continue
    return { ...state, file: index, at: by === 1 ? 0 : other.findings.length - 1, choice: 0 }
  }
  const edge = by === 1 ? 'last' : 'first'
  return { ...state, notice: { text: `This is the ${edge} finding`, tone: 'info' } }
}

/** Show the next or previous file, at its first pending finding (or its first finding). */
function switchFile(state: ReviewState, by: 1 | -1): ReviewState {
  const count = state.files.length
  if (count === 1) return { ...state, notice: { text: 'This is the only file', tone: 'info' } }
  const index = (state.file + by + count) % count
  const target = state.files[index]!
  const pending = target.findings.findIndex((f) => !skipOf(target, f))
  return { ...state, file: index, at: Math.max(0, pending), choice: 0 }
}

/** Start editing the replacement of the finding shown, prefilled with the selected choice. */
function startEdit(state: ReviewState, finding: Finding): ReviewState {
  const file = currentFile(state)!
  const choice = choicesOf(finding)[state.choice]
  const edits = choice?.edits ?? []
  const [start, end] = spanOf(finding, edits)
  const buffer = applyWithin(file.text, start, end, edits)
  return { ...state, mode: { kind: 'edit', start, end, buffer, cursor: buffer.length } }
}

function previousBoundary(text: string, index: number): number {
  if (index <= 0) return 0
  const low = text.charCodeAt(index - 1)
  const high = text.charCodeAt(index - 2)
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
  return index - (pair ? 2 : 1)
}

function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length
  const code = text.codePointAt(index) ?? 0
  return index + (code > 0xffff ? 2 : 1)
}

function editAction(state: ReviewState, options: ReducerOptions, action: Action): ReviewState {
  const mode = state.mode
  if (mode.kind !== 'edit') return state
  const { buffer, cursor } = mode
  switch (action.type) {
    case 'edit-insert': {
      const text = action.text.replace(/[\u0000-\u001f\u007f]/g, '')
      if (text === '') return state
      return {
        ...state,
        mode: {
          ...mode,
          buffer: buffer.slice(0, cursor) + text + buffer.slice(cursor),
          cursor: cursor + text.length,
        },
      }
    }
    case 'edit-erase': {
      const to = previousBoundary(buffer, cursor)
      return {
        ...state,
        mode: { ...mode, buffer: buffer.slice(0, to) + buffer.slice(cursor), cursor: to },
      }
    }
    case 'edit-delete': {
      const to = nextBoundary(buffer, cursor)
      return { ...state, mode: { ...mode, buffer: buffer.slice(0, cursor) + buffer.slice(to) } }
    }
    case 'edit-cursor': {
      const to =
        action.to === 'left'
          ? previousBoundary(buffer, cursor)
          : action.to === 'right'
            ? nextBoundary(buffer, cursor)
            : action.to === 'home'
              ? 0
              : buffer.length
      return { ...state, mode: { ...mode, cursor: to } }
    }
    case 'edit-cancel':
      return { ...state, mode: { kind: 'browse' } }
    case 'edit-commit': {
      const finding = currentFinding(state)
      const file = currentFile(state)!
      if (!finding) return { ...state, mode: { kind: 'browse' } }
      if (file.text.slice(mode.start, mode.end) === buffer) {
        return {
          ...state,
          mode: { kind: 'browse' },
          notice: { text: 'Unchanged: nothing applied', tone: 'info' },
        }
      }
      return decide(
        state,
        options,
        finding,
        [{ start: mode.start, end: mode.end, text: buffer }],
        'edited',
      )
    }
    default:
      return state
  }
}

/** Map a key press to an action for the current mode, or null when the key means nothing. */
export function keyToAction(
  state: ReviewState,
  input: string,
  key: KeyPress,
  canSkipPermanently = false,
): Action | null {
  const ctrlC = key.ctrl === true && input === 'c'
  if (state.mode.kind === 'confirm-quit') {
    if (input === 'y' || ctrlC) return { type: 'quit-confirm' }
    if (input === 'w') return { type: 'write' }
    return { type: 'quit-cancel' }
  }
  if (state.mode.kind === 'edit') {
    if (ctrlC) return { type: 'quit' }
    if (key.return) return { type: 'edit-commit' }
    if (key.escape) return { type: 'edit-cancel' }
    if (key.backspace || key.delete) return { type: 'edit-erase' }
    if (key.ctrl && input === 'd') return { type: 'edit-delete' }
    if (key.leftArrow) return { type: 'edit-cursor', to: 'left' }
    if (key.rightArrow) return { type: 'edit-cursor', to: 'right' }
    if (key.home || (key.ctrl && input === 'a')) return { type: 'edit-cursor', to: 'home' }
    if (key.end || (key.ctrl && input === 'e')) return { type: 'edit-cursor', to: 'end' }
    if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow) return null
    return input === '' ? null : { type: 'edit-insert', text: input }
  }
  if (ctrlC) return { type: 'quit' }
  if (key.ctrl || key.meta) return key.escape && state.help ? { type: 'help' } : null
  if (key.return || input === 'y') return { type: 'accept' }
  if (key.rightArrow || input === 'j') return { type: 'move', by: 1 }
  if (key.leftArrow || input === 'k') return { type: 'move', by: -1 }
  if (key.downArrow) return { type: 'cycle', by: 1 }
  if (key.upArrow) return { type: 'cycle', by: -1 }
  if (/^[1-9]$/.test(input)) return { type: 'choose', index: Number(input) - 1 }
  switch (input) {
    case 'n':
      return { type: 'skip', permanent: false }
    case 'b':
      return canSkipPermanently ? { type: 'skip', permanent: true } : null
    case 'e':
      return { type: 'edit' }
    case 'a':
      return { type: 'accept-rule' }
    case 'u':
      return { type: 'undo' }
    case 'f':
      return { type: 'file', by: 1 }
    case 'F':
      return { type: 'file', by: -1 }
    case 'w':
      return { type: 'write' }
    case 'q':
      return { type: 'quit' }
    case '?':
      return { type: 'help' }
    default:
      return null
  }
}

/**
 * The review's state machine. Pure: `lint` is injected and must be pure too.
 *
 * @param options How to re-lint a changed text, and which optional keys exist.
 * @returns A reducer for `useReducer`.
 */
export function createReducer(options: ReducerOptions) {
  const reducer = (state: ReviewState, action: Action): ReviewState => {
    if (state.exit) return state
    if (action.type === 'key') {
      const mapped = keyToAction(state, action.input, action.key, options.canSkipPermanently)
      return mapped ? reducer(state, mapped) : state
    }
    const quiet = { ...state, notice: null }
    if (action.type.startsWith('edit-')) return editAction(quiet, options, action)
    const finding = currentFinding(state)
    switch (action.type) {
      case 'accept': {
        if (!finding) return { ...quiet, notice: { text: 'No finding here', tone: 'info' } }
        const choice = choicesOf(finding)[state.choice]
        if (!choice) {
          return {
            ...quiet,
            notice: {
              text: 'Nothing to accept: this rule only flags. n skips, e writes a fix',
              tone: 'warn',
            },
          }
        }
        return decide(quiet, options, finding, choice.edits, 'accepted')
      }
      case 'accept-rule':
        if (!finding) return { ...quiet, notice: { text: 'No finding here', tone: 'info' } }
        return acceptRule(quiet, options, finding)
      case 'skip': {
        if (!finding) return { ...quiet, notice: { text: 'No finding here', tone: 'info' } }
        const file = currentFile(state)!
        const existing = skipOf(file, finding)
        if (existing && existing.permanent === action.permanent) {
          return advance(quiet, state.files, state.at + 1)
        }
        const mark: SkipMark = {
          ruleId: finding.ruleId,
          start: finding.start,
          end: finding.end,
          permanent: action.permanent,
        }
        const skips = [...file.skips.filter((s) => s !== existing), mark]
        const files = replaceFile(state.files, state.file, { ...file, skips })
        const label = describeDecision(action.permanent ? 'skipped for good' : 'skipped', finding)
        const history = [...state.history, snapshot(state, label)]
        return advance({ ...quiet, history }, files, state.at + 1)
      }
      case 'choose': {
        if (!finding) return quiet
        const count = choicesOf(finding).length
        if (action.index >= count) {
          const has =
            count === 0 ? 'no alternatives' : count === 1 ? 'one change' : `${count} alternatives`
          return {
            ...quiet,
            notice: {
              text: `No alternative ${action.index + 1}: this finding has ${has}`,
              tone: 'warn',
            },
          }
        }
        return { ...quiet, choice: action.index }
      }
      case 'cycle': {
        if (!finding) return quiet
        const count = choicesOf(finding).length
        if (count < 2) return quiet
        return { ...quiet, choice: (state.choice + action.by + count) % count }
      }
      case 'move':
        return move(quiet, action.by)
      case 'file':
        return switchFile(quiet, action.by)
      case 'undo': {
        const last = state.history.at(-1)
        if (!last) return { ...quiet, notice: { text: 'Nothing to undo', tone: 'info' } }
        return {
          ...quiet,
          files: last.files,
          file: last.file,
          at: last.at,
          choice: last.choice,
          mode: { kind: 'browse' },
          history: state.history.slice(0, -1),
          notice: { text: `Undid: ${last.label}`, tone: 'info' },
        }
      }
      case 'edit':
        if (!finding) return { ...quiet, notice: { text: 'No finding here', tone: 'info' } }
        return startEdit(quiet, finding)
      case 'help':
        return { ...quiet, help: !state.help }
      case 'write':
        return { ...quiet, mode: { kind: 'browse' }, exit: 'write' }
      case 'quit':
        if (hasUnsaved(state)) return { ...quiet, mode: { kind: 'confirm-quit' } }
        return { ...quiet, exit: 'quit' }
      case 'quit-confirm':
        return { ...quiet, exit: 'quit' }
      case 'quit-cancel':
        return { ...quiet, mode: { kind: 'browse' } }
      default:
        return state
    }
  }
  return reducer
}
