/** A value or an error message: how boundaries (files, config, YAML) report failure. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string }

/** Wrap a value as a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/** Wrap a message as a failure. */
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error })
