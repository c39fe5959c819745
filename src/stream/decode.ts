import { createHash, type Hash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { TextDecoder } from 'node:util'
import { describeFsError, type Encoding, firstBadUtf8 } from '../io/text-file.js'
import { err, ok, type Result } from '../result.js'

/** Bytes read from disk at a time when streaming. */
export const readChunkBytes = 1 << 20

/**
 * Decodes a byte stream chunk by chunk the way `decodeText` decodes a whole file: UTF-8 (with
 * or without BOM) or UTF-16 with a BOM; a NUL byte (without a UTF-16 BOM) is binary, invalid
 * bytes are undecodable. Messages match `decodeText`'s, with offsets into the whole stream.
 */
export class ChunkDecoder {
  /** The encoding, known once the first bytes (or the end) have been seen. */
  encoding: Encoding | undefined
  private head: Buffer = Buffer.alloc(0)
  private carry: Buffer = Buffer.alloc(0)
  /** Offset (in the whole stream) of the next byte pushed. */
  private position = 0
  /** Length of the BOM. */
  private bomLength = 0
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  private readonly utf16 = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true })

  /** Decode the next bytes; returns the text they complete (possibly ''). */
  push(bytes: Uint8Array): Result<string> {
    if (!this.encoding) {
      this.head = Buffer.concat([this.head, bytes])
      if (this.head.length < 3) return ok('')
      return this.start(this.head)
    }
    return this.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), false)
  }

  /** No more bytes: decode what is left. */
  end(): Result<string> {
    if (!this.encoding) {
      const started = this.start(this.head)
      if (!started.ok) return started
      const rest = this.decode(Buffer.alloc(0), true)
      return rest.ok ? ok(started.value + rest.value) : rest
    }
    return this.decode(Buffer.alloc(0), true)
  }

  private start(head: Buffer): Result<string> {
    if (head[0] === 0xff && head[1] === 0xfe) {
      this.encoding = { name: 'utf16le', bom: true }
      this.bomLength = 2
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      this.encoding = { name: 'utf16be', bom: true }
      this.bomLength = 2
    } else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.encoding = { name: 'utf8', bom: true }
      this.bomLength = 3
    } else this.encoding = { name: 'utf8', bom: false }
    this.position = this.bomLength
    return this.decode(head.subarray(this.bomLength), false)
  }

  private decode(bytes: Buffer, last: boolean): Result<string> {
    const encoding = this.encoding!
    const at = this.position
    this.position += bytes.length
    if (encoding.name === 'utf8') {
      const nul = bytes.indexOf(0)
      if (nul !== -1) return err(`binary file (NUL byte at offset ${at + nul})`)
    }
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes
    const allStart = at - this.carry.length
    const keep = last ? 0 : encoding.name === 'utf8' ? utf8Tail(all) : utf16Tail(all, encoding)
    const body = all.subarray(0, all.length - keep)
    this.carry = Buffer.from(all.subarray(all.length - keep))
    if (encoding.name === 'utf8') {
      try {
        return ok(this.utf8.decode(body))
      } catch {
        const bad = allStart - this.bomLength + firstBadUtf8(body)
        return err(`not valid UTF-8 (first bad byte at offset ${bad})`)
      }
    }
    if (body.length % 2 !== 0) {
      return err(
        encoding.name === 'utf16be' ? 'not valid UTF-16 (odd number of bytes)' : 'not valid UTF-16',
      )
    }
    const units = encoding.name === 'utf16be' ? Buffer.from(body).swap16() : body
    try {
      return ok(this.utf16.decode(units))
    } catch {
      return err('not valid UTF-16')
    }
  }
}

// Bytes at the end of `bytes` that start a UTF-8 sequence not yet complete.
function utf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!
    if ((byte & 0xc0) === 0x80) continue
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return need > back ? back : 0
  }
  return 0
}

// An odd byte, and a high surrogate whose low half may follow in the next chunk.
function utf16Tail(bytes: Uint8Array, encoding: Encoding): number {
  let keep = bytes.length % 2
  const end = bytes.length - keep
  if (end >= 2) {
    const unit =
      encoding.name === 'utf16le'
        ? bytes[end - 2]! | (bytes[end - 1]! << 8)
        : (bytes[end - 2]! << 8) | bytes[end - 1]!
    if (unit >= 0xd800 && unit <= 0xdbff) keep += 2
  }
  return keep
}

/** What a pass over a file found: its encoding, size and SHA-256, or why it cannot be decoded. */
export interface FileScan {
  encoding: Encoding
  size: number
  sha256: string
}

/**
 * Read a file in chunks, decoding as it goes; `onText` gets each decoded piece in order and may
 * return a promise (backpressure). Memory stays at one chunk. The SHA-256 of the bytes read is
 * returned for a later check that the file did not change.
 */
export async function readDecoded(
  path: string,
  onText: (text: string, encoding: Encoding) => unknown,
  signal?: AbortSignal,
): Promise<Result<FileScan>> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch (error) {
    return err(describeFsError(error))
  }
  const decoder = new ChunkDecoder()
  const hash: Hash = createHash('sha256')
  let size = 0
  try {
    const info = await handle.stat()
    if (info.isDirectory()) return err('is a directory')
    const buffer = Buffer.allocUnsafe(readChunkBytes)
    for (;;) {
      if (signal?.aborted) return err('interrupted')
      let read: number
      try {
        ;({ bytesRead: read } = await handle.read(buffer, 0, buffer.length, null))
      } catch (error) {
        return err(describeFsError(error))
      }
      if (read === 0) break
      const bytes = buffer.subarray(0, read)
      hash.update(bytes)
      size += read
      const text = decoder.push(bytes)
      if (!text.ok) return text
      if (text.value) await onText(text.value, decoder.encoding!)
    }
    const rest = decoder.end()
    if (!rest.ok) return rest
    if (rest.value) await onText(rest.value, decoder.encoding!)
  } finally {
    await handle.close().catch(() => {})
  }
  return ok({ encoding: decoder.encoding!, size, sha256: hash.digest('hex') })
}

/** The SHA-256 and size of a file as it is now, or an error. */
export async function hashFile(path: string): Promise<Result<{ size: number; sha256: string }>> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch (error) {
    return err(describeFsError(error))
  }
  const hash = createHash('sha256')
  let size = 0
  try {
    const buffer = Buffer.allocUnsafe(readChunkBytes)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      hash.update(buffer.subarray(0, bytesRead))
      size += bytesRead
    }
  } catch (error) {
    return err(describeFsError(error))
  } finally {
    await handle.close().catch(() => {})
  }
  return ok({ size, sha256: hash.digest('hex') })
}

/** Encodes text chunks back into the encoding a file was read with (BOM first). */
export class ChunkEncoder {
  private started = false
  /** @param encoding How the file was stored. */
  constructor(private readonly encoding: Encoding) {}

  /** The bytes of the next piece of text. */
  encode(text: string): Buffer {
    const parts: Buffer[] = []
    if (!this.started) {
      this.started = true
      if (this.encoding.bom) {
        parts.push(
          Buffer.from(
            this.encoding.name === 'utf8'
              ? [0xef, 0xbb, 0xbf]
              : this.encoding.name === 'utf16le'
                ? [0xff, 0xfe]
                : [0xfe, 0xff],
          ),
        )
      }
    }
    if (this.encoding.name === 'utf8') parts.push(Buffer.from(text, 'utf8'))
    else {
      const body = Buffer.from(text, 'utf16le')
      if (this.encoding.name === 'utf16be') body.swap16()
      parts.push(body)
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
  }
}
