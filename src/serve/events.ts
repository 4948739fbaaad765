import type {ServerResponse} from 'node:http'
import {join} from 'node:path'
import {CONFIG_FILE, loadProjectOptions} from '../engine/project.js'
import {defaults} from '../core/options.js'
import {watchAndRun, type Watch} from '../engine/watch.js'
import {SECURITY_HEADERS} from './guard.js'

/**
 * Changes on disk pushed to the open pages (server-sent events), so a page
 * never shows an old text as current: content/, locales/ and the config are
 * watched (watch.ts: recursive, debounced, temp files ignored), and each
 * page reloads the segments of its document and keeps what its translator
 * is typing (see the client). Our own saves come back this way too; the
 * page sees the version it already has.
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
  const quiet = {info: () => undefined, failure: () => undefined}
  const watch: Watch = watchAndRun(
    {root, folders: [join(root, options.contentDir), join(root, options.localesDir)], files: [join(root, CONFIG_FILE)], debounceMs, reporter: quiet},
    async (changed) => {
      const data = JSON.stringify({changed})
      for (const page of pages) page.write(`event: changed\ndata: ${data}\n\n`)
    }
  )
  return {
    attach(response) {
      response.writeHead(200, {...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive'})
      // A dropped stream is opened again by the browser after a second.
      response.write('retry: 1000\n\n')
      pages.add(response)
      response.on('close', () => pages.delete(response))
    },
    close() {
      watch.close()
      for (const page of pages) page.end()
      pages.clear()
    }
  }
}
