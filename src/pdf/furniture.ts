/**
 * Page furniture drawn after the body: running headers and "Page N of M"
 * footers (the page count is only known at the end, hence `bufferPages`),
 * and outline entries that point at the heading rather than the page top.
 */
import type {} from 'pdfkit'
import {drawLine, layoutBlock, type BlockStyle, type LaidBlock} from './layout.js'
import type {TextSpan} from './line-break.js'
import {marginFrame, PAGE_SIZES, type PageGeometry, type Placement} from './page-flow.js'
import {strokeInk} from './ink.js'
import {pageObjects, setOutlineDestination} from './pdfkit-private.js'
import {asArtifact} from './tagging.js'

export interface FurnitureText {
  spans: readonly TextSpan[] | string
  align?: 'left' | 'center' | 'right'
}

export interface FurnitureOptions {
  lang: string
  /** Font size of header and footer; default 8 pt. */
  size?: number
  color?: string
  /** Header for a page (0-based index, page count); undefined for none. */
  header?: (pageIndex: number, pageCount: number) => FurnitureText | undefined
  footer?: (pageIndex: number, pageCount: number) => FurnitureText | undefined
  /** Hairline under the header band. */
  rule?: boolean
}

/**
 * Lay out one line of furniture. Text that does not fit on one line is
 * shortened at a grapheme and ends with "…", so a long document title never
 * spills out of the header band.
 */
export function furnitureLine(text: FurnitureText, width: number, style: BlockStyle): LaidBlock {
  const spans: TextSpan[] = typeof text.spans === 'string' ? [{text: text.spans}] : [...text.spans]
  const full = {...style, align: text.align ?? style.align ?? 'left'}
  let block = layoutBlock(spans, width, full)
  if (block.lines.length <= 1) return block
  let flat = spans.map((s) => s.text).join('')
  const graphemes = Array.from(new Intl.Segmenter(style.lang, {granularity: 'grapheme'}).segment(flat), (s) => s.segment)
  let keep = Math.max(1, block.lines[0]!.end)
  while (keep > 1) {
    flat = graphemes.slice(0, keep).join('').trimEnd() + '…'
    block = layoutBlock([{...spans[0], text: flat}], width, full)
    if (block.lines.length <= 1) return block
    keep--
  }
  return block
}

/** Draw headers and footers on every buffered page, inside the margins. */
export function drawPageFurniture(doc: PDFKit.PDFDocument, geometry: PageGeometry, options: FurnitureOptions): void {
  const range = doc.bufferedPageRange()
  const frame = marginFrame(geometry)
  const style: BlockStyle = {lang: options.lang, size: options.size ?? 8, leading: 1.45, color: options.color ?? '#444444'}
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    const header = options.header?.(i, range.count)
    // Running heads, folios and the rule repeat on every page: artifacts, not content (PDF/UA-1 §7.8).
    if (header) {
      const block = furnitureLine(header, frame.width, style)
      // The band is at least a line tall by construction of the geometry; keep the line at its top.
      asArtifact(doc, 'Pagination', () => drawLine(doc, block, 0, frame.x, frame.y))
      if (options.rule) drawHairline(doc, frame.x, frame.x + frame.width, frame.y + Math.min(geometry.header, block.lineHeight + 2), 0.4, options.color ?? '#999999')
    }
    const footer = options.footer?.(i, range.count)
    if (footer) {
      const block = furnitureLine(footer, frame.width, style)
      asArtifact(doc, 'Pagination', () => drawLine(doc, block, 0, frame.x, frame.y + frame.height - block.lineHeight))
    }
  }
}

/** A horizontal rule from `x1` to `x2` at `y`: decoration, so an artifact in a tagged document. */
export function drawHairline(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, width: number, color: string): void {
  asArtifact(doc, 'Layout', () => {
    strokeInk(doc.save().lineWidth(width), color).moveTo(x1, y).lineTo(x2, y).stroke().restore()
  })
}

/**
 * Add an outline (bookmark) entry that opens at a placed heading. pdfkit's
 * own `addItem` can only target a page's top or a computed `XYZ` whose left
 * coordinate is off by the page width, so the destination is set here.
 * Returns the entry, to nest sub-headings under it.
 */
export function addOutlineItem(doc: PDFKit.PDFDocument, title: string, at: Placement, geometry: PageGeometry, parent?: PDFKit.PDFOutline): PDFKit.PDFOutline {
  const pages = pageObjects(doc)
  const page = pages[at.pageIndex]
  if (!page) throw new Error(`Unexpected page index ${at.pageIndex}, expected 0 to ${pages.length - 1}`)
  // `pageNumber` is a runtime option missing from the type declarations (a
  // variable, not a literal, so the extra property is allowed without a cast).
  const options = {pageNumber: at.pageIndex, expanded: true}
  const item = (parent ?? doc.outline).addItem(title, options)
  const height = PAGE_SIZES[geometry.size][1]
  setOutlineDestination(item, [page, 'XYZ', null, height - at.top, null])
  return item
}
