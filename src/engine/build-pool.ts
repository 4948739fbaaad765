import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {Edition, RenderedFile, Renderer} from '../editions/align.js'
import type {Format, Options} from '../core/options.js'
import type {SegmentedDocument} from '../core/types.js'
import type {Translate, UiResources} from '../core/ui-strings.js'
import type {FromWorker, ToWorker, WorkerSetup} from './build-worker.js'
import {reviveError} from './reporter.js'
import {addShaping} from './shaping-file.js'

/**
 * Where the files of a build are rendered. Markdown and HTML are rendered in
 * this thread, where every segment text is parsed once for all editions and
 * formats (in workers each would parse them again: measured, two workers
 * were no faster than one thread for a 1 MB book). PDFs, whose layout costs
 * far more than parsing, go to worker threads (one per core) when there is
 * enough to print for that to pay; a short statement loses more to starting
 * workers and loading fonts in each than it gains.
 */
export interface Job {
  /** Index into the documents the executor was made with. */
  document: number
  format: Format
  path: string
  /** The paths of the same document and format rendered in the same round (RenderInput.batch). */
  batch?: readonly string[]
}

export interface JobResult {
  files: RenderedFile[]
  /** Every path the renderer offered (its full list of files). */
  offered: string[]
}

export interface Executor {
  run(job: Job): Promise<JobResult>
  /** The queue a job waits in, and how many jobs of that queue may run at once. */
  lane(job: Job): {name: string; concurrency: number}
  close(): Promise<void>
}

export interface ExecutorInput {
  root: string
  documents: Array<{document: SegmentedDocument; editions: Edition[]}>
  renderers: Array<{format: Format; render: Renderer}>
  options: Options
  resources: UiResources
  t: Translate
  /** The value of SOURCE_DATE_EPOCH, for the workers' PDF renderers. */
  sourceDateEpoch?: string
  /** The shaping cache file workers start from. */
  shaping?: string
  /** The folder of font subsets workers share. */
  subsets?: string
}

export function inProcessExecutor(input: ExecutorInput): Executor {
  return {
    lane: () => ({name: 'main', concurrency: 1}),
    async run(job) {
      // Rendering blocks this thread: first let jobs bound for workers be sent.
      await new Promise((resolve) => setImmediate(resolve))
      const {document, editions} = input.documents[job.document]!
      const render = input.renderers.find((r) => r.format === job.format)!.render
      const offered: string[] = []
      const only = (path: string): boolean => {
        offered.push(path)
        return path === job.path
      }
      return {files: await render({document, editions, options: input.options, t: input.t, only, batch: job.batch}), offered}
    },
    close: async () => undefined
  }
}

/** PDFs on `threads` worker threads, everything else in this thread. */
export function mixedExecutor(input: ExecutorInput, threads: number): Executor {
  const here = inProcessExecutor(input)
  let workers: Executor | undefined
  return {
    lane: (job) => (job.format === 'pdf' ? {name: 'pdf', concurrency: threads} : {name: 'main', concurrency: 1}),
    run: (job) => (job.format === 'pdf' ? (workers ??= workerExecutor(input, threads)).run(job) : here.run(job)),
    close: async () => void (await workers?.close())
  }
}

export function workerExecutor(input: ExecutorInput, threads: number): Executor {
  const setup: WorkerSetup = {
    root: input.root,
    options: input.options,
    resources: input.resources,
    ...(input.sourceDateEpoch !== undefined ? {sourceDateEpoch: input.sourceDateEpoch} : {}),
    ...(input.shaping ? {shaping: input.shaping} : {}),
    ...(input.subsets ? {subsets: input.subsets} : {})
  }
  // Through engine/: the same file from this module and from the CLI bundle, dist/cli/concord.cjs (see tooling/bundle.ts).
  const url = new URL('../engine/build-worker.js', import.meta.url)
  const idle: Worker[] = []
  const waiting: Array<(worker: Worker) => void> = []
  const pending = new Map<number, {resolve: (r: JobResult) => void; reject: (e: Error) => void; worker: Worker}>()
  let next = 0
  const release = (worker: Worker): void => {
    const taker = waiting.shift()
    if (taker) taker(worker)
    else idle.push(worker)
  }
  const workers = Array.from({length: threads}, () => {
    const worker = new Worker(url, {workerData: setup})
    input.documents.forEach(({document, editions}, index) => {
      // A plain object: the tree may be a getter that parses on first use.
      const plain = {id: document.id, path: document.path, meta: {...document.meta}, tree: document.tree, segments: document.segments, anchors: document.anchors}
      worker.postMessage({type: 'document', index, document: plain, editions} satisfies ToWorker)
    })
    worker.on('message', (message: FromWorker) => {
      const job = pending.get(message.id)
      if (!job) return
      pending.delete(message.id)
      release(worker)
      if (message.type === 'done') {
        addShaping(message.shapes)
        job.resolve({files: message.files, offered: message.offered})
      } else {
        job.reject(reviveError(message.error))
      }
    })
    worker.on('error', (error) => {
      for (const [id, job] of pending) if (job.worker === worker) pending.delete(id), job.reject(error)
    })
    idle.push(worker)
    return worker
  })
  const take = (): Promise<Worker> => new Promise((resolve) => (idle.length > 0 ? resolve(idle.shift()!) : waiting.push(resolve)))
  return {
    lane: () => ({name: 'workers', concurrency: threads}),
    async run(job) {
      const worker = await take()
      const id = next++
      return new Promise<JobResult>((resolve, reject) => {
        pending.set(id, {resolve, reject, worker})
        worker.postMessage({type: 'job', id, document: job.document, format: job.format, path: job.path} satisfies ToWorker)
      })
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate())))
  }
}

/**
 * PDF threads when `--jobs` is not given: one per core when there is enough
 * text to print for workers to pay for their start (loading fonts, copying
 * the documents to them), else none.
 */
export function chooseThreads(documents: Array<{editions: Edition[]}>, formats: readonly string[], cores = availableParallelism()): number {
  if (!formats.includes('pdf') || cores < 2) return 1
  let characters = 0
  for (const {editions} of documents) for (const edition of editions) for (const block of edition.blocks) for (const s of block.segments) characters += s.text.length
  return characters >= PDF_THRESHOLD ? cores : 1
}

/** Characters of edition text from which PDF workers pay (measured with `npm run bench`). */
const PDF_THRESHOLD = 200_000
