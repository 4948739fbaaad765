/**
 * Justification: a line's slack (measure minus natural width) spread over
 * the line's gaps when it is drawn, so the line ends on the measure. The
 * breaks are not changed, only where each run starts.
 *
 * - Japanese (JLREQ 3.8): between every two characters, with the PDF's
 *   character spacing (`Tc`, pdfkit's `characterSpacing`), so the text
 *   stays whole runs and extracts without spurious spaces.
 * - Korean (KLREQ): at the word spaces. pdfkit's `wordSpacing` would drop
 *   the space characters from the text, so each word is drawn at its own
 *   position instead and keeps its real space. When the spaces would grow
 *   past `MAX_WORD` ems, the rest goes between characters, as the Japanese
 *   way does.
 * - Other languages are not justified here (ragged right).
 *
 * The slack goes into the gaps between characters: the last glyph ends
 * exactly on the measure, and the spacing `Tc` adds after it is not ink.
 */
import {measureText} from './measure.js'
import type {Line} from './line-break.js'

/** Extra points after every character and after every space of a line. */
export interface Spread {
  char: number
  word: number
}

export const NO_SPREAD: Spread = {char: 0, word: 0}

// Most a word space may grow, in ems; most a character gap may grow, in ems (wider looks letter-spaced).
// Korean word spaces past about half an em read as holes in a narrow parallel column (and text
// extraction cuts the line there); the rest of the slack goes between characters instead.
const MAX_WORD = 0.4
const MAX_CHAR = 0.25

const count = (text: string): number => Array.from(text).length
const spaces = (text: string): number => text.split(' ').length - 1

/** Whether `lang` is justified when a block asks for it. */
export function justifies(lang: string): boolean {
  const primary = lang.toLowerCase().split('-')[0]
  return primary === 'ja' || primary === 'ko'
}

/** How to spread `line` over `room` points in `lang` at `size` points. */
export function lineSpread(line: Line, room: number, lang: string, size: number): Spread {
  const slack = room - line.width
  if (slack <= 0.01 || !justifies(lang)) return NO_SPREAD
  const text = line.runs.map((r) => r.text).join('')
  const chars = count(text)
  if (chars < 2) return NO_SPREAD
  let word = 0
  if (lang.toLowerCase().startsWith('ko')) {
    const gaps = spaces(text)
    if (gaps > 0) word = Math.min(slack / gaps, MAX_WORD * size)
  }
  const rest = slack - word * spaces(text)
  const char = rest > 0.01 ? rest / (chars - 1) : 0
  // A line that would need more is left as it is rather than letter-spaced.
  if (char > MAX_CHAR * size) return word > 0 ? {char: 0, word} : NO_SPREAD
  return {char, word}
}

/** Extra width `spread` gives `text`. */
export function spreadWidth(text: string, spread: Spread): number {
  if (spread === NO_SPREAD) return 0
  return spread.char * count(text) + spread.word * spaces(text)
}

/**
 * The pieces a run is drawn as, with their offsets from the run's start:
 * the whole run when only characters are spread, else one piece per word
 * with its trailing space (the pieces pdfkit shapes separately anyway).
 */
export function spreadPieces(text: string, font: Parameters<typeof measureText>[1], size: number, spread: Spread): Array<{text: string; dx: number}> {
  if (spread.word === 0 || !text.includes(' ')) return [{text, dx: 0}]
  const pieces: Array<{text: string; dx: number}> = []
  let dx = 0
  for (const piece of text.match(/[^ ]* ?/g)!.filter((p) => p !== '')) {
    pieces.push({text: piece, dx})
    dx += measureText(piece, font, size) + spreadWidth(piece, spread)
  }
  return pieces
}
