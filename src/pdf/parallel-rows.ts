/**
 * Parallel-text rows: the English original and a translation side by side,
 * each row starting at the same height in every column.
 *
 * A row is kept whole when it fits: on the current page, or else on the next
 * one. Only a row taller than a whole page is split, line by line, each
 * column continuing at the top of the next page from its own next line.
 * Columns are laid out for their own width and drawn at their own x, so
 * text never crosses the gutter or the margins.
 */
import type {} from 'pdfkit'
import {drawSlots, layoutBlock, slotBottom, stackBlocks, type BlockStyle, type LaidBlock, type Stack} from './layout.js'
import type {TextSpan} from './line-break.js'
import type {Frame, PageFlow} from './page-flow.js'

export interface ColumnBox {
  x: number
  width: number
  /** The page of a spread the column is on (0 left, 1 right), for facing pages; default 0. */
  side?: number
}

/** Split a frame into equal columns separated by `gutter` points. */
export function columnBoxes(frame: Frame, count = 2, gutter = 18): ColumnBox[] {
  const width = (frame.width - gutter * (count - 1)) / count
  return Array.from({length: count}, (_, i) => ({x: frame.x + i * (width + gutter), width}))
}

/** A paragraph for one column, before layout. */
export interface CellText {
  spans: readonly TextSpan[] | string
  style: BlockStyle
}

/** Lay out each column's paragraphs for its column's width. */
export function layoutRow(boxes: readonly ColumnBox[], cells: ReadonlyArray<readonly CellText[]>): LaidBlock[][] {
  return cells.map((column, i) => {
    const box = boxes[i]
    if (!box) throw new Error(`Unexpected column ${i + 1}, expected at most ${boxes.length} columns`)
    return column.map((cell) => layoutBlock(cell.spans, box.width, cell.style))
  })
}

export interface RowOptions {
  /** Space above the row (collapsed with the space owed by what came before). */
  spaceBefore?: number
  /** Space below the row. */
  spaceAfter?: number
  /** When a row must be split, do not start it on a page with less than this many points left. */
  minSplitHeight?: number
}

/** Where a row ended up: it starts at `top` on `firstPage` and ends at `bottom` on `lastPage` (pages 0-based). */
export interface PlacedRow {
  firstPage: number
  lastPage: number
  top: number
  bottom: number
}

/**
 * Place one row: column `i` of `columns` is drawn in `boxes[i]`. Columns
 * must have been laid out for their box's width (see `layoutRow`).
 */
export function placeRow(flow: PageFlow, boxes: readonly ColumnBox[], columns: ReadonlyArray<readonly LaidBlock[]>, options: RowOptions = {}): PlacedRow {
  const stacks = columns.map((blocks) => stackBlocks(blocks))
  const height = Math.max(0, ...stacks.map((s) => s.height))
  flow.gap(options.spaceBefore ?? 0)
  if (height > flow.space && !flow.atTop && height <= flow.frame.height) flow.newPage()
  if (height > flow.space && !flow.atTop && flow.space < (options.minSplitHeight ?? flow.frame.height / 4)) flow.newPage()
  const placed: PlacedRow = {firstPage: flow.pageIndex, lastPage: flow.pageIndex, top: flow.y, bottom: flow.y}

  const next = stacks.map(() => 0)
  const done = (): boolean => stacks.every((s, i) => next[i]! >= s.slots.length)
  while (!done()) {
    const top = flow.y
    let bottom = top
    stacks.forEach((stack, i) => {
      const from = next[i]!
      // At a page top nothing better is possible: a line taller than the frame is drawn anyway.
      const to = linesThatFit(stack, from, flow.bottom - top, flow.atTop)
      if (to > from) bottom = Math.max(bottom, drawSlots(flow.doc, stack, from, to, boxes[i]!.x, top))
      next[i] = to
    })
    if (done()) {
      flow.y = placed.bottom = bottom
    } else {
      flow.newPage()
      placed.lastPage = flow.pageIndex
    }
  }
  flow.spaceAfter = options.spaceAfter ?? 0
  return placed
}

/** Index after the last slot from `from` that fits in `room` points; at least one if `force`. */
export function linesThatFit(stack: Stack, from: number, room: number, force: boolean): number {
  const first = stack.slots[from]
  if (!first) return from
  let to = from
  while (to < stack.slots.length && slotBottom(stack.slots[to]!) - first.top <= room + 1e-6) to++
  return to === from && force ? from + 1 : to
}
