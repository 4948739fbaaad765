import {boundedDistance, comparable, trigrams} from './compare.js'

/** One translation the memory knows: English, its rendering, and where it comes from. */
export interface MemoryEntry {
  source: string
  target: string
  /** `document#segment-id`, or `tm/<file>.tmx#<tuid>` for the project's TMX files. */
  origin: string
}

export interface MemoryMatch extends MemoryEntry {
  /** 100 for the same English, 99 for it in another case, spacing or emphasis, less for a fuzzy match. */
  similarity: number
}

interface Indexed {
  entry: MemoryEntry
  chars: string[]
}

/**
 * Entries indexed two ways: by their comparable English for exact matches,
 * and by its character trigrams for fuzzy ones. Building is linear in the
 * memory's size; a look-up counts shared trigrams over a bounded number of
 * postings and scores only the best few candidates with a bounded edit
 * distance, so matching a whole book never compares every segment with
 * every entry.
 */
export interface Memory {
  entries: Indexed[]
  exact: Map<string, number[]>
  postings: Map<string, number[]>
  /** Shared trigram counts per entry during one look-up, reset after it: no allocation of the memory's size per query. */
  counts: Uint8Array
}

/** Trigrams looked up per query, rarest first: a long sentence needs no more to find its near repeats. */
const GRAMS_PER_QUERY = 32
/** Postings longer than this (`the`, `ion`) say little and would make a look-up cost grow with the memory. */
const MAX_POSTINGS = 1024
/** Candidates scored with the edit distance, most shared trigrams first. */
const CANDIDATES = 16

export function buildMemory(entries: Iterable<MemoryEntry>): Memory {
  const memory: Memory = {entries: [], exact: new Map(), postings: new Map(), counts: new Uint8Array(0)}
  const seen = new Set<string>()
  for (const entry of entries) {
    if (entry.source.trim() === '' || entry.target.trim() === '') continue
    const key = comparable(entry.source)
    // The same pair from two places is one suggestion: the first origin (document order) stands for it.
    const pair = `${key}\u0000${entry.target}`
    if (seen.has(pair)) continue
    seen.add(pair)
    const index = memory.entries.length
    const chars = Array.from(key)
    memory.entries.push({entry, chars})
    const exact = memory.exact.get(key)
    if (exact) exact.push(index)
    else memory.exact.set(key, [index])
    for (const gram of trigrams(chars)) {
      const list = memory.postings.get(gram)
      if (!list) memory.postings.set(gram, [index])
      else if (list.length <= MAX_POSTINGS) list.push(index)
    }
  }
  return memory
}

export interface MatchOptions {
  /** Least similarity in percent (75 by default in the project options). */
  threshold: number
  /** At most this many matches, best first. */
  limit?: number
  /** An origin to leave out: a segment is not its own suggestion. */
  exclude?: string
}

/**
 * The entries sharing the most looked-up trigrams with the query, at most
 * CANDIDATES, by a counting pass and a bucket per count: linear in the
 * postings read, which are bounded, whatever the memory's size.
 */
function bestCandidates(memory: Memory, lists: readonly number[][], skip: ReadonlyMap<number, number>): number[] {
  if (memory.counts.length < memory.entries.length) memory.counts = new Uint8Array(memory.entries.length)
  const counts = memory.counts
  const touched: number[] = []
  for (const list of lists) {
    for (const index of list) {
      if (counts[index] === 0) touched.push(index)
      counts[index]!++
    }
  }
  const buckets: number[][] = Array.from({length: lists.length + 1}, () => [])
  for (const index of touched) {
    if (!skip.has(index)) buckets[counts[index]!]!.push(index)
    counts[index] = 0
  }
  const best: number[] = []
  for (let count = lists.length; count > 0 && best.length < CANDIDATES; count--) {
    for (const index of buckets[count]!) {
      if (best.length === CANDIDATES) break
      best.push(index)
    }
  }
  return best
}

const byRank = (a: MemoryMatch, b: MemoryMatch): number => b.similarity - a.similarity || (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0)

/**
 * Matches for an English text, best first: exact ones (similarity 100), then
 * fuzzy ones at or above the threshold, scored as 1 − edit distance / longer length.
 */
export function findMatches(memory: Memory, source: string, {threshold, limit = 3, exclude}: MatchOptions): MemoryMatch[] {
  const key = comparable(source)
  const chars = Array.from(key)
  const found = new Map<number, number>()
  for (const index of memory.exact.get(key) ?? []) {
    // The same words in another case, spacing or emphasis are a near certainty, not an exact match.
    const entry = memory.entries[index]!.entry
    if (entry.origin !== exclude) found.set(index, entry.source === source ? 100 : 99)
  }
  const lists = [...trigrams(chars)]
    .map((gram) => memory.postings.get(gram))
    .filter((list): list is number[] => list !== undefined && list.length <= MAX_POSTINGS)
    .sort((a, b) => a.length - b.length)
    .slice(0, GRAMS_PER_QUERY)
  const candidates = bestCandidates(memory, lists, found)
  for (const index of candidates) {
    const other = memory.entries[index]!
    if (other.entry.origin === exclude) continue
    const longer = Math.max(chars.length, other.chars.length)
    const limitDistance = Math.floor(((100 - threshold) * longer) / 100)
    const distance = boundedDistance(chars, other.chars, limitDistance)
    if (distance === null) continue
    const similarity = Math.floor((100 * (longer - distance)) / longer)
    if (similarity >= threshold) found.set(index, Math.min(similarity, 99))
  }
  const matches = [...found].map(([index, similarity]) => ({...memory.entries[index]!.entry, similarity}))
  return matches.sort(byRank).slice(0, limit)
}
