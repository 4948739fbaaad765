import type {Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import {shiftPositions} from '../markdown/pieces.js'
import {parseTree} from '../markdown/parse.js'
import {collectBlocks} from './blocks.js'
import {segmentTree} from './segment.js'
import {childrenByUnit, type SegmentCache, type UnitPlan, type UnitSegments} from './units.js'

/**
 * Consecutive units of a document parsed and segmented in one go, with
 * their part of the document's tree: what a thread contributes when a long
 * document is split between threads (see src/cli/parse-pool.ts). Plain
 * data, so it can be posted from a worker.
 */
export interface RangeResult {
  from: number
  to: number
  /** Segments of units `from`…`to - 1`, counted from each unit's start, as the segment cache keeps them. */
  entries: UnitSegments[]
  /** Top-level nodes of the units, positioned in the whole file. */
  children: RootContent[]
  start?: Point
  end?: Point
}

const shifted = (point: Point | undefined, offset: number, lines: number): Point | undefined =>
  point && {line: point.line + lines, column: point.column, ...(point.offset === undefined ? {} : {offset: point.offset + offset})}

export function segmentRange(source: string, plan: UnitPlan, from: number, to: number, language: string): RangeResult {
  const {bounds, lines} = plan
  const base = bounds[from]!
  const tree = parseTree(source.slice(base, bounds[to]))
  const owned = childrenByUnit(tree, bounds, from, to)
  const entries = owned.map((children, k): UnitSegments => {
    const unit = from + k
    // Segments are counted from the unit's start (so they can be cached by its text); the tree is counted from the file's.
    for (const node of children) shiftPositions(node, base - bounds[unit]!, lines[from]! - lines[unit]!)
    const root: Root = {type: 'root', children}
    const entry = {blocks: collectBlocks(root).length, segments: segmentTree(root, source.slice(bounds[unit], bounds[unit + 1]), {language})}
    for (const node of children) shiftPositions(node, bounds[unit]!, lines[unit]!)
    return entry
  })
  const start = shifted(tree.position?.start, base, lines[from]!)
  const end = shifted(tree.position?.end, base, lines[from]!)
  return {from, to, entries, children: tree.children, ...(start ? {start} : {}), ...(end ? {end} : {})}
}

/** The segment cache holding `results` as well as `cache`. */
export function withRanges(cache: SegmentCache, plan: UnitPlan, results: readonly RangeResult[]): SegmentCache {
  const next = new Map(cache)
  for (const result of results) result.entries.forEach((entry, k) => next.set(plan.keys[result.from + k]!, entry))
  return next
}

/** The document's tree from ranges that cover every unit: the tree `parseTree(source)` gives. */
export function treeOfRanges(results: readonly RangeResult[]): Root {
  const ordered = [...results].sort((a, b) => a.from - b.from)
  const first = ordered[0]
  const last = ordered[ordered.length - 1]
  const tree: Root = {type: 'root', children: ordered.flatMap((r) => r.children)}
  if (first?.start && last?.end) tree.position = {start: first.start, end: last.end}
  return tree
}
