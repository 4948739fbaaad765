import {readdirSync, statSync, watch, type FSWatcher} from 'node:fs'
import {join} from 'node:path'

/**
 * Folders watched one by one, each with its own non-recursive `fs.watch`,
 * and their subfolders too when asked, including subfolders created later.
 *
 * Not `fs.watch(folder, {recursive: true})`: Node 20's recursive watch on
 * Linux watches each file, and stops seeing one once it is replaced by a
 * rename, which is how every save writes it (ours, an import, most editors).
 * A folder's own watch sees a new file under the same name.
 */
export interface FolderWatch {
  /** Watch `folder` (if it exists and is not watched yet), and with `subfolders` everything under it. */
  add(folder: string, subfolders?: boolean): void
  close(): void
}

/** `change(folder, name)`: something named `name` changed in `folder` (`null`: the platform did not say what). */
export type FolderChange = (folder: string, name: string | null) => void

interface Watched {
  watcher: FSWatcher
  /** The folder's inode: a folder removed and made again under the same name is watched again. */
  ino: number
}

const inode = (path: string): number | null => {
  try {
    const stat = statSync(path)
    return stat.isDirectory() ? stat.ino : null
  } catch {
    return null
  }
}

export function watchFolders(change: FolderChange, stopped: (folder: string, error: Error) => void = () => undefined): FolderWatch {
  const watched = new Map<string, Watched>()
  const add = (folder: string, subfolders = true): void => {
    const ino = inode(folder)
    const known = watched.get(folder)
    if (ino === null || known?.ino === ino) return
    known?.watcher.close()
    try {
      const watcher = watch(folder, (_event, name) => {
        // A new (or replaced) subfolder is watched too.
        if (subfolders && name && !String(name).startsWith('.')) add(join(folder, String(name)), true)
        change(folder, name === null ? null : String(name))
      })
      watcher.on('error', (error) => {
        watched.delete(folder)
        stopped(folder, error)
      })
      watched.set(folder, {watcher, ino})
    } catch {
      // Removed meanwhile: nothing to watch.
      return
    }
    if (!subfolders) return
    try {
      // Hidden folders (a cache, `.git`) hold no inputs.
      for (const entry of readdirSync(folder, {withFileTypes: true})) if (entry.isDirectory() && !entry.name.startsWith('.')) add(join(folder, entry.name), true)
    } catch {
      // Removed meanwhile.
    }
  }
  return {
    add,
    close() {
      for (const {watcher} of watched.values()) watcher.close()
      watched.clear()
    }
  }
}
