/**
 * Reproducible pdfkit documents: the same inputs give the same bytes.
 *
 * What varies between runs in a stock pdfkit 0.20 document, and how it is
 * pinned here:
 * - `CreationDate` defaults to `new Date()`: set from SOURCE_DATE_EPOCH (the
 *   caller's, or the last commit of the inputs), or a fixed epoch; `ModDate`
 *   likewise; never the document's own date.
 * - The trailer `/ID` is an MD5 of the info dictionary (CreationDate
 *   included), computed in the constructor; with fixed info it is already
 *   stable. It is replaced by an MD5 of the info plus an `idSeed` (e.g. the
 *   output path) so that two editions with equal metadata get distinct IDs.
 * - Font subsets: pdfkit derives the subset tag (`BZZZZZ+NotoSansKR-Regular`)
 *   from the font's resource name (F1, F2, ...), so every file's first face
 *   had the same tag whatever its glyphs, and tools that merge PDFs took two
 *   subsets for one. The tag is a hash of the face and its glyph IDs instead
 *   (`subsetTag`); fontkit's TrueType subsetter keeps glyphs in first-use
 *   order. Neither uses randomness or the clock.
 * - The XMP packet of a tagged document (xmp.ts) takes its dates from the
 *   same fixed date, and pdfkit's output intent reads the ICC profile from
 *   its own package.
 * - Only encryption uses random bytes in pdfkit; editions are not encrypted.
 * - Streams are deflated by Node's zlib, which is deterministic for a given
 *   zlib version.
 */
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import type PDFDocumentClass from 'pdfkit'
import {fontKey, registerFonts} from './fonts.js'
import {withDeferredDependencies} from './lazy-requires.js'
import {editionFamily} from './script-runs.js'
import {PAGE_SIZES, type PageGeometry} from './page-flow.js'
import {encodeSubsetsWith, type SubsetStore} from './subset-cache.js'
import {NO_DEFAULT_FONT, replaceInfoMetadata, setFileId, tagSubsets} from './pdfkit-private.js'
import {markTagged} from './tagging.js'
import {xmpDescriptions} from './xmp.js'

// pdfkit (and the fontkit it requires, which fonts.ts shares) loads on the first PDF, not with every command.
const require = createRequire(import.meta.url)
let pdfkit: typeof PDFDocumentClass | undefined
const PDFDocument = (): typeof PDFDocumentClass => (pdfkit ??= withDeferredDependencies(() => require('pdfkit') as typeof PDFDocumentClass))

/**
 * The date of a PDF made without SOURCE_DATE_EPOCH and outside a repository:
 * a fixed epoch, which no one takes for the date the text was issued.
 */
export const FALLBACK_DATE = new Date(0)

/**
 * The build date per https://reproducible-builds.org/specs/source-date-epoch/:
 * `sourceDateEpoch`, the value of SOURCE_DATE_EPOCH (seconds since 1970,
 * UTC) as the caller read it, when given, else `fallback`. The caller reads
 * the environment, so a library embedding this decides what dates its PDFs.
 */
export function buildDate(raw?: string, fallback: Date | string = FALLBACK_DATE): Date {
  if (raw !== undefined && raw !== '') {
    if (!/^\d+$/.test(raw.trim())) {
      throw new Error(`Unexpected SOURCE_DATE_EPOCH \`${raw}\`, expected a whole number of seconds since 1970-01-01 UTC`)
    }
    return new Date(Number(raw.trim()) * 1000)
  }
  const date = typeof fallback === 'string' ? new Date(fallback) : fallback
  if (Number.isNaN(date.getTime())) throw new Error(`Unexpected date \`${String(fallback)}\`, expected an ISO 8601 date such as 2007-08-29`)
  return date
}

export interface PdfInfo {
  Title: string
  Author?: string
  Subject?: string
  Keywords?: string
  Creator?: string
}

/** What the XMP packet says beyond the Info dictionary. */
export interface PdfLanguages {
  /** Language of the title text, when it is in one (xml:lang of dc:title). */
  title?: string
  /** Language of the Subject text. */
  subject?: string
  /** Every language of the text, the main one first (dc:language). */
  text: readonly string[]
}

export interface PdfDocumentOptions {
  /** BCP 47 language of the edition: the catalog's `/Lang`, and the default face. */
  lang: string
  info: PdfInfo
  /**
   * Tagged PDF identified as PDF/UA-1 and PDF/A-2a: every line drawn must
   * then belong to a structure element (see tagging.ts). Default false.
   */
  tagged?: boolean
  languages?: PdfLanguages
  geometry: PageGeometry
  /** CreationDate and ModDate; default `buildDate()`. */
  date?: Date
  /** Mixed into the file ID so that documents with equal info differ (e.g. the output path). */
  idSeed?: string
  /**
   * Keep all pages in memory so running headers and "Page N of M" can be
   * drawn after the body (`doc.switchToPage`). Default true.
   */
  bufferPages?: boolean
  /** The catalog's `/PageLayout`, e.g. `twoPageRight` for facing pages (odd pages on the right); default none. */
  pageLayout?: 'twoPageRight'
}

/** A pdfkit document with every face registered, fixed dates and ID, and no page yet (`PageFlow` adds them). */
export function createPdfDocument(options: PdfDocumentOptions): PDFKit.PDFDocument {
  const date = options.date ?? buildDate()
  const info = {
    ...definedOnly(options.info),
    Creator: options.info.Creator ?? 'Concord',
    Producer: 'Concord (pdfkit)',
    CreationDate: date,
    ModDate: date
  }
  const {margins, size} = options.geometry
  const doc = new (PDFDocument())({
    size: [...PAGE_SIZES[size]],
    margins,
    info,
    lang: options.lang,
    pdfVersion: '1.7',
    displayTitle: true,
    ...(options.pageLayout ? {pageLayout: options.pageLayout} : {}),
    // PDF/A-2, level A (accessible): pdfkit writes pdfaid and an sRGB output intent with the ICC profile it ships.
    ...(options.tagged ? {tagged: true, subset: 'PDF/A-2a' as const} : {}),
    autoFirstPage: false,
    bufferPages: options.bufferPages ?? true,
    // No Helvetica: nothing may be drawn with a face that cannot draw the
    // text, and an unused default font would still cost an AFM parse.
    font: NO_DEFAULT_FONT
  })
  setFileId(doc, fileId(info, options.idSeed ?? ''))
  tagSubsets(doc, subsetTag)
  if (options.tagged) {
    markTagged(doc)
    const languages = options.languages ?? {text: [options.lang]}
    const {Title, Author, Subject, Keywords} = options.info
    replaceInfoMetadata(
      doc,
      xmpDescriptions({
        title: Title,
        ...(languages.title ? {titleLang: languages.title} : {}),
        ...(Author ? {author: Author} : {}),
        ...(Subject ? {description: Subject, ...(languages.subject ? {descriptionLang: languages.subject} : {})} : {}),
        ...(Keywords ? {keywords: Keywords} : {}),
        creatorTool: info.Creator,
        producer: info.Producer,
        date,
        languages: languages.text,
        pdfua: 1
      })
    )
  }
  registerFonts(doc)
  doc.font(fontKey(editionFamily(options.lang)))
  return doc
}

function definedOnly(info: PdfInfo): Record<string, string> {
  return Object.fromEntries(Object.entries(info).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

/** A 16-byte file ID from the document info and a seed, in a fixed key order. */
export function fileId(info: Record<string, string | Date>, seed: string): Uint8Array {
  const hash = createHash('md5')
  for (const key of Object.keys(info).sort()) {
    const value = info[key]!
    hash.update(`${key}: ${value instanceof Date ? value.toISOString() : value}\n`)
  }
  hash.update(`seed: ${seed}\n`)
  return new Uint8Array(hash.digest())
}

/**
 * The tag of a font subset (ISO 32000-1 §9.6.4: six uppercase letters): a
 * hash of the face and its glyph IDs in order, so that subsets with other
 * glyphs get other tags and the same subset the same tag in every build.
 */
export function subsetTag(face: string, glyphs: readonly number[]): string {
  const digest = createHash('sha256')
    .update(`${face}\n${glyphs.join(',')}`)
    .digest()
  let value = digest.readUIntBE(0, 6)
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (value % 26))
    value = Math.floor(value / 26)
  }
  return tag
}

/** End the document and collect its bytes, its font subsets from `subsets` (see subset-cache.ts) when given. */
export function pdfToBuffer(doc: PDFKit.PDFDocument, subsets?: SubsetStore): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    encodeSubsetsWith(subsets, () => doc.end())
  })
}
