import Module from 'node:module'

/**
 * The private fields of pdfkit (and of Node's module loader, through which
 * pdfkit and fontkit load) that printing relies on, in one place: they are
 * not in @types/pdfkit or @types/node, so each is reached with the one cast
 * it needs, here and nowhere else. pdfkit is pinned by package-lock.json;
 * the PDF tests cover each use (byte-identical files, faces opened only when
 * drawn, outline targets, no Helvetica, deferred requires, the XMP packet,
 * note IDs, list numbering and link descriptions of tagged PDFs), so an
 * upgrade that moves a field fails there.
 */

/** A document's registered faces: pdfkit reads `src` when a face is first selected (`doc.font(key)`). */
interface Registration {
  src: unknown
}

/** The fields of `PDFDocument` used below. */
interface DocumentInternals {
  /** The file identifier pdfkit writes into the trailer (`/ID`); random unless set. */
  _id: Uint8Array
  _registeredFonts: Record<string, Registration>
  /** The catalog; `Pages.data.Kids` holds the page objects in order. */
  _root: {data: {Pages: {data: {Kids: unknown[]}}}}
  /** The faces used, by resource name (F1, F2, ...): each is embedded, once, when the document ends. */
  _fontFamilies: Record<string, EmbeddedFontInternals>
}

/**
 * pdfkit's `EmbeddedFont`: `embed` writes the subset and names it with a tag
 * made from `id`, the resource name, as `String.fromCharCode(id.charCodeAt(i) + 17)`
 * for i = 1..6 (73 past the end), so every document's first face is `BZZZZZ+`.
 */
interface EmbeddedFontInternals {
  id: string
  subset?: {glyphs?: readonly number[]}
  font?: {postscriptName?: string}
  embed?: () => unknown
}

const internals = (doc: PDFKit.PDFDocument): DocumentInternals => doc as unknown as DocumentInternals

/**
 * `font: null` in the document options: pdfkit then selects no default face
 * (Helvetica, whose AFM file it would parse); its types allow only a string.
 */
export const NO_DEFAULT_FONT = null as unknown as string

/** Give the document a file identifier of our own, so that its bytes depend on its content alone. */
export function setFileId(doc: PDFKit.PDFDocument, id: Uint8Array): void {
  internals(doc)._id = id
}

/**
 * Name each embedded subset with the tag `tagOf` gives for its glyphs (six
 * uppercase letters), instead of one made from its resource name: pdfkit
 * reads the tag from `id` alone while embedding, so `id` holds, for that
 * call, the characters that give the tag, and is given back before the
 * resource names are used again. Wraps `end`, when every face is known.
 */
export function tagSubsets(doc: PDFKit.PDFDocument, tagOf: (face: string, glyphs: readonly number[]) => string): void {
  const end = doc.end.bind(doc)
  doc.end = () => {
    // A face can be listed under more than one key; it is embedded once.
    for (const font of new Set(Object.values(internals(doc)._fontFamilies))) {
      const embed = font.embed?.bind(font)
      if (!embed || !font.subset?.glyphs) continue
      font.embed = () => {
        // The glyphs asked for, before encoding adds the parts of composite glyphs: those follow from them.
        const tag = tagOf(font.font?.postscriptName ?? '', font.subset?.glyphs ?? [])
        if (!/^[A-Z]{6}$/.test(tag)) throw new Error(`Unexpected subset tag \`${tag}\`, expected six uppercase letters`)
        const id = font.id
        font.id = `T${[...tag].map((letter) => String.fromCharCode(letter.charCodeAt(0) - 17)).join('')}`
        try {
          return embed()
        } finally {
          font.id = id
        }
      }
    }
    return end()
  }
}

/** The registration of face `key`, to supply its parsed font lazily (see fonts.ts). */
export function fontRegistration(doc: PDFKit.PDFDocument, key: string): Registration {
  const registration = internals(doc)._registeredFonts[key]
  if (!registration) throw new Error(`Unexpected face \`${key}\`, expected one registered with \`registerFont\` first`)
  return registration
}

/** The page objects of a document, in order: the targets of outline destinations. */
export const pageObjects = (doc: PDFKit.PDFDocument): unknown[] => internals(doc)._root.data.Pages.data.Kids

/** Make an outline entry open at `destination` (`[page, 'XYZ', left, top, zoom]`). */
export function setOutlineDestination(item: PDFKit.PDFOutline, destination: unknown[]): void {
  ;(item as unknown as {outlineData: {Dest: unknown[]}}).outlineData.Dest = destination
}

/**
 * Replace the XMP descriptions pdfkit derives from the Info dictionary
 * (unescaped, without languages) by `xml`: pdfkit calls `_addInfo` while
 * ending the document, after its own PDF/A identification, and wraps what
 * was appended in the packet.
 */
export function replaceInfoMetadata(doc: PDFKit.PDFDocument, xml: string): void {
  ;(doc as unknown as {_addInfo: () => void})._addInfo = () => doc.appendXML(xml)
}

/**
 * Set entries of a structure element's dictionary that pdfkit's options do
 * not cover (a note's `ID`, a list's `A` attributes); before the element is
 * ended, when pdfkit writes it.
 */
export function setStructEntries(element: PDFKit.PDFStructureElement, entries: Record<string, unknown>): void {
  Object.assign((element as unknown as {dictionary: {data: Record<string, unknown>}}).dictionary.data, entries)
}

/**
 * A text string for a dictionary pdfkit writes: pdfkit writes a `String`
 * object as a PDF string and a primitive string as a name, and its types
 * know only the primitive (e.g. an annotation's `Contents`).
 */
export const pdfString = (text: string): string => new String(text) as unknown as string

/** Node's `Module._load`: every `require` goes through it, so it can hand pdfkit and fontkit stand-ins (lazy-requires.ts). */
export type Load = (request: string, parent: {filename?: string | null} | null | undefined, isMain: boolean) => unknown

export const moduleLoader = Module as unknown as {_load: Load}

/** Node's `Module.prototype._compile`: the code cache (engine/code-cache.ts) compiles CommonJS modules through it to give V8 cached data. */
export type Compile = (this: Module, content: string, filename: string) => unknown

export const moduleCompiler = Module.prototype as unknown as {_compile: Compile}
