import type {Heading, Nodes, Paragraph, Root, TableCell} from 'mdast'
import type {BlockKind} from '../core/types.js'
import {dispatch, type NodeHandlers} from '../markdown/custom-nodes.js'

/** A block whose inline content is translated segment by segment. */
export interface TextBlock {
  kind: BlockKind
  node: Heading | Paragraph | TableCell
}

const walkChildren = (node: {children: Nodes[]}, blocks: TextBlock[]): void => {
  for (const child of node.children) visit(child, blocks)
}

const skip = (): void => {}

/**
 * One handler per mdast block type, as in mdast-util-to-markdown's `handle`.
 * Blocks without translatable prose (code, raw HTML, definitions, front
 * matter) are kept verbatim in every edition.
 */
const handlers: NodeHandlers<Nodes, [TextBlock[]], void> = {
  root: walkChildren,
  blockquote: walkChildren,
  list: walkChildren,
  listItem: walkChildren,
  table: walkChildren,
  tableRow: walkChildren,
  footnoteDefinition: walkChildren,
  heading: (node: Heading, blocks) => blocks.push({kind: 'heading', node}),
  paragraph: (node: Paragraph, blocks) => blocks.push({kind: 'paragraph', node}),
  tableCell: (node: TableCell, blocks) => blocks.push({kind: 'tableCell', node}),
  code: skip,
  html: skip,
  thematicBreak: skip,
  definition: skip,
  yaml: skip
}

function visit(node: Nodes, blocks: TextBlock[]): void {
  dispatch(handlers, node, 'src/segment/blocks.ts', blocks)
}

/** Text blocks of a tree, in document order. Renderers rely on this order to find block N again. */
export function collectBlocks(tree: Root): TextBlock[] {
  const blocks: TextBlock[] = []
  visit(tree, blocks)
  return blocks
}
