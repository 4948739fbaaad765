/**
 * Colours for print. pdfkit writes every colour as DeviceRGB, so black text
 * would print from four inks on a press (a "rich black") and greys as
 * mixtures. A neutral colour (red = green = blue) is written in DeviceGray
 * instead: black text prints in one ink, and PDF/A accepts DeviceGray under
 * any output intent. Viewers show the same grey either way. Colours that
 * are colours (marks, links) stay RGB, under the sRGB output intent.
 */
import type {} from 'pdfkit'

const NAMED: Readonly<Record<string, number>> = {black: 0, white: 1}

/** The grey level (0 black to 1 white) of a neutral `#rgb`, `#rrggbb` or named colour, else undefined. */
export function greyLevel(color: string): number | undefined {
  if (color in NAMED) return NAMED[color]
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)
  if (!m) return undefined
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
  return r === g && g === b ? r! / 255 : undefined
}

// Three decimals are finer than any printer's grey steps, and keep the bytes short.
const level = (grey: number): string => String(Math.round(grey * 1000) / 1000)

/** Set the fill colour: DeviceGray for neutral colours, pdfkit's RGB otherwise. */
export function fillInk(doc: PDFKit.PDFDocument, color: string): PDFKit.PDFDocument {
  const grey = greyLevel(color)
  return grey === undefined ? doc.fillColor(color) : doc.addContent(`${level(grey)} g`)
}

/** Set the stroke colour, likewise. */
export function strokeInk(doc: PDFKit.PDFDocument, color: string): PDFKit.PDFDocument {
  const grey = greyLevel(color)
  return grey === undefined ? doc.strokeColor(color) : doc.addContent(`${level(grey)} G`)
}
