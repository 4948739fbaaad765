import {statSync} from 'node:fs'
import {relative} from 'node:path'
import {Worker} from 'node:worker_threads'
import type {Options} from '../core/options.js'
import type {Actor} from '../translations/provenance.js'
import {localePathsIn, readLocaleFiles, syncRead, type LocaleSync} from './locale-job.js'
import {readLocaleRecords, registryTextDigest, type LocaleRecords} from './locale-digest.js'
import {claimJob, type FromLocaleWorker, type LocaleJobSpec, type LocaleReply, type LocaleVerdict, type LocaleWorkerData} from './locale-worker.js'
import {checkLocaleFolders} from './locales-sync.js'
import {registryPaths, type Project} from './project.js'
import {reviveError} from './reporter.js'

/**
 * `segment`'s work on the locales: every document's locale in every target
 * language read, tracked against the reconciled registry, and written back
 * (or, with `check`, compared with the files as read).
 *
 * A book's locales are most of what `segment` reads: 10 MB of Markdown
 * comes with 60 MB of locale files in three languages. With two threads or
 * more and at least `LOCALES_PARALLEL_FROM` bytes of locale files, one
 * worker starts with the run and reads and parses locales while this
 * thread segments the Markdown; then both take locales from one queue,
 * largest first, until none is left. Results are put together in document and language
 * order, so the files, the report and the first error are those of one
 * thread. (Two workers beside this thread were slower on two cores: three
 * threads contending, each parsing the registry again.)
 */
export const LOCALES_PARALLEL_FROM = 4 * 1024 * 1024

/** Measured on the 10 MB benchmark: 64 MB took about 3% off `segment --check` beside V8's default. */
const WORKER_YOUNG_GENERATION_MB = 64

export interface LocaleSyncOptions {
  /** Compare with the files as read and return only what differs, writing nothing. */
  check?: boolean
  /** Threads that may work: below 2, everything runs in this thread. */
  threads?: number
  /** Bytes of locale files from which a worker pays (default `LOCALES_PARALLEL_FROM`). */
  parallelFrom?: number
  /** Who made the translators' edits found in the locales (see engine/actor.ts). */
  actor?: () => Actor | undefined
  /** Whether this thread takes locales too once the project is open (default true; false leaves them all to the worker). */
  shareWork?: boolean
}

export interface LocaleSyncRun {
  /** Track every locale against `project`'s reconciled registries (`project` opened with the documents the run started with). */
  finish(project: Project): Promise<LocaleSync>
  /** Stop the worker, if any: after `finish`, or when opening the project failed. */
  close(): Promise<void>
}

const fileSize = (path: string): number => statSync(path, {throwIfNoEntry: false})?.size ?? 0

const merge = (results: LocaleSync[]): LocaleSync => ({outputs: results.flatMap((r) => r.outputs), report: results.flatMap((r) => r.report), records: results.flatMap((r) => r.records)})

/** Start the locale work of `documents` (in the order `openProject` loads them); `finish` once the project is open. */
export function startLocaleSync(
  root: string,
  options: Options,
  documents: string[],
  {check = false, threads = 1, parallelFrom = LOCALES_PARALLEL_FROM, actor, shareWork = true}: LocaleSyncOptions = {}
): LocaleSyncRun {
  const jobs: LocaleJobSpec[] = documents.flatMap((document) => {
    const registry = registryPaths(root, options, document)
    return options.languages.map((language) => ({
      root,
      paths: localePathsIn(root, options.localesDir, language, document),
      language,
      document,
      registry: {strings: registry.strings, meta: registry.meta}
    }))
  })
  // What the last `segment` left in each locale: a locale still as it was is not tracked again (see locale-digest.ts).
  const recorded: Record<string, LocaleRecords> = Object.fromEntries(documents.map((document) => [document, readLocaleRecords(root, options, document)]))
  const sizes = jobs.map((job) => fileSize(job.paths.strings) + fileSize(job.paths.state) + fileSize(job.paths.obsolete))
  const total = sizes.reduce((sum, size) => sum + size, 0)
  const order = jobs.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]! || a - b)
  const queue = new Int32Array(new SharedArrayBuffer(8))
  const parallel = threads >= 2 && jobs.length >= 2 && total >= parallelFrom
  // Worked out before the worker starts, so that every locale records the same name and date (one `git config` for a long book).
  const who = parallel ? actor?.() : undefined
  // Through engine/: the same file from this module and from the CLI bundle (see build-pool.ts).
  const worker = parallel
    ? new Worker(new URL('../engine/locale-worker.js', import.meta.url), {
        workerData: {jobs, order, queue, check, recorded, ...(who ? {actor: who} : {})} satisfies LocaleWorkerData,
        // What the worker parses lives until its locale is tracked; a larger young generation copies less of it between collections.
        resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB}
      })
    : undefined
  const fromWorker: LocaleReply[] = []
  const workerDone = worker
    ? new Promise<void>((resolve, reject) => {
        worker.on('message', (message: FromLocaleWorker) => ('done' in message ? resolve() : fromWorker.push(message)))
        worker.on('error', reject)
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The locale worker stopped with exit code ${code}`))))
      })
    : Promise.resolve()
  // Settled in `finish`; a worker that fails before then must not be an unhandled rejection.
  workerDone.catch(() => undefined)

  return {
    async finish(project) {
      checkLocaleFolders(project)
      if (worker) {
        const outdated: LocaleVerdict['outdated'] = {}
        for (const doc of project.documents.filter((d) => d.outdated)) {
          const [strings, meta] = doc.outputs.map((o) => ({path: relative(project.root, o.path), text: o.content}))
          outdated[doc.id] = {strings: strings!, meta: meta!}
        }
        worker.postMessage({outdated} satisfies LocaleVerdict)
        // The worker stops reading ahead: what it has not claimed yet is shared from here on.
        Atomics.store(queue, 1, 1)
      }
      const results: Array<LocaleSync | Error | undefined> = jobs.map(() => undefined)
      // The digest of each registry the locales are tracked against: the reconciled one, as segment writes it.
      const registries = new Map<string, string>()
      for (let index = worker && !shareWork ? -1 : claimJob(queue, order); index >= 0; index = claimJob(queue, order)) {
        const job = jobs[index]!
        const doc = project.documents.find((d) => d.id === job.document)!
        try {
          let registry = registries.get(doc.id)
          if (registry === undefined) registries.set(doc.id, (registry = registryTextDigest(doc.outputs[0]!.content, doc.outputs[1]!.content)))
          const known = {registry, recorded: recorded[job.document]?.[job.language]}
          results[index] = syncRead(job, readLocaleFiles(job.root, job.paths), known, () => doc.registry, {check, ...(actor ? {actor} : {})})
        } catch (error) {
          results[index] = error instanceof Error ? error : new Error(String(error))
        }
      }
      await workerDone
      for (const message of fromWorker) results[message.index] = 'error' in message ? reviveError(message.error) : message.result
      // In job order, as one thread would meet them: the first error stops the command.
      const failed = results.find((r) => r instanceof Error)
      if (failed) throw failed
      return merge(results as LocaleSync[])
    },
    close: async () => void (await worker?.terminate())
  }
}
