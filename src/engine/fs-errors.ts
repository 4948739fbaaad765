import {isAbsolute, relative} from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {ruleMessage} from '../core/rules.js'

/**
 * File-system errors are the user's to fix (a permission, a full disk, a
 * file where a folder should be), not Concord's bugs: one conversion point,
 * where the CLI reports a failure and where a worker thread sends one, turns
 * them into a `file-system` message naming the path, instead of try/catch
 * around every read and write.
 */
interface Problem {
  what: string
  expected: string
  todo: string
}

const PERMISSION: Problem = {
  what: 'permission denied',
  expected: 'a file or folder Concord may read and write',
  todo: 'check its permissions and owner (`ls -l`), or choose another path'
}

const PROBLEMS: Record<string, Problem> = {
  EACCES: PERMISSION,
  EPERM: {...PERMISSION, what: 'operation not permitted'},
  EROFS: {what: 'read-only file system', expected: 'a writable folder', todo: 'write to a writable disk, e.g. with `--out <dir>`'},
  ENOSPC: {what: 'full disk', expected: 'free space to write', todo: 'free some space and run again'},
  EFBIG: {what: 'file too large for the file system', expected: 'a file within its size limit', todo: 'write to another disk, or make the input smaller'},
  ENOTDIR: {what: 'file where a folder should be', expected: 'a folder', todo: 'move the file away, or choose another path'},
  EISDIR: {what: 'folder where a file should be', expected: 'a file', todo: 'move the folder away, or choose another path'},
  EMFILE: {what: 'too many open files', expected: 'fewer files open at once', todo: 'raise the limit (`ulimit -n 4096`) or run with `--jobs 1`'}
}

const errnoOf = (error: unknown): NodeJS.ErrnoException | undefined => {
  // A wrapped error (`new Error(…, {cause})`) is judged by its cause.
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code
    if (typeof code === 'string' && Object.hasOwn(PROBLEMS, code)) return current as NodeJS.ErrnoException
  }
  return undefined
}

/** Paths under `base` (the project) read relative to it; others (`--out /tmp/site`) absolute. */
export const displayPath = (base: string, path: string): string => {
  const rel = relative(base, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

/** The `file-system` message for a file-system error the user can fix, else undefined. */
export function fileSystemMessage(error: unknown, cwd = process.cwd()): VFileMessage | undefined {
  const errno = errnoOf(error)
  if (!errno) return undefined
  const code = errno.code!
  const problem = PROBLEMS[code]!
  const path = typeof errno.path === 'string' ? displayPath(cwd, errno.path) : undefined
  const message = ruleMessage('file-system', `Unexpected ${problem.what} (${code}), expected ${problem.expected}; ${problem.todo}`, undefined)
  // No line and column: the problem is the file itself, so the message reads `path: reason`.
  message.name = path ?? 'concord'
  if (path) message.file = path
  return message
}
