import { render, useStdout } from 'ink'
import { type ReactNode, useEffect } from 'react'
import { ReviewApp, type ReviewAppProps, type ReviewOutcome } from './app.js'

const enterAlternateScreen = '\u001B[?1049h\u001B[H'
const leaveAlternateScreen = '\u001B[?1049l'

/** Streams the review draws on: terminals, as Node gives them. */
export interface ReviewStreams {
  stdin: NodeJS.ReadStream
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

// Leaves the alternate screen when the app unmounts, which Ink also does on SIGTERM/SIGHUP,
// after its last frame, so the terminal is always given back as it was.
function AlternateScreen({ children }: { children: ReactNode }) {
  const { stdout } = useStdout()
  useEffect(() => () => void stdout.write(leaveAlternateScreen), [stdout])
  return <>{children}</>
}

/**
 * Run the review full-screen (on the terminal's alternate screen, like `less` or `tig`) until
 * the reviewer writes or quits.
 *
 * @returns What the reviewer chose and the reviewed files.
 */
export async function runReview(
  props: Omit<ReviewAppProps, 'onExit' | 'size'>,
  streams: ReviewStreams,
): Promise<ReviewOutcome> {
  let outcome: ReviewOutcome = { action: 'quit', files: [] }
  streams.stdout.write(enterAlternateScreen)
  try {
    const instance = render(
      <AlternateScreen>
        <ReviewApp
          {...props}
          onExit={(result) => {
            outcome = result
          }}
        />
      </AlternateScreen>,
      { ...streams, exitOnCtrlC: false, patchConsole: false },
    )
    await instance.waitUntilExit()
  } catch (error) {
    streams.stdout.write(leaveAlternateScreen)
    throw error
  }
  return outcome
}
