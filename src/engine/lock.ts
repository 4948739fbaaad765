import {linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import {dirname, join} from 'node:path'
import {sleepSync} from './durable-fs.js'
import {STATE_DIR} from './journal.js'

/**
 * The project lock, `.concord/lock`: one writing command at a time.
 *
 * Not proper-lockfile: its staleness test is the lock's mtime, refreshed by
 * a timer, and Concord's commands are synchronous (a long `segment` holds the
 * event loop for seconds), so the timer would not run and a live lock would
 * look stale. A killed process (kill -9, a closed laptop) would also block
 * everyone for the whole stale period. Here the lock file names its owner's
 * pid and host, and a lock whose process is gone on this host is stale at
 * once. The file is created complete and atomically (`link` fails when the
 * name exists), so a reader never sees a half-written owner.
 */
export const LOCK = `${STATE_DIR}/lock`

export interface LockOwner {
  pid: number
  host: string
  command: string
  /** ISO time the lock was taken. */
  since: string
}

export interface LockOptions {
  command: string
  /** How long to wait for another command's lock, in milliseconds. */
  waitMs: number
  /** Called once, when the lock is held by another process and we start waiting. */
  onWait?: (owner: LockOwner | undefined) => void
}

/** A held lock: release it when the command is done (also done at process exit). */
export interface HeldLock {
  release(): void
}

/** The lock's owner, or undefined when there is no lock or its file cannot be read. */
export function readOwner(root: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(root, LOCK), 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : undefined
  } catch {
    return undefined
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A lock is stale when its process is gone (on this host), or when it is unreadable and older than a minute (its writer died mid-way). */
function isStale(root: string, owner: LockOwner | undefined): boolean {
  if (owner) return owner.host === hostname() && !alive(owner.pid)
  const age = Date.now() - (statSync(join(root, LOCK), {throwIfNoEntry: false})?.mtimeMs ?? Date.now())
  return age > 60_000
}

/** Take the lock if it is free; a stale one is broken, and then the caller tries again at once. */
function tryAcquire(root: string, owner: LockOwner): 'held' | 'busy' | 'broken' | 'read-only' {
  const path = join(root, LOCK)
  const temp = `${path}.${process.pid}`
  // Not flushed: after a crash the lock is stale anyway (its process is gone).
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(temp, JSON.stringify(owner) + '\n')
  try {
    linkSync(temp, path)
    return 'held'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    rmSync(temp, {force: true})
  }
  const held = readOwner(root)
  if (!isStale(root, held)) return 'busy'
  // Moved aside atomically, so that of two processes breaking it, one does; then checked, in case it was a fresh lock taken in between.
  const aside = `${path}.stale-${process.pid}`
  try {
    renameSync(path, aside)
  } catch (error) {
    // Gone: another process broke it first. Anything else: wait, as for a live lock (and time out with the message).
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'broken' : 'busy'
  }
  let taken: LockOwner | undefined
  try {
    taken = JSON.parse(readFileSync(aside, 'utf8')) as LockOwner
  } catch {
    taken = undefined
  }
  if (held && taken && (taken.pid !== held.pid || taken.since !== held.since)) {
    try {
      linkSync(aside, path)
    } catch {
      // Its owner's lock was replaced meanwhile; nothing better to do than leave the new one.
    }
  }
  rmSync(aside, {force: true})
  return 'broken'
}

/** Take the project lock, waiting up to `waitMs` for another command; undefined when it stays held. */
export function acquireLock(root: string, {command, waitMs, onWait}: LockOptions): HeldLock | undefined {
  const owner: LockOwner = {pid: process.pid, host: hostname(), command, since: new Date().toISOString()}
  const deadline = Date.now() + waitMs
  let told = false
  const attempt = (): ReturnType<typeof tryAcquire> => {
    try {
      return tryAcquire(root, owner)
    } catch (error) {
      // A project nobody may write to (a read-only checkout, built with `--out` elsewhere) needs no lock: no command can change it.
      if (['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) return 'read-only'
      throw error
    }
  }
  for (let state = attempt(); state !== 'held'; state = attempt()) {
    if (state === 'read-only') return {release: () => {}}
    if (state === 'broken') continue
    if (Date.now() >= deadline) return undefined
    if (!told) {
      onWait?.(readOwner(root))
      told = true
    }
    sleepSync(Math.min(100, Math.max(1, deadline - Date.now())))
  }
  let held = true
  const release = (): void => {
    if (!held) return
    held = false
    process.removeListener('exit', release)
    // Only our own lock: never one that was (wrongly) broken and taken by another process.
    if (readOwner(root)?.pid === process.pid) rmSync(join(root, LOCK), {force: true})
  }
  process.on('exit', release)
  return {release}
}
