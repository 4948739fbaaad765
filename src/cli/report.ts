import pc from 'picocolors'
import {VFileMessage} from 'vfile-message'
import {escapeHidden} from '../core/hidden-characters.js'

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

export {VFileMessage}
