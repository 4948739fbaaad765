import type {AlignType, Code, FootnoteDefinition, Heading, List, Nodes, Paragraph, Parent, Root, Table} from 'mdast'
import {collectBlocks} from '../../segment/blocks.js'
import {dispatch, type NodeHandlers} from '../../markdown/custom-nodes.js'

/** Where an item sits: blockquote and list nesting, which become indents in print. */
export interface Nesting {
  quote: number
  list: number
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
  out: PrintItem[]
  /** Marker waiting for the first paragraph of a list item or footnote. */
  pending: {marker?: string}
}

const children = (node: Parent, w: Walk): void => {
  for (const child of node.children) visit(child as Nodes, w)
}

function textItem(node: Heading | Paragraph, w: Walk): void {
  const index = w.index.get(node)
  if (index === undefined) throw new Error('Unexpected text block missing from collectBlocks, expected the same tree')
  const marker = w.pending.marker
  w.pending.marker = undefined
  w.out.push({type: 'text', index, kind: node.type, depth: node.type === 'heading' ? node.depth : 0, quote: w.quote, list: w.list, ...(marker ? {marker} : {})})
}

const skip = (): void => {}

/**
 * One handler per mdast block type, as in `src/segment/blocks.ts`, whose
 * order of text blocks this walk shares. Raw HTML is not printed (the HTML
 * edition drops it too); definitions and front matter are not content.
 */
const handlers: NodeHandlers<Nodes, [Walk], void> = {
  root: children,
  blockquote: (node: Parent, w) => children(node, {...w, quote: w.quote + 1}),
  list: (node: List, w) => {
    node.children.forEach((item, i) => {
      const pending = {marker: node.ordered ? `${(node.start ?? 1) + i}.` : w.list % 2 === 0 ? '•' : '–'}
      children(item, {...w, list: w.list + 1, pending})
    })
  },
  listItem: (node: Parent, w) => children(node, {...w, list: w.list + 1, pending: {marker: '•'}}),
  footnoteDefinition: (node: FootnoteDefinition, w) => children(node, {...w, pending: {marker: `[${node.label ?? node.identifier}]`}}),
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
    w.out.push({type: 'table', rows, align: node.align ?? [], quote: w.quote, list: w.list})
  },
  code: (node: Code, w) => w.out.push({type: 'code', lines: node.value.split(/\r?\n/), quote: w.quote, list: w.list}),
  thematicBreak: (_node, w) => w.out.push({type: 'rule', quote: w.quote, list: w.list}),
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
  visit(tree, {index, out, quote: 0, list: 0, pending: {}})
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
