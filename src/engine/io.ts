import {failRule} from '../core/rules.js'
import {isUtf8} from 'node:buffer'
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {toBytes} from './durable-fs.js'

/**
 * A file shipped with Concord (`locales/en/ui.json`, `package.json`), by its
 * path in the package. Resolved from this module, two folders below the
 * package both as compiled (`dist/engine/`) and inside the bundled CLI
 * (`dist/cli/concord.cjs`), so the answer is the same.
 */
export const packageFile = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    const second = bytes[i + 1] ?? 0
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i
    i += length
  }
  return -1
}

/** `readFileSync`, but an error names the file: Node leaves `path` out of some (EISDIR), and the CLI's message needs it. */
export function readBytes(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    const errno = error as NodeJS.ErrnoException
    if (errno.path === undefined) errno.path = path
    throw error
  }
}

/** Read a text file as strict UTF-8 into a VFile whose path is relative to `cwd`; invalid bytes are a fatal message. */
export function readText(path: string, cwd = process.cwd()): VFile {
  const bytes = readBytes(path)
  const file = new VFile({path: relative(cwd, path) || path})
  // The native check first: finding the offset of a bad byte is for the message.
  const bad = isUtf8(bytes) ? -1 : invalidUtf8Offset(bytes)
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad))
    const line = before.split('\n').length
    const column = before.length - before.lastIndexOf('\n')
    failRule(file, 'encoding', `Unexpected byte \`0x${bytes[bad]!.toString(16).padStart(2, '0')}\` that is not UTF-8, expected UTF-8 text; re-save the file as UTF-8`, {line, column})
  }
  // A byte-order mark is not content.
  let text = new TextDecoder('utf-8').decode(bytes)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  file.value = text
  return file
}

export function readTextIfExists(path: string, cwd?: string): VFile | undefined {
  return existsSync(path) ? readText(path, cwd) : undefined
}

/**
 * Write atomically (temp file in the same folder, then rename) and only when
 * the content differs, so unchanged outputs keep their timestamps.
 * Returns whether the file was written.
 */
export function writeIfChanged(path: string, content: string | Uint8Array): boolean {
  const next = toBytes(content)
  if (existsSync(path) && readBytes(path).equals(next)) return false
  mkdirSync(dirname(path), {recursive: true})
  const temp = `${path}.tmp-${process.pid}`
  try {
    writeFileSync(temp, next)
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
  return true
}

/** Whether writing `content` to `path` would change it. */
export function wouldChange(path: string, content: string): boolean {
  return !existsSync(path) || !readFileSync(path).equals(toBytes(content))
}

/**
 * `wouldChange`, told from the text `readText` already gave for the file
 * (`null`: it was absent, `undefined`: not read), without reading a book's
 * megabytes again. That text is the file's bytes decoded as strict UTF-8,
 * less a byte-order mark: where it equals `content`, only such a mark can
 * tell them apart, and three bytes on disk say whether there is one.
 */
export function wouldChangeFromRead(path: string, content: string, asRead: string | null | undefined): boolean {
  if (asRead === undefined || asRead === null) return wouldChange(path, content)
  return asRead !== content || startsWithByteOrderMark(path)
}

function startsWithByteOrderMark(path: string): boolean {
  const head = Buffer.alloc(3)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    // Gone since it was read: writing would create it.
    return true
  }
  try {
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
  } finally {
    closeSync(fd)
  }
}
