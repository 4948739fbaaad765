import type {FootnoteDefinition, PhrasingContent} from 'mdast'
import type {Edition, EditionBlock} from '../align.js'
import {editionBlockContent} from './block.js'
import {frontMatter} from './nodes.js'
import {endNote} from '../meta.js'
import {markdownOf} from './serialiser.js'
import {FRONT_MATTER, NOTES, fillOnce, slot, treeHasReserved} from '../placeholders.js'
import {skeletonTree} from '../skeleton-tree.js'
import {template} from '../template.js'
import type {SegmentedDocument} from '../../core/types.js'
import type {Translate} from '../../core/ui-strings.js'
import type {ConcordBlock, ConcordSlot} from '../../markdown/custom-nodes.js'

/** Whether inline content holds a hard break or a line ending: a heading with one is set as setext, which the page's heading of a slot is not. */
function hasLineBreak(nodes: PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'break' || ('value' in node && /[\r\n]/.test(node.value)) || ('children' in node && hasLineBreak(node.children as PhrasingContent[])))
}

/**
 * Whether a block's Markdown can stand where the placeholder stood: what
 * the handlers around it did with the placeholder (one line, not empty,
 * not starting with white space) they do with it too. Else the edition is
 * rendered alone. These are the behaviours of the pinned packages the
 * mirrored-versions test lists (an ATX heading encodes a leading space, a
 * list or quote indents each line, markdown-table pads no empty cell).
 */
const fits = (value: string, heading: boolean): boolean => value !== '' && !/[\r\n]/.test(value) && !(heading && /^[\t ]/.test(value))

interface Page {
  edition: Edition
  notes: FootnoteDefinition[]
  heading: Set<number>
  fits: boolean
}

/**
 * The Markdown pages of several editions of a document from one serialiser
 * run: the page's structure (lists, quotes, tables, code…) is written once,
 * with a `concordSlot` node in each text block that writes every edition's
 * block in that place (block.ts), and each page is the structure with its
 * own blocks, front matter and notes put in. Each page is
 * renderMarkdownEdition's string in parts (for the writer to encode one by one, see RenderedFile), or `undefined` where that cannot be shown
 * (a block dropped or emptied, a heading or block the placeholder stood
 * for differently): the caller then renders that edition alone. Books of
 * any length: a slot's blocks are made as it is written and each page is
 * handed out in parts, so the run holds little beyond the pages themselves
 * (at 10 MB, less peak memory than rendering the pages one by one).
 */
export function sharedMarkdownPages(doc: SegmentedDocument, editions: Edition[], t: Translate): (string[] | undefined)[] {
  const none = editions.map(() => undefined)
  if (editions.length < 2 || treeHasReserved(doc.tree)) return none
  // Editor's notes and an incomplete document's end note are few and rare: such pages are rendered alone.
  if (editions.some((edition) => edition.notes.length > 0 || endNote(edition, doc.meta))) return none
  const pages: Page[] = editions.map((edition) => ({edition, notes: [], heading: new Set(), fits: true}))
  const byIndex = pages.map((page) => new Map(page.edition.blocks.map((block) => [block.index, block])))
  const slots: ConcordSlot[] = []
  // The slots whose blocks were made: made again (a handler may be called twice), they add no stale note twice.
  const made = new Set<number>()
  const tree = skeletonTree(doc.tree, (index) => {
    const blocks = byIndex.map((map) => map.get(index))
    if (blocks.every((block) => block === undefined)) return undefined
    const contents = (): ConcordBlock[] => {
      const notes = made.has(index) ? () => [] : (page: Page) => page.notes
      made.add(index)
      return pages.map((page, e) => content(page, blocks[e], t, notes(page)) ?? emptyBlock)
    }
    const node: ConcordSlot = {type: 'concordSlot', slot: index, blocks: contents, out: []}
    slots.push(node)
    return {children: [node]}
  })
  const first = tree.children[0]
  const values = pages.map(({edition}) => (first?.type === 'yaml' ? frontMatter(doc, edition) : undefined))
  if (first?.type === 'yaml') tree.children[0] = {...first, value: FRONT_MATTER}
  // A stand-in for the notes after the body, joined to it as the serialiser joins them.
  tree.children.push({type: 'footnoteDefinition', identifier: 'notes', label: 'notes', children: [{type: 'paragraph', children: [{type: 'text', value: NOTES}]}]})
  const written = markdownOf(tree)
  const at = written.lastIndexOf(NOTES)
  const start = written.lastIndexOf('\n\n', at)
  if (start <= 0 || written.slice(at) !== `${NOTES}\n` || /[\r\n]/.test(written.slice(start + 2, at))) return none
  for (const node of slots) node.out.forEach((value, e) => (pages[e]!.fits &&= fits(value, pages[e]!.heading.has(node.slot))))
  // The body split at its slots once; each page is then joined from the pieces and its own blocks.
  const body = template(written.slice(0, start), /(\uE000\d+\uE001)/g)
  const byNumber = new Map(slots.map((node) => [slot(node.slot), node]))
  const holes = body.holes.map((hole) => byNumber.get(hole))
  if (holes.some((node) => node === undefined)) return none
  return pages.map((page, e) => {
    if (!page.fits) return undefined
    // Front matter comes before any block: its placeholder is in the first piece, and only there is it looked for.
    const yaml = first?.type === 'yaml' ? (values[e] ?? first.value) : undefined
    const head = yaml === undefined ? body.strings[0] : yaml === '' ? undefined : fillOnce(body.strings[0]!, FRONT_MATTER, yaml)
    if (head === undefined) return undefined
    const parts = [head]
    holes.forEach((node, i) => parts.push(node!.out[e]!, body.strings[i + 1]!))
    // As the serialiser ends a page: the notes after a blank line, else a line ending unless there is one.
    if (page.notes.length > 0) parts.push('\n\n', markdownOf({type: 'root', children: page.notes}))
    else if (!/[\r\n]$/.test(parts.findLast((part) => part !== '') ?? '')) parts.push('\n')
    return parts
  })
}

const emptyBlock: ConcordBlock = {type: 'concordBlock', children: [], runs: []}

/** A block of a page as its slot holds it (its stale segments' notes added to `notes`), or `undefined` (and the page rendered alone) where the slot cannot stand for it. */
function content(page: Page, block: EditionBlock | undefined, t: Translate, notes: FootnoteDefinition[]): ConcordBlock | undefined {
  if (!page.fits) return undefined
  const children = block && editionBlockContent(block, page.edition.language, t, notes)
  const only = children?.length === 1 ? children[0] : undefined
  if (only?.type !== 'concordBlock' || (block!.kind === 'heading' && hasLineBreak(only.children))) {
    page.fits = false
    return undefined
  }
  if (block!.kind === 'heading') page.heading.add(block!.index)
  return only
}
