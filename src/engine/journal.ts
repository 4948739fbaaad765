import {readFileSync, rmSync} from 'node:fs'
import {isAbsolute, join, normalize, relative, sep} from 'node:path'
import {replaceDurably, sha256, syncDir, toBytes} from './durable-fs.js'

/**
 * The intent of a commit, `.concord/journal.json`: which temp file becomes
 * which project file, with the checksum of each temp's bytes. It is written
 * (atomically, durably) only once every temp file is durable, so a journal
 * that exists describes a commit that can always be completed.
 */
export const STATE_DIR = '.concord'
export const JOURNAL = `${STATE_DIR}/journal.json`
const FORMAT = 1

/** The marker of a commit's temp files: `<file>.tmp-txn-<pid>`. Other `*.tmp-*` files are not ours to delete. */
export const TXN_TEMP = /\.tmp-txn-\d+$/

export const tempFor = (path: string, pid = process.pid): string => `${path}.tmp-txn-${pid}`

export interface Rename {
  /** Project-relative, `/`-separated. */
  temp: string
  target: string
  sha256: string
  bytes: number
}

export interface Journal {
  format: number
  pid: number
  command: string
  renames: Rename[]
  checksum: string
}

const checksumOf = (journal: Omit<Journal, 'checksum'>): string => sha256(JSON.stringify({format: journal.format, pid: journal.pid, command: journal.command, renames: journal.renames}))

export const toRelative = (root: string, path: string): string => relative(root, path).split(sep).join('/')

/** Write the journal durably: after this returns, a crash at any point leaves a commit that recovery completes. */
export function writeJournal(root: string, command: string, renames: Rename[]): void {
  const body = {format: FORMAT, pid: process.pid, command, renames}
  const text = JSON.stringify({...body, checksum: checksumOf(body)}, null, 1) + '\n'
  const path = join(root, JOURNAL)
  replaceDurably(path, toBytes(text), tempFor(path))
}

export function removeJournal(root: string): void {
  rmSync(join(root, JOURNAL), {force: true})
  syncDir(join(root, STATE_DIR))
}

/** A project-relative path that stays inside the project (a journal is a file anyone could have edited). */
function inside(root: string, path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '' || isAbsolute(path) || path.includes('\0')) return undefined
  const resolved = normalize(join(root, path))
  const rel = relative(root, resolved)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? resolved : undefined
}

export type ReadJournal = {ok: true; journal: Journal; paths: Array<{temp: string; target: string}>} | {ok: false; reason: string}

/** Read and check the journal: its checksum, and that each rename is a commit temp file onto its own target inside the project. */
export function readJournal(root: string): ReadJournal {
  let data: Journal
  try {
    data = JSON.parse(readFileSync(join(root, JOURNAL), 'utf8')) as Journal
  } catch (error) {
    return {ok: false, reason: `it cannot be read as JSON (${(error as Error).message})`}
  }
  if (typeof data !== 'object' || data === null || data.format !== FORMAT || !Array.isArray(data.renames)) return {ok: false, reason: `it is not a format ${FORMAT} journal`}
  if (data.checksum !== checksumOf(data)) return {ok: false, reason: 'its checksum does not match its content'}
  const paths: Array<{temp: string; target: string}> = []
  for (const rename of data.renames) {
    const temp = inside(root, rename?.temp)
    const target = inside(root, rename?.target)
    if (!temp || !target || !TXN_TEMP.test(temp) || temp.replace(TXN_TEMP, '') !== target || typeof rename.sha256 !== 'string') {
      return {ok: false, reason: `it lists a rename that is not one of a commit's (\`${String(rename?.temp)}\`)`}
    }
    paths.push({temp, target})
  }
  return {ok: true, journal: data, paths}
}
