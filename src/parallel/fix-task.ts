import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import type { Finding } from '../engine/types.js'
import {
  type AppliedChange,
  type FixOptions,
  fixTarget,
  mirrorPath,
  sameFile,
  writeText,
} from '../fix-files.js'
import type { TextFile } from '../io/text-file.js'
import type { Target } from '../io/walk.js'
import { unifiedDiff } from '../report/diff.js'

/** How `fix` treats each file: serialisable, so a worker gets the same settings. */
export interface FixSettings {
  mode: 'preview' | 'write' | 'output-dir' | 'stdin'
  /** JSON report: keep every applied change (otherwise only counts per rule). */
  json: boolean
  /** Where `--output-dir` copies go (absolute). */
  outputRoot?: string
  /** Colour the preview diff. */
  diffColor: boolean
  cwd: string
}

/** Pauses and cancellation of the write step (in-process only for the test pauses). */
export interface FixHooks {
  signal?: AbortSignal
  beforeWrite?: (destination: string) => Promise<boolean> | boolean
  beforeRename?: (temporary: string) => Promise<boolean> | boolean
  stdin?: NodeJS.ReadableStream
}

/** One file after `fix`: what is reported about it. Serialisable (it crosses threads). */
export interface FixedCheck {
  path: string
  /** Findings left (none when the file was not written). */
  findings: Finding[]
  /** Changes applied; kept only for the JSON report. */
  applied: AppliedChange[]
  /** Changes applied per rule id. */
  perRule: [string, number][]
  changed: boolean
  error?: string
  /** The preview diff (preview mode). */
  diff?: string
  /** Size of the file read, for the progress bar. */
  bytes: number
  /** stdin mode (main thread only): the file read and its fixed text, for stdout. */
  stdin?: { file: TextFile; output: string }
}

/**
 * Fix one planned file: read, fix, then per mode make the preview diff, write it in place
 * (atomically, refused if it changed on disk) or write its copy under `--output-dir`. Never
 * throws for bad input; a file that is not written reports no findings.
 */
export async function fixCheck(
  target: Target,
  options: FixOptions,
  settings: FixSettings,
  hooks: FixHooks = {},
): Promise<FixedCheck> {
  const { mode, cwd } = settings
  const fixed = await fixTarget(target, options, hooks.stdin ?? Readable.from([]), cwd)
  const { file, fix } = fixed
  const outcome: FixedCheck = {
    path: fixed.path,
    findings: fixed.findings,
    applied: fix?.applied ?? [],
    perRule: [],
    changed: fix !== undefined && file !== undefined && fix.output !== file.text,
    bytes: file?.bytes.length ?? 0,
  }
  if (fixed.error) outcome.error = fixed.error
  if (file && fix && !fixed.error) {
    if (mode === 'preview' && outcome.changed && !settings.json) {
      outcome.diff = unifiedDiff(fixed.path, file.text, fix.output, {
        color: settings.diffColor,
        regions: fix.regions,
      })
    } else if (mode === 'stdin') {
      outcome.stdin = { file, output: fix.output }
    } else if (
      (mode === 'write' || mode === 'output-dir') &&
      (outcome.changed || mode === 'output-dir')
    ) {
      const source = resolve(cwd, fixed.path)
      const destination =
        mode === 'write' ? source : mirrorPath(settings.outputRoot!, fixed.path, cwd)
      const written =
        mode === 'output-dir' && (await sameFile(destination, source))
          ? { ok: false as const, error: 'the output copy would replace the input; not written' }
          : await writeText(file, fix.output, destination, {
              inPlace: mode === 'write',
              ...(hooks.signal ? { signal: hooks.signal } : {}),
              ...(hooks.beforeWrite ? { beforeWrite: hooks.beforeWrite } : {}),
              ...(hooks.beforeRename ? { beforeRename: hooks.beforeRename } : {}),
            })
      if (!written.ok) outcome.error = written.error
    }
  }
  if (outcome.error) {
    // A file not written reports no findings: they describe text that is not on disk.
    outcome.findings = []
    outcome.applied = []
    outcome.changed = false
  }
  outcome.perRule = countPerRule(outcome.applied)
  // Only the JSON report lists each change; a long run keeps just the counts.
  if (!settings.json) outcome.applied = []
  return outcome
}

/** Applied changes counted per rule id, in first-seen order. */
export function countPerRule(applied: readonly { ruleId: string }[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const change of applied) counts.set(change.ruleId, (counts.get(change.ruleId) ?? 0) + 1)
  return [...counts]
}
