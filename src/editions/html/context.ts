import type {Definition, List, ListItem, Nodes, Parent, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {collectBlocks} from '../../segment/blocks.js'

/** Where a text block sits in the source, for the aligned grid, which lays blocks out as rows outside their containers. */
export interface BlockContext {
  quote: boolean
  /** `•` or `3.` for the first paragraph of a list item. */
  bullet?: string
}

export function blockContexts(tree: Root): BlockContext[] {
  const blocks = collectBlocks(tree)
  const index = new Map<Nodes, number>(blocks.map((block, i) => [block.node, i]))
  const contexts: BlockContext[] = blocks.map(() => ({quote: false}))
  const walk = (node: Nodes, ancestors: Parent[]): void => {
    const i = index.get(node)
    if (i !== undefined) {
      const context = contexts[i]!
      context.quote = ancestors.some((a) => a.type === 'blockquote')
      const item = ancestors[ancestors.length - 1]
      const list = ancestors[ancestors.length - 2]
      if (item?.type === 'listItem' && list?.type === 'list' && item.children[0] === node) {
        const l = list as List
        context.bullet = l.ordered ? `${(l.start ?? 1) + l.children.indexOf(item as ListItem)}.` : '•'
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, [...ancestors, node as Parent])
  }
  walk(tree, [])
  return contexts
}

/** Link definitions of the source, so link references in segments resolve outside the source tree. */
export function definitions(tree: Root): Definition[] {
  const found: Definition[] = []
  visit(tree, 'definition', (node) => void found.push(structuredClone(node)))
  return found
}
