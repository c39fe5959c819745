import { createTwoFilesPatch } from 'diff'
import { writeText } from '../fix-files.js'
import type { TextFile } from '../io/text-file.js'
import type { FileReview } from './state.js'

/** What happened to one reviewed file when the review was written. */
export type WriteStatus =
  | { status: 'written' }
  | { status: 'unchanged' }
  | {
      status: 'failed'
      error: string
      /** The reviewer's changes as a unified patch against the text as read. */
      patch: string
    }

/** The reviewer's changes to a file as a unified patch (what was read → what was reviewed). */
export function patchOf(review: FileReview): string {
  return createTwoFilesPatch(
    review.path,
    review.path,
    review.original,
    review.text,
    'as read',
    'reviewed',
  )
}

/**
 * Write a reviewed file through the same path as `fix --write`: in its own encoding (BOM kept),
 * atomically with its mode, and only if the file still holds the bytes that were read.
 *
 * @param review The reviewed file.
 * @param source The file as read (bytes, encoding and mode).
 * @param absolutePath Where it lives.
 */
export async function writeReviewed(
  review: FileReview,
  source: TextFile,
  absolutePath: string,
): Promise<WriteStatus> {
  if (review.text === review.original) return { status: 'unchanged' }
  const written = await writeText(source, review.text, absolutePath, { inPlace: true })
  if (written.ok) return { status: 'written' }
  return { status: 'failed', error: written.error, patch: patchOf(review) }
}
