import {createHash} from 'node:crypto'
import {VFileMessage} from 'vfile-message'
import type {Root, RootContent} from 'mdast'
import {cutPoints, shiftPositions} from '../markdown/pieces.js'
import {parseTree} from '../markdown/parse.js'
import type {SourceSegment} from '../core/types.js'
import {collectBlocks} from './blocks.js'
import {segmentTree} from './segment.js'
import {limitMessage, NESTING_RULE, SEGMENT_LENGTH_RULE} from './limits.js'

/**
 * Segmenting a long document unit by unit, reusing the segments of units
 * that did not change since the last run.
 *
 * A unit is the text between two places where the file can be cut (see
 * markdown/pieces.ts): it parses the same on its own as inside the file, so
 * its segments, with blocks and lines counted from the unit's start, depend
 * on its text alone. After an edit of a few sentences almost every unit is
 * found in the cache and only the edited ones are parsed again.
 */
export interface UnitSegments {
  /** Text blocks in the unit (to number the blocks of the units after it). */
  blocks: number
  /** Segments with `block` and `line` counted from the unit's start. */
  segments: SourceSegment[]
}

/** Unit key (hash of language and text) → its segments. */
export type SegmentCache = Map<string, UnitSegments>

export interface SegmentedSource {
  segments: SourceSegment[]
  /** The tree of the first unit, which holds the front matter. */
  head: Root
  /** The entries of every unit of this source, for the next run. */
  cache: SegmentCache
  /** Units that were parsed (not found in the cache). */
  parsed: number
  units: number
}

const keyOf = (language: string, text: string): string => createHash('sha256').update(`${language}\n${text}`).digest('base64url').slice(0, 22)

const newlines = (text: string): number => {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** The top-level nodes of a tree parsed from units [from, to), grouped by the unit each starts in. */
export function childrenByUnit(tree: Root, bounds: number[], from: number, to: number): RootContent[][] {
  const base = bounds[from]!
  const owned: RootContent[][] = Array.from({length: to - from}, () => [])
  let k = 0
  for (const node of tree.children) {
    const at = base + (node.position?.start.offset ?? 0)
    while (from + k + 1 < to && bounds[from + k + 1]! <= at) k++
    owned[k]!.push(node)
  }
  return owned
}

/** Parse and segment consecutive units [from, to) in one go, storing each unit's segments in `out`. */
function parseRun(source: string, bounds: number[], lines: number[], from: number, to: number, language: string, out: UnitSegments[]): Root {
  const base = bounds[from]!
  const tree = parseTree(source.slice(base, bounds[to]))
  const owned = childrenByUnit(tree, bounds, from, to)
  // A run of the first unit alone is a whole parse of it, root position included.
  let head: Root | undefined = from === 0 && to === 1 ? tree : undefined
  owned.forEach((children, k) => {
    const unit = from + k
    for (const node of children) shiftPositions(node, base - bounds[unit]!, lines[from]! - lines[unit]!)
    const root: Root = {type: 'root', children}
    head ??= root
    const text = source.slice(bounds[unit], bounds[unit + 1])
    let segments: SourceSegment[]
    try {
      // Segmented first: segmentTree checks the nesting before any recursive walk (collectBlocks is one).
      segments = segmentTree(root, text, {language})
    } catch (error) {
      // A limit's message is placed in the unit: count its line from the file's start.
      if (error instanceof VFileMessage && error.line != null) {
        const rule = error.ruleId === SEGMENT_LENGTH_RULE ? SEGMENT_LENGTH_RULE : error.ruleId === NESTING_RULE ? NESTING_RULE : undefined
        if (rule) throw limitMessage(error.reason, {line: error.line + lines[unit]!, column: error.column ?? 1}, rule)
      }
      throw error
    }
    out[unit] = {blocks: collectBlocks(root).length, segments}
  })
  return head!
}

/** Where the units of a source start and end (`bounds`), their keys, and the lines before each. */
export interface UnitPlan {
  bounds: number[]
  keys: string[]
  lines: number[]
}

export function unitPlan(source: string, language: string): UnitPlan {
  const bounds = [0, ...cutPoints(source, 1), source.length]
  const keys: string[] = []
  const lines: number[] = [0]
  for (let unit = 0; unit < bounds.length - 1; unit++) {
    const text = source.slice(bounds[unit], bounds[unit + 1])
    keys.push(keyOf(language, text))
    lines.push(lines[unit]! + newlines(text))
  }
  return {bounds, keys, lines}
}

/** Source segments of `source`, exactly as `segmentTree(parseMarkdown(source).tree, source)` gives them. */
export function segmentSource(source: string, language: string, cache: SegmentCache): SegmentedSource {
  const {bounds, keys, lines} = unitPlan(source, language)
  const count = keys.length
  // The first unit is always parsed: its tree gives the front matter.
  const found: UnitSegments[] = keys.map((key, unit) => (unit === 0 ? undefined : cache.get(key))) as UnitSegments[]
  let head: Root | undefined
  let parsed = 0
  for (let unit = 0; unit < count; ) {
    if (found[unit]) {
      unit++
      continue
    }
    let end = unit + 1
    while (end < count && !found[end]) end++
    const tree = parseRun(source, bounds, lines, unit, end, language, found)
    if (unit === 0) head = tree
    parsed += end - unit
    unit = end
  }

  const segments: SourceSegment[] = []
  const next: SegmentCache = new Map()
  let blocks = 0
  found.forEach((entry, unit) => {
    next.set(keys[unit]!, entry)
    for (const segment of entry.segments) segments.push({...segment, block: segment.block + blocks, line: segment.line + lines[unit]!})
    blocks += entry.blocks
  })
  return {segments, head: head!, cache: next, parsed, units: count}
}

/** The cache entries of a source segmented whole (`segments` of `tree`), for the next run. */
export function cacheFromTree(source: string, language: string, tree: Root, segments: SourceSegment[]): SegmentCache {
  const {bounds, keys, lines} = unitPlan(source, language)
  const entries: UnitSegments[] = keys.map(() => ({blocks: 0, segments: []}))
  const unitOfBlock: number[] = []
  let unit = 0
  for (const block of collectBlocks(tree)) {
    const at = block.node.position?.start.offset ?? 0
    while (unit + 1 < keys.length && bounds[unit + 1]! <= at) unit++
    unitOfBlock.push(unit)
    entries[unit]!.blocks++
  }
  const firstBlock: number[] = []
  entries.reduce((sum, entry, u) => ((firstBlock[u] = sum), sum + entry.blocks), 0)
  for (const segment of segments) {
    const u = unitOfBlock[segment.block]!
    entries[u]!.segments.push({...segment, block: segment.block - firstBlock[u]!, line: segment.line - lines[u]!})
  }
  return new Map(keys.map((key, u) => [key, entries[u]!]))
}
