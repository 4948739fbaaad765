import type {ServerResponse} from 'node:http'
import {join, relative} from 'node:path'
import {defaults} from '../core/options.js'
import {watchFolders} from '../engine/folder-watch.js'
import {CONFIG_FILE, loadProjectOptions} from '../engine/project.js'
import {isInput} from '../engine/watch.js'
import {SECURITY_HEADERS} from './guard.js'

/**
 * Changes on disk pushed to the open pages (server-sent events), so a page
 * never shows an old text as current: the config, content/, locales/ and
 * each language's folder are watched, changes gathered for `debounceMs` of
 * quiet, and each page then loads its document's segments again, keeping
 * what its translator is typing (see the client). Our own saves come back
 * this way too; the page sees the version it already has.
 *
 * Each folder is watched on its own, not with `recursive` (see
 * folder-watch.ts): a save replaces the file by a rename.
 */
export interface Events {
  /** Take a request for `/api/events` as a stream. */
  attach(response: ServerResponse): void
  close(): void
}

export function watchProject(root: string, debounceMs = 150): Events {
  const pages = new Set<ServerResponse>()
  let options = defaults()
  try {
    options = loadProjectOptions(root)
  } catch {
    // The page shows the config's message when it loads; the default folders are watched meanwhile.
  }
  const locales = join(root, options.localesDir)
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined

  const send = (): void => {
    timer = undefined
    const data = JSON.stringify({changed: [...changed].sort()})
    changed.clear()
    for (const page of pages) page.write(`event: changed\ndata: ${data}\n\n`)
  }
  const note = (folder: string, name: string | null): void => {
    const path = join(folder, name ?? '')
    // At the top only the config counts (a dot file, which isInput leaves out).
    if (folder === root ? name !== CONFIG_FILE : name !== null && !isInput(path)) return
    changed.add(relative(root, path))
    if (timer) clearTimeout(timer)
    timer = setTimeout(send, debounceMs)
  }
  const watchers = watchFolders(note)
  watchers.add(root, false)
  watchers.add(join(root, options.contentDir), false)
  // Each language's folder, including one made later.
  watchers.add(locales)

  return {
    attach(response) {
      response.writeHead(200, {...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive'})
      // A dropped stream is opened again by the browser after a second.
      response.write('retry: 1000\n\n')
      pages.add(response)
      response.on('close', () => pages.delete(response))
    },
    close() {
      if (timer) clearTimeout(timer)
      watchers.close()
      for (const page of pages) page.end()
      pages.clear()
    }
  }
}
