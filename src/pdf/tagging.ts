/**
 * Tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1): which structure element
 * every drawn line belongs to, and what is an artifact.
 *
 * Built on pdfkit's own structure API (`doc.struct`, `markStructureContent`,
 * `markContent('Artifact')`). The layout code draws line by line, often two
 * columns interleaved, so a block carries its element (`BlockTag`) and each
 * line's runs are wrapped in marked content of that element as they are
 * drawn; the structure tree then reads in the order elements were created,
 * whatever order the page's content stream has.
 *
 * Elements are attached to their parent as soon as they are made: pdfkit
 * writes an element when it is ended and attached, and records the current
 * page as the page of a link annotation it holds. A `Link` is therefore
 * ended with its line, on the page its annotations are on.
 */
import type {} from 'pdfkit'
import {pdfString, setStructEntries} from './pdfkit-private.js'

export type StructElement = PDFKit.PDFStructureElement

/** What a block's lines are content of: an element, or nothing (an artifact, e.g. a verbatim repeat). */
export type BlockTag = ContentTag | {artifact: true}

export interface ContentTag {
  /** The element of the block's text (P, H2, TD, ...). */
  element: StructElement
  /** The element of its marker (a list item's or a note's `Lbl`); absent: the marker is an artifact (a repeat). */
  label?: StructElement
}

const hasElement = (tag: BlockTag): tag is ContentTag => 'element' in tag

/** A block that is drawn but is not content. */
export const ARTIFACT: BlockTag = Object.freeze({artifact: true as const})

/** Inline meaning of a span: a `Span` element with its own language or replacement text. */
export interface SpanTag {
  /** BCP 47 language, when it differs from the block's. */
  lang?: string
  /** Text a reader should hear instead of the glyphs (`ActualText`). */
  actual?: string
  /** Expansion or description of a mark (`E`). */
  expanded?: string
}

const taggedDocuments = new WeakSet<PDFKit.PDFDocument>()
const types = new WeakMap<StructElement, string>()

/** Declare a document tagged: from now on every line drawn in it must belong to an element. */
export function markTagged(doc: PDFKit.PDFDocument): void {
  taggedDocuments.add(doc)
}

export const isTagged = (doc: PDFKit.PDFDocument): boolean => taggedDocuments.has(doc)

export interface ElementOptions {
  /** An ordered list's numbering (the `ListNumbering` attribute); unordered lists have none. */
  numbering?: 'Decimal'
  lang?: string
  alt?: string
  actual?: string
  expanded?: string
  /** Table header scope (`TH`): `Column` or `Row`. */
  scope?: 'Column' | 'Row'
}

/** The root `Document` element, attached to the document's structure tree. */
export function rootElement(doc: PDFKit.PDFDocument, options: ElementOptions = {}): StructElement {
  const root = doc.struct('Document', options)
  types.set(root, 'Document')
  doc.addStructure(root)
  return root
}

// Notes made per document, for their IDs.
const noteCounts = new WeakMap<PDFKit.PDFDocument, number>()

/** A new element of `type`, appended to `parent`'s children (so the tree reads in creation order). */
export function childElement(doc: PDFKit.PDFDocument, parent: StructElement, type: string, options: ElementOptions = {}): StructElement {
  const {numbering, ...rest} = options
  // `scope` is a runtime option of pdfkit's structure elements missing from its type declarations.
  const element = doc.struct(type, rest)
  types.set(element, type)
  if (numbering) setStructEntries(element, {A: {O: 'List', ListNumbering: numbering}})
  if (type === 'Note') {
    // PDF/UA-1 §7.9: every Note has an ID unique in the document.
    const n = (noteCounts.get(doc) ?? 0) + 1
    noteCounts.set(doc, n)
    setStructEntries(element, {ID: pdfString(`note-${n}`)})
  }
  parent.add(element)
  return element
}

type ArtifactType = 'Pagination' | 'Layout'

/** Draw something that is not content (running heads, folios, rules, repeated marks): screen readers skip it. */
export function asArtifact(doc: PDFKit.PDFDocument, type: ArtifactType, draw: () => void): void {
  if (!isTagged(doc)) {
    draw()
    return
  }
  doc.markContent('Artifact', {type})
  drawingArtifact.add(doc)
  try {
    draw()
  } finally {
    drawingArtifact.delete(doc)
  }
  doc.endMarkedContent()
}

// Documents drawing an artifact now: their lines need no element.
const drawingArtifact = new WeakSet<PDFKit.PDFDocument>()

// A block's inline `Span` elements by their tag: one per tag object (a segment's fallback text, a mark), across lines and pages.
const spanElements = new WeakMap<ContentTag, Map<SpanTag, StructElement>>()

/**
 * Marked content for the runs of one line: consecutive runs of the same
 * element share one marked-content sequence. `Link`s are made per line and
 * ended with it (see the module comment).
 */
export class LineTagger {
  private current: StructElement | undefined
  private artifact = false
  private readonly links = new Map<number, StructElement>()
  private readonly tag: ContentTag | undefined

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    tag: BlockTag | undefined
  ) {
    if (!tag && isTagged(doc) && !drawingArtifact.has(doc)) throw new Error('Unexpected text without a structure element in a tagged document, expected `tag` in its block style')
    if (tag && hasElement(tag)) this.tag = tag
    else if (tag) this.open()
  }

  /** What follows is the block's marker: content of its label, or an artifact when it has none. */
  marker(): void {
    if (!this.tag) return
    if (this.tag.label) {
      this.enter(this.tag.label)
      return
    }
    this.close()
    this.open()
  }

  /** What follows is span `index`'s text; returns the `Link` its annotation belongs to, if it is a link. */
  span(index: number, span: {tag?: SpanTag; link?: string} | undefined): StructElement | undefined {
    if (!this.tag) return undefined
    let target = this.tag.element
    if (span?.tag) target = this.inline(span.tag)
    if (span?.link) {
      let link = this.links.get(index)
      if (!link) this.links.set(index, (link = childElement(this.doc, target, 'Link')))
      target = link
    }
    this.enter(target)
    return span?.link ? target : undefined
  }

  /** Close the line's marked content and end its links. */
  end(): void {
    this.close()
    for (const link of this.links.values()) link.end()
  }

  private open(): void {
    this.doc.markContent('Artifact', {type: 'Layout'})
    this.artifact = true
  }

  private inline(tag: SpanTag): StructElement {
    const block = this.tag!
    let spans = spanElements.get(block)
    if (!spans) spanElements.set(block, (spans = new Map()))
    let element = spans.get(tag)
    if (!element) {
      const options: ElementOptions = {...(tag.lang ? {lang: tag.lang} : {}), ...(tag.actual ? {actual: tag.actual} : {}), ...(tag.expanded ? {expanded: tag.expanded} : {})}
      spans.set(tag, (element = childElement(this.doc, block.element, 'Span', options)))
    }
    return element
  }

  private enter(element: StructElement): void {
    if (element === this.current) return
    this.close()
    element.add(this.doc.markStructureContent(types.get(element) ?? 'Span'))
    this.current = element
  }

  private close(): void {
    if (this.current || this.artifact) this.doc.endMarkedContent()
    this.current = undefined
    this.artifact = false
  }
}
