import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeText, random, sampleSentences } from '../../bench/corpus.js'
import { repoRoot } from '../helpers/cli.js'

const sentences = sampleSentences(join(repoRoot, 'samples'))

/** Machine-translated-looking text of about `bytes` bytes (deterministic for a seed). */
export function corpusText(bytes: number, seed = 1): string {
  return makeText(sentences, bytes, random(seed))
}

/** Write `count` generated text files of about `bytes` each under `folder` (in subfolders). */
export async function writeCorpusFiles(
  folder: string,
  count: number,
  bytes: number,
  seed = 1,
): Promise<string[]> {
  const paths: string[] = []
  for (let i = 0; i < count; i++) {
    const path = join(folder, `part-${i % 3}`, `doc-${String(i).padStart(3, '0')}.txt`)
    await mkdir(join(folder, `part-${i % 3}`), { recursive: true })
    await writeFile(path, corpusText(bytes, seed + i))
    paths.push(path)
  }
  return paths
}

/** Environment that streams every plain-text file over `bytes`, in small blocks. */
export function streamEnv(bytes = 1000, block = 3000): Record<string, string> {
  return { MTCLEAN_STREAM_BYTES: String(bytes), MTCLEAN_BLOCK_CHARS: String(block) }
}
