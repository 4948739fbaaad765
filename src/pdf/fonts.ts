/**
 * Font files for printed editions, found in the `@expo-google-fonts/*` npm
 * packages and parsed once per process.
 *
 * pdfkit accepts an already parsed fontkit font (anything with `layout`), so
 * every document of a build shares the same parsed font and its glyph and
 * layout caches; only the per-document subset is new. Parsing a 6 MB CJK font
 * and warming its GSUB/GPOS tables costs tens of milliseconds, which would
 * otherwise be paid per document.
 */
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type * as Fontkit from 'fontkit'
// Brings the global `PDFKit` namespace (document types) into scope.
import type {} from 'pdfkit'
import {withDeferredDependencies} from './lazy-requires.js'
import {readFaceHeader, type FaceHeader} from './face-header.js'
import {lazyPostTable} from './post-header.js'
import {shapingStore, withShapingCache} from './shaping-cache.js'
import {withSubsetCache} from './subset-cache.js'
import {fontRegistration} from './pdfkit-private.js'

export {shapingStore} from './shaping-cache.js'

const require = createRequire(import.meta.url)
// fontkit's CommonJS build, the one pdfkit's CommonJS build requires (pdf-document.ts): one copy, loaded
// on the first font, so commands that print nothing do not load it.
let fontkitModule: typeof Fontkit | undefined
const fontkit = (): typeof Fontkit => (fontkitModule ??= withDeferredDependencies(() => require('fontkit') as typeof Fontkit))

/** The three families: Noto Sans (Latin, Cyrillic, Greek), Noto Sans KR, Noto Sans JP. */
export type FontFamily = 'latin' | 'kr' | 'jp'
export type FontStyle = 'regular' | 'bold' | 'italic' | 'bold-italic'
/** Name under which a face is registered with pdfkit, e.g. `kr-bold`. */
export type FontKey = `${FontFamily}-${FontStyle}`

/** fontkit's font and glyph, as src/types/fontkit.d.ts describes them. */
export type FontkitFont = Fontkit.Font
export type FontkitGlyph = Fontkit.Glyph

export const FONT_FAMILIES: readonly FontFamily[] = ['latin', 'kr', 'jp']

const PACKAGES: Record<FontFamily, {pkg: string; prefix: string}> = {
  latin: {pkg: '@expo-google-fonts/noto-sans', prefix: 'NotoSans'},
  kr: {pkg: '@expo-google-fonts/noto-sans-kr', prefix: 'NotoSansKR'},
  jp: {pkg: '@expo-google-fonts/noto-sans-jp', prefix: 'NotoSansJP'}
}

// Folder names used by the expo packages for each weight/slant.
const STYLE_FOLDERS: Record<FontStyle, string> = {
  regular: '400Regular',
  bold: '700Bold',
  italic: '400Regular_Italic',
  'bold-italic': '700Bold_Italic'
}

// Noto Sans KR/JP have no italics; CJK text is conventionally not slanted,
// so italic spans fall back to the upright face of the same weight.
const AVAILABLE: Record<FontFamily, readonly FontStyle[]> = {
  latin: ['regular', 'bold', 'italic', 'bold-italic'],
  kr: ['regular', 'bold'],
  jp: ['regular', 'bold']
}

/** The face that draws `style` in `family`, falling back to the upright face when there is no italic. */
export function fontKey(family: FontFamily, style: FontStyle = 'regular'): FontKey {
  if (AVAILABLE[family].includes(style)) return `${family}-${style}`
  return `${family}-${style.startsWith('bold') ? 'bold' : 'regular'}`
}

/** Every face that exists on disk, in a fixed order (the order fonts get registered in). */
export function allFontKeys(): FontKey[] {
  return FONT_FAMILIES.flatMap((family) => AVAILABLE[family].map((style): FontKey => `${family}-${style}`))
}

export function familyOf(key: FontKey): FontFamily {
  return key.slice(0, key.indexOf('-')) as FontFamily
}

/** Absolute path of the TTF for a face, resolved through Node's package resolution. */
export function fontPath(key: FontKey): string {
  const family = familyOf(key)
  const style = key.slice(family.length + 1) as FontStyle
  if (!AVAILABLE[family].includes(style)) throw new Error(`Unexpected font \`${key}\`, expected one of ${allFontKeys().join(', ')}`)
  const {pkg, prefix} = PACKAGES[family]
  const folder = STYLE_FOLDERS[style]
  return join(dirname(require.resolve(`${pkg}/package.json`)), folder, `${prefix}_${folder}.ttf`)
}

const fonts = new Map<FontKey, FontkitFont>()
const coverage = new Map<FontKey, Map<number, boolean>>()
const shapes = shapingStore()

/** The parsed font for a face; parsed on first use and kept for the life of the process. */
export function loadFont(key: FontKey): FontkitFont {
  let font = fonts.get(key)
  if (!font) {
    const parsed = fontkit().openSync(fontPath(key))
    lazyPostTable(parsed)
    font = withShapingCache(withSubsetCache(parsed, key), key, shapes)
    fonts.set(key, font)
  }
  return font
}

/** Whether the face has a real glyph (not .notdef) for a code point; memoised per face. */
export function hasGlyph(key: FontKey, codePoint: number): boolean {
  let known = coverage.get(key)
  if (!known) coverage.set(key, (known = new Map()))
  let answer = known.get(codePoint)
  if (answer === undefined) {
    answer = loadFont(key).hasGlyphForCodePoint(codePoint)
    known.set(codePoint, answer)
  }
  return answer
}

/**
 * fontkit keeps one glyph object per glyph ID, labelled with the code point
 * it was first reached from, and pdfkit writes that label into the ToUnicode
 * map. The CJK faces share glyphs between code points (space and NBSP,
 * U+2011 and the hyphen, ‘ and ʻ, – and ‒, 〈 and 〈, ...), so how a document
 * extracts, and its bytes, would depend on what the process drew before.
 * Relabelling each glyph with the code point about to be drawn makes both
 * depend on the document alone. Call before drawing `text` with face `key`.
 */
export function pinCodePoints(key: FontKey, text: string): void {
  const font = loadFont(key)
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!
    const glyph = font.glyphForCodePoint(codePoint)
    if (glyph.codePoints.length === 1 && glyph.codePoints[0] !== codePoint) glyph.codePoints = [codePoint]
  }
}

/** Vertical metrics in thousandths of the font size, as pdfkit computes them (from `hhea`). */
export interface FontMetrics {
  ascender: number
  descender: number
  lineGap: number
}

const headers = new Map<FontKey, FaceHeader>()

/** The numbers of a face fontMetrics needs: from the parsed font when it is loaded, else from the file's header (see face-header.ts). */
function faceHeader(key: FontKey): FaceHeader {
  let header = fonts.get(key) ?? headers.get(key)
  if (!header) headers.set(key, (header = readFaceHeader(fontPath(key)) ?? loadFont(key)))
  return header
}

export function fontMetrics(key: FontKey): FontMetrics {
  const font = faceHeader(key)
  const scale = 1000 / font.unitsPerEm
  return {ascender: font.ascent * scale, descender: font.descent * scale, lineGap: font.lineGap * scale}
}

/**
 * The tallest ascender and deepest descender over the upright regular faces.
 * Lines use these so that baselines do not depend on which fonts a line
 * happens to contain, which keeps parallel columns on a common baseline.
 */
export function commonMetrics(): FontMetrics {
  const all = FONT_FAMILIES.map((family) => fontMetrics(fontKey(family)))
  return {
    ascender: Math.max(...all.map((m) => m.ascender)),
    descender: Math.min(...all.map((m) => m.descender)),
    lineGap: Math.max(...all.map((m) => m.lineGap))
  }
}

/** The faces parsed so far in this process. */
export const loadedFaces = (): FontKey[] => [...fonts.keys()]

/**
 * Register every face with a document under its `FontKey`. A face is
 * parsed when the document first selects it (`doc.font(key)`), and
 * embedded (as a subset) only if text is drawn with it: a Korean edition
 * does not open the Japanese files.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const key of allFontKeys()) {
    // The runtime accepts a parsed fontkit font as `src` (its types list only
    // paths and buffers), which is what lets documents share one parse; pdfkit
    // reads `src` when the face is selected, not before, so it is a getter.
    doc.registerFont(key)
    Object.defineProperty(fontRegistration(doc, key), 'src', {enumerable: true, get: () => loadFont(key)})
  }
}
