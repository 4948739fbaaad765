import type {} from 'pdfkit'
import {drawHairline} from '../../pdf/furniture.js'
import {drawLine, drawSlots, stackBlocks, type LaidBlock, type Stack} from '../../pdf/layout.js'
import type {PageFlow} from '../../pdf/page-flow.js'
import {linesThatFit, type ColumnBox, type PlacedRow} from '../../pdf/parallel-rows.js'
import {asArtifact} from '../../pdf/tagging.js'
import {cutRow, sliceBlock} from './split-row.js'
import {COLORS} from './theme.js'

export interface FacingOptions {
  spaceBefore?: number
  spaceAfter?: number
  /** A paragraph (one block per page) may be cut at line boundaries when it runs on. */
  split?: boolean
  /** Per column, the cue set under its last line when it runs on, laid out for its box. */
  cues?: readonly LaidBlock[]
}

/** Where a row ended up; `bottoms` is each page's own position below it. */
export interface FacingPlaced extends PlacedRow {
  bottoms: number[]
}

/** The page of the spread a column is on. */
const sideOf = (box: ColumnBox): number => box.side ?? 0

/**
 * Facing pages, as a bilingual book sets them: English on the left page,
 * the translation on the right, each page running down on its own (so the
 * shorter text has no holes between its blocks, only white at its foot),
 * and each spread holding the same blocks. A block goes on a spread only
 * when it fits on both pages; a paragraph that does not is cut at line
 * boundaries on both pages at once, each with its continuation cue, and
 * both continue at the top of the next spread. Boxes say which page a
 * column is on (`side`).
 */
export class FacingFlow {
  /** Each page's writing position in the current spread: left, right. */
  private readonly ys: number[]
  /** Space owed below the last row, collapsed with the next row's space before. */
  private pending = 0

  constructor(private readonly flow: PageFlow) {
    flow.startSpreads()
    this.ys = [flow.frame.y, flow.frame.y]
  }

  private get top(): number {
    return this.flow.frame.y
  }

  private get atTop(): boolean {
    return this.ys.every((y) => y <= this.top)
  }

  /** Room left on page `side` of the spread. */
  space(side: number): number {
    return this.flow.bottom - this.ys[side]!
  }

  private newSpread(): void {
    this.flow.newPage()
    this.ys.fill(this.top)
    this.pending = 0
  }

  private gap(spaceBefore: number): void {
    const space = Math.max(this.pending, spaceBefore)
    for (let side = 0; side < this.ys.length; side++) if (this.ys[side]! > this.top) this.ys[side] = Math.min(this.flow.bottom, this.ys[side]! + space)
    this.pending = 0
  }

  /** Start a new spread unless `needed` points are left on both pages (a heading with the lines after it). */
  keep(needed: number): void {
    if (!this.atTop && this.ys.some((_, side) => needed > this.space(side)) && needed <= this.flow.frame.height) this.newSpread()
  }

  /** A hairline across `1 / part` of each page's text, with space around it. */
  rule(boxes: readonly ColumnBox[], part: number, space: number): void {
    this.gap(space)
    if (this.ys.some((_, side) => this.space(side) < 2 * space)) this.newSpread()
    for (const box of boxes) {
      this.flow.side(sideOf(box))
      drawHairline(this.flow.doc, box.x, box.x + box.width / part, this.ys[sideOf(box)]! + space / 2, 0.5, COLORS.rule)
    }
    for (let side = 0; side < this.ys.length; side++) this.ys[side]! += space
    this.pending = space
  }

  /** Place a row: column `i` of `columns` in `boxes[i]`, laid out for its width. */
  place(boxes: readonly ColumnBox[], columns: ReadonlyArray<readonly LaidBlock[]>, options: FacingOptions): FacingPlaced {
    this.gap(options.spaceBefore ?? 0)
    const heights = (stacks: readonly Stack[]): number[] => this.ys.map((_, side) => Math.max(0, ...stacks.filter((_, i) => sideOf(boxes[i]!) === side).map((s) => s.height)))
    const fits = (stacks: readonly Stack[]): boolean => heights(stacks).every((h, side) => h <= this.space(side) + 1e-6)
    const stacks = columns.map((blocks) => stackBlocks(blocks))
    const blocks = columns.map((column) => (column.length === 1 ? column[0]! : undefined))
    if (!options.split || !blocks.every((b) => b !== undefined)) {
      if (!fits(stacks) && !this.atTop && heights(stacks).every((h) => h <= this.flow.frame.height)) this.newSpread()
      return this.draw(boxes, stacks, options.spaceAfter ?? 0)
    }
    const cueHeight = Math.max(0, ...(options.cues ?? []).map((cue) => cue.height))
    const from = blocks.map(() => 0)
    let first: FacingPlaced | undefined
    for (;;) {
      const rest = blocks.map((b, i) => sliceBlock(b, from[i]!, b.lines.length))
      const restStacks = rest.map((b) => stackBlocks([b]))
      const rooms = rest.map((_, i) => this.space(sideOf(boxes[i]!)) - cueHeight)
      const cuts = fits(restStacks) ? undefined : (cutRow(rest, rooms, 2) ?? (this.atTop ? cutRow(rest, rooms, 1) : undefined))
      if (!cuts) {
        if (!fits(restStacks) && !this.atTop) {
          this.newSpread()
          continue
        }
        const last = this.draw(boxes, restStacks, options.spaceAfter ?? 0)
        return first ? {...first, lastPage: last.lastPage, bottom: last.bottom, bottoms: last.bottoms} : last
      }
      const part = this.draw(
        boxes,
        rest.map((b, i) => stackBlocks([sliceBlock(b, 0, cuts[i]!)])),
        0
      )
      first ??= part
      rest.forEach((b, i) => {
        from[i] = from[i]! + cuts[i]!
        const cue = options.cues?.[i]
        if (!cue || cuts[i]! >= b.lines.length) return
        const side = sideOf(boxes[i]!)
        this.flow.side(side)
        // A cue is page furniture, not text of the document: an artifact (PDF/UA-1 §7.8).
        asArtifact(this.flow.doc, 'Pagination', () => drawLine(this.flow.doc, cue, 0, boxes[i]!.x, part.bottoms[side]!))
      })
      this.newSpread()
    }
  }

  /** Draw stacks from each page's position, going on to the next spread only for a row taller than a page. */
  private draw(boxes: readonly ColumnBox[], stacks: readonly Stack[], spaceAfter: number): FacingPlaced {
    const placed: FacingPlaced = {firstPage: this.flow.pageIndex, lastPage: this.flow.pageIndex, top: this.ys[0]!, bottom: this.ys[0]!, bottoms: [...this.ys]}
    const next = stacks.map(() => 0)
    const done = (): boolean => stacks.every((s, i) => next[i]! >= s.slots.length)
    while (!done()) {
      const tops = [...this.ys]
      stacks.forEach((stack, i) => {
        const side = sideOf(boxes[i]!)
        const start = next[i]!
        const to = linesThatFit(stack, start, this.flow.bottom - tops[side]!, tops[side]! <= this.top)
        if (to > start) {
          this.flow.side(side)
          this.ys[side] = Math.max(this.ys[side]!, drawSlots(this.flow.doc, stack, start, to, boxes[i]!.x, tops[side]!))
        }
        next[i] = to
      })
      if (done()) break
      this.newSpread()
      placed.lastPage = this.flow.pageIndex
    }
    placed.bottoms = [...this.ys]
    placed.bottom = this.ys[0]!
    this.pending = spaceAfter
    return placed
  }
}
