import {parentPort, workerData} from 'node:worker_threads'
import type {Edition, Renderer} from '../editions/align.js'
import {renderers} from '../editions/registry.js'
import type {Format, Options} from '../core/options.js'
import type {SegmentedDocument} from '../core/types.js'
import {drainAdded, shapingStore, type ShapingData} from '../pdf/shaping-cache.js'
import {createUiStrings, type UiResources} from '../core/ui-strings.js'
import {renderContext} from './render-context.js'
import {serializeError, type SerializedError} from './reporter.js'
import {preloadShaping} from './shaping-file.js'
import {subsetFileStore} from './subset-file.js'

/**
 * A build worker thread: holds the documents and editions it was sent once,
 * then renders one output file per job, as the main thread would, and
 * sends back the file and the paths the renderer offered. It is given plain
 * data (no project): what the renderers need and where the caches are.
 */
export interface WorkerSetup {
  root: string
  options: Options
  resources: UiResources
  /** The value of SOURCE_DATE_EPOCH the build was given. */
  sourceDateEpoch?: string
  /** The shaping cache file to start from (see shaping-file.ts). */
  shaping?: string
  /** The folder of font subsets (see subset-file.ts). */
  subsets?: string
}

export type ToWorker = {type: 'document'; index: number; document: SegmentedDocument; editions: Edition[]} | {type: 'job'; id: number; document: number; format: Format; path: string}

export type FromWorker =
  | {type: 'done'; id: number; files: Array<{path: string; content: string | Uint8Array}>; offered: string[]; shapes: ShapingData}
  | {type: 'error'; id: number; error: SerializedError}

if (parentPort) {
  const port = parentPort
  const setup = workerData as WorkerSetup
  const t = createUiStrings(setup.resources, setup.options.sourceLanguage)
  const context = renderContext(setup.root, setup.sourceDateEpoch, setup.subsets ? subsetFileStore(setup.subsets) : undefined)
  const made = new Map<Format, Renderer>()
  const documents: Array<{document: SegmentedDocument; editions: Edition[]}> = []
  if (setup.shaping) preloadShaping(setup.shaping)

  port.on('message', (message: ToWorker) => {
    if (message.type === 'document') {
      documents[message.index] = {document: message.document, editions: message.editions}
      return
    }
    void (async () => {
      try {
        const {document, editions} = documents[message.document]!
        let render = made.get(message.format)
        if (!render) made.set(message.format, (render = renderers[message.format](context)))
        const offered: string[] = []
        const only = (path: string): boolean => {
          offered.push(path)
          return path === message.path
        }
        const files = await render({document, editions, options: setup.options, t, only})
        port.postMessage({type: 'done', id: message.id, files: files.map((f) => ({path: f.path, content: f.content})), offered, shapes: drainAdded(shapingStore())} satisfies FromWorker)
      } catch (error) {
        port.postMessage({type: 'error', id: message.id, error: serializeError(error)} satisfies FromWorker)
      }
    })()
  })
}
