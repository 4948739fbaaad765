import {renameSync, rmSync} from 'node:fs'
import {basename} from 'node:path'
import {readIfExists, sha256, syncDirs, toBytes, writeDurably} from './durable-fs.js'
import {removeJournal, tempFor, toRelative, writeJournal, type Rename} from './journal.js'

export interface FileOutput {
  path: string
  content: string | Uint8Array
}

export interface CommitOptions {
  /** Named in the journal, for the report of a recovery. */
  command?: string
  /**
   * Called after each durable step of the commit (1-based: each temp file,
   * the journal, each rename, the journal's removal). Tests stop the process
   * here to prove that every crash point is recovered.
   */
  onStep?: (step: number, what: string) => void
}

/**
 * Files that gain translations (obsolete copies) are renamed first. With the
 * journal this does not matter for Concord; it keeps the state sound for
 * anyone who looks at the files before a recovery has run.
 */
const rank = (path: string): number => (basename(path).endsWith('.obsolete.json') ? 0 : 1)

/**
 * Write `files` as one transaction: every file changes, or (after a crash,
 * once recovery has run) none or all of them. Unchanged files are not
 * written, so their timestamps stay. Returns the paths written, in the order given.
 *
 * Steps: durable temp files; the journal (only now, so a journal always
 * describes temps that are all intact); the renames; the folders flushed;
 * the journal removed. See recovery.ts for what the next command does after
 * a crash at any step.
 */
export function commitFiles(root: string, files: FileOutput[], {command = 'concord', onStep}: CommitOptions = {}): string[] {
  const latest = new Map<string, Buffer>()
  for (const file of files) latest.set(file.path, toBytes(file.content))
  const pending = [...latest]
    .filter(([path, bytes]) => !readIfExists(path)?.equals(bytes))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, bytes]) => ({path, bytes, temp: tempFor(path)}))
  if (pending.length === 0) return []
  let step = 0
  const done = (what: string): void => onStep?.(++step, what)
  try {
    for (const file of pending) {
      writeDurably(file.temp, file.bytes)
      done(`temp ${toRelative(root, file.temp)}`)
    }
    syncDirs(pending.map((f) => f.temp))
  } catch (error) {
    // Nothing was renamed: the project is as it was.
    for (const file of pending) rmSync(file.temp, {force: true})
    throw error
  }
  const renames: Rename[] = pending.map((f) => ({temp: toRelative(root, f.temp), target: toRelative(root, f.path), sha256: sha256(f.bytes), bytes: f.bytes.length}))
  writeJournal(root, command, renames)
  done('journal')
  // From here on a failure leaves the journal, and the next command completes the commit.
  for (const file of pending) {
    renameSync(file.temp, file.path)
    done(`rename ${toRelative(root, file.path)}`)
  }
  syncDirs(pending.map((f) => f.path))
  removeJournal(root)
  done('journal removed')
  // Reported in the order given, as before transactions.
  const written = new Set(pending.map((f) => f.path))
  return [...latest.keys()].filter((path) => written.has(path))
}
