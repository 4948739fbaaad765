import {failRule} from '../core/rules.js'
import {statSync} from 'node:fs'
import {basename, join} from 'node:path'
import {VFile} from 'vfile'
import {defaults} from '../core/options.js'
import {findTemps, hasJournal, leftover, recover} from './recovery.js'
import {acquireLock, LOCK, readOwner, type HeldLock, type LockOwner} from './lock.js'
import {TXN_TEMP, toRelative} from './journal.js'
import {commitFiles, type CommitOptions, type FileOutput} from './transaction.js'
import {filesUnder} from './durable-fs.js'
import {CONFIG_FILE, loadProjectOptions} from './project.js'

/**
 * One command's use of a project: before it reads anything, an interrupted
 * commit is completed (see recovery.ts); a writing command holds the project
 * lock until it ends, and its commit checks that nothing it read changed
 * meanwhile. Readers take the lock only to recover, so they never read half
 * a commit left by a crash, and wait while another command finishes one.
 */
export interface SessionOptions {
  root: string
  /** The command's name, for messages and the lock's owner. */
  command: string
  /** A writing command holds the lock for its whole run. */
  writes: boolean
  waitMs: number
  /** Progress lines (waiting, recovered) for the user. */
  notify: (line: string) => void
  onStep?: CommitOptions['onStep']
  /** Called inside the lock just before what was read is compared (tests widen a race here). */
  beforeCommit?: () => void
}

interface Session {
  options: SessionOptions
  folders: string[]
  lock?: HeldLock
  snapshot?: InputSnapshot
}

let current: Session | undefined

/**
 * The identity of every input file of a project (the config, content/ and
 * locales/), taken before a command reads them and compared again just
 * before it commits. Anything that changed in between (a translator's editor
 * saving, `git checkout`) was read in an older version, and writing the
 * command's results would overwrite the change. A superset of what the
 * command reads: a file changed before it was read only costs a redo.
 *
 * Identity, not a content hash: hashing a book's locales twice costs more
 * than a tenth of a `segment`. Every write changes a file's ctime (which no
 * tool can set back) and a save by rename changes its inode, so size, inode,
 * mtime and ctime in nanoseconds change whenever the content can have. A file
 * rewritten with the same bytes counts as changed: a redo, never a loss.
 */
export type InputSnapshot = Map<string, string>

export function snapshotInputs(root: string, folders: string[], files: string[]): InputSnapshot {
  const paths: string[] = files.map((f) => join(root, f))
  // Temp files are a commit in progress, not inputs.
  for (const folder of new Set(folders)) for (const path of filesUnder(join(root, folder))) if (!basename(path).includes('.tmp-')) paths.push(path)
  const snapshot: InputSnapshot = new Map()
  for (const path of paths) {
    const stat = statSync(path, {bigint: true, throwIfNoEntry: false})
    if (stat) snapshot.set(toRelative(root, path), `${stat.size}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`)
  }
  return snapshot
}

/** Project-relative paths added, removed or changed since `before`, sorted. */
export function changedSince(before: InputSnapshot, after: InputSnapshot): string[] {
  const changed = new Set<string>()
  for (const [path, identity] of before) if (after.get(path) !== identity) changed.add(path)
  for (const path of after.keys()) if (!before.has(path)) changed.add(path)
  return [...changed].sort()
}

/** content/ and locales/ as configured; the defaults when the config cannot be read (the command reports that itself). */
function projectFolders(root: string): string[] {
  try {
    const options = loadProjectOptions(root)
    return [options.contentDir, options.localesDir]
  } catch {
    const options = defaults()
    return [options.contentDir, options.localesDir]
  }
}

const describeOwner = (owner: LockOwner | undefined): string => (owner ? `pid ${owner.pid} (concord ${owner.command})` : 'another process')

function lockOrFail({root, command, waitMs, notify}: SessionOptions): HeldLock {
  const lock = acquireLock(root, {command, waitMs, onWait: (owner) => notify(`waiting for the lock held by ${describeOwner(owner)} …`)})
  if (lock) return lock
  const owner = readOwner(root)
  return failRule(
    new VFile({path: LOCK}),
    'project-locked',
    `Unexpected lock held by ${describeOwner(owner)}${owner ? ` since ${owner.since}` : ''}, expected it free within ${Math.round(waitMs / 1000)} s; nothing written: run again when that command is done, or with \`--wait <seconds>\`; if no concord command is running, delete \`${LOCK}\``,
    {line: 1, column: 1}
  )
}

function runRecovery(options: SessionOptions, folders: string[]): void {
  const {done, problems} = recover(options.root, folders)
  for (const line of [...done, ...problems]) options.notify(line)
}

export function beginSession(options: SessionOptions): void {
  endSession()
  const {root} = options
  const folders = projectFolders(root)
  const session: Session = {options, folders}
  current = session
  if (options.writes) {
    session.lock = lockOrFail(options)
    runRecovery(options, folders)
    session.snapshot = snapshotInputs(root, folders, [CONFIG_FILE])
    return
  }
  const temps = findTemps(root, folders)
  if (hasJournal(root) || temps.some((t) => TXN_TEMP.test(t))) {
    // A commit was interrupted, or is under way: complete it (or wait for it) before reading.
    const lock = lockOrFail(options)
    try {
      runRecovery(options, folders)
    } finally {
      lock.release()
    }
  } else {
    for (const temp of temps) options.notify(leftover(toRelative(root, temp)))
  }
}

export function endSession(): void {
  current?.lock?.release()
  current = undefined
}

/**
 * Commit a command's files to the project as one transaction (see
 * transaction.ts). In a writing session, first check that no input changed
 * since the command read it; if one did, nothing is written and the error
 * (rule `changed-since-read`) names it.
 */
export function commitToProject(root: string, files: FileOutput[]): string[] {
  const session = current?.options.root === root ? current : undefined
  session?.options.beforeCommit?.()
  if (session?.snapshot) {
    const changed = changedSince(session.snapshot, snapshotInputs(root, session.folders, [CONFIG_FILE]))
    if (changed.length > 0) {
      const more =
        changed.length > 1
          ? ` (and ${changed.length - 1} more: ${changed
              .slice(1, 4)
              .map((c) => `\`${c}\``)
              .join(', ')}${changed.length > 4 ? ', …' : ''})`
          : ''
      failRule(
        new VFile({path: changed[0]}),
        'changed-since-read',
        `Unexpected change of \`${changed[0]}\`${more} since \`concord ${session.options.command}\` read it, expected the files as read; nothing written: run the ${session.options.command} again`,
        {line: 1, column: 1}
      )
    }
  }
  return commitFiles(root, files, {command: session?.options.command ?? 'concord', ...(session?.options.onStep ? {onStep: session.options.onStep} : {})})
}
