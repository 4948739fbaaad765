import {parentPort, workerData} from 'node:worker_threads'
import type {Edition, Renderer} from '../editions/align.js'
import type {Format, Options} from '../core/options.js'
import type {SegmentedDocument} from '../core/types.js'
import {drainAdded, shapingStore, type ShapingData} from '../pdf/shaping-cache.js'
import {useSubsetStore} from '../pdf/subset-cache.js'
import {createUiStrings, type UiResources} from '../core/ui-strings.js'
import {renderers} from '../cli/commands/build.js'
import type {Project} from './project.js'
import {preloadShaping} from './shaping-file.js'
import {subsetFileStore} from './subset-file.js'

/**
 * A build worker thread: holds the documents and editions it was sent once,
 * then renders one output file per job, as the main thread would, and
 * sends back the file and the paths the renderer offered.
 */
export interface WorkerSetup {
  root: string
  options: Options
  resources: UiResources
  /** The shaping cache file to start from (see shaping-file.ts). */
  shaping?: string
  /** The folder of font subsets (see subset-file.ts). */
  subsets?: string
}

export type ToWorker =
  | {type: 'document'; index: number; document: SegmentedDocument; editions: Edition[]}
  | {type: 'job'; id: number; document: number; format: Format; path: string}

export type FromWorker =
  | {type: 'done'; id: number; files: Array<{path: string; content: string | Uint8Array}>; offered: string[]; shapes: ShapingData}
  | {type: 'error'; id: number; error: SerializedError}

export interface SerializedError {
  kind: 'vfile' | 'usage' | 'other'
  name: string
  message: string
  stack?: string
  /** Own fields of a VFileMessage (place, ruleId, file, fatal…). */
  fields?: Record<string, unknown>
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return {kind: 'other', name: 'Error', message: String(error)}
  const kind = error.constructor.name === 'VFileMessage' ? 'vfile' : error.constructor.name === 'UsageError' ? 'usage' : 'other'
  const fields = kind === 'vfile' ? JSON.parse(JSON.stringify({...error})) as Record<string, unknown> : undefined
  return {kind, name: error.name, message: error.message, ...(error.stack ? {stack: error.stack} : {}), ...(fields ? {fields} : {})}
}

if (parentPort) {
  const port = parentPort
  const setup = workerData as WorkerSetup
  const t = createUiStrings(setup.resources, setup.options.sourceLanguage)
  const project = {root: setup.root, options: setup.options, documents: []} as unknown as Project
  const made = new Map<Format, Renderer>()
  const documents: Array<{document: SegmentedDocument; editions: Edition[]}> = []
  if (setup.shaping) preloadShaping(setup.shaping)
  if (setup.subsets) useSubsetStore(subsetFileStore(setup.subsets))

  port.on('message', (message: ToWorker) => {
    if (message.type === 'document') {
      documents[message.index] = {document: message.document, editions: message.editions}
      return
    }
    void (async () => {
      try {
        const {document, editions} = documents[message.document]!
        let render = made.get(message.format)
        if (!render) made.set(message.format, (render = renderers[message.format]!(project)))
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
