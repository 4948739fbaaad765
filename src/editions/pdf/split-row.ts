import {drawLine, type LaidBlock} from '../../pdf/layout.js'
import type {PageFlow} from '../../pdf/page-flow.js'
import {placeRow, type ColumnBox, type PlacedRow} from '../../pdf/parallel-rows.js'
import {asArtifact} from '../../pdf/tagging.js'

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
  /** Per column, the cue set under its last line when it runs on ("(continued)" in its language), laid out for its box. */
  cues?: readonly LaidBlock[]
}

/**
 * Lines each column takes in `room` points (or its own room) so that the row runs on in
 * every column at once: the column that fills the room first sets the
 * share, and the others take the same share of their lines. So both
 * languages continue on the next page together (no column left blank
 * beside the other's continuation), and a column too short to split
 * (under `2 × minLines` lines) ends on this page. Undefined when some
 * column cannot keep `minLines` on both sides of the break, or a short one
 * does not fit: then the row moves to the next page.
 */
export function cutRow(blocks: readonly LaidBlock[], room: number | readonly number[], minLines: number): number[] | undefined {
  // One room for columns side by side; one per block for facing pages, each filled to its own height.
  const roomOf = (i: number): number => (typeof room === 'number' ? room : room[i]!)
  const fit = blocks.map((b, i) => Math.max(0, Math.floor((roomOf(i) + 1e-6) / b.lineHeight)))
  const share = Math.min(1, ...blocks.map((b, i) => (b.lines.length === 0 ? 1 : fit[i]! / b.lines.length)))
  const cuts = blocks.map((b, i) => {
    const n = b.lines.length
    // Moving it whole would start one language a page after the other: the row moves instead.
    if (n < 2 * minLines) return n <= fit[i]! ? n : -1
    let k = Math.min(fit[i]!, Math.floor(n * share + 1e-9))
    if (n - k < minLines) k = n - minLines
    return k >= minLines ? k : -1
  })
  if (cuts.some((k) => k < 0) || cuts.every((k) => k === 0)) return undefined
  return cuts
}

/**
 * Place a row of one paragraph per column. `placeRow` moves a row that
 * does not fit to the next page whole, which leaves a hole under the
 * previous row as tall as the room left. Here such a row is cut at line
 * boundaries instead, whenever each column can keep `minLines` lines on
 * both sides, so a page's foot is never more than about two lines short;
 * each column that runs on gets its continuation cue, and both halves
 * start at a common height.
 */
export function placeSplittableRow(flow: PageFlow, boxes: readonly ColumnBox[], columns: ReadonlyArray<readonly LaidBlock[]>, options: SplitOptions): PlacedRow {
  const minLines = options.minLines ?? 2
  const spaceAfter = options.spaceAfter ?? 0
  const blocks = columns.map((column) => (column.length === 1 ? column[0]! : undefined))
  if (!blocks.every((b) => b !== undefined)) return placeRow(flow, boxes, columns, options)
  flow.gap(options.spaceBefore ?? 0)
  const cueHeight = Math.max(0, ...(options.cues ?? []).map((cue) => cue.height))
  const from = blocks.map(() => 0)
  let first: PlacedRow | undefined
  for (;;) {
    const rest = blocks.map((b, i) => sliceBlock(b, from[i]!, b.lines.length))
    const height = Math.max(0, ...rest.map((b) => b.height))
    // A page too short for even the minimum (a tiny page size) takes what fits, so the flow moves on.
    const cuts = height <= flow.space + 1e-6 ? undefined : (cutRow(rest, flow.space - cueHeight, minLines) ?? (flow.atTop ? cutRow(rest, flow.space - cueHeight, 1) : undefined))
    if (!cuts) {
      if (height > flow.space + 1e-6 && !flow.atTop) {
        flow.newPage()
        continue
      }
      const last = placeRow(
        flow,
        boxes,
        rest.map((b) => [b]),
        {spaceAfter}
      )
      return first ? {...first, lastPage: last.lastPage, bottom: last.bottom} : last
    }
    const part = placeRow(
      flow,
      boxes,
      rest.map((b, i) => [sliceBlock(b, 0, cuts[i]!)]),
      {}
    )
    first ??= part
    rest.forEach((b, i) => {
      from[i] = from[i]! + cuts[i]!
      const cue = options.cues?.[i]
      if (!cue || cuts[i]! >= b.lines.length) return
      flow.side(boxes[i]!.side ?? 0)
      // A cue is page furniture, not text of the document: an artifact (PDF/UA-1 §7.8).
      asArtifact(flow.doc, 'Pagination', () => drawLine(flow.doc, cue, 0, boxes[i]!.x, part.bottom))
    })
    flow.newPage()
  }
}
