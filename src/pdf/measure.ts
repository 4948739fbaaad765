/**
 * Text widths as pdfkit will draw them, without needing a document.
 *
 * pdfkit's embedded fonts shape a string piecewise: it cuts after every space
 * or tab, shapes each piece with fontkit's default features (kerning,
 * ligatures) and sums the advances. Doing exactly the same here means a line
 * laid out by `line-break.ts` has the width pdfkit gives it when drawn, so
 * right margins and column gutters hold to the point.
 */
import type {} from 'pdfkit'
import {loadFont, type FontKey} from './fonts.js'

/** Width in points of `text` drawn with face `font` at `size` points. */
export type Measure = (text: string, font: FontKey, size: number) => number

// Widths in thousandths of an em, per face and piece, for the whole process.
const pieceCache = new Map<FontKey, Map<string, number>>()

function pieceWidth(font: FontKey, piece: string): number {
  let cache = pieceCache.get(font)
  if (!cache) pieceCache.set(font, (cache = new Map()))
  let width = cache.get(piece)
  if (width === undefined) {
    const face = loadFont(font)
    width = (face.layout(piece).advanceWidth * 1000) / face.unitsPerEm
    cache.set(piece, width)
  }
  return width
}

/** Split like pdfkit's `EmbeddedFont.layout`: each piece ends after a space or tab. */
export function shapingPieces(text: string): string[] {
  const pieces: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === ' ' || ch === '\t') {
      pieces.push(text.slice(start, i + 1))
      start = i + 1
    }
  }
  if (start < text.length) pieces.push(text.slice(start))
  return pieces
}

/** The default measure: fontkit shaping, cached per piece for the whole process. */
export const measureText: Measure = (text, font, size) => {
  let width = 0
  for (const piece of shapingPieces(text)) width += pieceWidth(font, piece)
  return (width * size) / 1000
}

/**
 * A measure that asks a pdfkit document (`widthOfString`). Slower, and it
 * changes the document's current font and size; useful to cross-check
 * `measureText` or when a caller already holds a document.
 */
export function documentMeasure(doc: PDFKit.PDFDocument): Measure {
  return (text, font, size) => doc.font(font).fontSize(size).widthOfString(text)
}

/** Drop cached widths (for tests that compare cold and warm timings). */
export function clearMeasureCache(): void {
  pieceCache.clear()
}
