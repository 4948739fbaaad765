/**
 * Line breaking for printed editions: styled text in, lines of single-face
 * runs with measured widths out. Pure apart from reading font files (through
 * the default measure); drawing is `layout.ts`'s business.
 *
 * Lines are filled greedily from atoms (`break-units.ts`). Atom widths are
 * summed while filling, which ignores kerning across atom edges, so every
 * finished line is re-measured run by run exactly as pdfkit will draw it and
 * gives its last atom back if it turns out too wide.
 */
import type {FontKey, FontStyle} from './fonts.js'
import {atomize, emergencyCuts, type Atom} from './break-units.js'
import {measureText, type Measure} from './measure.js'
import type {SpanTag} from './tagging.js'
import {assignFonts, normalizeText, UncoveredCharacterError, type UncoveredChar} from './script-runs.js'

/** A piece of paragraph text in one style. `color`/`link`/`tag` are passed through to the drawn runs. */
export interface TextSpan {
  text: string
  style?: FontStyle
  color?: string
  link?: string
  /** Its own inline element in a tagged document (another language, a mark). */
  tag?: SpanTag
}

/** Text drawn with one face and one span's attributes, at `x` from the line start. */
export interface LineRun {
  text: string
  font: FontKey
  /** Index of the span the text comes from. */
  span: number
  x: number
  width: number
}

export interface Line {
  runs: LineRun[]
  width: number
  /** UTF-16 offsets of the line's text in the normalised paragraph (edge spaces excluded). */
  start: number
  end: number
}

export interface BreakOptions {
  lang: string
  /** Font size in points. */
  size: number
  /** Available line width in points. */
  width: number
  measure?: Measure
}

// Rounding in PDF operators is to 1/100 pt; allow that much.
const EPSILON = 0.01

interface Prepared {
  text: string
  /** Span start offsets, ascending. */
  spanStarts: number[]
  /** Face per UTF-16 unit. */
  fontAt: FontKey[]
}

/** Concatenate spans into one normalised text, remembering span and face per character; throws `UncoveredCharacterError`. */
export function prepareParagraph(spans: readonly TextSpan[] | string, lang: string): Prepared {
  const list = typeof spans === 'string' ? [{text: spans}] : spans
  let text = ''
  const spanStarts: number[] = []
  const fontAt: FontKey[] = []
  const uncovered: UncoveredChar[] = []
  for (const span of list) {
    let part = normalizeText(span.text)
    // Whitespace collapses across span edges too ("a " + " b").
    if ((text === '' || text.endsWith(' ')) && part.startsWith(' ')) part = part.slice(1)
    spanStarts.push(text.length)
    for (const c of assignFonts(part, lang, span.style ?? 'regular')) {
      const char = part.slice(c.start, c.end)
      const codePoint = char.codePointAt(0)!
      if (!c.covered) uncovered.push({char, codePoint, hex: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`, index: text.length + c.start})
      for (let i = c.start; i < c.end; i++) fontAt.push(c.font)
    }
    text += part
  }
  // Never hand pdfkit a character it would draw as a missing-glyph box.
  if (uncovered.length > 0) throw new UncoveredCharacterError(uncovered, text)
  return {text, spanStarts, fontAt}
}

function spanAt(p: Prepared, offset: number): number {
  let span = 0
  while (span + 1 < p.spanStarts.length && p.spanStarts[span + 1]! <= offset) span++
  return span
}

/** Runs of one face and one span covering [start, end), positioned from x = 0. */
function buildRuns(p: Prepared, start: number, end: number, size: number, measure: Measure): LineRun[] {
  const runs: LineRun[] = []
  let x = 0
  let from = start
  for (let i = start + 1; i <= end; i++) {
    const boundary = i === end || p.fontAt[i] !== p.fontAt[from] || spanAt(p, i) !== spanAt(p, from)
    // Never cut a surrogate pair: fonts are assigned per code point.
    if (!boundary || (i < end && p.text.charCodeAt(i) >= 0xdc00 && p.text.charCodeAt(i) <= 0xdfff)) continue
    const text = p.text.slice(from, i)
    const font = p.fontAt[from]!
    const width = measure(text, font, size)
    runs.push({text, font, span: spanAt(p, from), x, width})
    x += width
    from = i
  }
  return runs
}

function atomWidth(p: Prepared, atom: Atom, size: number, measure: Measure): number {
  return buildRuns(p, atom.start, atom.end, size, measure).reduce((sum, r) => sum + r.width, 0)
}

/** Break a paragraph into lines no wider than `options.width` (a lone grapheme wider than a line is the only exception). */
export function breakLines(spans: readonly TextSpan[] | string, options: BreakOptions): Line[] {
  const measure = options.measure ?? measureText
  const {size, width: max, lang} = options
  const p = prepareParagraph(spans, lang)
  const queue = atomize(p.text, lang)
  const groups: Atom[][] = []
  let current: Atom[] = []
  let currentWidth = 0

  const finish = (): void => {
    while (current.length > 0 && current[current.length - 1]!.space) current.pop()
    if (current.length === 0) return
    const words = current.filter((a) => !a.space)
    if (widthOf(p, current, size, measure) > max + EPSILON && words.length > 1) {
      // Kerning made the line too wide after all: hand the last atom back.
      queue.unshift(current.pop()!)
      currentWidth = 0
      finish()
      return
    }
    groups.push(current)
    current = []
    currentWidth = 0
  }

  while (queue.length > 0) {
    const atom = queue.shift()!
    if (atom.space) {
      if (current.length > 0 && !current[current.length - 1]!.space) {
        current.push(atom)
        currentWidth += atomWidth(p, atom, size, measure)
      }
      continue
    }
    const w = atomWidth(p, atom, size, measure)
    if (currentWidth + w <= max + EPSILON) {
      current.push(atom)
      currentWidth += w
      continue
    }
    if (current.some((a) => !a.space)) {
      finish()
      queue.unshift(atom)
      continue
    }
    // The atom alone is wider than a line: cut it, least damaging cut first.
    const cuts = w > max + EPSILON ? emergencyCuts(p.text, atom) : []
    const usable = cuts.find((level) => level.every((a) => atomWidth(p, a, size, measure) <= max + EPSILON)) ?? cuts[cuts.length - 1]
    if (usable && usable.length > 1) {
      queue.unshift(...usable)
    } else {
      current.push(atom)
      currentWidth += w
      finish()
    }
  }
  finish()
  balanceLastLine(p, groups, options, measure)
  return groups.map((group) => {
    const start = group[0]!.start
    const end = group[group.length - 1]!.end
    const runs = buildRuns(p, start, end, size, measure)
    return {runs, width: runs.reduce((sum, r) => sum + r.width, 0), start, end}
  })
}

function widthOf(p: Prepared, atoms: readonly Atom[], size: number, measure: Measure): number {
  return buildRuns(p, atoms[0]!.start, atoms[atoms.length - 1]!.end, size, measure).reduce((sum, r) => sum + r.width, 0)
}

const PUNCTUATION = /[\p{P}\s]/u

/**
 * Whether a last line is too short to end a paragraph: one or two
 * characters plus punctuation ("た。", "한다."), or in text set in words a
 * single word alone that fills less than a quarter of the line.
 */
export function isShortLastLine(text: string, width: number, max: number, lang: string): boolean {
  const letters = Array.from(text).filter((c) => !PUNCTUATION.test(c)).length
  if (letters <= 2) return true
  // Japanese is not set in words: only the character count matters.
  return !lang.toLowerCase().startsWith('ja') && !text.includes(' ') && width < max * 0.25
}

/**
 * Pull atoms down from the line before a too-short last line, fewest first,
 * until the last line is not short any more, as long as it still fits and
 * the line before keeps at least half the measure and one word.
 */
function balanceLastLine(p: Prepared, groups: Atom[][], options: BreakOptions, measure: Measure): void {
  if (groups.length < 2 || !Number.isFinite(options.width)) return
  const {size, width: max, lang} = options
  const last = groups[groups.length - 1]!
  const before = groups[groups.length - 2]!
  const textOf = (atoms: readonly Atom[]) => p.text.slice(atoms[0]!.start, atoms[atoms.length - 1]!.end)
  if (!isShortLastLine(textOf(last), widthOf(p, last, size, measure), max, lang)) return
  const gap = p.text.slice(before[before.length - 1]!.end, last[0]!.start)
  for (let keep = before.length - 1; keep > 0; keep--) {
    const head = before.slice(0, keep)
    while (head.length > 0 && head[head.length - 1]!.space) head.pop()
    if (head.length === 0) return
    const moved = before.slice(head.length)
    while (moved.length > 0 && moved[0]!.space) moved.shift()
    if (moved.length === 0) continue
    const tail: Atom[] = [...moved, ...(gap.length > 0 ? [{start: before[before.length - 1]!.end, end: last[0]!.start, space: true}] : []), ...last]
    const tailWidth = widthOf(p, tail, size, measure)
    if (tailWidth > max + EPSILON || widthOf(p, head, size, measure) < max * 0.5) return
    if (isShortLastLine(textOf(tail), tailWidth, max, lang)) continue
    groups.splice(groups.length - 2, 2, head, tail)
    return
  }
}

/** The text of a line, as it will be extracted from the PDF (runs joined). */
export function lineText(line: Line): string {
  return line.runs.map((r) => r.text).join('')
}
