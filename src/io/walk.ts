import { readdir, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { glob } from 'tinyglobby'
import { describeFsError } from './text-file.js'

/** A file to check, or a path that could not be expanded. */
export type Target = { path: string } | { path: string; error: string }

/** File endings checked when a directory is walked. Named files are always checked. */
export const textExtensions = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.srt',
  '.vtt',
  '.po',
  '.pot',
  '.xlf',
  '.xliff',
  '.json',
  '.html',
  '.htm',
  '.tsv',
  '.jsonl',
])

const ignoredDirectories = new Set(['node_modules', '.git', '.hg', '.svn'])
const globChars = /[*?[\]{}]/

/**
 * Expand command-line paths into files, in a stable order: a file as given, a directory
 * walked recursively (text endings only; symlink loops are cut), a glob matched.
 */
export async function expandTargets(paths: readonly string[], cwd: string): Promise<Target[]> {
  const targets: Target[] = []
  const seen = new Set<string>()
  const add = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    targets.push({ path })
  }
  for (const path of paths) {
    if (path === '-') {
      targets.push({ path })
      continue
    }
    let info: Awaited<ReturnType<typeof stat>> | undefined
    try {
      info = await stat(resolveIn(cwd, path))
    } catch (error) {
      if (globChars.test(path)) {
        const matches = await glob(path, { cwd, onlyFiles: true, dot: false })
        if (matches.length === 0) targets.push({ path, error: 'no files match this pattern' })
        for (const match of matches.sort()) add(match)
        continue
      }
      targets.push({ path, error: describeFsError(error) })
      continue
    }
    if (info.isDirectory()) {
      const found: Target[] = []
      await walk(resolveIn(cwd, path), path, found, new Set())
      for (const target of found) {
        if ('error' in target) targets.push(target)
        else add(target.path)
      }
    } else add(path)
  }
  return targets
}

function resolveIn(cwd: string, path: string) {
  return path.startsWith('/') ? path : join(cwd, path)
}

async function walk(absolute: string, shown: string, out: Target[], visited: Set<string>) {
  let real: string
  try {
    real = await realpath(absolute)
  } catch {
    return
  }
  if (visited.has(real)) return
  visited.add(real)
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(absolute, { withFileTypes: true })
  } catch (error) {
    // An unreadable folder is reported, not silently skipped.
    out.push({ path: shown, error: `cannot read folder: ${describeFsError(error)}` })
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || ignoredDirectories.has(entry.name)) continue
    const child = join(absolute, entry.name)
    const childShown = join(shown, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      try {
        const info = await stat(child)
        isDirectory = info.isDirectory()
        isFile = info.isFile()
      } catch {
        continue
      }
    }
    if (isDirectory) await walk(child, childShown, out, visited)
    else if (isFile && textExtensions.has(extensionOf(entry.name))) out.push({ path: childShown })
  }
}

/** The lower-case ending of a file name, with its dot, or ''. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}
