import {join} from 'node:path'
import type {Edition} from '../editions/align.js'
import type {Format} from '../core/options.js'
import type {SegmentedDocument} from '../core/types.js'
import type {Executor, JobResult} from './build-pool.js'
import {cacheFile, contentHash, inputHashes, readBuildCache, upToDate, writeBuildCache, type BuildCacheData, type DocumentInputs} from './build-cache.js'
import type {Progress} from './reporter.js'
import {discardStaged, encodeTransient, stageFile, type StagedFile} from './staged-output.js'

/**
 * The rendering half of `concord build`: which files to render, rendering
 * them one file per job (so progress can be shown, unchanged files skipped
 * and jobs spread over threads), and the record of what was rendered from
 * what. Each file is staged beside its place as it renders (staged-output.ts); none goes in its place here.
 */
export interface DocumentEditions {
  document: SegmentedDocument
  /** The files it was made from (the Markdown, its registry and locale files), as read. */
  inputs: DocumentInputs
  editions: Edition[]
}

export interface RenderAllInput {
  documents: DocumentEditions[]
  formats: Format[]
  /** Output folder (to check files on disk). */
  out: string
  /** Where the record of builds is kept (`<outDir>/.cache`). */
  cacheDir: string
  /** Everything else the outputs depend on (options, UI strings, date), hashed into every file's inputs. */
  shared: unknown
  executor: Executor
  progress: Progress
  /** Called once for each document before its first file is rendered (to parse its tree ahead, on two threads). */
  prepare?: (document: number) => Promise<void>
}

export interface RenderAllResult {
  /** Files rendered this time, staged beside their places (commit them with commitStaged), in a stable order. */
  files: StagedFile[]
  /** Paths left as they were: their inputs have not changed. */
  skipped: string[]
  /** Save with `saveRenderRecord` once the files are written. */
  record: {file: string; cache: BuildCacheData}
}

/** The files a renderer is expected to offer (used until it has run once and offered its own list). */
function expectedPaths(format: Format, doc: DocumentEditions): string[] {
  const id = doc.document.id
  const own = doc.editions.map((e) => `${e.language}/${id}.${format}`)
  if (format !== 'pdf') return [...own, `aligned/${id}.${format}`]
  const source = doc.editions.find((e) => e.source)
  return [...own, ...doc.editions.filter((e) => !e.source && source).map((e) => `aligned/${id}.${source!.language}-${e.language}.pdf`)]
}

const editionOf = (path: string): string => path.split('/')[0] ?? path

/** Run `jobs` on the executor, at most `concurrency` at once, results in job order. */
async function runAll<T, R>(jobs: T[], concurrency: number, run: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++
      results[i] = await run(jobs[i]!)
    }
  }
  await Promise.all(Array.from({length: Math.max(1, Math.min(concurrency, jobs.length))}, lane))
  return results
}

export async function renderAll(input: RenderAllInput): Promise<RenderAllResult> {
  const {out, executor, progress} = input
  const recordFile = cacheFile(input.cacheDir, out)
  const old = readBuildCache(recordFile)
  const next: BuildCacheData = {files: Object.create(null), renders: Object.create(null)}
  const files: StagedFile[] = []
  // Everything staged so far, in whatever order the lanes finish: all of it goes if the build fails.
  const staging: StagedFile[] = []
  const skipped: string[] = []

  // Editions in their order (source first), aligned files last: the order bars and lines are shown in.
  const rank = (path: string): number => {
    const at = input.documents[0]?.editions.findIndex((e) => e.language === editionOf(path)) ?? -1
    return at === -1 ? Number.MAX_SAFE_INTEGER : at
  }
  const plans = input.documents.flatMap((doc, document) => {
    const hashes = inputHashes(doc.document, doc.inputs, doc.editions, input.shared)
    return input.formats.map((format) => {
      const known = old.renders[`${doc.document.id}/${format}`] ?? expectedPaths(format, doc)
      const needed = known.filter((path) => !upToDate(old.files, out, path, hashes(path))).sort((a, b) => rank(a) - rank(b))
      return {doc, document, format, known, needed, hashes, offered: new Set<string>(), done: new Set<string>()}
    })
  })
  const totals = new Map<string, number>()
  for (const plan of plans) for (const path of plan.needed) totals.set(editionOf(path), (totals.get(editionOf(path)) ?? 0) + 1)
  progress.start([...totals].sort((a, b) => rank(`${a[0]}/`) - rank(`${b[0]}/`)).map(([label, total]) => ({label, total})))

  // Rounds: the planned files, then any file a renderer offered that was not expected and is not up to date.
  let round = plans.flatMap((plan) => plan.needed.map((path) => ({plan, path})))
  for (const plan of plans) if (plan.needed.length === 0) plan.known.forEach((p) => plan.offered.add(p))
  const prepared = new Set<number>()
  // Set once the build has failed: a lane still running (a PDF on a worker) removes what it stages after that.
  let failed = false
  try {
    await renderRounds()
  } catch (error) {
    failed = true
    discardStaged(staging)
    throw error
  }

  async function renderRounds(): Promise<void> {
    while (round.length > 0) {
      for (const {plan, path} of round) plan.done.add(path)
      for (const {plan} of round) {
        if (prepared.has(plan.document)) continue
        prepared.add(plan.document)
        await input.prepare?.(plan.document)
      }
      // Each queue of the executor at its own concurrency; queues that wait on threads first, so they start before this thread gets busy.
      // One list per document and format: a renderer may render its files together (RenderInput.batch).
      const batches = new Map<object, string[]>()
      for (const {plan, path} of round) {
        const batch = batches.get(plan) ?? []
        batch.push(path)
        batches.set(plan, batch)
      }
      const jobs = round.map(({plan, path}) => ({document: plan.document, format: plan.format, path, batch: batches.get(plan)!}))
      const lanes = new Map<string, {concurrency: number; indexes: number[]}>()
      jobs.forEach((job, i) => {
        const {name, concurrency} = executor.lane(job)
        const lane = lanes.get(name) ?? {concurrency, indexes: []}
        lane.indexes.push(i)
        lanes.set(name, lane)
      })
      const results: JobResult[] = new Array(jobs.length)
      const written: Array<Array<{name: string; staged: StagedFile; hash: string}>> = new Array(jobs.length)
      const ordered = [...lanes.values()].sort((a, b) => b.concurrency - a.concurrency)
      await Promise.all(
        ordered.map((lane) =>
          runAll(lane.indexes, lane.concurrency, async (i) => {
            const result = await executor.run(jobs[i]!)
            // Written (staged) as soon as rendered, and hashed for the record: a book's pages are not held over the rest of the build.
            written[i] = result.files.map((file) => {
              const bytes = file.parts ? encodeTransient(file.parts) : typeof file.content === 'string' ? encodeTransient(file.content) : file.content
              const staged = stageFile(join(out, ...file.path.split('/')), bytes)
              if (failed) discardStaged([staged])
              else staging.push(staged)
              return {name: file.path, staged, hash: contentHash(bytes)}
            })
            // The rendered text is not kept: only what the job offered.
            results[i] = {...result, files: []}
            progress.tick(editionOf(jobs[i]!.path), jobs[i]!.path.split('/').pop() ?? jobs[i]!.path)
          })
        )
      )
      results.forEach((result, i) => {
        const {plan} = round[i]!
        for (const {name, staged, hash} of written[i]!) {
          files.push(staged)
          next.files[name] = {inputs: plan.hashes(name), output: hash}
        }
        for (const path of result.offered) plan.offered.add(path)
      })
      round = plans.flatMap((plan) => [...plan.offered].filter((path) => !plan.done.has(path) && !upToDate(old.files, out, path, plan.hashes(path))).map((path) => ({plan, path})))
    }
  }
  for (const plan of plans) {
    for (const path of plan.offered) {
      if (plan.done.has(path)) continue
      skipped.push(path)
      if (Object.hasOwn(old.files, path)) next.files[path] = old.files[path]!
    }
    next.renders[`${plan.doc.document.id}/${plan.format}`] = [...plan.offered].sort()
  }
  // The formats of a document not built this time keep their record: after `--format md,html`, the next
  // full build renders only the PDFs whose inputs changed, not every PDF again.
  const ids = new Set(input.documents.map((doc) => doc.document.id))
  for (const [key, paths] of Object.entries(old.renders)) {
    if (Object.hasOwn(next.renders, key) || !ids.has(key.slice(0, key.lastIndexOf('/')))) continue
    next.renders[key] = paths
    for (const path of paths) if (Object.hasOwn(old.files, path) && !Object.hasOwn(next.files, path)) next.files[path] = old.files[path]!
  }
  progress.done()
  return {files, skipped, record: {file: recordFile, cache: next}}
}

/** Record what was rendered from what, after the files are written (a failed build leaves the old record). */
export function saveRenderRecord(record: RenderAllResult['record']): void {
  writeBuildCache(record.file, record.cache)
}
