import {VFile} from 'vfile'
import {defaults} from '../core/options.js'
import {findTemps, hasJournal, recover} from './recovery.js'
import {acquireLock, LOCK, readOwner, type HeldLock, type LockOwner} from './lock.js'
import {changedSince, snapshotInputs, type InputSnapshot} from './input-snapshot.js'
import {TXN_TEMP, toRelative} from './journal.js'
import {commitFiles, type CommitOptions, type FileOutput} from './transaction.js'
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
  return new VFile({path: LOCK}).fail(
    `Unexpected lock held by ${describeOwner(owner)}${owner ? ` since ${owner.since}` : ''}, expected it free within ${Math.round(waitMs / 1000)} s; nothing written: run again when that command is done, or with \`--wait <seconds>\`; if no concord command is running, delete \`${LOCK}\``,
    {place: {line: 1, column: 1}, ruleId: 'project-locked', source: 'concord'}
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
    for (const temp of temps) options.notify(`${toRelative(root, temp)}: leftover temp file of an interrupted write; it may hold the only copy of some text: compare it with ${toRelative(root, temp).replace(/\.tmp-.*$/, '')}, then delete it`)
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
      const more = changed.length > 1 ? ` (and ${changed.length - 1} more: ${changed.slice(1, 4).map((c) => `\`${c}\``).join(', ')}${changed.length > 4 ? ', …' : ''})` : ''
      new VFile({path: changed[0]}).fail(
        `Unexpected change of \`${changed[0]}\`${more} since \`concord ${session.options.command}\` read it, expected the files as read; nothing written: run the ${session.options.command} again`,
        {place: {line: 1, column: 1}, ruleId: 'changed-since-read', source: 'concord'}
      )
    }
  }
  return commitFiles(root, files, {command: session?.options.command ?? 'concord', ...(session?.options.onStep ? {onStep: session.options.onStep} : {})})
}
