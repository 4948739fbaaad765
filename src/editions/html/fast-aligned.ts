import type {ElementContent} from 'hast'
import {alignedBlocks, type AlignedBlock} from '../align.js'
import type {PageContext} from './chrome.js'
import {blockContexts, type BlockContext} from './context.js'
import {toSafeHast} from './segments.js'
import {alignedPage, alignedRow, cellTabStop, titleRow} from './aligned-page.js'
import type {SegmentedDocument} from '../../core/types.js'
import {blockHtml, htmlOf, type SegmentHtml} from './fast-pieces.js'
import {PAGE_PART, TITLE_PART, fillOnce, isPlainId, shellPage, slot, type PageText} from '../placeholders.js'
import {fill, template, type Template} from '../template.js'
import {endNote} from '../meta.js'

const ID = '\uE011'

/**
 * A grid row of each shape (heading or paragraph, depth, list bullet, quote),
 * rendered by the reference with placeholders for its ID and its cells: a
 * row's HTML depends on nothing else, so each row is its template filled in.
 */
function rowTemplate(block: AlignedBlock, where: BlockContext | undefined, context: PageContext): Template {
  const shape: AlignedBlock = {...block, cells: block.cells.map((cell) => cell.map((segment) => ({...segment, id: ID})))}
  const row = alignedRow(shape, where, context, (_, l) => [{type: 'text', value: slot(l)}])
  const html = htmlOf((toSafeHast({type: 'root', children: [row]}).children as ElementContent[]).filter((node) => node.type === 'element'))
  return template(html, /(\uE000\d+\uE001|\uE011)/)
}

/** The aligned page: rows from templates, each cell's segment spans put in (the page, or its shell and rows); `undefined` to render with the reference. */
export function fastAlignedHtml(doc: SegmentedDocument, context: PageContext, html: SegmentHtml): PageText | undefined {
  const {editions, t} = context
  const blocks = alignedBlocks(editions)
  if (blocks.length === 0 || blocks.some((block) => !isPlainId(block.cells[0]![0]!.id))) return undefined
  // Editor's notes are few and rare: a page with any is rendered by the reference.
  if (editions.some((edition) => edition.notes.length > 0 || endNote(edition, doc.meta))) return undefined
  const contexts = blockContexts(doc.tree)
  const templates = new Map<string, Template>()
  // One options object of each kind for all cells: segmentHtml keeps its renderers by them.
  const cellOptions = editions.map((edition) => ({language: edition.language, t, withId: false, aligned: true, focusable: true}))
  const sourceWithId = {...cellOptions[0]!, withId: true}
  const rows = blocks.map((block) => {
    const where = contexts[block.index]
    const key = [block.kind, block.depth, where?.quote, where?.bullet].join('\u0000')
    let shape = templates.get(key)
    if (!shape) templates.set(key, (shape = rowTemplate(block, where, context)))
    // The first segment is the row's tab stop: it comes before any text in the cell.
    const cells = editions.map((_, l) => blockHtml(block.cells[l]!, l === 0 && block.kind !== 'heading' ? sourceWithId : cellOptions[l]!, html))
    cells[0] = cellTabStop(cells[0]!)
    return fill(shape, (hole) => (hole === ID ? block.cells[0]![0]!.id : cells[Number(hole.slice(1, -1))]!))
  })
  const title = titleRow(blocks, contexts)
  const rest = rows.filter((_, i) => i !== title)
  const page = alignedPage(doc, context, rest.length ? [{type: 'text', value: PAGE_PART}] : [], title === -1 ? null : {type: 'text', value: TITLE_PART})
  // The title's placeholder first: the rows put in may hold any text.
  const titled = title === -1 ? page : fillOnce(page, TITLE_PART, rows[title]!)
  return titled === undefined || rest.length === 0 ? titled : shellPage(titled, rest.join('\n'))
}
