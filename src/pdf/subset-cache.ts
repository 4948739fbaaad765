/**
 * Font subsets kept from one build to the next.
 *
 * Every PDF embeds, for each face it draws with, a subset of the font with
 * just the glyphs it uses, which fontkit builds by decoding each glyph's
 * outline: about 20 ms for the Korean face of the statement, some 50 ms of a
 * one-segment rebuild's two PDFs. A changed sentence rarely changes which
 * glyphs a document uses, or the order in which it first uses them (which
 * numbers the subset's glyphs), so the subset is usually the one the last
 * build made. The store (the file store is src/engine/subset-file.ts) keeps
 * each subset under its face and its glyph list; a subset it does not have
 * is built by fontkit and handed to it.
 *
 * A hit returns the same bytes fontkit would have built, and leaves the
 * subset's glyph list as fontkit's `encode` leaves it (it adds the parts of
 * composite glyphs), so the PDF does not depend on the cache.
 */

export interface SubsetEntry {
  /** The subset's glyphs after encoding: those asked for, then the components of composite ones. */
  glyphs: readonly number[]
  /** The encoded subset, a TrueType file. */
  data: Uint8Array
}

export interface SubsetStore {
  get(face: string, glyphs: readonly number[]): SubsetEntry | undefined
  put(face: string, glyphs: readonly number[], entry: SubsetEntry): void
}

/** What this module uses of a fontkit subset (`TTFSubset`). */
interface Subset {
  glyphs: number[]
  includeGlyph(glyph: number): number
  encode(): Uint8Array
}

interface SubsettingFont {
  createSubset(): Subset
}

let current: SubsetStore | undefined

/**
 * Run `end` (a pdfkit document's `end()`) with its subsets from `store`;
 * `undefined`: built every time, kept nowhere. The fonts are loaded once and
 * shared by every document of the process, so the store cannot sit on them;
 * pdfkit encodes a document's subsets synchronously within `end()`, so the
 * store is in effect for exactly that call and belongs to that document.
 */
export function encodeSubsetsWith<T>(store: SubsetStore | undefined, end: () => T): T {
  const outer = current
  current = store
  try {
    return end()
  } finally {
    current = outer
  }
}

/** Make the subsets of `font` (face `face`) go through the store of the document being ended (see `encodeSubsetsWith`). */
export function withSubsetCache<T extends SubsettingFont>(font: T, face: string): T {
  const own: SubsettingFont = font
  const create = own.createSubset.bind(font)
  // An own property shadows fontkit's method, as in shaping-cache.ts.
  own.createSubset = () => {
    const subset = create()
    const encode = subset.encode.bind(subset)
    subset.encode = () => {
      const store = current
      if (!store) return encode()
      const asked = [...subset.glyphs]
      const hit = store.get(face, asked)
      if (hit && hit.glyphs.length >= asked.length && asked.every((glyph, i) => hit.glyphs[i] === glyph)) {
        for (const glyph of hit.glyphs) subset.includeGlyph(glyph)
        return Uint8Array.from(hit.data)
      }
      const data = encode()
      store.put(face, asked, {glyphs: [...subset.glyphs], data: Uint8Array.from(data)})
      return data
    }
    return subset
  }
  return font
}
