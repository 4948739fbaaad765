import {justifies} from '../../pdf/justify.js'
import {bodyFrame, defaultGeometry, type PageGeometry, type PageSizeName} from '../../pdf/page-flow.js'

/**
 * Colours of the printed editions. Missing English is a mid grey that still
 * reads on a laser printer; markers are a darker brown (missing) or red
 * (stale) so that they stay distinct from each other in greyscale too.
 */
export const COLORS = {
  text: '#000000',
  muted: '#555555',
  missingText: '#707070',
  missingMark: '#7a4a00',
  staleMark: '#a3231a',
  draftMark: '#5b4a8a',
  draft: '#a3231a',
  link: '#1a4a8c',
  rule: '#999999'
} as const

/** Type sizes in points for a page size; A5 is set a step smaller. */
export interface TypeScale {
  body: number
  small: number
  title: number
  headings: readonly number[]
  /** Body size in the two-column parallel edition. */
  column: number
}

export function typeScale(size: PageSizeName): TypeScale {
  return size === 'A5'
    ? {body: 9.5, small: 8, title: 15, headings: [14, 12, 11, 10.5, 10, 9.5], column: 8.5}
    : {body: 10.5, small: 8.5, title: 18, headings: [16, 13.5, 12, 11, 10.5, 10.5], column: 9.5}
}

export const headingSize = (scale: TypeScale, depth: number): number => scale.headings[Math.min(Math.max(depth, 1), 6) - 1]!

/** Indents in points: one level of blockquote, one level of list. */
export const INDENT = {quote: 18, list: 16} as const

/** Widest measure for text set in words, in ems of the body size: about 68 characters of English. */
export const WORD_MEASURE = 33

/**
 * The page of a one-language edition. English and Mongolian read best at
 * 60–75 characters a line, and A4 at 10.5 pt holds about 95, so their side
 * margins widen until the measure is `WORD_MEASURE` ems (the type stays the
 * size of the other editions). Japanese and Korean are justified on the full
 * measure, about 45 characters.
 */
export function editionGeometry(size: PageSizeName, lang: string): PageGeometry {
  const geometry = defaultGeometry(size)
  if (justifies(lang)) return geometry
  const extra = (bodyFrame(geometry).width - WORD_MEASURE * typeScale(size).body) / 2
  if (extra <= 0) return geometry
  const {margins} = geometry
  return {...geometry, margins: {...margins, left: margins.left + extra, right: margins.right + extra}}
}
