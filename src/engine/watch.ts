import {basename, dirname, join, relative, sep} from 'node:path'
import {defaults} from '../core/options.js'
import {build, type BuildOptions} from './build.js'
import {watchFolders} from './folder-watch.js'
import {CONFIG_FILE, loadProjectOptions} from './project.js'
import {UsageError, type Reporter} from './reporter.js'

/**
 * Watch mode: run again when the inputs change. Folders are watched with
 * their subfolders, each folder on its own (see folder-watch.ts); single
 * files through their folder, because editors save by writing a new file
 * and renaming it over the old one. Changes are gathered
 * for `debounceMs` of quiet, so a save that touches several files (or a
 * `git checkout`) gives one run; a change during a run gives one more run
 * after it. A failing run prints its messages and the watch goes on.
 */
export interface WatchSpec {
  root: string
  /** Folders watched with everything under them. */
  folders: string[]
  /** Files watched through their folder. */
  files: string[]
  /** Quiet time before a run, in ms. Default 150. */
  debounceMs?: number
  /** Where the watch says what it does, and a failed run its messages. */
  reporter: Pick<Reporter, 'info' | 'failure'>
}

export interface Watch {
  /** Resolves when the watch is closed (Ctrl+C, or `close()`). */
  closed: Promise<void>
  close(): void
}

/** Editors' and our own temporary files, swap files and backups are not inputs. */
export const isInput = (path: string): boolean => {
  const name = basename(path)
  return !/\.tmp-(txn-)?\d+$/.test(name) && !/^(\.#|#)|~$|\.sw[a-p]$|^4913$/.test(name) && !name.startsWith('.')
}

export function watchAndRun(spec: WatchSpec, run: (changed: string[]) => Promise<void>): Watch {
  const debounce = spec.debounceMs ?? 150
  const {info} = spec.reporter
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running = false
  let finish: () => void = () => undefined
  const closed = new Promise<void>((resolve) => (finish = resolve))

  const flush = async (): Promise<void> => {
    timer = undefined
    if (running || changed.size === 0) return
    running = true
    const paths = [...changed].sort()
    changed.clear()
    info(`watch: ${paths.length === 1 ? paths[0] : `${paths.length} files`} changed; rebuilding`)
    try {
      await run(paths)
    } catch (error) {
      spec.reporter.failure(error)
    } finally {
      running = false
      if (changed.size > 0) schedule()
      else info('watch: waiting for changes (Ctrl+C to stop)')
    }
  }
  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), debounce)
  }
  const note = (path: string, named = false): void => {
    if (!named && !isInput(path)) return
    changed.add(relative(spec.root, path) || path)
    if (!running) schedule()
  }

  const files = new Set(spec.files)
  const inFolders = (path: string): boolean => spec.folders.some((folder) => path === folder || path.startsWith(folder + sep))
  const watchers = watchFolders(
    (folder, name) => {
      const path = name === null ? folder : join(folder, name)
      if (files.has(path)) note(path, true)
      else if (inFolders(path)) note(path)
    },
    (folder, error) => info(`watch: stopped watching ${relative(spec.root, folder)}: ${error.message}`)
  )
  for (const folder of spec.folders) watchers.add(folder)
  for (const file of spec.files) watchers.add(dirname(file), false)

  const close = (): void => {
    if (timer) clearTimeout(timer)
    watchers.close()
    process.off('SIGINT', close)
    process.off('SIGTERM', close)
    finish()
  }
  process.on('SIGINT', close)
  process.on('SIGTERM', close)
  info('watch: waiting for changes (Ctrl+C to stop)')
  return {closed, close}
}

/**
 * `build --watch`: build, then build again whenever an input changes, until
 * Ctrl+C. A failing build (a content error, a half-saved file) reports its
 * messages and the watch goes on. After editing content/, run
 * `concord segment`: its registry update is picked up like any change.
 */
export async function watchBuild(options: BuildOptions & {reporter: Reporter}): Promise<void> {
  const {root, reporter} = options
  await build(options).catch((error: unknown) => {
    // A mistake in the command line will not fix itself: stop (exit code 2).
    if (error instanceof UsageError) throw error
    reporter.failure(error)
  })
  let project = defaults()
  try {
    project = loadProjectOptions(root)
  } catch (error) {
    reporter.failure(error)
  }
  const folders = [join(root, project.contentDir), join(root, project.localesDir)]
  const watching = watchAndRun({root, folders, files: [join(root, CONFIG_FILE)], reporter}, () => build(options))
  await watching.closed
}
