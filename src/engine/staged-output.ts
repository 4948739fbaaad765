import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {readBytes} from './io.js'

/**
 * The build's outputs on their way to disk. Each file is written as soon as
 * it is rendered, under a temporary name beside its place, and renamed into
 * place only once every file has rendered (commitStaged): a content error
 * found by a later renderer still leaves the output as it was
 * (discardStaged), and no page is held in memory until the end. Its text is
 * encoded into one buffer reused for every file: a book's pages are hundreds
 * of megabytes, and fresh memory for each (the pages of memory the system
 * hands out and clears) cost more than encoding them.
 */
export interface StagedFile {
  /** Where the file goes. */
  path: string
  /** The file written under its temporary name; absent when `path` holds these very bytes already. */
  temp?: string
}

const SUFFIX = '.tmp-'
let scratch = Buffer.alloc(0)

/** The UTF-8 bytes of `content` (of its parts joined), in a buffer the next call reuses: for bytes used at once, not kept. */
export function encodeTransient(content: string | readonly string[]): Buffer {
  const parts = typeof content === 'string' ? [content] : content
  let length = 0
  for (const part of parts) length += Buffer.byteLength(part, 'utf8')
  if (scratch.length < length) scratch = Buffer.allocUnsafe(Math.max(length, Math.floor(scratch.length * 1.5)))
  let at = 0
  for (const part of parts) at += scratch.write(part, at, 'utf8')
  return scratch.subarray(0, length)
}

/** Whether the file at `path` holds `bytes`; a file that cannot be read is taken as different (the rename then says why). */
function holds(path: string, bytes: Uint8Array): boolean {
  try {
    return existsSync(path) && statSync(path).size === bytes.length && readBytes(path).equals(bytes)
  } catch {
    return false
  }
}

/** Write `bytes` beside `path` under a temporary name, unless `path` holds them already. */
export function stageFile(path: string, bytes: Uint8Array): StagedFile {
  if (holds(path, bytes)) return {path}
  mkdirSync(dirname(path), {recursive: true})
  const temp = `${path}${SUFFIX}${process.pid}`
  try {
    writeFileSync(temp, bytes)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
  return {path, temp}
}

/** Put a staged file in its place; whether it was written (not already there). */
export function commitStaged(file: StagedFile): boolean {
  if (file.temp === undefined) return false
  try {
    renameSync(file.temp, file.path)
  } catch (error) {
    // Said of the file in its place, not of the temporary one (a folder where the file should be, say).
    const errno = error as NodeJS.ErrnoException
    errno.path = file.path
    throw error
  }
  return true
}

/** Remove what `files` staged and did not commit. */
export function discardStaged(files: readonly StagedFile[]): void {
  for (const file of files) if (file.temp !== undefined) rmSync(file.temp, {force: true})
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Remove files a build that was killed staged beside `paths` (`<name>.tmp-<pid>` of a process that is gone). */
export function sweepStaged(paths: readonly string[]): void {
  const byFolder = new Map<string, Set<string>>()
  for (const path of paths) byFolder.set(dirname(path), (byFolder.get(dirname(path)) ?? new Set()).add(basename(path)))
  for (const [folder, names] of byFolder) {
    let entries: string[]
    try {
      entries = readdirSync(folder)
    } catch {
      continue
    }
    for (const entry of entries) {
      const at = entry.lastIndexOf(SUFFIX)
      const pid = Number(entry.slice(at + SUFFIX.length))
      if (at > 0 && names.has(entry.slice(0, at)) && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) rmSync(join(folder, entry), {force: true})
    }
  }
}
