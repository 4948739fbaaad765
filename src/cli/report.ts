import pc from 'picocolors'
import {VFileMessage} from 'vfile-message'
import {UsageError, type Reporter} from '../engine/reporter.js'
import {createProgress} from './progress.js'
import {escapeHidden} from '../core/hidden-characters.js'
import {fileSystemMessage} from '../engine/fs-errors.js'

/** `path:line:col: reason [rule-id]`, the format editors and CI annotators understand. */
export function formatMessage(message: VFileMessage): string {
  const text = escapeHidden(`${String(message)}${message.ruleId ? ` [${message.ruleId}]` : ''}`)
  if (!process.stderr.isTTY) return text
  const level = message.fatal === true ? pc.red('error') : message.fatal === false ? pc.yellow('warning') : pc.dim('info')
  return `${level} ${text}`
}

export function printMessages(messages: VFileMessage[]): void {
  for (const message of messages) process.stderr.write(formatMessage(message) + '\n')
}

/** Progress and summaries go to stderr so that stdout carries only data (`--json`). */
export function info(line: string): void {
  process.stderr.write(escapeHidden(line) + '\n')
}

/** Print what made a run fail; the exit code it means: 1 content errors, 2 usage errors, 3 internal errors. */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`concord: ${error.message}\n`)
    return 2
  }
  if (error instanceof VFileMessage) {
    printMessages([error])
    return 1
  }
  // A permission, a full disk, a file where a folder should be: the user's to fix, so no stack trace.
  const fileSystem = fileSystemMessage(error)
  if (fileSystem) {
    printMessages([fileSystem])
    return 1
  }
  process.stderr.write(`concord: internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`)
  return 3
}

/** The engine's reporter as the CLI shows it: lines and failures on stderr, progress on stderr. */
export const cliReporter = (): Reporter => ({info, failure: (error) => void reportFailure(error), progress: createProgress(process.stderr, process.env)})
