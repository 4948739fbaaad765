/**
 * Blocks (headings, paragraphs, list items) laid out into lines, stacked
 * into columns, and drawn with pdfkit at explicit positions.
 *
 * Every run is drawn with `lineBreak: false` at a computed baseline, so
 * pdfkit never wraps or paginates on its own; where text goes is decided
 * here and in `page-flow.ts`, which is what makes the margin and column
 * guarantees checkable.
 *
 * Vertical model: a line box is `size × leading` tall and its baseline sits
 * the tallest ascender of all faces below the line top, with the rest of the
 * leading below. Glyphs of every face therefore stay inside their line box,
 * and two columns that start at the same y share their first baseline
 * whatever their languages or leading.
 */
import type {} from 'pdfkit'
import {commonMetrics, pinCodePoints} from './fonts.js'
import {cachedBreakLines} from './line-cache.js'
import {fillInk} from './ink.js'
import {breakLines, type Line, type TextSpan} from './line-break.js'
import type {Measure} from './measure.js'
import {lineSpread, NO_SPREAD, spreadPieces, spreadWidth, type Spread} from './justify.js'
import {pdfString} from './pdfkit-private.js'
import {LineTagger, type BlockTag} from './tagging.js'

export interface BlockStyle {
  lang: string
  /** Font size in points. */
  size: number
  /** Line height as a multiple of the size; never less than the faces' ascender-to-descender height. */
  leading?: number
  spaceBefore?: number
  spaceAfter?: number
  /** Left indent of every line (list items); widened to fit the marker. */
  indent?: number
  /** Hanging marker drawn in the indent on the first line, e.g. "•" or "3.". */
  marker?: string
  align?: 'left' | 'center' | 'right'
  /** Spread every line but the last to the measure, in the languages that are set so (`justify.ts`). */
  justify?: boolean
  /** Default text colour; a span's `color` wins. */
  color?: string
  /** Do not end a page after this block (headings). */
  keepWithNext?: boolean
  /** The structure element its lines are content of; required in a tagged document. */
  tag?: BlockTag
}

export interface LaidBlock {
  spans: TextSpan[]
  lines: Line[]
  marker?: Line
  style: BlockStyle
  /** Width the lines were broken for, including the indent. */
  width: number
  indent: number
  lineHeight: number
  /** Distance from a line's top to its baseline. */
  baseline: number
  /** Height of all lines (spacing excluded). */
  height: number
}

const MARKER_GAP = 0.5

/** Default leading per language: CJK text needs more air between lines than Latin or Cyrillic. */
export function defaultLeading(lang: string): number {
  const primary = lang.toLowerCase().split('-')[0]
  return primary === 'ja' ? 1.75 : primary === 'ko' ? 1.7 : 1.5
}

/** Break a block's text for `width` points and compute its line geometry. */
export function layoutBlock(spans: readonly TextSpan[] | string, width: number, style: BlockStyle, measure?: Measure): LaidBlock {
  const list = typeof spans === 'string' ? [{text: spans}] : [...spans]
  const {ascender, descender} = commonMetrics()
  const minLeading = (ascender - descender) / 1000
  const lineHeight = style.size * Math.max(style.leading ?? defaultLeading(style.lang), minLeading)
  const breakOptions = {lang: style.lang, size: style.size, ...(measure ? {measure} : {})}
  const marker = style.marker ? breakLines(style.marker, {...breakOptions, width: Number.POSITIVE_INFINITY})[0] : undefined
  const indent = Math.max(style.indent ?? 0, marker ? marker.width + MARKER_GAP * style.size : 0)
  const lines = cachedBreakLines(list, {...breakOptions, width: Math.max(width - indent, style.size)})
  return {
    spans: list,
    lines,
    ...(marker ? {marker} : {}),
    style,
    width,
    indent,
    lineHeight,
    baseline: (ascender * style.size) / 1000,
    height: lines.length * lineHeight
  }
}

/** Draw line `index` of a block with its line box top at `top`, the block's left edge at `x`. */
export function drawLine(doc: PDFKit.PDFDocument, block: LaidBlock, index: number, x: number, top: number): void {
  const line = block.lines[index]
  if (!line) return
  const {style} = block
  const room = block.width - block.indent
  const shift = style.align === 'right' ? room - line.width : style.align === 'center' ? (room - line.width) / 2 : 0
  const left = x + block.indent + Math.max(0, shift)
  const baseline = top + block.baseline
  const tagger = new LineTagger(doc, style.tag)
  if (index === 0 && block.marker) {
    tagger.marker()
    drawRuns(doc, block.marker, [{text: '', color: style.color}], left - shift - block.marker.width - MARKER_GAP * style.size, baseline, block)
  }
  // A paragraph's last line stays at its natural width.
  const justified = style.justify && (style.align ?? 'left') === 'left' && index < block.lines.length - 1
  const spread = justified ? lineSpread(line, room, style.lang, style.size) : NO_SPREAD
  drawRuns(doc, line, block.spans, left, baseline, block, tagger, spread)
  tagger.end()
}

function drawRuns(doc: PDFKit.PDFDocument, line: Line, spans: readonly TextSpan[], left: number, baseline: number, block: LaidBlock, tagger?: LineTagger, spread: Spread = NO_SPREAD): void {
  const {size} = block.style
  let shift = 0
  for (const run of line.runs) {
    const span = spans[run.span]
    const link = tagger?.span(run.span, span)
    pinCodePoints(run.font, run.text)
    const x = left + run.x + shift
    const ink = fillInk(doc.font(run.font).fontSize(size), span?.color ?? block.style.color ?? 'black')
    for (const piece of spreadPieces(run.text, run.font, size, spread)) {
      ink.text(piece.text, x + piece.dx, baseline, {lineBreak: false, baseline: 'alphabetic', ...(spread.char > 0 ? {characterSpacing: spread.char} : {})})
    }
    const extra = spreadWidth(run.text, spread)
    if (span?.link) {
      // In a tagged document the annotation belongs to its `Link` element and says where it leads (PDF/UA-1 §7.18.5).
      const options = link ? {structParent: link, Contents: pdfString(span.text)} : {}
      doc.link(x, baseline - block.baseline, run.width + extra, block.lineHeight, span.link, options)
    }
    shift += extra
  }
}

/** One line of a stacked column, with its top relative to the stack's top. */
export interface Slot {
  block: LaidBlock
  line: number
  top: number
}

/** Blocks stacked into one column: lines with positions, spacing between blocks collapsed (larger one wins). */
export interface Stack {
  slots: Slot[]
  height: number
}

export function stackBlocks(blocks: readonly LaidBlock[]): Stack {
  const slots: Slot[] = []
  let y = 0
  let pendingSpace = 0
  for (const block of blocks) {
    if (block.lines.length === 0) continue
    if (slots.length > 0) y += Math.max(pendingSpace, block.style.spaceBefore ?? 0)
    block.lines.forEach((_, line) => slots.push({block, line, top: y + line * block.lineHeight}))
    y += block.height
    pendingSpace = block.style.spaceAfter ?? 0
  }
  return {slots, height: y}
}

/** Bottom of a slot relative to the stack's top. */
export function slotBottom(slot: Slot): number {
  return slot.top + slot.block.lineHeight
}

/**
 * Draw slots [from, to) of a stack so that slot `from` has its top at `y`.
 * Returns the y just below the last drawn line.
 */
export function drawSlots(doc: PDFKit.PDFDocument, stack: Stack, from: number, to: number, x: number, y: number): number {
  const first = stack.slots[from]
  if (!first) return y
  let bottom = y
  for (let i = from; i < to; i++) {
    const slot = stack.slots[i]!
    const top = y + slot.top - first.top
    drawLine(doc, slot.block, slot.line, x, top)
    bottom = top + slot.block.lineHeight
  }
  return bottom
}
