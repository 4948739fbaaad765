import {childElement, rootElement, type ContentTag, type ElementOptions, type StructElement} from '../../pdf/tagging.js'
import type {Container, Nesting} from './structure.js'

interface Open extends Container {
  element: StructElement
  /** A list item's `LBody`, made when its first block comes (after its `Lbl`). */
  body?: StructElement
}

/**
 * The structure tree of an edition, built in reading order as items are
 * printed: `Document` → `Sect` per heading at the top level (nested by
 * depth) → `H1`…`H6`, `P`, `L`/`LI`/`Lbl`/`LBody`, `BlockQuote`, `Note`,
 * `Table`/`TR`/`TH`/`TD`, `Code`. A print item names its containers
 * (structure.ts); the builder closes those the item is not in and opens
 * the new ones, so the tree follows the Markdown source.
 */
export class StructureBuilder {
  readonly root: StructElement
  private readonly sections: Array<{depth: number; element: StructElement}> = []
  private open: Open[] = []

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = rootElement(doc)
  }

  /** The innermost open element: where the next block goes. */
  get parent(): StructElement {
    const inner = this.open[this.open.length - 1]
    if (inner) return inner.type === 'LI' ? (inner.body ??= childElement(this.doc, inner.element, 'LBody')) : inner.element
    return this.sections[this.sections.length - 1]?.element ?? this.root
  }

  /** A `Sect` for a top-level heading of `depth`, after the sections it ends; returns the section. */
  section(depth: number): StructElement {
    this.open = []
    while (this.sections.length > 0 && this.sections[this.sections.length - 1]!.depth >= depth) this.sections.pop()
    const element = childElement(this.doc, this.parent, 'Sect')
    this.sections.push({depth, element})
    return element
  }

  /**
   * Make the containers of an item current. Returns the `Lbl` for its
   * marker (`[1]`, `•`, `3.`): a marker labels the innermost list item or
   * note the item opens.
   */
  enter(item: Nesting & {marker?: string}): StructElement | undefined {
    let keep = 0
    while (keep < this.open.length && keep < item.path.length && this.open[keep]!.id === item.path[keep]!.id) keep++
    this.open.length = keep
    for (const container of item.path.slice(keep)) {
      const element = childElement(this.doc, this.parent, container.type, container.ordered ? {numbering: 'Decimal'} : {})
      this.open.push({...container, element})
    }
    if (!item.marker) return undefined
    const labelled = [...this.open].reverse().find((o) => o.type === 'LI' || o.type === 'Note')
    return labelled ? childElement(this.doc, labelled.element, 'Lbl') : undefined
  }

  /** A block element of `type` in the current container. */
  block(type: string, options: ElementOptions = {}, label?: StructElement): ContentTag {
    return {element: childElement(this.doc, this.parent, type, options), ...(label ? {label} : {})}
  }

  /** A child of `parent` as a block (a table's rows and cells). */
  child(parent: StructElement, type: string, options: ElementOptions = {}): ContentTag {
    return {element: childElement(this.doc, parent, type, options)}
  }
}

/** `{lang}` when a block's language differs from the document's: the options of its element. */
export const langOption = (lang: string, documentLang: string): ElementOptions => (lang === documentLang ? {} : {lang})
