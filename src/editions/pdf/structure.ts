import type {AlignType, Code, FootnoteDefinition, Heading, List, Nodes, Paragraph, Parent, Root, Table} from 'mdast'
import {collectBlocks} from '../../segment/blocks.js'
import {dispatch, type NodeHandlers} from '../../markdown/custom-nodes.js'

/** A block container around items, for the structure tree of a tagged PDF: one per source node. */
export interface Container {
  type: 'BlockQuote' | 'L' | 'LI' | 'Note'
  /** Distinguishes two containers of a type (two lists in a row), unique in the document. */
  id: number
  /** An ordered list (`L` only). */
  ordered?: boolean
}

/** Where an item sits: blockquote and list nesting, which become indents in print, and its containers, outermost first. */
export interface Nesting {
  quote: number
  list: number
  path: readonly Container[]
}

/** A heading or paragraph: text block `index` of `collectBlocks(tree)`. */
export interface TextItem extends Nesting {
  type: 'text'
  index: number
  kind: 'heading' | 'paragraph'
  depth: number
  /** List marker (`•`, `3.`) or footnote label for the first paragraph of an item. */
  marker?: string
}

export interface TableItem extends Nesting {
  type: 'table'
  /** Text block indexes of the cells, row by row; the first row is the header. */
  rows: number[][]
  align: AlignType[]
}

/** A code block: not translated, printed as in the source, line by line. */
export interface CodeItem extends Nesting {
  type: 'code'
  lines: string[]
}

export interface RuleItem extends Nesting {
  type: 'rule'
}

/** The printable structure of a document, in source order; shared by every edition. */
export type PrintItem = TextItem | TableItem | CodeItem | RuleItem

interface Walk extends Nesting {
  index: Map<Nodes, number>
  /** Containers made so far (for their ids). */
  count: {value: number}
  out: PrintItem[]
  /** Marker waiting for the first paragraph of a list item or footnote. */
  pending: {marker?: string}
}

const nesting = (w: Walk): Nesting => ({quote: w.quote, list: w.list, path: w.path})

const children = (node: Parent, w: Walk): void => {
  for (const child of node.children) visit(child as Nodes, w)
}

function textItem(node: Heading | Paragraph, w: Walk): void {
  const index = w.index.get(node)
  if (index === undefined) throw new Error('Unexpected text block missing from collectBlocks, expected the same tree')
  const marker = w.pending.marker
  w.pending.marker = undefined
  w.out.push({type: 'text', index, kind: node.type, depth: node.type === 'heading' ? node.depth : 0, ...nesting(w), ...(marker ? {marker} : {})})
}

const skip = (): void => {}

/** The walk inside a new container of `type`. */
const inside = (w: Walk, type: Container['type'], more: Partial<Walk> = {}, ordered = false): Walk => ({
  ...w,
  ...more,
  path: [...w.path, {type, id: w.count.value++, ...(ordered ? {ordered} : {})}]
})

/**
 * One handler per mdast block type, as in `src/segment/blocks.ts`, whose
 * order of text blocks this walk shares. Raw HTML is not printed (the HTML
 * edition drops it too); definitions and front matter are not content.
 */
const handlers: NodeHandlers<Nodes, [Walk], void> = {
  root: children,
  blockquote: (node: Parent, w) => children(node, inside(w, 'BlockQuote', {quote: w.quote + 1})),
  list: (node: List, w) => {
    const list = inside(w, 'L', {}, node.ordered === true)
    node.children.forEach((item, i) => {
      const pending = {marker: node.ordered ? `${(node.start ?? 1) + i}.` : w.list % 2 === 0 ? '•' : '–'}
      children(item, inside(list, 'LI', {list: w.list + 1, pending}))
    })
  },
  listItem: (node: Parent, w) => children(node, inside(inside(w, 'L'), 'LI', {list: w.list + 1, pending: {marker: '•'}})),
  footnoteDefinition: (node: FootnoteDefinition, w) => children(node, inside(w, 'Note', {pending: {marker: `[${node.label ?? node.identifier}]`}})),
  heading: textItem,
  paragraph: textItem,
  table: (node: Table, w) => {
    const rows = node.children.map((row) =>
      row.children.map((cell) => {
        const index = w.index.get(cell)
        if (index === undefined) throw new Error('Unexpected table cell missing from collectBlocks, expected the same tree')
        return index
      })
    )
    w.out.push({type: 'table', rows, align: node.align ?? [], ...nesting(w)})
  },
  code: (node: Code, w) => w.out.push({type: 'code', lines: node.value.split(/\r?\n/), ...nesting(w)}),
  thematicBreak: (_node, w) => w.out.push({type: 'rule', ...nesting(w)}),
  html: skip,
  definition: skip,
  yaml: skip
}

function visit(node: Nodes, w: Walk): void {
  dispatch(handlers, node, 'src/editions/pdf/structure.ts', w)
}

/** The document's blocks as print items, in source order; every text block appears exactly once. */
export function printItems(tree: Root): PrintItem[] {
  const index = new Map<Nodes, number>(collectBlocks(tree).map((block, i) => [block.node, i]))
  const out: PrintItem[] = []
  visit(tree, {index, out, quote: 0, list: 0, path: [], count: {value: 0}, pending: {}})
  return out
}

/**
 * The heading that becomes the title block: the first heading, when it is
 * a top-level one. Printing it again in the body would repeat the title.
 */
export function titleItem(items: readonly PrintItem[]): TextItem | undefined {
  const first = items.find((item): item is TextItem => item.type === 'text' && item.kind === 'heading')
  return first && first.depth === 1 && first.quote === 0 && first.list === 0 ? first : undefined
}
