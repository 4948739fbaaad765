import type {} from 'pdfkit'
import {addOutlineItem} from '../../pdf/furniture.js'
import type {BlockStyle} from '../../pdf/layout.js'
import type {PageFlow, PageGeometry, Placement} from '../../pdf/page-flow.js'
import type {TextItem} from './structure.js'
import {COLORS, headingSize, INDENT, type TypeScale} from './theme.js'

/** Style of a heading or paragraph item at body size `body` (the column size in parallel editions). */
export function itemStyle(item: Pick<TextItem, 'kind' | 'depth' | 'list' | 'marker'>, scale: TypeScale, lang: string, body: number): BlockStyle {
  if (item.kind === 'heading') {
    const size = headingSize(scale, item.depth) * (body / scale.body)
    return {lang, size, spaceBefore: size * 0.9, spaceAfter: size * 0.45, keepWithNext: true, leading: lang === 'ja' || lang === 'ko' ? 1.5 : 1.3}
  }
  return {
    lang,
    size: body,
    // Spacing collapses to the larger side, so a paragraph after a tight list still gets a paragraph's space.
    spaceBefore: body * (item.list > 0 ? 0.35 : 0.7),
    spaceAfter: body * (item.list > 0 ? 0.35 : 0.7),
    ...(item.list > 0 ? {indent: item.list * INDENT.list} : {}),
    ...(item.marker ? {marker: item.marker} : {})
  }
}

/**
 * Start a new page unless `needed` points fit below the current position.
 * Used to keep a heading with the first lines of whatever follows it, which
 * `PageFlow.place` can only do for blocks placed in the same call.
 */
export function keepTogether(flow: PageFlow, needed: number): void {
  if (needed > flow.space && !flow.atTop && needed <= flow.frame.height) flow.newPage()
}

/** A hairline across `width` points at the current position, with space around it, inside the body frame. */
export function drawRule(flow: PageFlow, x: number, width: number, space = 6): void {
  flow.gap(space)
  if (flow.space < 2 * space) flow.newPage()
  const y = flow.y + space / 2
  flow.doc
    .save()
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore()
  flow.y += space
  flow.spaceAfter = space
}

/** Outline entries nested by heading depth: an H2 goes under the H1 before it. */
export class Outline {
  private readonly open: Array<{depth: number; item: PDFKit.PDFOutline}> = []

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly geometry: PageGeometry
  ) {}

  add(title: string, depth: number, at: Placement): void {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.depth >= depth) this.open.pop()
    const parent = this.open[this.open.length - 1]?.item
    const item = addOutlineItem(this.doc, title.trim() || '—', at, this.geometry, parent)
    this.open.push({depth, item})
  }
}
