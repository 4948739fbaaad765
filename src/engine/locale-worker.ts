import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {Registry} from '../core/types.js'
import {parseRegistry} from '../ids/registry.js'
import type {Actor} from '../translations/provenance.js'
import {readTextIfExists} from './io.js'
import {parseRead, readLocaleFiles, syncRead, type LocalePaths, type LocaleRead, type LocaleSync, type ParsedLocale} from './locale-job.js'
import {registryTextDigest, type LocaleRecords} from './locale-digest.js'
import {serializeError, type SerializedError} from './reporter.js'

/**
 * The locale worker of `segment` (see locale-pool.ts). It starts with the
 * run and claims locales from the queue it shares with the main thread,
 * working on them while the main thread segments the Markdown. Told which
 * registries the main thread found outdated (and given their new text),
 * it tracks each locale exactly as the main thread would, with `syncLocale`.
 */
export interface LocaleJobSpec {
  root: string
  paths: LocalePaths
  language: string
  document: string
  /** The document's registry files, read here when the main thread finds them up to date. */
  registry: {strings: string; meta: string}
}

export interface LocaleWorkerData {
  /** In document and language order. */
  jobs: LocaleJobSpec[]
  /** The order jobs are claimed in: the largest first, so that the last to start is a short one. */
  order: number[]
  /** `[next, verdict]`, shared with the main thread: the next place in `order` to claim, and 1 once the verdict is sent. */
  queue: Int32Array
  /** `segment --check`: compare, write nothing. */
  check: boolean
  /** Resolved in the main thread, so that every locale records the same name and date. */
  actor?: Actor
  /** What the last `segment` left in each locale, by document (see locale-digest.ts). */
  recorded: Record<string, LocaleRecords>
}

/** What the main thread sends once the project is open. */
export interface LocaleVerdict {
  /** The registries `segment` would write that differ from the files (outdated documents), by document ID. */
  outdated: Record<string, {strings: {path: string; text: string}; meta: {path: string; text: string}}>
}

export type LocaleReply = {index: number; result: LocaleSync} | {index: number; error: SerializedError}

export type FromLocaleWorker = LocaleReply | {done: true}

/** The index of the next job to do, or -1 when none is left. */
export const claimJob = (queue: Int32Array, order: number[]): number => order[Atomics.add(queue, 0, 1)] ?? -1

interface Prepared {
  index: number
  /** The files as read; parsed too when read ahead (`segment`), while a check parses only a locale not as recorded. */
  read: LocaleRead | {error: unknown}
  parsed?: ParsedLocale | {error: unknown}
}

function prepare(job: LocaleJobSpec, index: number, parse: boolean): Prepared {
  let read: LocaleRead
  try {
    read = readLocaleFiles(job.root, job.paths)
  } catch (error) {
    return {index, read: {error}}
  }
  if (!parse) return {index, read}
  try {
    return {index, read, parsed: parseRead(job, read)}
  } catch (error) {
    return {index, read, parsed: {error}}
  }
}

if (parentPort) {
  const port = parentPort
  const {jobs, order, queue, check, actor, recorded} = workerData as LocaleWorkerData
  // Each document's registry files as read (or as the verdict gives them) with their digest, parsed only for a locale to track.
  const texts = new Map<string, {files: Array<VFile | undefined>; digest: string}>()
  const registries = new Map<string, Registry>()
  const textsOf = (job: LocaleJobSpec, verdict?: LocaleVerdict): {files: Array<VFile | undefined>; digest: string} => {
    let entry = texts.get(job.document)
    if (!entry) {
      const given = verdict?.outdated[job.document]
      const files = given
        ? [new VFile({path: given.strings.path, value: given.strings.text}), new VFile({path: given.meta.path, value: given.meta.text})]
        : [readTextIfExists(job.registry.strings, job.root), readTextIfExists(job.registry.meta, job.root)]
      entry = {files, digest: registryTextDigest(files[0] ? String(files[0]) : '', files[1] ? String(files[1]) : null)}
      texts.set(job.document, entry)
    }
    return entry
  }
  const registryOf = (job: LocaleJobSpec, verdict?: LocaleVerdict): Registry => {
    let registry = registries.get(job.document)
    if (!registry) {
      const [strings, meta] = textsOf(job, verdict).files
      registry = parseRegistry(job.document, strings!, meta)
      registries.set(job.document, registry)
    }
    return registry
  }
  const forget = (verdict: LocaleVerdict): void => {
    for (const id of Object.keys(verdict.outdated)) {
      registries.delete(id)
      texts.delete(id)
    }
  }
  const run = (next: Prepared, verdict?: LocaleVerdict): LocaleReply => {
    const job = jobs[next.index]!
    try {
      if ('error' in next.read) throw next.read.error
      if (next.parsed && 'error' in next.parsed) throw next.parsed.error
      const known = {registry: textsOf(job, verdict).digest, recorded: recorded[job.document]?.[job.language]}
      const result = syncRead(job, next.read, known, () => registryOf(job, verdict), {check, actor: () => actor, ...(next.parsed ? {parsed: next.parsed} : {})})
      return {index: next.index, result}
    } catch (error) {
      return {index: next.index, error: serializeError(error)}
    }
  }
  if (check) {
    // A check expects the committed registries to be up to date: each locale is tracked against them at once, while the main thread
    // segments the Markdown, and tracked again only if its document turns out to be outdated (the check then fails anyway).
    const replies: LocaleReply[] = []
    for (let index = claimJob(queue, order); index >= 0; index = claimJob(queue, order)) replies.push(run(prepare(jobs[index]!, index, false)))
    port.once('message', (verdict: LocaleVerdict) => {
      forget(verdict)
      for (const reply of replies) port.postMessage(verdict.outdated[jobs[reply.index]!.document] ? run(prepare(jobs[reply.index]!, reply.index, false), verdict) : reply)
      port.postMessage({done: true} satisfies FromLocaleWorker)
    })
  } else {
    // `segment` expects changes: locales are read ahead while the main thread segments the Markdown, and tracked once the verdict gives
    // the registries. At most two thirds of them: the smallest are left for the main thread, idle once the project is open.
    const ahead: Prepared[] = []
    while (Atomics.load(queue, 1) === 0 && ahead.length < Math.max(1, Math.floor((jobs.length * 2) / 3))) {
      const index = claimJob(queue, order)
      if (index < 0) break
      ahead.push(prepare(jobs[index]!, index, true))
    }
    port.once('message', (verdict: LocaleVerdict) => {
      forget(verdict)
      for (const next of ahead.splice(0)) port.postMessage(run(next, verdict))
      for (let index = claimJob(queue, order); index >= 0; index = claimJob(queue, order)) port.postMessage(run(prepare(jobs[index]!, index, true), verdict))
      port.postMessage({done: true} satisfies FromLocaleWorker)
    })
  }
}
