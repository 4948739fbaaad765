import {existsSync, readdirSync, watch, type FSWatcher} from 'node:fs'
import type {ServerResponse} from 'node:http'
import {join, relative} from 'node:path'
import {defaults} from '../core/options.js'
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
 * Each folder is watched on its own, not with `recursive`: Node 20's
 * recursive watch on Linux watches files, and stops seeing one once it is
 * replaced by a rename, which is how every save (ours, an import, most
 * editors) writes it.
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
  const watchers = new Map<string, FSWatcher>()
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
    if (name !== null && !isInput(path)) return
    if (folder === root && name !== CONFIG_FILE) return
    changed.add(relative(root, path))
    // A new language folder is watched too.
    if (folder === locales) follow()
    if (timer) clearTimeout(timer)
    timer = setTimeout(send, debounceMs)
  }
  const add = (folder: string): void => {
    if (watchers.has(folder) || !existsSync(folder)) return
    try {
      const watcher = watch(folder, (_event, name) => note(folder, name === null ? null : String(name)))
      watcher.on('error', () => watchers.delete(folder))
      watchers.set(folder, watcher)
    } catch {
      // A folder removed meanwhile: nothing to watch.
    }
  }
  const follow = (): void => {
    if (!existsSync(locales)) return
    for (const entry of readdirSync(locales, {withFileTypes: true})) if (entry.isDirectory()) add(join(locales, entry.name))
  }
  for (const folder of [root, join(root, options.contentDir), locales]) add(folder)
  follow()

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
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
      for (const page of pages) page.end()
      pages.clear()
    }
  }
}
