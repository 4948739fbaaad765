/**
 * Shaped text, kept from one build to the next.
 *
 * fontkit's shaping is the slowest step of a small PDF: a Korean word takes
 * about half a millisecond (the Hangul shaper and the GSUB/GPOS lookups of a
 * 6 MB face), and the first words of a process pay for decoding those tables
 * too. A rebuild after one changed sentence shapes the same words again, so
 * the glyph IDs and positions of every piece are stored (see
 * `src/engine/shaping-file.ts` for the file) and handed back instead.
 *
 * The wrapped font returns the font's own glyph objects (`getGlyph`), exactly
 * what a fresh `layout` returns, so pdfkit subsets, measures and maps to
 * Unicode the same way and the PDF bytes do not depend on the cache.
 */

/**
 * One shaped piece, as text: its glyphs separated by `;`, each
 * `id,xAdvance,yAdvance,xOffset,yOffset` followed by the glyph's code
 * points, all separated by `,`. A string per piece rather than nested
 * arrays: the file of a build holds thousands of pieces, and JSON reads and
 * writes strings several times faster than small arrays, which a
 * one-segment rebuild (reading and writing the whole file) notices.
 */
export type StoredRun = string

/** The store's table of broken paragraphs (see line-cache.ts): a key per paragraph, its lines as JSON. */
export const LINES = 'lines'

/** What a stored piece may hold: numbers (as `String(number)` writes them) and separators. */
const STORED_RUN = /^[-+.,;\deE]*$/

/** Whether `entry`, read from a file, may be kept in `table`: a face's shaped piece, or lines (JSON, checked when used). */
export const storable = (table: string, entry: unknown): entry is string => typeof entry === 'string' && (table === LINES || STORED_RUN.test(entry))

interface Glyph {
  id: number
  codePoints: number[]
  advanceWidth: number
}

interface Position {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
}

interface ShapingFont {
  layout(text: string, ...rest: unknown[]): {glyphs: Glyph[]; positions: Position[]}
  getGlyph(id: number, codePoints?: number[]): Glyph
}

/** Shaped pieces per face, and broken paragraphs (table `LINES`): those loaded from the last build, and those made in this process. */
export interface ShapingStore {
  known: Map<string, Map<string, StoredRun>>
  added: Map<string, Map<string, StoredRun>>
}

export const createShapingStore = (): ShapingStore => ({known: new Map(), added: new Map()})

const processStore = createShapingStore()

/** The process's shaped pieces: preload them from the last build, save the new ones after (here, so that can be done without loading fonts). */
export const shapingStore = (): ShapingStore => processStore

/** A run as pdfkit expects from fontkit: glyphs, positions it may scale in place, and their total advance. */
class Run {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[]
  ) {}

  get advanceWidth(): number {
    let width = 0
    for (const position of this.positions) width += position.xAdvance
    return width
  }
}

function store(run: {glyphs: Glyph[]; positions: Position[]}): StoredRun {
  return run.glyphs
    .map((g, i) => {
      const p = run.positions[i]!
      return [g.id, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, ...g.codePoints].join(',')
    })
    .join(';')
}

function revive(font: ShapingFont, stored: StoredRun): Run {
  const glyphs: Glyph[] = []
  const placed: Position[] = []
  if (stored !== '') {
    for (const glyph of stored.split(';')) {
      const [id, xAdvance, yAdvance, xOffset, yOffset, ...codePoints] = glyph.split(',').map(Number) as [number, number, number, number, number, ...number[]]
      glyphs.push(font.getGlyph(id, codePoints))
      placed.push({xAdvance, yAdvance, xOffset, yOffset})
    }
  }
  return new Run(glyphs, placed)
}

/**
 * `font` with a `layout` that answers from `shapes` (face `key`) when it
 * can. Only the default call (no features, script or language) is cached:
 * that is the only one pdfkit and `measure.ts` make for our text.
 */
export function withShapingCache<T extends ShapingFont>(font: T, key: string, shapes: ShapingStore): T {
  const own: ShapingFont = font
  const layout = own.layout.bind(font)
  // An own property shadows fontkit's method; everything else stays the font's, caches included.
  own.layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return layout(text, ...rest)
    const hit = shapes.known.get(key)?.get(text) ?? shapes.added.get(key)?.get(text)
    if (hit !== undefined) return revive(own, hit)
    const run = layout(text)
    let added = shapes.added.get(key)
    if (!added) shapes.added.set(key, (added = new Map()))
    added.set(text, store(run))
    return run
  }
  return font
}

/** Serialisable form of the store, per face (and `LINES`). */
export type ShapingData = Record<string, Record<string, StoredRun>>

export function toShapingData(maps: Map<string, Map<string, StoredRun>>): ShapingData {
  const data: ShapingData = Object.create(null)
  for (const key of [...maps.keys()].sort()) data[key] = Object.fromEntries([...maps.get(key)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return data
}

/** Add serialised pieces to `into` (pieces already there win: they are the same by construction). */
export function mergeShapingData(into: Map<string, Map<string, StoredRun>>, data: ShapingData): void {
  for (const key of Object.keys(data)) {
    let map = into.get(key)
    if (!map) into.set(key, (map = new Map()))
    for (const [text, run] of Object.entries(data[key]!)) if (!map.has(text)) map.set(text, run)
  }
}

/** Take the pieces shaped since the last call (a worker sends them to the main thread with each job). */
export function drainAdded(shapes: ShapingStore): ShapingData {
  const data = toShapingData(shapes.added)
  mergeShapingData(shapes.known, data)
  shapes.added.clear()
  return data
}
