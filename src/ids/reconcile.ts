import type {ChangeClass, Registry, RegistryEntry, Segment, SourceSegment} from '../core/types.js'
import {classifyChange} from './change-class.js'
import {similarity, textHash} from './similarity.js'
import {IdAllocator} from './allocate.js'

export {allocateId} from './allocate.js'

/**
 * Reconcile: give the segments of the edited document the IDs of the
 * registry's segments they continue.
 *
 * 1. Exact matches: a new segment whose text equals an old one takes its ID,
 *    wherever it moved to (equal texts pair up in document order).
 * 2. Anchors: the longest order-preserving run of exact matches (a longest
 *    increasing subsequence of old positions) cuts both lists into gaps.
 * 3. Within each gap, unmatched old and new segments are aligned in order by
 *    dynamic programming that maximises the summed similarity (character-bigram
 *    Dice) of the pairs it takes; a pair counts only at or above
 *    `SIMILARITY_THRESHOLD`. A matched pair keeps the old ID with a new
 *    revision. So a reworded sentence keeps its ID, and of a split sentence
 *    (or two merged ones) the closest part keeps it.
 * 4. New segments left over get fresh IDs; old ones left over are retired.
 *
 * A paragraph that is both moved and reworded in one edit is not followed
 * (it is retired and added), which is the price of never pairing unrelated
 * text across the document.
 */
export const SIMILARITY_THRESHOLD = 0.5

/** Gaps larger than this (old × new cells) are aligned greedily in a window instead of by full DP. */
const MAX_DP_CELLS = 250_000
const GREEDY_WINDOW = 32

export interface ReconcileResult {
  segments: Segment[]
  registry: Registry
  added: string[]
  changed: string[]
  retired: string[]
}

/** Longest increasing subsequence of `values`, as indexes into `values`. */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = []
  const previous = new Array<number>(values.length).fill(-1)
  values.forEach((value, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]!]! < value) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]!
    tails[lo] = i
  })
  const out: number[] = []
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i]!) out.push(i)
  return out.reverse()
}

/** Order-preserving alignment of two lists of texts; returns pairs [oldIndex, newIndex] into the given lists. */
function alignGap(oldTexts: string[], newTexts: string[]): Array<[number, number]> {
  const m = oldTexts.length
  const n = newTexts.length
  if (m === 0 || n === 0) return []
  if (m * n > MAX_DP_CELLS) {
    const pairs: Array<[number, number]> = []
    let from = 0
    newTexts.forEach((text, j) => {
      let best = -1
      let bestScore = SIMILARITY_THRESHOLD
      for (let i = from; i < Math.min(m, from + GREEDY_WINDOW); i++) {
        const score = similarity(oldTexts[i]!, text)
        if (score >= bestScore && (best === -1 || score > bestScore)) [best, bestScore] = [i, score]
      }
      if (best !== -1) {
        pairs.push([best, j])
        from = best + 1
      }
    })
    return pairs
  }
  const score = Array.from({length: m + 1}, () => new Float64Array(n + 1))
  const sim = (i: number, j: number): number => {
    const s = similarity(oldTexts[i]!, newTexts[j]!)
    return s >= SIMILARITY_THRESHOLD ? s : -1
  }
  const sims = Array.from({length: m}, (_, i) => Array.from({length: n}, (_, j) => sim(i, j)))
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const diagonal = sims[i - 1]![j - 1]! > 0 ? score[i - 1]![j - 1]! + sims[i - 1]![j - 1]! : -Infinity
      score[i]![j] = Math.max(score[i - 1]![j]!, score[i]![j - 1]!, diagonal)
    }
  }
  const pairs: Array<[number, number]> = []
  for (let i = m, j = n; i > 0 && j > 0; ) {
    if (score[i]![j] === score[i - 1]![j]) i--
    else if (score[i]![j] === score[i]![j - 1]) j--
    else {
      pairs.push([i - 1, j - 1])
      i--
      j--
    }
  }
  return pairs.reverse()
}

/**
 * Assign stable IDs to `fresh` segments, continuing `registry`. Pure and deterministic.
 * `reserved`: IDs held elsewhere (the front matter's segments, reconciled apart) that a new segment must not take.
 */
export function reconcile(registry: Registry, fresh: SourceSegment[], reserved: Iterable<string> = []): ReconcileResult {
  const old = registry.segments
  const match = new Array<number>(fresh.length).fill(-1) // new index → old index
  const oldTaken = new Array<boolean>(old.length).fill(false)

  const byText = new Map<string, number[]>()
  old.forEach((entry, i) => {
    const list = byText.get(entry.text)
    if (list) list.push(i)
    else byText.set(entry.text, [i])
  })
  fresh.forEach((segment, j) => {
    const i = byText.get(segment.text)?.shift()
    if (i !== undefined) [match[j], oldTaken[i]] = [i, true]
  })

  const exact = fresh.map((_, j) => j).filter((j) => match[j]! >= 0)
  const anchors = longestIncreasing(exact.map((j) => match[j]!)).map((k) => exact[k]!)
  const bounds: Array<[number, number]> = [[-1, -1], ...anchors.map((j): [number, number] => [match[j]!, j]), [old.length, fresh.length]]
  for (let k = 0; k < bounds.length - 1; k++) {
    const [oldFrom, newFrom] = bounds[k]!
    const [oldTo, newTo] = bounds[k + 1]!
    const oldGap: number[] = []
    const newGap: number[] = []
    for (let i = oldFrom + 1; i < oldTo; i++) if (!oldTaken[i]) oldGap.push(i)
    for (let j = newFrom + 1; j < newTo; j++) if (match[j] === -1) newGap.push(j)
    const pairs = alignGap(
      oldGap.map((i) => old[i]!.text),
      newGap.map((j) => fresh[j]!.text)
    )
    for (const [a, b] of pairs) [match[newGap[b]!], oldTaken[oldGap[a]!]] = [oldGap[a]!, true]
  }

  const used = new Set<string>([...old.map((e) => e.id), ...Object.keys(registry.retired), ...reserved])
  // `used` only grows, as IdAllocator requires.
  const ids = new IdAllocator(registry.document, (candidate) => used.has(candidate))
  const history: Registry['history'] = structuredClone(registry.history)
  const changes: NonNullable<Registry['changes']> = structuredClone(registry.changes ?? {})
  const added: string[] = []
  const changed: string[] = []
  const entries: RegistryEntry[] = fresh.map((segment, j) => {
    const previous = match[j]! >= 0 ? old[match[j]!]! : undefined
    // An unchanged segment keeps its recorded hash: hashing every segment of a book again costs seconds.
    if (previous?.text === segment.text) return {...previous, kind: segment.kind, section: null, blockId: previous.id}
    const hash = textHash(segment.text)
    if (!previous) {
      const id = ids.allocate(segment.text)
      used.add(id)
      added.push(id)
      return {id, text: segment.text, rev: 1, hash, kind: segment.kind, section: null, blockId: id}
    }
    changed.push(previous.id)
    const revisions = (history[previous.id] ??= Object.create(null) as Record<string, string>)
    revisions[String(previous.rev)] = previous.text
    ;(changes[previous.id] ??= Object.create(null) as Record<string, ChangeClass>)[String(previous.rev)] = classifyChange(previous.text, segment.text)
    return {id: previous.id, text: segment.text, rev: previous.rev + 1, hash, kind: segment.kind, section: null, blockId: previous.id}
  })

  let section: string | null = null
  const firstOfBlock = new Map<number, string>()
  const segments: Segment[] = entries.map((entry, j) => {
    const source = fresh[j]!
    if (source.kind === 'heading') section = entry.id
    if (!firstOfBlock.has(source.block)) firstOfBlock.set(source.block, entry.id)
    entry.section = section
    entry.blockId = firstOfBlock.get(source.block)!
    // Written out rather than spread (a book has tens of thousands): the keys in the same order.
    const {text, kind, block, depth, line, column} = source
    return {text, kind, block, depth, line, column, id: entry.id, rev: entry.rev, hash: entry.hash, section, blockId: entry.blockId}
  })

  const retired = {...registry.retired}
  const retiredIds: string[] = []
  old.forEach((entry, i) => {
    if (oldTaken[i]) return
    retired[entry.id] = {text: entry.text, rev: entry.rev, hash: entry.hash}
    retiredIds.push(entry.id)
  })

  return {
    segments,
    registry: {document: registry.document, segments: entries, history, changes, retired},
    added,
    changed,
    retired: retiredIds
  }
}

export function emptyRegistry(document: string): Registry {
  return {document, segments: [], history: {}, retired: {}}
}
