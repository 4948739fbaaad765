/**
 * Pages and the body frame: where text may go, when a new page starts, and
 * how a single column of blocks runs across pages.
 *
 * The margins are the hard limit for everything on the page, running header
 * and footer included: those sit in bands just inside the margins, and the
 * body frame is what is left between the bands.
 */
import type {} from 'pdfkit'
import {drawSlots, layoutBlock, slotBottom, stackBlocks, type BlockStyle, type LaidBlock, type Stack} from './layout.js'
import type {TextSpan} from './line-break.js'

export type PageSizeName = 'A4' | 'A5' | 'LETTER'

/** Page sizes in points (pdfkit's values). */
export const PAGE_SIZES: Readonly<Record<PageSizeName, readonly [number, number]>> = {
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
  LETTER: [612, 792]
}

export interface Margins {
  top: number
  right: number
  bottom: number
  left: number
}

export interface PageGeometry {
  size: PageSizeName
  margins: Margins
  /** Height of the running-header band inside the top margin line (0: none). */
  header: number
  /** Height of the footer band above the bottom margin line (0: none). */
  footer: number
}

/** A rectangle in pdfkit coordinates (y grows downwards). */
export interface Frame {
  x: number
  y: number
  width: number
  height: number
}

/** A4 and Letter get 2 cm margins, A5 1.5 cm; header and footer bands of 24 pt. */
export function defaultGeometry(size: PageSizeName = 'A4'): PageGeometry {
  const m = size === 'A5' ? 42.52 : 56.69
  return {size, margins: {top: m, right: m, bottom: m, left: m}, header: 24, footer: 24}
}

/** Everything inside the margins: the limit for any glyph. */
export function marginFrame(g: PageGeometry): Frame {
  const [w, h] = PAGE_SIZES[g.size]
  return {x: g.margins.left, y: g.margins.top, width: w - g.margins.left - g.margins.right, height: h - g.margins.top - g.margins.bottom}
}

/** Where body text goes: the margin frame minus the header and footer bands. */
export function bodyFrame(g: PageGeometry): Frame {
  const m = marginFrame(g)
  return {x: m.x, y: m.y + g.header, width: m.width, height: m.height - g.header - g.footer}
}

export interface FlowOptions {
  /** Called after each new page is added, e.g. to draw a running header (or leave it to `drawPageFurniture`). */
  onPage?: (pageIndex: number) => void
  /** Fewest lines of a paragraph left alone at a page foot or head. */
  minLines?: number
}

/** Where a block's first line was drawn: page (0-based) and line-box top. */
export interface Placement {
  pageIndex: number
  top: number
}

/** The writing position in a document and the page breaks it takes. */
export class PageFlow {
  readonly frame: Frame
  y = 0
  /** Index of the current page in the document (0-based). */
  pageIndex = -1
  private readonly minLines: number

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly geometry: PageGeometry,
    private readonly options: FlowOptions = {}
  ) {
    this.frame = bodyFrame(geometry)
    this.minLines = options.minLines ?? 2
    this.newPage()
  }

  get bottom(): number {
    return this.frame.y + this.frame.height
  }

  /** Height left on the current page. */
  get space(): number {
    return this.bottom - this.y
  }

  get atTop(): boolean {
    return this.y <= this.frame.y
  }

  /** Pages taken by each step of the flow: 1, or 2 for facing pages (see `startSpreads`). */
  sides = 1

  newPage(): void {
    const {margins, size} = this.geometry
    for (let side = 0; side < this.sides; side++) this.doc.addPage({size: [...PAGE_SIZES[size]], margins})
    // Absolute index in the document, so pages added before the flow (a cover) count.
    const range = this.doc.bufferedPageRange()
    this.pageIndex = range.start + range.count - this.sides
    this.y = this.frame.y
    this.options.onPage?.(this.pageIndex)
  }

  /**
   * From here on, flow through spreads: each new page is a pair, the left
   * (`pageIndex`) and the right page, which share one writing position, so
   * a block drawn on both starts at the same height on both (a facing-page
   * edition). Starts a new spread.
   */
  startSpreads(): void {
    // A left page has an even number: after an even count of single pages, one is left blank.
    if (this.doc.bufferedPageRange().count % 2 === 0) this.newPage()
    this.sides = 2
    this.newPage()
  }

  /** Draw on side `side` (0 left, 1 right) of the current spread; nothing to do on single pages. */
  side(side: number): void {
    if (this.sides > 1) this.doc.switchToPage(this.pageIndex + Math.min(side, this.sides - 1))
  }

  /** Move down by `height`, or start a page when that would leave the frame (space at a page top is dropped). */
  skip(height: number): void {
    if (this.atTop) return
    if (this.y + height >= this.bottom) this.newPage()
    else this.y += height
  }

  /** Lay out and place text across the frame width; see `place`. */
  text(spans: readonly TextSpan[] | string, style: BlockStyle): Placement {
    return this.place([layoutBlock(spans, this.frame.width, style)])[0]!
  }

  /**
   * Place blocks in one column at the frame's left edge, breaking pages
   * between lines. A heading (`keepWithNext`) is not left at a page foot
   * without the first lines of what follows, and a paragraph leaves at least
   * `minLines` lines on each side of a break.
   */
  place(blocks: readonly LaidBlock[], x = this.frame.x): Placement[] {
    return blocks.map((block, i) => {
      if (block.lines.length === 0) return {pageIndex: this.pageIndex, top: this.y}
      this.gap(block.style.spaceBefore ?? 0)
      const next = blocks[i + 1]
      let needed = this.firstChunk(block)
      if (block.style.keepWithNext && next) needed = block.height + Math.max(block.style.spaceAfter ?? 0, next.style.spaceBefore ?? 0) + this.firstChunk(next)
      if (needed > this.space && !this.atTop && needed <= this.frame.height) this.newPage()
      const placement = this.flowStack(stackBlocks([block]), x)
      this.spaceAfter = block.style.spaceAfter ?? 0
      return placement
    })
  }

  /** Space still owed below the last placed block; collapsed with the next block's space before. */
  spaceAfter = 0

  /** Move down by the larger of `spaceBefore` and the owed space after, at most to a new page. */
  gap(spaceBefore: number): void {
    this.skip(Math.max(this.spaceAfter, spaceBefore))
    this.spaceAfter = 0
  }

  /** Height a block needs at a page foot: `minLines` lines, or all of it if it is too short to split. */
  private firstChunk(block: LaidBlock): number {
    const n = block.lines.length
    return (n < 2 * this.minLines ? n : this.minLines) * block.lineHeight
  }

  /** Draw a stack from the current y, continuing on new pages line by line. */
  private flowStack(stack: Stack, x: number): Placement {
    const total = stack.slots.length
    let placement: Placement | undefined
    let from = 0
    while (from < total) {
      const origin = stack.slots[from]!.top
      let fits = from
      while (fits < total && slotBottom(stack.slots[fits]!) - origin <= this.space + 1e-6) fits++
      let to = fits
      if (to < total) {
        // Widows and orphans: keep `minLines` together on both sides of the break.
        if (total - to < this.minLines) to = Math.max(from, total - this.minLines)
        if (to - from < this.minLines) to = from
        // At a page top there is nowhere better to go: take what fits (at least a line).
        if (to === from && this.atTop) to = Math.max(fits, from + 1)
      }
      if (to > from) {
        placement ??= {pageIndex: this.pageIndex, top: this.y}
        this.y = drawSlots(this.doc, stack, from, to, x, this.y)
      }
      from = to
      if (from < total) this.newPage()
    }
    return placement ?? {pageIndex: this.pageIndex, top: this.y}
  }
}
