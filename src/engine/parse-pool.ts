import {Worker} from 'node:worker_threads'
import type {Root} from 'mdast'
import {segmentRange, treeOfRanges, withRanges, type RangeResult} from '../segment/unit-range.js'
import {unitPlan, type SegmentCache} from '../segment/units.js'
import type {ParseReply, ParseRequest} from './parse-worker.js'

/**
 * Parsing a long document on two threads. A document splits into units
 * that parse independently (src/segment/units.ts), so a worker parses and
 * segments the first units while this thread does the rest; the segments
 * go into the segment cache and the trees are joined into the document's
 * tree, both exactly what one thread would have made (tested).
 *
 * Only when asked for (`build --jobs 2` or more). It paid while micromark
 * parsed everything (about 1 MB/s); since plain prose is parsed by
 * markdown/fast-blocks.ts, `npm run bench` measured one thread faster than two on
 * this 2-core machine at 1 MB and 10 MB, so no thread count means one.
 * Below `PARALLEL_FROM` characters starting a worker costs more than it
 * saves anywhere.
 */
export const PARALLEL_FROM = 200_000

export interface Prepared {
  /** `cache` with the segments of every unit parsed here. */
  cache: SegmentCache
  /** The document's tree, when it was asked for. */
  tree?: Root
}

/** Split runs of units into two groups of about `share` and `1 - share` of the text, cutting a run between units. */
function split(runs: Array<[number, number]>, bounds: number[], share: number): [Array<[number, number]>, Array<[number, number]>] {
  const size = ([from, to]: [number, number]): number => bounds[to]! - bounds[from]!
  const target = runs.reduce((sum, run) => sum + size(run), 0) * share
  const first: Array<[number, number]> = []
  const second: Array<[number, number]> = []
  let taken = 0
  for (const [from, to] of runs) {
    if (taken >= target) {
      second.push([from, to])
      continue
    }
    let cut = from
    while (cut < to && taken + bounds[cut + 1]! - bounds[from]! <= target) cut++
    cut = Math.max(cut, from + 1)
    first.push([from, cut])
    taken += bounds[cut]! - bounds[from]!
    if (cut < to) second.push([cut, to])
  }
  return [first, second]
}

function inWorker(request: ParseRequest): Promise<RangeResult[]> {
  return new Promise((resolve, reject) => {
    // Through engine/: the same file from this module and from the CLI bundle (see build-pool.ts).
    const worker = new Worker(new URL('../engine/parse-worker.js', import.meta.url))
    worker.once('message', (reply: ParseReply) => {
      void worker.terminate()
      if (reply.ok) resolve(reply.results)
      else reject(Object.assign(new Error(reply.message), reply.stack ? {stack: reply.stack} : {}))
    })
    worker.once('error', reject)
    worker.postMessage(request)
  })
}

/**
 * Parse what `cache` lacks of `source` (everything, when the tree is
 * wanted) on two threads; `undefined` when the document is too short or
 * there is one core, and the caller goes on as before. `'if-parsing'`:
 * the tree too, but only if the cache lacks enough to parse anyway (a
 * build whose outputs may all be up to date needs no tree).
 */
export async function prepareInParallel(source: string, language: string, cache: SegmentCache, tree: boolean | 'if-parsing', cores?: number): Promise<Prepared | undefined> {
  if (cores === undefined || cores < 2 || source.length < PARALLEL_FROM) return undefined
  const plan = unitPlan(source, language)
  const count = plan.keys.length
  const missing = plan.keys.reduce((sum, key, unit) => sum + (unit > 0 && cache.has(key) ? 0 : plan.bounds[unit + 1]! - plan.bounds[unit]!), 0)
  const wantTree = tree === true || (tree === 'if-parsing' && missing >= PARALLEL_FROM)
  const runs: Array<[number, number]> = []
  for (let unit = 0; unit < count; unit++) {
    if (!wantTree && unit > 0 && cache.has(plan.keys[unit]!)) continue
    const last = runs[runs.length - 1]
    if (last && last[1] === unit) last[1] = unit + 1
    else runs.push([unit, unit + 1])
  }
  const needed = runs.reduce((sum, [from, to]) => sum + plan.bounds[to]! - plan.bounds[from]!, 0)
  if (count < 2 || needed < PARALLEL_FROM) return undefined
  // The worker starts a little later than this thread can, so it gets a little less.
  const [theirs, mine] = split(runs, plan.bounds, 0.45)
  const pending = theirs.length > 0 ? inWorker({source, plan, language, ranges: theirs}) : Promise.resolve([])
  // Settle a failure of the worker later, after this thread's share.
  pending.catch(() => undefined)
  const here = mine.map(([from, to]) => segmentRange(source, plan, from, to, language))
  const results = [...(await pending), ...here]
  return {cache: withRanges(cache, plan, results), ...(wantTree ? {tree: treeOfRanges(results)} : {})}
}
