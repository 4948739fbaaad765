import {existsSync, renameSync, rmSync} from 'node:fs'
import {basename, join} from 'node:path'
import {filesUnder, readIfExists, sha256, syncDirs} from './durable-fs.js'
import {JOURNAL, readJournal, removeJournal, STATE_DIR, toRelative, TXN_TEMP} from './journal.js'

/**
 * What the next command does after a commit was interrupted (see
 * transaction.ts). Run under the project lock, so no commit is under way.
 *
 * - A journal exists: every temp file it lists was durable before it was
 *   written, so the commit is completed (rolled forward): each temp whose
 *   checksum matches is renamed; a temp already gone was renamed before the
 *   crash. A temp that does not match is kept and reported, never renamed.
 * - No journal: the crash came before the renames began, so no project file
 *   changed; the commit's temp files (`*.tmp-txn-<pid>`) are deleted (rolled
 *   back). Other `*.tmp-*` files (from older versions, or other tools) may
 *   hold the only copy of something: they are reported, never deleted.
 */
export interface Recovery {
  /** What was done, for the user. */
  done: string[]
  /** What needs a person: damaged temps, unknown leftovers. */
  problems: string[]
}

export const hasJournal = (root: string): boolean => existsSync(join(root, JOURNAL))

/** Temp files under the given project folders (and the state folder), project-relative. */
export function findTemps(root: string, folders: string[]): string[] {
  const found: string[] = []
  for (const folder of new Set([...folders, STATE_DIR])) filesUnder(join(root, folder), found)
  return found.filter((path) => basename(path).includes('.tmp-')).sort()
}

/** The report of a temp file that is not ours to delete. */
export const leftover = (rel: string): string =>
  `${rel}: leftover temp file of an interrupted write; it may hold the only copy of some text: compare it with ${rel.replace(/\.tmp-.*$/, '')}, then delete it`

/** Returns false when the journal could not be trusted (then no temp file may be deleted: one may hold the only copy). */
function rollForward(root: string, recovery: Recovery): boolean {
  const read = readJournal(root)
  if (!read.ok) {
    // Not ours to act on: set it aside, keep every temp file, and say so.
    const aside = join(root, `${STATE_DIR}/journal.damaged-${Date.now()}.json`)
    renameSync(join(root, JOURNAL), aside)
    recovery.problems.push(`${JOURNAL}: not completed, as ${read.reason}; moved to ${toRelative(root, aside)}, temp files kept for you to compare`)
    return false
  }
  const {journal, paths} = read
  const completed: string[] = []
  paths.forEach(({temp, target}, k) => {
    const expected = journal.renames[k]!
    const bytes = readIfExists(temp)
    if (bytes === undefined) {
      if (sha256(readIfExists(target) ?? '') !== expected.sha256)
        recovery.problems.push(`${expected.target}: changed after an interrupted \`concord ${journal.command}\` wrote it; kept as it is`)
      return
    }
    if (sha256(bytes) !== expected.sha256) {
      recovery.problems.push(`${expected.temp}: damaged (its checksum is not the journal's); not renamed onto ${expected.target}; compare the two, then delete it`)
      return
    }
    renameSync(temp, target)
    completed.push(expected.target)
  })
  syncDirs(paths.map((p) => p.target))
  removeJournal(root)
  recovery.done.push(
    `completed the commit of an interrupted \`concord ${journal.command}\` (pid ${journal.pid}): ${completed.length} of ${paths.length} file(s) renamed now${completed.length ? `: ${completed.join(', ')}` : ''}`
  )
  return true
}

/** Complete or roll back an interrupted commit, and deal with leftover temp files. Call with the project lock held. */
export function recover(root: string, folders: string[]): Recovery {
  const recovery: Recovery = {done: [], problems: []}
  const trusted = hasJournal(root) ? rollForward(root, recovery) : true
  const rolledBack: string[] = []
  for (const temp of findTemps(root, folders)) {
    const rel = toRelative(root, temp)
    if (trusted && TXN_TEMP.test(temp) && !recovery.problems.some((p) => p.startsWith(rel))) {
      rmSync(temp, {force: true})
      rolledBack.push(rel)
    } else if (!recovery.problems.some((p) => p.startsWith(rel))) {
      recovery.problems.push(leftover(rel))
    }
  }
  if (rolledBack.length) recovery.done.push(`rolled back an interrupted commit (no project file had changed): removed ${rolledBack.join(', ')}`)
  return recovery
}
