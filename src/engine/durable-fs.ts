import {createHash} from 'node:crypto'
import {closeSync, type Dirent, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs'
import {dirname, join} from 'node:path'

/**
 * The few file operations a crash-safe commit is made of. A rename is only
 * durable once its folder is flushed, and a file's bytes once the file is:
 * without both, a power cut can leave an empty file under the new name.
 */

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

/** Text as UTF-8 bytes, bytes as a Buffer over the same memory. */
export const toBytes = (content: string | Uint8Array): Buffer =>
  typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength)

/** Write `bytes` to `path` (created or truncated) and flush them to the disk before returning. */
export function writeDurably(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true})
  const fd = openSync(path, 'w')
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Flush a folder's entries (new names, renames, removals). Some systems
 * (Windows) cannot open a folder for this; there a rename is as durable as
 * the system makes it, and there is nothing more to do.
 */
export function syncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Not supported here: see above.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

export function syncDirs(paths: Iterable<string>): void {
  for (const dir of new Set([...paths].map((p) => dirname(p)))) syncDir(dir)
}

/** Replace `path` atomically with `bytes`: a durable temp file renamed over it, then the folder flushed. */
export function replaceDurably(path: string, bytes: Uint8Array, temp: string): void {
  try {
    writeDurably(temp, bytes)
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
  syncDir(dirname(path))
}

/** The file's bytes, or undefined when it does not exist. */
export function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
}

/** Block the thread for `ms` (commands are synchronous; a wait must not let other work run half-done). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Every file below `dir`, at any depth; none when `dir` is missing or unreadable (an input folder may not exist yet). */
export function filesUnder(dir: string, into: string[] = []): string[] {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return into
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) filesUnder(path, into)
    else into.push(path)
  }
  return into
}
