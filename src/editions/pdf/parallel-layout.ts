import type {Edition} from '../align.js'
import type {Options} from '../../core/options.js'
import type {Translate} from '../../core/ui-strings.js'
import {drawHairline, furnitureLine} from '../../pdf/furniture.js'
import {drawLine, layoutBlock, type BlockStyle, type LaidBlock} from '../../pdf/layout.js'
import type {TextSpan} from '../../pdf/line-break.js'
import {bodyFrame, marginFrame, type Frame, type PageGeometry, type PageSizeName} from '../../pdf/page-flow.js'
import {columnBoxes, type ColumnBox} from '../../pdf/parallel-rows.js'
import {asArtifact} from '../../pdf/tagging.js'
import {COLORS, editionGeometry} from './theme.js'
import {footerSpans} from './title-block.js'

export const GUTTER = 18

/** The narrowest and widest share of the width the English column takes when the share is measured. */
const SHARE_RANGE = [0.4, 0.6] as const

/**
 * The English column's share of the width: `pdf.columnRatio` when set,
 * else from the two texts' measured lengths. Each text's height when laid
 * out in equal columns (lines × line height, so the taller CJK leading
 * counts) is what it needs at that width; giving each column width in
 * proportion makes both end near the same height, so a Korean or Japanese
 * column is not left half empty beside the English. Clamped, so a short
 * translation never squeezes the English into a strip.
 */
export function columnShare(options: Options, heights: readonly [number, number]): number {
  if (options.pdf.columnRatio !== null) return options.pdf.columnRatio
  const [source, target] = heights
  if (source + target <= 0) return 0.5
  // Rounded, so that float noise never changes the bytes of a PDF.
  const share = Math.round((source / (source + target)) * 1000) / 1000
  return Math.min(SHARE_RANGE[1], Math.max(SHARE_RANGE[0], share))
}

/** Height of `spans` laid out `width` points wide in `style`. */
export function measuredHeight(spans: readonly TextSpan[], width: number, style: BlockStyle): number {
  return spans.length === 0 ? 0 : layoutBlock(spans, width, style).height
}

/**
 * Where each language goes: in the columns mode two columns of the body
 * frame split by `share`; on facing pages the whole frame, on the left
 * page (English) and on the right page (the translation).
 */
export function parallelBoxes(frame: Frame, facing: boolean, share: number, size: PageSizeName, languages: readonly string[]): ColumnBox[] {
  // Each facing page has its language's measure, as in its own edition (English at about 68 characters).
  if (facing) return languages.map((lang, side) => ({x: bodyFrame(editionGeometry(size, lang)).x, width: bodyFrame(editionGeometry(size, lang)).width, side}))
  if (share === 0.5) return columnBoxes(frame, 2, GUTTER)
  const left = (frame.width - GUTTER) * share
  return [
    {x: frame.x, width: left},
    {x: frame.x + left + GUTTER, width: frame.width - GUTTER - left}
  ]
}

/** The continuation cue of each language, set small and flush right under its column. */
export function continuationCues(boxes: readonly ColumnBox[], languages: readonly string[], t: Translate, size: number): LaidBlock[] {
  return boxes.map((box, c) => layoutBlock([{text: t(languages[c]!, 'continued')}], box.width, {lang: languages[c]!, size: size * 0.85, leading: 1.45, align: 'right', color: COLORS.muted}))
}

/**
 * A running head: a long short title (the Mongolian one) is set a little
 * smaller rather than cut; only one too long even at 80% is cut.
 */
function runningHead(title: string, width: number, style: BlockStyle): LaidBlock {
  for (const scale of [1, 0.9, 0.8]) {
    const block = layoutBlock([{text: title}], width, {...style, size: style.size * scale})
    if (block.lines.length <= 1) return block
  }
  return furnitureLine({spans: title}, width, {...style, size: style.size * 0.8})
}

export interface FurnitureInput {
  editions: readonly Edition[]
  /** Each edition's running title (its translated short title). */
  titles: readonly string[]
  draft: string | undefined
  t: Translate
  size: number
  /** Columns: one head per column on every page. Facing: each page's text box; page 1 is the title page, then spreads. */
  boxes: readonly ColumnBox[]
  facing: boolean
}

/**
 * Running heads and one folio per page. In the columns mode each column
 * has its head in its language, and the one folio is centred in the
 * translation's language (the document's), as a bilingual book numbers
 * its pages once. On facing pages each page has one head and one folio in
 * its own language; the title page has a folio only (no head, as in
 * books). A draft says so before every folio, in the translation's words.
 */
export function drawParallelFurniture(doc: PDFKit.PDFDocument, geometry: PageGeometry, input: FurnitureInput): void {
  const {editions, titles, draft, t, size, boxes, facing} = input
  const frame = marginFrame(geometry)
  const target = editions[editions.length - 1]!.language
  const style = (lang: string): BlockStyle => ({lang, size, leading: 1.45, color: '#444444'})
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    // Facing: page 1 (i 0) is the title page; then left pages (odd i) are English, right pages the translation.
    const columns = facing ? (i === 0 ? [] : [i % 2 === 1 ? 0 : 1]) : editions.map((_, c) => c)
    let lineHeight = 0
    // A facing page's head and rule span its text's measure, as in the one-language edition.
    const rule = facing && columns.length > 0 ? boxes[columns[0]!]! : frame
    for (const c of columns) {
      const box = boxes[c]!
      const header = runningHead(titles[c]!, box.width, style(editions[c]!.language))
      asArtifact(doc, 'Pagination', () => drawLine(doc, header, 0, box.x, frame.y))
      lineHeight = Math.max(lineHeight, header.lineHeight)
    }
    const language = facing && columns[0] === 0 ? editions[0]!.language : target
    const folio = t(language, 'page', {page: i + 1, pages: range.count})
    const spans: TextSpan[] = draft && language !== target ? [...footerSpans('', draft, target).slice(0, 1), {text: ` · ${folio}`}] : footerSpans(folio, draft, language)
    const footer = furnitureLine({spans, align: 'center'}, frame.width, {...style(language), size})
    asArtifact(doc, 'Pagination', () => drawLine(doc, footer, 0, frame.x, frame.y + frame.height - footer.lineHeight))
    if (columns.length > 0) drawHairline(doc, rule.x, rule.x + rule.width, frame.y + Math.min(geometry.header, lineHeight + 2), 0.4, COLORS.rule)
  }
}
