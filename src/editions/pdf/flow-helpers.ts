import type {} from 'pdfkit'
import {addOutlineItem, drawHairline} from '../../pdf/furniture.js'
import type {BlockStyle} from '../../pdf/layout.js'
import type {PageFlow, PageGeometry, Placement} from '../../pdf/page-flow.js'
import type {ContentTag} from '../../pdf/tagging.js'
import type {TextItem} from './structure.js'
import type {StructureBuilder} from './tags.js'
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
    // Japanese and Korean body text is justified, as books in those languages are set (JLREQ, KLREQ).
    justify: true,
    ...(item.list > 0 ? {indent: item.list * INDENT.list} : {}),
    ...(item.marker ? {marker: item.marker} : {})
  }
}

/**
 * The elements of a heading or paragraph, one per column (`langs`: each
 * column's own language when it differs from the document's, as for the
 * English column of a parallel edition), in its section and containers: a
 * heading at the top level opens a `Sect`; a list item's or footnote's
 * marker becomes the `Lbl` of the first column, and its repeat in the
 * second column an artifact.
 */
export function itemTags(tags: StructureBuilder, item: TextItem, langs: ReadonlyArray<string | undefined> = [undefined]): ContentTag[] {
  const options = (lang: string | undefined) => (lang ? {lang} : {})
  if (item.kind === 'heading') {
    if (item.path.length === 0) tags.section(item.depth)
    else tags.enter(item)
    return langs.map((lang) => tags.block(`H${Math.min(Math.max(item.depth, 1), 6)}`, options(lang)))
  }
  const label = tags.enter(item)
  return langs.map((lang, c) => tags.block('P', options(lang), c === 0 ? label : undefined))
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
  drawHairline(flow.doc, x, x + width, flow.y + space / 2, 0.5, COLORS.rule)
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
