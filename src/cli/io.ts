/** A writable stream as the CLI uses it. */
export interface Output {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

/** Everything the CLI touches outside itself; tests pass fakes. */
export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: Output
  stderr: Output
  cwd: string
  env: Readonly<Record<string, string | undefined>>
}

/** Whether to colour output on `stream`: FORCE_COLOR, then NO_COLOR, then whether it is a TTY. */
export function shouldColor(io: CliIO, stream: Output, flag?: boolean): boolean {
  if (flag !== undefined) return flag
  const force = io.env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  if (io.env.NO_COLOR) return false
  return stream.isTTY === true
}

/** A usage or input error: printed as one line, exit code 2. */
export class UsageError extends Error {}
