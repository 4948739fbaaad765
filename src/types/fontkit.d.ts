// fontkit ships no type declarations: this is the part of its API that
// src/pdf uses (fonts.ts opens faces; shaping-cache.ts and subset-cache.ts
// wrap `layout` and `createSubset`), so no module needs a cast to reach it.
declare module 'fontkit' {
  export interface Glyph {
    id: number
    advanceWidth: number
    /** The code points the glyph was reached from; pdfkit writes them into the ToUnicode map. */
    codePoints: number[]
  }
  export interface GlyphPosition {
    xAdvance: number
    yAdvance: number
    xOffset: number
    yOffset: number
  }
  export interface GlyphRun {
    glyphs: Glyph[]
    positions: GlyphPosition[]
    advanceWidth: number
  }
  /** A `TTFSubset`: the glyphs a document embeds. */
  export interface Subset {
    glyphs: number[]
    includeGlyph(glyph: number): number
    encode(): Uint8Array
  }
  export interface Font {
    postscriptName: string
    unitsPerEm: number
    ascent: number
    descent: number
    lineGap: number
    hasGlyphForCodePoint(codePoint: number): boolean
    glyphForCodePoint(codePoint: number): Glyph
    getGlyph(id: number, codePoints?: number[]): Glyph
    /** Shape `text`; the optional features, script and language are left to fontkit's defaults. */
    layout(text: string, ...rest: unknown[]): GlyphRun
    createSubset(): Subset
  }
  export function openSync(path: string): Font
}
