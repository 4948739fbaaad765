import {createRequire} from 'node:module'
import {Worker} from 'node:worker_threads'

/**
 * subset-font on a thread of its own. HarfBuzz (WebAssembly) takes tens to
 * hundreds of milliseconds for a Korean or Japanese subset, which the main thread spends rendering pages meanwhile (the pages
 * start their document's subsets before they render, see web-fonts.ts). The
 * thread reads the fonts itself and holds nothing else; it keeps the process
 * alive only while it has work.
 */
const require = createRequire(import.meta.url)

// CommonJS run as it is (`eval`): no file to find next to this module, bundled or not.
const CODE = `
const {parentPort, workerData} = require('node:worker_threads')
const {readFileSync} = require('node:fs')
const subsetFont = require(workerData.subsetFont)
const fonts = new Map()
parentPort.on('message', ({id, path, text, options}) => {
  let font = fonts.get(path)
  if (!font) fonts.set(path, (font = readFileSync(path)))
  subsetFont(font, text, options).then(
    (data) => parentPort.postMessage({id, data}),
    (error) => parentPort.postMessage({id, error: String((error && error.stack) || error)})
  )
})
`

export interface SubsetOptions {
  targetFormat: 'truetype'
  keepFeatures: string[]
}

interface Reply {
  id: number
  data?: Uint8Array
  error?: string
}

let worker: Worker | undefined
const waiting = new Map<number, {resolve: (data: Uint8Array) => void; reject: (error: Error) => void}>()
let next = 0

function thread(): Worker {
  if (worker) return worker
  const started = new Worker(CODE, {eval: true, workerData: {subsetFont: require.resolve('subset-font')}})
  const fail = (error: Error): void => {
    for (const job of waiting.values()) job.reject(error)
    waiting.clear()
    if (worker === started) worker = undefined
  }
  started.on('message', ({id, data, error}: Reply) => {
    const job = waiting.get(id)
    waiting.delete(id)
    if (waiting.size === 0) started.unref()
    if (error !== undefined || !data) job?.reject(new Error(`subset-font failed: ${error}`))
    else job?.resolve(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  })
  started.on('error', fail)
  started.on('exit', (code) => fail(new Error(`The font subsetting thread stopped (exit code ${code})`)))
  started.unref()
  return (worker = started)
}

/** The subset of the font file at `path` with the characters of `text`, made on the subsetting thread. */
export function subsetInThread(path: string, text: string, options: SubsetOptions): Promise<Uint8Array> {
  const target = thread()
  const id = next++
  return new Promise((resolve, reject) => {
    waiting.set(id, {resolve, reject})
    target.ref()
    target.postMessage({id, path, text, options})
  })
}
