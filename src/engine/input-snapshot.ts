import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {readIfExists, sha256} from './durable-fs.js'
import {toRelative} from './journal.js'

/**
 * The content hash of every input file of a project (the config, content/
 * and locales/), taken before a command reads them and compared again just
 * before it commits. Anything that changed in between (a translator's editor
 * saving, `git checkout`) was read in an older version, and writing the
 * command's results would overwrite the change. A superset of what the
 * command reads: a file changed before it was read only costs a redo.
 */
export type InputSnapshot = Map<string, string>

function listFiles(dir: string, into: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) listFiles(path, into)
    else if (!entry.name.includes('.tmp-')) into.push(path)
  }
}

export function snapshotInputs(root: string, folders: string[], files: string[]): InputSnapshot {
  const paths: string[] = files.map((f) => join(root, f))
  for (const folder of new Set(folders)) listFiles(join(root, folder), paths)
  const snapshot: InputSnapshot = new Map()
  for (const path of paths) {
    const bytes = readIfExists(path)
    if (bytes !== undefined) snapshot.set(toRelative(root, path), sha256(bytes))
  }
  return snapshot
}

/** Project-relative paths added, removed or changed since `before`, sorted. */
export function changedSince(before: InputSnapshot, after: InputSnapshot): string[] {
  const changed = new Set<string>()
  for (const [path, hash] of before) if (after.get(path) !== hash) changed.add(path)
  for (const path of after.keys()) if (!before.has(path)) changed.add(path)
  return [...changed].sort()
}
