/**
 * Broken lines, kept from one build to the next.
 *
 * A rebuild after one changed sentence prints its PDFs again, and breaking
 * every other paragraph into lines again (measuring each word, choosing
 * the breaks) is a third of the time of each: the same paragraph, at the
 * same width and size, breaks the same way. So the lines of each
 * paragraph are stored with the shaped pieces (`LINES`, a table of the
 * shaping store, saved in the same file, see `src/engine/shaping-file.ts`)
 * and handed back.
 *
 * Only the default measure is cached (the one that builds use). Lines also
 * depend on the fonts, which the shaping file is tied to, and on this
 * code: the file keeps lines only for the code that broke them.
 */
import {allFontKeys} from './fonts.js'
import {breakLines, type BreakOptions, type Line, type TextSpan} from './line-break.js'
import {LINES, shapingStore} from './shaping-cache.js'

const faces = new Set<string>(allFontKeys())

/** What the lines of a paragraph depend on besides fonts and code (JSON: no two paragraphs share a key, whatever their text holds). */
function keyOf(spans: readonly TextSpan[], {lang, size, width}: BreakOptions): string {
  return JSON.stringify([lang, size, width, spans.map((span) => [span.style ?? '', span.text])])
}

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value)

/** Stored lines, when they are lines (a damaged file is not trusted). */
function revive(stored: string): Line[] | undefined {
  try {
    const lines = JSON.parse(stored) as unknown
    if (!Array.isArray(lines)) return undefined
    for (const line of lines as Line[]) {
      if (!line || !Array.isArray(line.runs) || !finite(line.width) || !finite(line.start) || !finite(line.end)) return undefined
      for (const run of line.runs) {
        if (!run || typeof run.text !== 'string' || !faces.has(run.font) || !finite(run.span) || !finite(run.x) || !finite(run.width)) return undefined
      }
    }
    return lines as Line[]
  } catch {
    return undefined
  }
}

/** `breakLines`, answered from the store when the paragraph was broken before (by this process or a stored build). */
export function cachedBreakLines(spans: readonly TextSpan[], options: BreakOptions): Line[] {
  if (options.measure) return breakLines(spans, options)
  const store = shapingStore()
  const key = keyOf(spans, options)
  const stored = store.known.get(LINES)?.get(key) ?? store.added.get(LINES)?.get(key)
  // Parsed on each hit: every caller gets lines of its own.
  const hit = stored === undefined ? undefined : revive(stored)
  if (hit) return hit
  // A damaged entry is replaced by the lines broken now when the store is saved.
  if (stored !== undefined) store.known.get(LINES)?.delete(key)
  const lines = breakLines(spans, options)
  let added = store.added.get(LINES)
  if (!added) store.added.set(LINES, (added = new Map()))
  added.set(key, JSON.stringify(lines))
  return lines
}
