import type {LaidBlock} from '../../pdf/layout.js'
import type {PageFlow} from '../../pdf/page-flow.js'
import {placeRow, type ColumnBox, type PlacedRow} from '../../pdf/parallel-rows.js'

/** Lines [from, to) of a laid-out block, as a block of its own (the marker stays with the first line). */
export function sliceBlock(block: LaidBlock, from: number, to: number): LaidBlock {
  const lines = block.lines.slice(from, to)
  const {marker, ...rest} = block
  return {...rest, ...(from === 0 && marker ? {marker} : {}), lines, height: lines.length * block.lineHeight}
}

export interface SplitOptions {
  spaceBefore?: number
  spaceAfter?: number
  /** Fewest lines of a column left on either side of a page break. */
  minLines?: number
  /** Split only when at least this many points are left on the page. */
  minSplitHeight: number
}

/**
 * Place a row of one paragraph per column. `placeRow` moves a row that does
 * not fit to the next page whole (splitting only rows taller than a page),
 * which leaves up to a page of white space under long paragraphs in two
 * columns. Here such a row is cut at line boundaries instead, when enough
 * room is left: each column keeps `minLines` lines on both sides of the
 * break and both halves still start at a common height.
 */
export function placeSplittableRow(flow: PageFlow, boxes: readonly ColumnBox[], columns: ReadonlyArray<readonly LaidBlock[]>, options: SplitOptions): PlacedRow {
  const minLines = options.minLines ?? 2
  const whole = (): PlacedRow => placeRow(flow, boxes, columns, {spaceAfter: options.spaceAfter ?? 0})
  flow.gap(options.spaceBefore ?? 0)
  const blocks = columns.map((column) => (column.length === 1 ? column[0]! : undefined))
  const height = Math.max(0, ...columns.map((column) => column.reduce((sum, b) => sum + b.height, 0)))
  if (blocks.some((b) => !b) || height <= flow.space || flow.atTop || flow.space < options.minSplitHeight) return whole()
  const cuts = blocks.map((block) => {
    const n = block!.lines.length
    let k = Math.min(n, Math.floor((flow.space + 1e-6) / block!.lineHeight))
    if (k < n && n - k < minLines) k = n - minLines
    return k === n || k >= minLines ? k : -1
  })
  if (cuts.some((k) => k < 0)) {
    flow.newPage()
    return whole()
  }
  const first = placeRow(
    flow,
    boxes,
    blocks.map((b, i) => [sliceBlock(b!, 0, cuts[i]!)]),
    {}
  )
  flow.newPage()
  const rest = placeRow(
    flow,
    boxes,
    blocks.map((b, i) => [sliceBlock(b!, cuts[i]!, b!.lines.length)]),
    {spaceAfter: options.spaceAfter ?? 0}
  )
  return {firstPage: first.firstPage, lastPage: rest.lastPage, top: first.top, bottom: rest.bottom}
}
