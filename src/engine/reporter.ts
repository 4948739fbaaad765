/**
 * How the engine tells its caller what it is doing, without knowing how it
 * is shown: the CLI prints lines and failures to stderr and draws progress
 * bars (src/cli/report.ts, src/cli/progress.ts); a program using the
 * library may collect them, or pass `silent`.
 */
export interface ProgressItem {
  label: string
  total: number
}

/** Progress of a long build: the files to render by edition, then one tick per file rendered. */
export interface Progress {
  start(items: ProgressItem[]): void
  /** One unit of `label` is done; `detail` names it (a file). */
  tick(label: string, detail: string): void
  done(): void
}

export interface Reporter {
  /** A line for the person running the command: a file written, a summary, the watch waiting. */
  info(line: string): void
  /** A run that failed while the engine goes on (a build in watch mode): its messages, as the command would print them. */
  failure(error: unknown): void
  progress: Progress
}

const quiet: Progress = {start: () => undefined, tick: () => undefined, done: () => undefined}

/** Reports nothing: for a library caller that only wants the result. */
export const silent: Reporter = {info: () => undefined, failure: () => undefined, progress: quiet}
