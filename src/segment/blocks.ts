import type {Heading, Nodes, Paragraph, Root, TableCell} from 'mdast'
import type {BlockKind} from '../core/types.js'

/** A block whose inline content is translated segment by segment. */
export interface TextBlock {
  kind: BlockKind
  node: Heading | Paragraph | TableCell
}

type Handler = (node: never, blocks: TextBlock[]) => void

const walkChildren = (node: {children: Nodes[]}, blocks: TextBlock[]): void => {
  for (const child of node.children) visit(child, blocks)
}

const skip = (): void => {}

/**
 * One handler per mdast block type, as in mdast-util-to-markdown's `handle`.
 * Blocks without translatable prose (code, raw HTML, definitions, front
 * matter) are kept verbatim in every edition.
 */
const handlers: Record<string, Handler> = {
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
  const handler = Object.hasOwn(handlers, node.type) ? handlers[node.type] : undefined
  if (!handler) {
    throw new Error(`Unexpected mdast node type \`${node.type}\`, expected a block type with a handler in src/segment/blocks.ts`)
  }
  handler(node as never, blocks)
}

/** Text blocks of a tree, in document order. Renderers rely on this order to find block N again. */
export function collectBlocks(tree: Root): TextBlock[] {
  const blocks: TextBlock[] = []
  visit(tree, blocks)
  return blocks
}
