import { Box, Text, type TextProps, useApp, useStdout } from 'ink'
import { useEffect, useMemo, useReducer, useState } from 'react'
import type { RuleMeta } from '../engine/types.js'
import type { Row, Tone } from './layout.js'
import { screenRows } from './screen.js'
import {
  createReducer,
  type FileReview,
  initialState,
  type Lint,
  type ReviewInput,
} from './state.js'
import { useReviewKeys } from './use-review-keys.js'

/** How the review ended: write the reviewed files, or quit without writing. */
export interface ReviewOutcome {
  action: 'write' | 'quit'
  files: readonly FileReview[]
}

/** Props of the review screen. */
export interface ReviewAppProps {
  files: readonly ReviewInput[]
  /** Re-lints a changed text; must be pure. */
  lint: Lint
  /** Rule metadata by id, for the description line. */
  rules: ReadonlyMap<string, RuleMeta>
  color: boolean
  /** Called once, when the review ends, before the app exits. */
  onExit: (outcome: ReviewOutcome) => void
  /** Offer `b` (skip for good); the caller persists those skips when writing. */
  canSkipPermanently?: boolean
  /** A fixed screen size; by default the terminal's, following resizes. */
  size?: { columns: number; rows: number }
}

const styles: Record<Tone, TextProps> = {
  plain: {},
  dim: { dimColor: true },
  strong: { bold: true },
  span: { color: 'yellow', inverse: true },
  del: { color: 'red', inverse: true },
  ins: { color: 'green', inverse: true },
  rule: { color: 'cyan', bold: true },
  error: { color: 'red', bold: true },
  warn: { color: 'yellow' },
  info: { color: 'blue' },
  ok: { color: 'green' },
  select: { bold: true },
  key: { bold: true },
  cursor: { inverse: true },
}

/** The terminal's size, updated when it is resized. */
export function useTerminalSize(fixed?: { columns: number; rows: number }) {
  const { stdout } = useStdout()
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 })
  const [size, setSize] = useState(read)
  useEffect(() => {
    if (fixed) return
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 })
    stdout.on('resize', onResize)
    return () => {
      stdout.off('resize', onResize)
    }
  }, [stdout, fixed])
  return fixed ?? size
}

/** Rows of styled pieces, one `<Text>` per row; rows never wrap (they are laid out to fit). */
export function Rows({ rows, color }: { rows: readonly Row[]; color: boolean }) {
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <Text key={i} wrap="truncate-end">
          {row.length === 0
            ? ' '
            : row.map((piece, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional
                <Text key={j} {...(color ? styles[piece.tone] : {})}>
                  {piece.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  )
}

/** The interactive review: one finding at a time, decided with single keys. */
export function ReviewApp(props: ReviewAppProps) {
  const { lint, onExit, color, rules } = props
  const canSkipPermanently = props.canSkipPermanently === true
  const reducer = useMemo(
    () => createReducer({ lint, canSkipPermanently }),
    [lint, canSkipPermanently],
  )
  const [state, dispatch] = useReducer(reducer, props.files, initialState)
  const size = useTerminalSize(props.size)
  const { exit } = useApp()
  useReviewKeys(dispatch)
  useEffect(() => {
    if (!state.exit) return
    onExit({ action: state.exit, files: state.files })
    exit()
  }, [state.exit, state.files, onExit, exit])
  const rows = screenRows(state, { ...size, color, rules, canSkipPermanently })
  return <Rows rows={rows} color={color} />
}
