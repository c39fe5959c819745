import { readFile, stat } from 'node:fs/promises'
import { TextDecoder } from 'node:util'
import { err, ok, type Result } from '../result.js'

/** How a text was stored, so it can be written back the same way. */
export interface Encoding {
  name: 'utf8' | 'utf16le' | 'utf16be'
  bom: boolean
}

/** A text file as read: decoded text (no BOM), its encoding, raw bytes and mode. */
export interface TextFile {
  path: string
  text: string
  encoding: Encoding
  /** The exact bytes read, to detect a change on disk before writing. */
  bytes: Buffer
  mode: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true })

/**
 * Decode bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Bytes with a NUL
 * (and no UTF-16 BOM) are binary; invalid UTF-8 is undecodable.
 */
export function decodeText(bytes: Uint8Array): Result<{ text: string; encoding: Encoding }> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith(utf16le, bytes.subarray(2), { name: 'utf16le', bom: true })
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2))
    if (swapped.length % 2 !== 0) return err('not valid UTF-16 (odd number of bytes)')
    swapped.swap16()
    return decodeWith(utf16le, swapped, { name: 'utf16be', bom: true })
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  const nul = body.indexOf(0)
  if (nul !== -1) return err(`binary file (NUL byte at offset ${nul + (bom ? 3 : 0)})`)
  return decodeWith(utf8, body, { name: 'utf8', bom })
}

function decodeWith(decoder: TextDecoder, body: Uint8Array, encoding: Encoding) {
  try {
    return ok({ text: decoder.decode(body), encoding })
  } catch {
    const name = encoding.name === 'utf8' ? 'UTF-8' : 'UTF-16'
    const at = encoding.name === 'utf8' ? ` (first bad byte at offset ${firstBadUtf8(body)})` : ''
    return err(`not valid ${name}${at}`)
  }
}

/** The offset of the first byte a fatal UTF-8 decoder rejects (the longest valid prefix). */
export function firstBadUtf8(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // The longest valid prefix, by bisection on the fatal decoder.
  while (low < high) {
    const middle = (low + high + 1) >> 1
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true })
      low = middle
    } catch {
      high = middle - 1
    }
  }
  return low
}

/** Encode text the way it was stored. */
export function encodeText(text: string, encoding: Encoding): Buffer {
  if (encoding.name === 'utf8') {
    const body = Buffer.from(text, 'utf8')
    return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body
  }
  const body = Buffer.from(text, 'utf16le')
  if (encoding.name === 'utf16be') body.swap16()
  const bom = encoding.name === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return encoding.bom ? Buffer.concat([Buffer.from(bom), body]) : body
}

/** Read and decode a file; failures are one clear sentence (no stack). */
export async function readTextFile(path: string): Promise<Result<TextFile>> {
  let bytes: Buffer
  let mode: number
  try {
    const info = await stat(path)
    if (info.isDirectory()) return err('is a directory')
    mode = info.mode
    bytes = await readFile(path)
  } catch (error) {
    return err(describeFsError(error))
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  return ok({ path, text: decoded.value.text, encoding: decoded.value.encoding, bytes, mode })
}

/** Turn a Node file-system error into a short sentence. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOSPC':
      return 'no space left on device'
    case 'EFBIG':
      return 'file too large for this file system or its size limit'
    case 'EROFS':
      return 'read-only file system'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    case 'EMFILE':
      return 'too many open files'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
