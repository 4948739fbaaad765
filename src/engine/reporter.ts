import {VFileMessage} from 'vfile-message'
import {fileSystemMessage} from './fs-errors.js'

/**
 * What passes from the engine to its caller. What it is doing, without
 * knowing how that is shown: the CLI prints lines and failures to stderr
 * and draws progress bars (src/cli/report.ts, src/cli/progress.ts); a
 * program using the library may collect them, or pass `silent`. And the
 * errors the caller tells apart (content, usage, internal: the CLI's exit
 * codes 1, 2, 3), also as they cross from a worker thread.
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

/** A mistake in how Concord was called (the CLI's exit code 2): a flag, a language or document that does not exist. */
export class UsageError extends Error {}

/**
 * An error as it crosses from a worker thread to the main thread, which
 * cannot carry classes: a tagged plain object, so that the main thread
 * raises the same kind of error the renderer raised. The tag, not a class
 * name, says what it is: a bundler may rename classes.
 */
export interface SerializedError {
  tag: 'concord-error'
  /** A content problem (`VFileMessage`), a usage error, or anything else (an internal error). */
  kind: 'vfile' | 'usage' | 'other'
  name: string
  message: string
  stack?: string
  /** Own fields of a VFileMessage (place, ruleId, file, fatal…). */
  fields?: Record<string, unknown>
}

export function serializeError(thrown: unknown): SerializedError {
  // An error's `code` and `path` do not survive the crossing: a file-system error becomes its message here.
  const error = fileSystemMessage(thrown) ?? thrown
  if (!(error instanceof Error)) return {tag: 'concord-error', kind: 'other', name: 'Error', message: String(error)}
  const kind = error instanceof VFileMessage ? 'vfile' : error instanceof UsageError ? 'usage' : 'other'
  const fields = kind === 'vfile' ? (JSON.parse(JSON.stringify({...error})) as Record<string, unknown>) : undefined
  return {tag: 'concord-error', kind, name: error.name, message: error.message, ...(error.stack ? {stack: error.stack} : {}), ...(fields ? {fields} : {})}
}

const isSerializedError = (value: unknown): value is SerializedError =>
  typeof value === 'object' && value !== null && (value as {tag?: unknown}).tag === 'concord-error' && typeof (value as {message?: unknown}).message === 'string'

/** The error a worker sent, raised again in this thread as its own kind (an unrecognised shape is an internal error). */
export function reviveError(error: unknown): Error {
  if (!isSerializedError(error)) return new Error(`Unexpected error from a worker thread: ${JSON.stringify(error)}`)
  if (error.kind === 'usage') return new UsageError(error.message)
  if (error.kind === 'vfile') {
    const message = new VFileMessage(error.message)
    Object.assign(message, error.fields)
    message.name = error.name
    return message
  }
  const revived = new Error(error.message)
  revived.stack = error.stack ?? revived.stack
  return revived
}
